/**
 * `--shard i/n`: this runner's part of the file list, so a CI matrix of n
 * runners checks a repository together. A file's shard is a stable hash of
 * its path relative to the working directory, so it never moves when other
 * files are added or removed, and every runner agrees without talking.
 */
import { createHash } from 'node:crypto';
import type { Localized } from '../service/locale';
import { displayPath } from './paths';

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

/** `2/4` → { index: 2, total: 4 }; a message when malformed. */
export function parseShard(text: string): Shard | { error: Localized } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total) {
    return {
      error: {
        zh: `--shard 的格式为 i/n，其中 1 ≤ i ≤ n（例如 --shard 2/4），而不是“${text}”。`,
        en: `--shard takes i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), not “${text}”.`,
      },
    };
  }
  return { index, total };
}

/** The 0-based shard a relative path falls in. */
export function shardOf(relative: string, total: number): number {
  const digest = createHash('sha256').update(relative).digest();
  return digest.readUInt32BE(0) % total;
}

/** This shard's files, sorted by their relative path. */
export function selectShard(files: readonly string[], cwd: string, shard: Shard): string[] {
  return files
    .map((absolute) => ({ absolute, relative: displayPath(absolute, cwd) }))
    .filter((f) => shardOf(f.relative, shard.total) === shard.index - 1)
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .map((f) => f.absolute);
}
