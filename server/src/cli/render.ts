/**
 * `casebook render <file> --format mermaid`: the proposal's topology as
 * Mermaid text, the same drawing as the editor's preview (sites and systems
 * with findings are marked, so the file's `.casebook.yaml` applies).
 */
import { analyzeProposal } from '../service/analyze';
import type { Locale, Localized } from '../service/locale';
import { buildModel } from '../service/model';
import { renderTopology } from '../service/topology';
import { ConfigResolver } from '../node/config';
import { readProposal } from './proposalFile';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';

export function renderFile(file: string, locale: Locale, cwd: string, configFile?: string): { mermaid: string } | { error: Localized } {
  const read = readProposal(file);
  if ('error' in read) return read;
  const configs = new ConfigResolver(cwd);
  const config = configFile ? configs.load(configFile) : configs.forFile(file);
  const library = loadLibrary({
    builtInPath: builtInCasesPath(),
    extraPaths: config.caseFolders,
    regulationPaths: config.regulationFolders,
  });
  const model = buildModel(read.tree);
  const { findings } = analyzeProposal(model, library, { locale, rules: config.config.rules });
  return { mermaid: renderTopology(model, { locale, findings }).mermaid };
}
