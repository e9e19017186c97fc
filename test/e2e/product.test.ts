/**
 * What an architect sees, in a real VS Code workbench with the packaged VSIX
 * installed and a copy of examples/ open. Each step saves a screenshot under
 * test-results/e2e/.
 */
import * as assert from 'node:assert/strict';
import { Workbench } from './workbench';

describe('Casebook in a real VS Code workbench (en)', function () {
  let wb: Workbench;

  before(async function () {
    wb = await Workbench.launch('en');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`FAILED-en-${this.currentTest.title.replace(/[^\w]+/g, '-')}`);
  });

  after(async function () {
    await wb?.close();
  });

  it('shows the 两地三中心 finding in the Problems panel for a tier-1 system in one city', async function () {
    const started = Date.now();
    await wb.openFile('bank-core.arch.yaml');
    const rows = await wb.problems(5);
    const firstDiagnosticsMs = Date.now() - started;
    process.stdout.write(`      (open → first diagnostics in the workbench: ${firstDiagnosticsMs} ms)\n`);
    await wb.page.waitForFunction(
      () =>
        [...document.querySelectorAll('div[id="workbench.panel.markers"] .monaco-tl-contents')].some((r) =>
          /two regions, three/i.test(r.textContent ?? ''),
        ),
      undefined,
      { timeout: 30_000 },
    );
    const texts = await wb.problems(1);
    assert.ok(
      texts.some((t) => /tier1-two-regions-three-dcs/.test(t) || /two regions, three/i.test(t)),
      `Problems: ${rows.join('\n')}`,
    );
    await wb.revealLine('tier: 1');
    await wb.page.locator('.view-overlays .cdr.squiggly-error').first().waitFor();
    await wb.screenshot('01-problems-two-regions-three-dcs');
  });

  it('hovers tier: 1 with the pattern and 天弘基金', async function () {
    const text = await wb.hover('tier: 1', 'tier', /Tianhong/);
    assert.match(text, /two regions/i);
    await wb.screenshot('02-hover-tier');
  });

  it('applies the quick fix: the file changes and the finding disappears', async function () {
    const before = await wb.problemCount();
    assert.ok(before > 0, 'the proposal has findings');
    await (await wb.revealLine('release: downtime')).click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: /gray/i }).first();
    await fix.waitFor({ timeout: 30_000 });
    await wb.screenshot('03a-quick-fix-menu');
    // The menu takes keys (a pointer block covers it): move the focus to the fix, then Enter.
    const target = Number(await fix.getAttribute('data-index'));
    for (let i = 0; i < 10; i++) {
      const focused = Number(await wb.page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('data-index'));
      if (focused === target) break;
      await wb.page.keyboard.press(focused < target ? 'ArrowDown' : 'ArrowUp');
    }
    await wb.page.keyboard.press('Enter');
    await wb.editorLine('release: gray').waitFor({ timeout: 15_000 });
    // The fix removes exactly one finding, and undo brings it back.
    await wb.problemCountIs(before - 1);
    await wb.screenshot('03b-quick-fix-applied');
    await wb.page.keyboard.press('Control+z');
    await wb.problemCountIs(before);
  });

  it('lists every built-in case under its industry and opens 南京银行 with its figures', async function () {
    await wb.showView('Casebook', 'Case Browser', ['Matching Cases', 'Patterns', 'Regulations']);
    const rows = wb.viewRows('Case Browser');
    const labels = (await wb.viewTexts('Case Browser')).join('\n');
    for (const industry of ['Bank', 'Rural credit', 'Rural commercial', 'Insurance', 'Securities', 'Fund']) {
      assert.ok(labels.includes(industry), `${industry} group in the Case Browser:\n${labels}`);
    }
    for (const customer of [
      'Bank of Nanjing',
      'Zhejiang',
      'Jiangxi',
      'Shunde',
      'Sichuan',
      'MYbank',
      'China United',
      'PICC',
      'Zheshang',
      'Tianhong',
    ]) {
      assert.ok(labels.includes(customer), `${customer} in the Case Browser:\n${labels}`);
    }
    await wb.screenshot('04a-case-browser');
    await rows.filter({ hasText: 'Bank of Nanjing' }).first().click();
    const page = wb.webview();
    await page.locator('body', { hasText: /1 second/ }).waitFor({ timeout: 30_000 });
    await page.locator('body', { hasText: /1,000,000|1 million/i }).waitFor({ timeout: 10_000 });
    await wb.screenshot('04b-case-page-nanjing-bank');
  });

  it('finds cases from the palette by their pinyin initials, even with a case page focused', async function () {
    // The previous test left the 南京银行 case page focused: focus returning to its webview
    // when the palette closes must not dismiss the search.
    const search = async (query: string, customer: RegExp, screenshot: string) => {
      const input = await wb.quickInput(() => wb.page.keyboard.press('F1'), '>Casebook: Search Cases and Regulations');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Cases and Regulations' }).first().waitFor();
      await input.press('Enter');
      await input.fill(query);
      const item = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: customer }).first();
      await item.waitFor({ timeout: 30_000 });
      await wb.screenshot(`${screenshot}a-search-${query}`);
      await input.press('Enter');
      await wb.page.locator('.tab.active', { hasText: customer }).waitFor({ timeout: 30_000 });
      await wb.screenshot(`${screenshot}b-search-${query}-opened`);
    };
    await search('zjnx', /Zhejiang/, '05');
    await search('njyh', /Bank of Nanjing/, '05');
  });

  it('draws the topology preview with every site', async function () {
    await wb.openFile('bank-core.arch.yaml');
    await wb.runCommand('casebook.showTopology', 'Casebook: Show Topology Preview');
    const svg = wb.webview().locator('svg').first();
    await svg.waitFor({ timeout: 60_000 });
    const text = (await wb.webview().locator('svg').first().textContent()) ?? '';
    for (const label of ['cd-gaoxin', 'cd-tianfu', 'cq-liangjiang', '成都', '重庆'])
      assert.ok(text.includes(label), `${label} in the preview: ${text}`);
    await wb.screenshot('06-topology-preview');
  });

  it('renders a hostile proposal as text and runs no script', async function () {
    const dialogs: string[] = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await wb.openFile('xss.arch.yaml');
    await wb.runCommand('casebook.showTopology', 'Casebook: Show Topology Preview');
    const frame = wb.webview();
    await frame.locator('svg', { hasText: '<img src=x onerror=alert(4)>' }).first().waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('svg img, svg iframe, svg script').count(), 0, 'no element from a label');
    assert.deepEqual(dialogs, [], 'no alert ran');
    await wb.screenshot('07-xss-inert');
  });
});

describe('Casebook in a real VS Code workbench (zh-cn)', function () {
  let wb: Workbench;

  before(async function () {
    wb = await Workbench.launch('zh', { locale: 'zh-cn' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('FAILED-zh');
  });

  after(async function () {
    await wb?.close();
  });

  it('speaks Chinese: view titles, findings and hovers', async function () {
    await wb.openFile('bank-core.arch.yaml');
    await wb.problems(5);
    await wb.page.waitForFunction(
      () =>
        [...document.querySelectorAll('div[id="workbench.panel.markers"] .monaco-tl-contents')].some(
          (r) => /两地三中心/.test(r.textContent ?? '') && /天弘基金/.test(r.textContent ?? ''),
        ),
      undefined,
      { timeout: 30_000 },
    );
    await wb.screenshot('08a-zh-problems');
    const hover = await wb.hover('tier: 1', 'tier', /天弘基金/);
    assert.match(hover, /两地三中心/);
    await wb.screenshot('08b-zh-hover');
    await wb.showView('案例库', '案例浏览', ['相似案例', '架构模式', '监管法规']);
    await wb.viewRows('案例浏览').filter({ hasText: '银行' }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('08c-zh-case-browser');
  });
});
