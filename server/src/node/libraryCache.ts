/**
 * The parsed-library cache: the built-in case, pattern and regulation files as parsed at build time
 * (`dist/library-cache.json`, written by scripts/build.mjs beside the bundles). A cold server parsed some 45 YAML
 * files before its first check could start — about 200 ms of start-up on a quiet machine, more in a busy workbench
 * (issue 13) — and each check worker and CLI run paid it again.
 *
 * An entry is used only for a file whose text on disk is the text it was parsed from (same SHA-1), so an edited
 * case, an enterprise folder or a test's own library is parsed as before, and a missing or unreadable cache only
 * costs the time it saves. Each entry names its own file by a placeholder, replaced by the path the file is read
 * from, so the records say where the library is installed, not where it was built.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ParsedCase, ParsedPattern } from '../service/library/parse';
import type { ParsedRegulation } from '../service/regulations';
import { readCapped } from './fileReader';

/** Bump when the shape of a parsed file changes: an older cache is then ignored, not misread. */
const FORMAT = 1;
const OWN_PATH = '@@casebook-own-path@@';
/** The cache of the built-in library is a few hundred KB; anything far larger is not one. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

export type ParsedFile = ParsedCase | ParsedPattern | ParsedRegulation;

interface CacheFile {
  format: number;
  /** By path relative to the library root (the folder holding `cases/` and `regulations/`), with `/`. */
  files: Record<string, { sha1: string; parsed: string }>;
}

/** The cache next to the bundles (dist/); none when running from the sources. */
export function bundledCacheFile(): string {
  return path.join(__dirname, 'library-cache.json');
}

export class LibraryCache {
  private constructor(
    private readonly root: string,
    private readonly files: CacheFile['files'],
  ) {}

  /** The cache at `file` for the library under `root`; undefined when there is none or it cannot be read. */
  static open(file: string, root: string): LibraryCache | undefined {
    const read = readCapped(file, MAX_CACHE_BYTES);
    if (read.kind !== 'bytes') return undefined;
    try {
      const cache = JSON.parse(read.bytes.toString('utf8')) as Partial<CacheFile>;
      if (cache.format !== FORMAT || typeof cache.files !== 'object' || cache.files === null) return undefined;
      return new LibraryCache(root, cache.files);
    } catch {
      return undefined;
    }
  }

  /** What the file at `file` (absolute or as the loader names it) parsed to, when its text is the cached one. */
  parsed<T extends ParsedFile>(file: string, text: string): T | undefined {
    const entry = this.files[keyOf(this.root, file)];
    if (!entry || entry.sha1 !== sha1(text)) return undefined;
    try {
      return JSON.parse(entry.parsed.split(OWN_PATH).join(JSON.stringify(file).slice(1, -1))) as T;
    } catch {
      return undefined;
    }
  }
}

/** The cache's text for these files, each with what it parsed to (read back by LibraryCache). */
export function serializeLibraryCache(root: string, files: readonly { path: string; text: string; parsed: ParsedFile }[]): string {
  const cache: CacheFile = { format: FORMAT, files: {} };
  for (const file of files) {
    const ownPath = JSON.stringify(file.path).slice(1, -1);
    cache.files[keyOf(root, file.path)] = { sha1: sha1(file.text), parsed: JSON.stringify(file.parsed).split(ownPath).join(OWN_PATH) };
  }
  return `${JSON.stringify(cache)}\n`;
}

function keyOf(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
