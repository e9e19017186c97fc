/** Runs the built CLI as a process, as users and CI do. */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** No run may take longer: a hang is a failure, not a stuck test suite. */
const CHILD_TIMEOUT_MS = 15_000;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): RunResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    LANG: 'en_US.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
    FORCE_COLOR: '',
    ...options.env,
  };
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT',
  };
}

let built = false;

/**
 * Builds the bundles with `node scripts/build.mjs`. While other bundles of the
 * project are mid-change the full build may fail; the CLI's own bundle is then
 * built alone with the same options, so these tests exercise the current sources.
 */
export function buildCli(): void {
  if (built) return;
  const started = Date.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // fall through to the CLI-only build below
  }
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < started) {
    // The CLI and the lean bundle its --jobs workers run (a stale worker bundle would check with old sources).
    for (const [entry, outfile] of [
      ['server/src/cli/main.ts', CLI],
      ['server/src/cli/workerMain.ts', path.join(ROOT, 'dist', 'cliWorker.js')],
    ] as const) {
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild'),
          entry,
          '--bundle',
          '--platform=node',
          '--format=cjs',
          '--target=node20',
          '--sourcemap=linked',
          '--log-level=error',
          `--outfile=${outfile}`,
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
    }
  }
  built = true;
}
