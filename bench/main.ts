/**
 * `npm run bench`: every benchmark section in order, each printing its own
 * table. Speed lives here, not in unit tests (no timing assertions there).
 */
import { loadavg } from 'node:os';
import { benchAnalysis } from './analysis';
import { benchCli } from './cli';
import { benchLsp } from './lsp';
import { benchLspLatency } from './lspLatency';
import { benchSearch } from './search';
import { benchWorkbenchColdOpen } from './workbenchColdOpen';

async function main(): Promise<void> {
  // A shared machine skews wall-clock times: say how busy it was.
  console.log(
    `Casebook benchmark — node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );

  await section('1. analysis', benchAnalysis);
  await section('2. case search', benchSearch);
  // 3. The language server over JSON-RPC (bench/lsp.ts).
  await section('3. language server', benchLsp);
  await section('3b. language server under load', benchLspLatency);
  await section('4. casebook check at repository scale', benchCli);
  // Optional: only where code-server is installed (.cache/workbench); says so otherwise.
  await section('5. cold open in a real workbench', benchWorkbenchColdOpen);
}

/** `node dist/bench.js 4` (or `npm run bench -- 1 4`, `-- 3b`) runs only the numbered sections (3 includes 3b); no argument runs all. */
const only = new Set(process.argv.slice(2).filter((a) => /^\d+[a-z]?$/.test(a)));

async function section(title: string, run: () => unknown): Promise<void> {
  const key = title.split('.')[0] ?? '';
  if (only.size > 0 && !only.has(key) && !only.has(key.replace(/[a-z]$/, ''))) return;
  console.log(`── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    // One broken section must not hide the others' figures.
    process.exitCode = 1;
    console.log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

void main();
