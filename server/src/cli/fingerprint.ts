/**
 * A finding's stable fingerprint, for the GitLab report and the baseline:
 * a hash of the rule, the file (relative to the working directory, `/`), the
 * JSON path of the node the finding is on — list items named by their `id`
 * where they have one, so inserting a system above does not shift it — and
 * the node's own text with comments and whitespace normalised away. Never the
 * line number: lines inserted above a finding or an edit to another system
 * leave it unchanged; an edit to the node itself makes it a new finding.
 */
import { createHash } from 'node:crypto';
import type { ProposalModel } from '../service/model';
import type { Finding } from '../service/types';
import { findCommentStart } from '../service/yamlTree';
import type { JsonPath, YNode } from '../service/yamlNodes';

/** One fingerprint per finding, in the same order; the n-th repeat of the same one gets `#n` mixed in, so all are distinct. */
export function fingerprintFindings(file: string, findings: readonly Finding[], model: ProposalModel | undefined): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const { key, text } = model ? nodeIdentity(model, finding.path) : { key: finding.path.map(String).join('/'), text: '' };
    const base = [finding.rule, file, key, text].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return hash(n === 0 ? base : `${base}\u0000#${n}`);
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The node's path with ids for list items, and its normalised text (empty for the document root, which every edit touches). */
function nodeIdentity(model: ProposalModel, path: JsonPath): { key: string; text: string } {
  const parts: string[] = [];
  let node: YNode | undefined = model.root ?? undefined;
  for (const segment of path) {
    if (!node) {
      parts.push(String(segment));
      continue;
    }
    if (typeof segment === 'number') {
      const item: YNode | undefined = node.kind === 'seq' ? node.items[segment] : undefined;
      const id = item && idOf(item);
      parts.push(id !== undefined ? `[id=${id}]` : `[${segment}]`);
      node = item;
    } else {
      parts.push(segment);
      node = node.kind === 'map' ? node.entries.find((e) => e.key === segment)?.value : undefined;
    }
  }
  const text = node && path.length > 0 ? normalisedText(model, node) : '';
  return { key: parts.join('/'), text };
}

function idOf(item: YNode): string | undefined {
  if (item.kind !== 'map') return undefined;
  const id = item.entries.find((e) => e.key === 'id')?.value;
  return id?.kind === 'scalar' && id.value !== null ? String(id.value) : undefined;
}

/** The node's source without comments, each line trimmed, blank lines dropped, runs of blanks made one. */
function normalisedText(model: ProposalModel, node: YNode): string {
  const index = model.tree.lineIndex;
  const source = index.text.slice(index.offsetAt(node.range.start), index.offsetAt(node.range.end));
  const lines: string[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const comment = findCommentStart(raw);
    const line = (comment >= 0 ? raw.slice(0, comment) : raw).replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
