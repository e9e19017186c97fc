/**
 * The little path arithmetic the pure library needs (it may not import
 * node:path): resolving a case's `topology:` against the case file's folder,
 * for POSIX and Windows paths alike.
 */

const WINDOWS_DRIVE = /^[a-zA-Z]:\//;

/** Forward slashes, no `.` or `..` segments, no doubled slashes. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const drive = /^[a-zA-Z]:(?=\/|$)/.exec(slashed)?.[0];
  const rooted = slashed.startsWith('/') || drive !== undefined;
  const out: string[] = [];
  for (const segment of (drive ? slashed.slice(drive.length) : slashed).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push(segment); // a rooted path cannot climb above its root
  }
  return drive ? `${drive}/${out.join('/')}` : (rooted ? '/' : '') + out.join('/');
}

export function dirnameOf(path: string): string {
  const normal = normalizePath(path);
  const slash = normal.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : normal.slice(0, slash);
}

export function baseNameOf(path: string): string {
  const normal = normalizePath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || WINDOWS_DRIVE.test(path.replace(/\\/g, '/'));
}

/** `relative` resolved against the folder `from`; an absolute `relative` is kept. */
export function resolvePath(from: string, relative: string): string {
  return normalizePath(isAbsolutePath(relative) ? relative : `${from}/${relative}`);
}

/** A key two spellings of the same file share (Windows paths compare case-insensitively). */
export function pathKey(path: string): string {
  const normal = normalizePath(path);
  return WINDOWS_DRIVE.test(normal) ? normal.toLowerCase() : normal;
}
