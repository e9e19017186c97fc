/**
 * Reads case library folders from disk and hands their files to the pure
 * buildLibrary. Never throws: a missing or unreadable folder or file becomes a
 * LibraryProblem and the rest of the library loads.
 *
 * Folder layout (the same for the built-in `cases/` and enterprise folders;
 * see cases/README.md):
 *   <folder>/cases/*.yaml            one case per file
 *   <folder>/patterns/*.yaml         one pattern per file
 *   <folder>/topologies/*.arch.yaml  reference topologies
 *   <folder>/products.yaml           product catalogue
 *   <folder>/*.yaml, *.arch.yaml     also read: a flat folder of case files works too
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLibrary, libraryFileKind, parseLibraryFile, type LibraryFile } from '../service/library/build';
import { messages } from '../service/library/messages';
import type { Localized } from '../service/locale';
import { buildRegulationLibrary, parseRegulation, type ParsedRegulation, type RegulationFile } from '../service/regulations';
import type { CaseLibrary, LibraryProblem, RegulationLibrary } from '../service/types';
import { readCapped, type CappedRead } from './fileReader';
import { LibraryCache, bundledCacheFile, serializeLibraryCache, type ParsedFile } from './libraryCache';

export interface LoadLibraryOptions {
  /** The built-in `cases/` folder (see builtInCasesPath). */
  builtInPath: string;
  /** Enterprise case folders (the `casebook.extraCasePaths` setting). */
  extraPaths: string[];
  /**
   * The built-in `regulations/` folder; by default the `regulations` folder
   * beside `builtInPath`, read when it exists.
   */
  builtInRegulationsPath?: string;
  /** Enterprise regulation folders (行内规范, 集团标准: `.casebook.yaml` `regulations:`). */
  regulationPaths?: string[];
  /**
   * The parsed-library cache for the built-in files (libraryCache.ts); by default the one beside the bundles.
   * Files it does not hold, or holds for another text, are parsed.
   */
  cacheFile?: string;
}

const SUBFOLDERS = ['cases', 'patterns', 'topologies'];
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function loadLibrary(options: LoadLibraryOptions): CaseLibrary {
  const problems: LibraryProblem[] = [];
  const cache = LibraryCache.open(options.cacheFile ?? bundledCacheFile(), libraryRoot(options.builtInPath));
  const builtIn = readLibraryFolder(options.builtInPath, true, problems);
  if (cache) for (const file of builtIn) file.parsed = cache.parsed(file.path, file.text);
  const files: LibraryFile[] = [
    ...builtIn,
    ...options.extraPaths.flatMap((folder) => readLibraryFolder(path.resolve(folder), false, problems)),
  ];
  const library = buildLibrary(files);
  library.problems.unshift(...problems);
  library.regulations = loadRegulations(builtInRegulationsPath(options), options.regulationPaths ?? [], cache);
  return library;
}

/**
 * Writes the parsed-library cache of the built-in library at `builtInPath` (its cases, patterns and regulations)
 * to `cacheFile`: scripts/build.mjs, once per build. Returns how many files it holds.
 */
export function writeLibraryCache(builtInPath: string, cacheFile: string): number {
  const problems: LibraryProblem[] = [];
  const parsed: { path: string; text: string; parsed: ParsedFile }[] = [];
  for (const file of readLibraryFolder(builtInPath, true, problems)) {
    const result = parseLibraryFile(file);
    if (result) parsed.push({ path: file.path, text: file.text, parsed: result });
  }
  const regulations = builtInRegulationsPath({ builtInPath });
  if (fs.existsSync(regulations)) {
    for (const file of readRegulationFolder(regulations, true, problems)) parsed.push({ ...file, parsed: parseRegulation(file) });
  }
  if (problems.length > 0) throw new Error(`the built-in library could not be read: ${problems.map((p) => p.file).join(', ')}`);
  fs.writeFileSync(cacheFile, serializeLibraryCache(libraryRoot(builtInPath), parsed));
  return parsed.length;
}

/** The folder holding the built-in `cases/` and `regulations/`: cache entries are named relative to it. */
function libraryRoot(builtInPath: string): string {
  return path.dirname(path.resolve(builtInPath));
}

function builtInRegulationsPath(options: Pick<LoadLibraryOptions, 'builtInPath' | 'builtInRegulationsPath'>): string {
  return options.builtInRegulationsPath ?? path.join(libraryRoot(options.builtInPath), 'regulations');
}

/**
 * The regulation library: every `*.yaml` of the built-in folder (skipped
 * silently when absent, as beside a test's case folder) and of each enterprise
 * folder (a missing one is a problem). One document per file.
 */
export function loadRegulations(builtInPath: string, extraPaths: readonly string[], cache?: LibraryCache): RegulationLibrary {
  const problems: LibraryProblem[] = [];
  const files: RegulationFile[] = [];
  if (fs.existsSync(builtInPath)) {
    for (const file of readRegulationFolder(builtInPath, true, problems)) {
      const parsed = cache?.parsed<ParsedRegulation>(file.path, file.text);
      files.push(parsed ? { ...file, parsed } : file);
    }
  }
  for (const folder of extraPaths) files.push(...readRegulationFolder(path.resolve(folder), false, problems));
  const library = buildRegulationLibrary(files);
  library.problems.unshift(...problems);
  return library;
}

function readRegulationFolder(folder: string, builtIn: boolean, problems: LibraryProblem[]): RegulationFile[] {
  const files: RegulationFile[] = [];
  for (const entry of listFolder(folder, problems) ?? []) {
    const full = path.join(folder, entry.name);
    if (!entry.isFile() || !/\.ya?ml$/i.test(entry.name)) continue;
    const got = readCapped(full, MAX_LIBRARY_FILE_BYTES);
    if (got.kind === 'bytes') files.push({ path: full, text: got.bytes.toString('utf8'), builtIn });
    else problems.push({ file: full, range: ORIGIN, message: messages.unreadableFile(full, readFailure(got)) });
  }
  return files;
}

/** The library files of one folder, in a stable (sorted) order. */
function readLibraryFolder(folder: string, builtIn: boolean, problems: LibraryProblem[]): LibraryFile[] {
  const top = listFolder(folder, problems);
  if (!top) return [];
  const paths: string[] = [];
  for (const entry of top) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && SUBFOLDERS.includes(entry.name)) {
      for (const child of listFolder(full, problems) ?? []) {
        if (child.isFile() && libraryFileKind(path.join(full, child.name))) paths.push(path.join(full, child.name));
      }
    } else if (entry.isFile() && libraryFileKind(full)) {
      paths.push(full);
    }
  }
  if (paths.length === 0) {
    problems.push({ file: folder, range: ORIGIN, message: messages.emptyFolder(folder) });
    return [];
  }
  const files: LibraryFile[] = [];
  for (const file of paths.sort()) {
    const read = readCapped(file, MAX_LIBRARY_FILE_BYTES);
    if (read.kind === 'bytes') files.push({ path: file, text: read.bytes.toString('utf8').replace(/^\uFEFF/, ''), builtIn });
    else problems.push({ file, range: ORIGIN, message: messages.unreadableFile(file, readFailure(read)) });
  }
  return files;
}

function listFolder(folder: string, problems: LibraryProblem[]): fs.Dirent[] | undefined {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    problems.push({ file: folder, range: ORIGIN, message: messages.unreadableFolder(folder, reason(error)) });
    return undefined;
  }
}

/** A case file is a few KB; past 1 MiB it is not a case (and search would index all of it). */
const MAX_LIBRARY_FILE_BYTES = 1024 * 1024;

function readFailure(read: Exclude<CappedRead, { kind: 'bytes' }>): Localized {
  switch (read.kind) {
    case 'too-large':
      return {
        zh: `文件超过 ${MAX_LIBRARY_FILE_BYTES / 1024 / 1024} MB，未加载`,
        en: `it is over ${MAX_LIBRARY_FILE_BYTES / 1024 / 1024} MB and was not loaded`,
      };
    case 'not-regular':
      return { zh: '不是普通文件', en: 'it is not a regular file' };
    case 'folder':
      return { zh: '是目录', en: 'it is a folder' };
    case 'not-found':
      return reason({ code: 'ENOENT' });
    case 'unreadable':
      return reason({ code: read.code });
  }
}

function reason(error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { zh: '不存在', en: 'it does not exist' };
  if (code === 'ENOTDIR') return { zh: '不是目录', en: 'it is not a folder' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有访问权限', en: 'permission denied' };
  const text = error instanceof Error ? error.message : (code ?? String(error));
  return { zh: text, en: text };
}

/**
 * The repository's / extension's `cases/` folder. Bundles run from `dist/`
 * (one level below the root); the sources run with tsx from
 * `server/src/node/` (three levels below).
 */
export function builtInCasesPath(): string {
  const bundled = path.resolve(__dirname, '..', 'cases');
  const candidates = [bundled, path.resolve(__dirname, '..', '..', '..', 'cases')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'patterns'))) ?? bundled;
}
