/**
 * Reading one proposal for the single-file commands (render, simulate, compliance, report): the file as a
 * document the language service has parsed, or a located message (`file:line:col …`) when the file cannot be read,
 * is refused, or — where the command needs a sound tree — has a YAML error. The commands then ask the service
 * (topology, scenarios, compliance, report) about the document.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { LanguageService } from '../service/languageService';
import type { Localized } from '../service/locale';
import { readProposalFile } from '../node/files';

export type ReadProposal = { document: TextDocument } | { error: Localized };

export function locatedAt(file: string, at: { line: number; character: number }, message: Localized): Localized {
  const where = `${file}:${at.line + 1}:${at.character + 1}`;
  return { zh: `${where} ${message.zh}`, en: `${where} ${message.en}` };
}

/** `shown` names the file in messages (the path as the user wrote it, or relative to the working directory). */
export function readProposal(
  service: LanguageService,
  file: string,
  options: { shown?: string; requireSoundYaml?: boolean } = {},
): ReadProposal {
  const shown = options.shown ?? file;
  const read = readProposalFile(file);
  if (read.kind === 'unreadable') return { error: read.message };
  if (read.kind === 'refused') return { error: locatedAt(shown, read, read.message) };
  const document = TextDocument.create(URI.file(file).toString(), 'yaml', 1, read.text);
  const problem = options.requireSoundYaml ? service.parse(document).model.tree.problems[0] : undefined;
  if (problem) return { error: locatedAt(shown, problem.range.start, problem.message) };
  return { document };
}
