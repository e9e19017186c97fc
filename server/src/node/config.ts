/**
 * Finds and reads `.casebook.yaml` for a proposal: the nearest one walking up
 * from the file's folder, stopping at the workspace root (the server) or the
 * current directory (the CLI), or at a repository root when the file lies
 * outside it. The CLI and the language server both read config through here.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readCapped } from './fileReader';
import path from 'node:path';
import { parseConfig, type CasebookConfig, type ConfigProblem } from '../service/config';

export const CONFIG_FILE_NAME = '.casebook.yaml';

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found (defaults apply). */
  file?: string;
  config: CasebookConfig;
  /** `config.cases` resolved to absolute folders. */
  caseFolders: string[];
  /** `config.regulations` resolved to absolute folders. */
  regulationFolders: string[];
  problems: ConfigProblem[];
}

const EMPTY: LoadedConfig = { config: { rules: {}, cases: [] }, caseFolders: [], regulationFolders: [], problems: [] };

/** Reads one config file. An unreadable file is a problem at 0:0, not an exception. */
export function loadConfigFile(file: string): LoadedConfig {
  const absolute = path.resolve(file);
  const read = readCapped(absolute, MAX_CONFIG_BYTES);
  if (read.kind !== 'bytes') {
    const reason = read.kind === 'unreadable' ? read.code : read.kind === 'not-found' ? 'ENOENT' : read.kind;
    return {
      ...EMPTY,
      file: absolute,
      problems: [
        {
          file: absolute,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 'error',
          message: { zh: `无法读取配置文件 ${absolute}（${reason}）。`, en: `Cannot read the config file ${absolute} (${reason}).` },
        },
      ],
    };
  }
  const text = read.bytes.toString('utf8');
  const { config, caseRanges, regulationRanges, problems } = parseConfig(text.replace(/^\uFEFF/, ''), absolute);
  const dir = path.dirname(absolute);
  const caseFolders: string[] = [];
  config.cases.forEach((entry, i) => {
    const folder = path.resolve(dir, entry);
    // A repository's config may not make the tool read (and echo in messages) folders outside it, such as /etc
    // or ../other-repo, whether they exist or not, unless it opts in with `allowCasesOutsideWorkspace: true`;
    // the user's own setting casebook.extraCasePaths always reaches further. The message names only what the
    // config wrote, never what lies there.
    if (!config.allowCasesOutsideWorkspace && !isInside(dir, folder)) {
      problems.push({
        file: absolute,
        range: caseRanges[i]!,
        severity: 'error',
        message: {
          zh: `案例文件夹 ${entry} 在 .casebook.yaml 所在目录之外，未读取。仓库中的配置默认只能引用本目录内的文件夹；确需引用其他位置时，在 .casebook.yaml 中写 allowCasesOutsideWorkspace: true，或在 VS Code 设置 casebook.extraCasePaths 中添加。`,
          en: `Case folder ${entry} lies outside the folder of .casebook.yaml and was not read. A repository's config can only name folders inside it unless it sets allowCasesOutsideWorkspace: true; or add the folder to the VS Code setting casebook.extraCasePaths.`,
        },
      });
      return;
    }
    if (isDirectory(folder)) {
      caseFolders.push(folder);
      return;
    }
    problems.push({
      file: absolute,
      range: caseRanges[i]!,
      severity: 'error',
      message: { zh: `案例文件夹 ${entry} 不存在（${folder}）。`, en: `Case folder ${entry} does not exist (${folder}).` },
    });
  });
  const regulationFolders: string[] = [];
  (config.regulations ?? []).forEach((entry, i) => {
    const folder = path.resolve(dir, entry);
    const range = regulationRanges[i]!;
    // As for case folders: outside the config's folder only by opt-in, and a message names only what the config wrote.
    const outside = !config.allowCasesOutsideWorkspace && !isInside(dir, folder);
    if (!outside && isDirectory(folder)) regulationFolders.push(folder);
    else
      problems.push({
        file: absolute,
        range,
        severity: 'error',
        message: outside
          ? {
              zh: `法规文件夹 ${entry} 在 .casebook.yaml 所在目录之外，未读取。确需引用其他位置时，在 .casebook.yaml 中写 allowCasesOutsideWorkspace: true。`,
              en: `Regulation folder ${entry} lies outside the folder of .casebook.yaml and was not read. Set allowCasesOutsideWorkspace: true in .casebook.yaml to read it anyway.`,
            }
          : { zh: `法规文件夹 ${entry} 不存在。`, en: `Regulation folder ${entry} does not exist.` },
      });
  });
  return { file: absolute, config, caseFolders, regulationFolders, problems };
}

/** A .casebook.yaml is a few lines; 1 MiB is far past any real one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `inner` is `outer` or below it, symbolic links resolved. */
function isInside(outer: string, inner: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(outer), real(inner));
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The config file that applies to `target` (a file or folder), or undefined. */
export function findConfigFile(target: string, stopAt: string = process.cwd()): string | undefined {
  const root = path.resolve(stopAt);
  let dir = path.resolve(target);
  if (!isDirectory(dir)) dir = path.dirname(dir);
  const inside = isWithin(dir, root);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (inside ? dir === root : existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

/**
 * Config lookups for many files, each config file read once. The server
 * drops it (`clear`) when a `.casebook.yaml` changes.
 */
export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byDir = new Map<string, string | undefined>();

  constructor(private readonly stopAt: string = process.cwd()) {}

  /** The config for a proposal file, or the defaults when there is none. */
  forFile(file: string): LoadedConfig {
    const dir = path.dirname(path.resolve(file));
    let configFile: string | undefined;
    if (this.byDir.has(dir)) configFile = this.byDir.get(dir);
    else {
      configFile = findConfigFile(dir, this.stopAt);
      this.byDir.set(dir, configFile);
    }
    return configFile ? this.load(configFile) : EMPTY;
  }

  load(configFile: string): LoadedConfig {
    const absolute = path.resolve(configFile);
    let loaded = this.byFile.get(absolute);
    if (!loaded) {
      loaded = loadConfigFile(absolute);
      this.byFile.set(absolute, loaded);
    }
    return loaded;
  }

  clear(): void {
    this.byFile.clear();
    this.byDir.clear();
  }
}
