/**
 * The one way the server and the CLI read a file from disk: regular files only, and never more than a cap, counted
 * in bytes actually read. A size from `stat` cannot be trusted: `/proc/self/pagemap` reports 0 and never ends, a FIFO
 * blocks forever on open, and a file can grow between the stat and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

export type CappedRead =
  | { kind: 'bytes'; bytes: Buffer }
  /** More than `maxBytes` (`size` is what stat said, when it said more than the cap). */
  | { kind: 'too-large'; size?: number }
  | { kind: 'not-found' }
  | { kind: 'folder' }
  /** A device, FIFO or socket: reading it could block or never end. */
  | { kind: 'not-regular' }
  | { kind: 'unreadable'; code: string };

const CHUNK = 64 * 1024;

export function readCapped(file: string, maxBytes: number): CappedRead {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'not-found' } : { kind: 'unreadable', code };
  }
  if (stat.isDirectory()) return { kind: 'folder' };
  if (!stat.isFile()) return { kind: 'not-regular' };
  if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
  let fd: number | undefined;
  try {
    // Non-blocking, so a file swapped for a FIFO after the stat cannot hang the open; fstat checks what was opened.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return { kind: 'not-regular' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Whole chunks (some /proc files refuse reads that are not a multiple of 8); at most one chunk past the cap.
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { kind: 'too-large' };
    }
    return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { kind: 'unreadable', code: codeOf(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
