/**
 * The case libraries a check uses, one per distinct set of case and
 * regulation folders (a file's `.casebook.yaml` may add enterprise cases),
 * each loaded once per thread; and the notices a library's problems give,
 * said once per run.
 */
import path from 'node:path';
import type { Localized } from '../service/locale';
import type { CaseLibrary } from '../service/types';
import type { LoadedConfig } from '../node/config';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';
import { displayPath } from './paths';

/** Files whose configs name the same folders share a library. */
export function libraryKey(config: LoadedConfig): string {
  return [...config.caseFolders, '#', ...config.regulationFolders].join('\n');
}

export class Libraries {
  private readonly loaded = new Map<string, CaseLibrary>();

  /** The config's library; `fresh` the first time this thread loads it. */
  for(config: LoadedConfig): { library: CaseLibrary; key: string; fresh: boolean } {
    const key = libraryKey(config);
    const found = this.loaded.get(key);
    if (found) return { library: found, key, fresh: false };
    const library = loadLibrary({
      builtInPath: builtInCasesPath(),
      extraPaths: config.caseFolders,
      regulationPaths: config.regulationFolders,
    });
    this.loaded.set(key, library);
    return { library, key, fresh: true };
  }
}

/**
 * Problems in enterprise case folders are the user's to fix: each is listed.
 * Problems in the built-in library are a packaging fault: one line says so.
 */
export function libraryNotices(library: CaseLibrary, extraFolders: string[], cwd: string): Localized[] {
  const notices: Localized[] = [];
  let builtIn = 0;
  for (const p of library.problems) {
    if (extraFolders.some((folder) => isInside(p.file, folder))) notices.push(located(p.file, p.range.start, p.message, cwd));
    else builtIn++;
  }
  // The regulation library: built-in and enterprise problems alike are listed, each where it is written.
  for (const p of library.regulations?.problems ?? []) notices.push(located(p.file, p.range.start, p.message, cwd));
  if (builtIn > 0) {
    notices.push({
      zh: `内置案例库有 ${builtIn} 处问题（部分案例或模式可能缺失），请升级或重新安装 Casebook。`,
      en: `The built-in case library has ${builtIn} problem${builtIn === 1 ? '' : 's'} (some cases or patterns may be missing); update or reinstall Casebook.`,
    });
  }
  return notices;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function located(file: string, at: { line: number; character: number }, message: Localized, cwd: string): Localized {
  const where = `${displayPath(file, cwd)}:${at.line + 1}:${at.character + 1}`;
  return { zh: `${where} ${message.zh}`, en: `${where} ${message.en}` };
}
