/**
 * Folding: each top-level block, each item of `systems`, `sites` and `links`,
 * the nested `load` / `database` maps, and runs of whole-line comments.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import type { YNode } from '../yamlNodes';

export function getFoldingRanges(context: FeatureContext): FoldingRange[] {
  const { model } = context.proposal;
  const index = model.tree.lineIndex;
  const ranges: FoldingRange[] = [];
  /** The last line holding the node's text (a range ending at column 0 ends on the line before). */
  const lastLine = (node: YNode) =>
    node.range.end.character === 0 && node.range.end.line > node.range.start.line ? node.range.end.line - 1 : node.range.end.line;
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) ranges.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  for (const entry of model.root?.entries ?? []) {
    add(entry.keyRange.start.line, lastLine(entry.value));
    if (entry.value.kind === 'seq' && ['systems', 'sites', 'links'].includes(entry.key)) {
      for (const item of entry.value.items) {
        add(item.range.start.line, lastLine(item));
        if (item.kind === 'map')
          for (const child of item.entries)
            if (child.value.kind === 'map' || (child.value.kind === 'seq' && !child.value.flow))
              add(child.keyRange.start.line, lastLine(child.value));
      }
    }
  }
  // Runs of two or more lines that hold only a comment.
  let runStart = -1;
  let previous = -2;
  const flush = () => {
    if (runStart >= 0) add(runStart, previous, FoldingRangeKind.Comment);
  };
  for (const comment of model.tree.comments) {
    const ownLine = index.lineText(comment.line).slice(0, comment.character).trim() === '';
    if (!ownLine) continue;
    if (comment.line !== previous + 1) {
      flush();
      runStart = comment.line;
    }
    previous = comment.line;
  }
  flush();
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
