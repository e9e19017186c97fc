// `npm test`: every test, in order of speed — types, lint and format, unit, LSP over JSON-RPC,
// pages in headless Chromium, then end to end in a real VS Code workbench. Ends with one summary
// line ("tests: N passed, N failed, N skipped") that CI reads.
// CASEBOOK_SKIP_E2E=1 skips the workbench stages (and the system-package install) for a quick local loop.
//
// Each mocha stage prints the spec reporter and writes mocha's JSON reporter to a temporary file
// (scripts/lib/mocha-spec-json.cjs); the counts come from that file's stats, never from the text.
// A stage's count is its own mocha run's tests: the e2e stage's extension-host suites run in
// another process and are one test each here (their own report is printed beside them).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const reporter = path.join(root, 'scripts', 'lib', 'mocha-spec-json.cjs');
const workbench = (call) => ['--input-type=module', '-e', `await (await import('./scripts/lib/workbench.mjs')).${call}()`];
const mochaTs = (timeout, spec) => [mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', timeout, spec];

const stages = [
  { name: 'types', command: [tsc, '-b'] },
  { name: 'lint', command: [path.join(root, 'scripts', 'lint.mjs')] },
  { name: 'build', command: [path.join(root, 'scripts', 'build.mjs')] },
  // No browser and no workbench: test/unit runs anywhere Node does.
  { name: 'unit', command: [mocha, '--config', '.mocharc.json'], mocha: true },
  { name: 'lsp', command: mochaTs('60000', 'test/lsp/**/*.test.ts'), mocha: true },
  // Chromium (and the other packages in scripts/system-packages.txt) from Debian when missing, as root.
  { name: 'system', command: workbench('ensureSystemPackages'), e2e: true },
  { name: 'browser', command: mochaTs('120000', 'test/browser/**/*.test.ts'), mocha: true },
  // The workbench (code-server) for the e2e stage.
  { name: 'vscode', command: workbench('ensureCodeServer'), e2e: true },
  { name: 'e2e', command: mochaTs('300000', 'test/e2e/**/*.test.ts'), mocha: true, e2e: true },
];

/** Mocha's JSON stats for a stage, or undefined when mocha wrote none (it crashed before the end). */
function readStats(file) {
  try {
    const { stats } = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: stats.passes ?? 0, failed: stats.failures ?? 0, skipped: stats.pending ?? 0 };
  } catch {
    return undefined;
  }
}

function run(stage, scratch) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${stage.name} ===\n`);
    const json = path.join(scratch, `${stage.name}.json`);
    const args = stage.mocha ? [...stage.command, '--reporter', reporter, '--reporter-option', `output=${json}`] : stage.command;
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    child.on('close', (code) => {
      const counts = stage.mocha ? (readStats(json) ?? { passed: 0, failed: 0, skipped: 0, missing: true }) : {};
      resolve({ ...stage, code, seconds: (Date.now() - started) / 1000, ...counts });
    });
  });
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'casebook-test-'));
const results = [];
try {
  for (const stage of stages) {
    if (stage.e2e && process.env.CASEBOOK_SKIP_E2E === '1') {
      process.stdout.write(`\n=== ${stage.name} === skipped (CASEBOOK_SKIP_E2E=1)\n`);
      continue;
    }
    const result = await run(stage, scratch);
    results.push(result);
    if (result.code !== 0 && !stage.mocha && !stage.e2e) break; // no point testing what does not type-check or build
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log('\n=== summary ===');
for (const r of results) {
  const counts = r.mocha
    ? `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.missing ? ' (no mocha report)' : ''}`
    : r.code === 0
      ? 'ok'
      : 'FAILED';
  console.log(`${r.name.padEnd(7)} ${counts.padEnd(40)} ${r.seconds.toFixed(1)} s${r.code !== 0 ? `  (exit ${r.code})` : ''}`);
}
const total = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
const failed = results.some((r) => r.code !== 0);
// A failing stage with no counted failure (a crash, a type error) still counts as one failure.
const failures = total('failed') + results.filter((r) => r.code !== 0 && !(r.failed > 0)).length;
console.log(`tests: ${total('passed')} passed, ${failures} failed, ${total('skipped')} skipped`);
process.exit(failed ? 1 : 0);
