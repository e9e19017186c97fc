/**
 * The HTML dossier in a real (headless) Chromium with the network cut off:
 * every request but the page itself is aborted and recorded (none may be
 * attempted), the SVG holds every site, the hostile proposal's labels are
 * text and nothing runs, and print-to-PDF works. Skipped without Chromium.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { BANK, proposal, report, WAIVERS, XSS } from '../unit/report/helpers';

const CHROMIUM = process.env.CASEBOOK_CHROMIUM || '/usr/bin/chromium';
const PAGE_URL = 'http://dossier.invalid/report.html';

interface Loaded {
  page: Page;
  /** Requests other than the page itself: each was aborted. */
  attempted: string[];
  dialogs: string[];
  consoleErrors: string[];
}

describe('report: the HTML dossier in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.warn(`    (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set CASEBOOK_CHROMIUM)`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
  });

  async function load(html: string): Promise<Loaded> {
    const context = await browser!.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const loaded: Loaded = { page, attempted: [], dialogs: [], consoleErrors: [] };
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === PAGE_URL) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else {
        loaded.attempted.push(url);
        await route.abort('internetdisconnected');
      }
    });
    page.on('dialog', (dialog) => {
      loaded.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') loaded.consoleErrors.push(message.text());
    });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    // Give anything deferred (an image's onerror, a meta refresh) the chance to fire.
    await page.waitForTimeout(300);
    return loaded;
  }

  it('sees and aborts a request when a page makes one (the control for the tests below)', async () => {
    const { attempted } = await load(
      '<!DOCTYPE html><img src="http://cdn.invalid/x.png"><link rel="stylesheet" href="https://cdn.invalid/a.css">',
    );
    assert.deepEqual([...attempted].sort(), ['http://cdn.invalid/x.png', 'https://cdn.invalid/a.css']);
  });

  it('loads offline without a single request, and the SVG holds every site', async () => {
    const html = report([BANK, WAIVERS], 'html', 'zh-CN');
    const { page, attempted, dialogs, consoleErrors } = await load(html);
    assert.deepEqual(attempted, [], 'requests attempted');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleErrors, []);
    for (const [index, file] of [BANK, WAIVERS].entries()) {
      const svg = page.locator(`#p${index}-topology svg.topology`);
      assert.equal(await svg.count(), 1, file);
      const drawn = await svg.locator('g.site').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-site')));
      const text = (await svg.textContent()) ?? '';
      const { model } = proposal(file, 'zh-CN');
      const ids = model.sites.map((s) => s.id!.value);
      assert.deepEqual(drawn, ids, file);
      for (const id of ids) assert.ok(text.includes(id), `${file}: ${id} drawn as text`);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50, 'the SVG is laid out');
    }
    const sections = await page.locator('section.page').count();
    assert.equal(sections, 12);
  });

  it('renders the hostile proposal as text and runs nothing', async () => {
    const { page, attempted, dialogs, consoleErrors } = await load(report([XSS], 'html', 'en'));
    assert.deepEqual(attempted, [], 'requests attempted');
    assert.deepEqual(dialogs, [], 'no alert fired');
    assert.deepEqual(consoleErrors, [], 'no script blocked either: there is none');
    const counts = await page.evaluate(() => ({
      scripts: document.scripts.length,
      active: document.querySelectorAll('img, iframe, object, embed, b, a[href^="javascript"], foreignObject').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(counts, { scripts: 0, active: 0, handlers: 0 });
    const body = (await page.locator('body').textContent()) ?? '';
    for (const label of [
      '<img src=x onerror=alert(1)>',
      "<script>alert('customer')</script>",
      '<img src=x onerror=alert(4)>',
      '</div><iframe src=javascript:alert(5)>',
    ])
      assert.ok(body.includes(label), label);
    const svgText = (await page.locator('svg.topology').textContent()) ?? '';
    assert.ok(svgText.includes('<b onmouseover=alert(2)>'), 'the city label is text in the SVG');
    assert.ok(svgText.includes('dc-1') && svgText.includes('dc-2'));
  });

  it('prints to PDF', async () => {
    const { page } = await load(report([BANK], 'html', 'zh-CN'));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 6, `a page per section at least: ${pages} pages`);
  });
});
