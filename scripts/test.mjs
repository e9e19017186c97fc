// `npm test`: every test, in order of speed — types, lint and format, unit, LSP over JSON-RPC,
// then end to end in a real VS Code workbench. Ends with one summary line
// ("tests: N passed, N failed, N skipped") that CI reads.
// CASEBOOK_SKIP_E2E=1 skips the workbench stage for a quick local loop.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const stages = [
  { name: 'types', command: [tsc, '-b'] },
  { name: 'lint', command: [path.join(root, 'scripts', 'lint.mjs')] },
  { name: 'build', command: [path.join(root, 'scripts', 'build.mjs')] },
  // The workbench (code-server) first: the e2e stage needs it, and the grammar unit tests use its TextMate engine.
  {
    name: 'vscode',
    command: ['--input-type=module', '-e', "await (await import('./scripts/lib/workbench.mjs')).ensureCodeServer()"],
    e2e: true,
  },
  { name: 'unit', command: [mocha, '--config', '.mocharc.json'], counts: true },
  {
    name: 'lsp',
    command: [mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '60000', 'test/lsp/**/*.test.ts'],
    counts: true,
  },
  {
    name: 'e2e',
    command: [mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '300000', 'test/e2e/**/*.test.ts'],
    counts: true,
    e2e: true,
  },
];

function run(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${stage.name} ===\n`);
    const child = spawn(process.execPath, stage.command, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      // Mocha's own closing lines come last (nested reports, e.g. the extension host's, come earlier).
      const count = (word) => Number([...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}`, 'gm'))].pop()?.[1] ?? 0);
      resolve({
        ...stage,
        code,
        seconds: (Date.now() - started) / 1000,
        passed: count('passing'),
        failed: count('failing'),
        skipped: count('pending'),
      });
    });
  });
}

const results = [];
for (const stage of stages) {
  if (stage.e2e && process.env.CASEBOOK_SKIP_E2E === '1') {
    process.stdout.write(`\n=== ${stage.name} === skipped (CASEBOOK_SKIP_E2E=1)\n`);
    continue;
  }
  const result = await run(stage);
  results.push(result);
  if (result.code !== 0 && !stage.counts && !stage.e2e) break; // no point testing what does not type-check or build
}

console.log('\n=== summary ===');
for (const r of results) {
  const counts = r.counts ? `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped` : r.code === 0 ? 'ok' : 'FAILED';
  console.log(`${r.name.padEnd(6)} ${counts.padEnd(40)} ${r.seconds.toFixed(1)} s${r.code !== 0 ? `  (exit ${r.code})` : ''}`);
}
const total = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
const failed = results.some((r) => r.code !== 0);
// A failing stage with no counted failure (a crash, a type error) still counts as one failure.
const failures = total('failed') + results.filter((r) => r.code !== 0 && !(r.failed > 0)).length;
console.log(`tests: ${total('passed')} passed, ${failures} failed, ${total('skipped')} skipped`);
process.exit(failed ? 1 : 0);
