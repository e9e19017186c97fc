/**
 * `casebook render <file> --format mermaid`: the proposal's topology as
 * Mermaid text, the same drawing as the editor's preview (sites and systems
 * with findings are marked, so the file's `.casebook.yaml` applies).
 */
import { getLanguageService } from '../service/languageService';
import type { Locale, Localized } from '../service/locale';
import type { CaseLibrary } from '../service/types';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { readProposal } from './proposalFile';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';

export function renderFile(file: string, locale: Locale, cwd: string, configFile?: string): { mermaid: string } | { error: Localized } {
  // The config and the library are read once the file is: an unreadable file is told without loading them.
  const configs = new ConfigResolver(cwd);
  let config: LoadedConfig | undefined;
  const configOf = (): LoadedConfig => (config ??= configFile ? configs.load(configFile) : configs.forFile(file));
  let library: CaseLibrary | undefined;
  const service = getLanguageService({
    library: () =>
      (library ??= loadLibrary({
        builtInPath: builtInCasesPath(),
        extraPaths: configOf().caseFolders,
        regulationPaths: configOf().regulationFolders,
      })),
  });
  const read = readProposal(service, file);
  if ('error' in read) return read;
  return { mermaid: service.topology(read.document, { locale, rules: configOf().config.rules }).mermaid };
}
