/**
 * The extension-host test suite's entry (what `extensionTestsPath` points at).
 * The same bundle runs in code-server's extension host (npm test, through the
 * workbench's `payload` URL) and in desktop VS Code via @vscode/test-electron
 * (npm run test:electron). Mocha's report goes to the console and, when
 * CASEBOOK_EXT_TEST_REPORT names a file, there too (code-server's extension
 * host console is not visible to the test driver).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const reportFile = process.env.CASEBOOK_EXT_TEST_REPORT;
  if (reportFile) writeFileSync(reportFile, '');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Mocha's spec reporter writes through process.stdout; tee it into the report file.
  const write = process.stdout.write.bind(process.stdout);
  if (reportFile) {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      appendFileSync(reportFile, typeof chunk === 'string' ? chunk : Buffer.from(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  // Give the suites Mocha's globals (describe/it), then load them: esbuild keeps
  // a require() lazy, so the suites' describe() calls run after this.
  mocha.suite.emit('pre-require', globalThis, 'casebook-extension-suite', mocha);
  require('./suites');
  try {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
  } finally {
    process.stdout.write = write;
  }
}
