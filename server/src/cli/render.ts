/**
 * `casebook render <file> --format mermaid`: the proposal's topology as
 * Mermaid text, the same drawing as the editor's preview (findings mark the
 * systems they concern).
 */
import type { Localized, Locale } from '../service/locale';
import { buildModel, type ProposalModel } from '../service/model';
import { parseYamlTree } from '../service/yamlTree';
import { readProposalFile } from '../node/files';

export function renderFile(file: string, locale: Locale): { mermaid: string } | { error: Localized } {
  const read = readProposalFile(file);
  if (read.kind === 'unreadable') return { error: read.message };
  if (read.kind === 'refused') return { error: { zh: `${file}:${read.line + 1}:${read.character + 1} ${read.message.zh}`, en: `${file}:${read.line + 1}:${read.character + 1} ${read.message.en}` } };
  const model = buildModel(parseYamlTree(read.text));
  return { mermaid: render(model, locale) };
}

// TEMPORARY until server/src/service/topology.ts lands.
function render(_model: ProposalModel, _locale: Locale): string {
  throw new Error('topology not available yet');
}
