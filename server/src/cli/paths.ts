/** How the CLI names a file to the user: shared by the check, its shards and its workers. */
import path from 'node:path';

/** `a/b.arch.yaml` inside the working directory, the absolute path outside it; always `/`. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}
