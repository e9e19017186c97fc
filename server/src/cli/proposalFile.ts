/**
 * Reading one proposal for the single-file commands (render, simulate, compliance, report): the text and its
 * tree, or a located message (`file:line:col …`) when the file cannot be read, is refused, or — where the
 * command needs a sound tree — has a YAML error.
 */
import type { Localized } from '../service/locale';
import { parseYamlTree, type YamlTree } from '../service/yamlTree';
import { readProposalFile } from '../node/files';

export type ReadProposal = { text: string; tree: YamlTree } | { error: Localized };

export function locatedAt(file: string, at: { line: number; character: number }, message: Localized): Localized {
  const where = `${file}:${at.line + 1}:${at.character + 1}`;
  return { zh: `${where} ${message.zh}`, en: `${where} ${message.en}` };
}

/** `shown` names the file in messages (the path as the user wrote it, or relative to the working directory). */
export function readProposal(file: string, options: { shown?: string; requireSoundYaml?: boolean } = {}): ReadProposal {
  const shown = options.shown ?? file;
  const read = readProposalFile(file);
  if (read.kind === 'unreadable') return { error: read.message };
  if (read.kind === 'refused') return { error: locatedAt(shown, read, read.message) };
  const tree = parseYamlTree(read.text);
  const problem = options.requireSoundYaml ? tree.problems[0] : undefined;
  if (problem) return { error: locatedAt(shown, problem.range.start, problem.message) };
  return { text: read.text, tree };
}
