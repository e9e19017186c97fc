/**
 * The extension-host test suite's entry (what `extensionTestsPath` points at).
 * The same bundle runs in code-server's extension host (npm test, through the
 * workbench's `payload` URL) and in desktop VS Code via @vscode/test-electron
 * (npm run test:electron). Each test's outcome goes to the console and, when
 * CASEBOOK_EXT_TEST_REPORT names a file, there too.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const reportFile = process.env.CASEBOOK_EXT_TEST_REPORT;
  // The extension host redirects console output away from the test driver, so
  // the outcome of each test is written to the report file from runner events.
  const report = (line: string) => {
    if (reportFile) appendFileSync(reportFile, `${line}\n`);
    console.log(line);
  };
  if (reportFile) writeFileSync(reportFile, '');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Give the suites Mocha's globals (describe/it), then load them: esbuild keeps
  // a require() lazy, so the suites' describe() calls run after this.
  mocha.suite.emit('pre-require', globalThis, 'casebook-extension-suite', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after pre-require, so not a static import
  require('./suites');
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => report(`  ✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`));
    runner.on('fail', (test, error: Error) =>
      report(
        `  ✘ ${test.fullTitle()}\n      ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      ),
    );
    runner.on('end', () => report(`  ${runner.stats?.passes ?? 0} passing, ${runner.stats?.failures ?? 0} failing`));
  });
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
