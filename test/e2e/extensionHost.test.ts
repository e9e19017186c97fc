/**
 * Runs the extension-host Mocha suite (test/extension/) inside code-server's
 * real extension host, as @vscode/test-electron would on a desktop: the
 * workbench URL's `payload` names the extension under development and the
 * tests; the workbench calls `codeAutomationExit` with the suite's result.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workbenchLib } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');

async function runSuite(locale: 'en' | 'zh-cn'): Promise<{ code: number; report: string }> {
  const wb = await workbenchLib();
  const home = mkdtempSync(path.join(os.tmpdir(), `casebook-exthost-${locale}-`));
  const workspace = path.join(home, 'workspace');
  cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const profile = wb.prepareProfile(home);
  if (locale === 'zh-cn') wb.installZhCnLanguagePack(profile);
  const report = path.join(home, 'report.txt');
  // code-server hands its environment down to the extension host, where the suite reads this.
  process.env.CASEBOOK_EXT_TEST_REPORT = report;
  const server = await wb.startCodeServer({ ...profile, workspace, ...(locale === 'zh-cn' ? { locale } : {}) });
  delete process.env.CASEBOOK_EXT_TEST_REPORT;
  const browser = await wb.launchBrowser();
  try {
    const page = await browser.newPage();
    const host = new URL(server.url).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${host}${path.join(ROOT, 'dist', 'test', 'extension.js')}`],
      ['skipWelcome', 'true'],
    ];
    const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the extension-host suite did not finish in 240 s')), 240_000);
    });
    // Clear the timer once the suite is done, or it keeps the test process alive for minutes.
    const code = await Promise.race([exited, timedOut]).finally(() => clearTimeout(timer));
    return { code, report: existsSync(report) ? readFileSync(report, 'utf8') : '(no report)' };
  } finally {
    await browser.close();
    server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

describe('extension-host suite in a real VS Code (code-server)', function () {
  before(function () {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'test', 'extension.js')), 'npm run build has bundled the suite');
  });

  for (const locale of ['en', 'zh-cn'] as const) {
    it(`passes with the display language ${locale}`, async function () {
      const { code, report } = await runSuite(locale);
      process.stdout.write(report.replace(/^/gm, `    [ext-host ${locale}] `) + '\n');
      assert.equal(code, 0, `the extension-host suite failed:\n${report}`);
      assert.match(report, /[1-9]\d* passing, 0 failing/);
    });
  }
});
