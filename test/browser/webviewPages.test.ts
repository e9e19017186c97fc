/**
 * The two webview pages in a real (headless) Chromium, under the exact HTML
 * and CSP the extension builds: Mermaid renders, labels stay text, clicks map
 * to source positions, and nothing violates the Content-Security-Policy.
 * Uses the bundles in media/dist (built when missing).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { Browser, Page } from 'playwright-core';
import type { CaseDetail, ClauseDetail, ComplianceRowView, TopologyNode } from '../../shared/src/protocol';
import { webviewHtml, type WebviewPage } from '../../client/src/webviews/html';
import type { FromCasePage, FromPreview, FromStaticPage } from '../../media/src/messages';
import { clausePageBody, compliancePageBody } from '../../client/src/webviews/regulationHtml';
import { buildModel } from '../../server/src/service/model';
import { renderTopology } from '../../server/src/service/topology';
import { parseYamlTree } from '../../server/src/service/yamlTree';

function postedOf<T extends Posted['type']>(h: Harness, type: T): Extract<Posted, { type: T }>[] {
  return h.posted.filter((m): m is Extract<Posted, { type: T }> => m.type === type);
}

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CASEBOOK_CHROMIUM || '/usr/bin/chromium';
const XSS = '<img src=x onerror=alert(1)>';

const TOPOLOGY = [
  'flowchart LR',
  '  subgraph city_cd["成都"]',
  '    site_cd1["cd-1 主中心"]',
  '    site_cd2["cd-2 同城灾备"]',
  '  end',
  '  subgraph city_cq["重庆"]',
  '    site_cq1["cq-1 冷备"]',
  '  end',
  '  sys_core["#lt;img src=x onerror=alert(1)#gt;"]',
  '  sys_core --> site_cd1',
  '  sys_core --> site_cd2',
  '  site_cd1 -. async .-> site_cq1',
].join('\n');

const NODES: TopologyNode[] = [
  { nodeId: 'city_cd', kind: 'city', label: '成都', line: 5, character: 10, hasFindings: false },
  { nodeId: 'site_cd1', kind: 'site', label: 'cd-1 主中心', line: 4, character: 8, hasFindings: false },
  { nodeId: 'sys_core', kind: 'system', label: XSS, line: 17, character: 8, hasFindings: true },
];

type Posted = FromPreview | FromCasePage | FromStaticPage;

interface Harness {
  posted: Posted[];
  violations: string[];
  errors: string[];
  dialogs: string[];
}

describe('webview pages in Chromium', function () {
  this.timeout(120_000);
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    await ensureBundles();
    server = createServer((req, res) => {
      const file = path.join(ROOT, 'media', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(path.join(ROOT, 'media')) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(
    page: Omit<WebviewPage, 'lang'>,
    bodyClass = 'vscode-light',
    /** What the page posts once it is listening; none for a page drawn as HTML (staticPage.js). */
    readyMessage: string | null = 'ready',
  ): Promise<{ page: Page; harness: () => Promise<Harness> }> {
    const extensionUri = URI.file('/ext');
    const webview = {
      cspSource: origin,
      // media/<rel> on disk → served from the harness origin.
      asWebviewUri: (uri: URI) => URI.parse(`${origin}${uri.path.replace('/ext/media', '')}`),
    };
    // `as never`: vscode-uri's URI has the same shape the builder uses from vscode.Uri (path, with, toString).
    const html = webviewHtml(webview, extensionUri, { ...page, lang: 'zh-CN' });
    const p = await browser.newPage();
    if (process.env.DEBUG_WEBVIEW) p.on('console', (m) => console.log('[page]', m.text()));
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // What VS Code provides inside a webview, recorded for the assertions. A string, not a
    // function: tsx would wrap a function with helpers the page does not have.
    await p.addInitScript(`
      const harness = { posted: [], violations: [], errors: [] };
      window.__harness = harness;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => harness.posted.push(m), getState: () => undefined, setState: () => undefined });
      document.addEventListener('securitypolicyviolation', (e) => harness.violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.addEventListener('error', (e) => harness.errors.push(String(e.message)));
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add(${JSON.stringify(bodyClass)}));
    `);
    await p.route(`${origin}/page.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await p.goto(`${origin}/page.html`);
    if (readyMessage) await waitForPosted(p, readyMessage);
    else await p.waitForLoadState('load');
    return {
      page: p,
      harness: async () => ({ ...(await p.evaluate(() => (window as unknown as { __harness: Harness }).__harness)), dialogs }),
    };
  }

  /** Polls from Node: `waitForFunction` evaluates with `new Function`, which the page's CSP forbids. */
  async function waitForPosted(page: Page, type: string, count = 1): Promise<void> {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const posted = await page.evaluate(
        ([t]) => (window as unknown as { __harness: Harness }).__harness.posted.filter((m) => m.type === t).length,
        [type] as const,
      );
      if (posted >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the page never posted ${count} × ${type}`);
  }

  const previewPage = {
    title: 'Topology',
    kind: 'preview' as const,
    scripts: ['dist/mermaid.js', 'dist/preview.js'],
    styles: ['webview.css'],
    strings: { waiting: 'waiting', renderError: 'render error', fit: 'Fit', reset: '1:1', zoomIn: '+', zoomOut: '-' },
  };

  describe('topology preview', () => {
    let page: Page;
    let harness: () => Promise<Harness>;
    before(async () => {
      ({ page, harness } = await open(previewPage, 'vscode-dark'));
    });
    beforeEach(() => page.evaluate(() => void ((window as unknown as { __harness: Harness }).__harness.posted.length = 0)));
    after(() => page?.close());

    it('renders the topology, keeps a hostile label as text and violates no CSP directive', async () => {
      await page.evaluate(
        ([mermaid, nodes]) =>
          window.postMessage({ type: 'update', uri: 'file:///p.arch.yaml', version: 1, title: 'p.arch.yaml', mermaid, nodes }, '*'),
        [TOPOLOGY, NODES] as const,
      );
      await waitForPosted(page, 'rendered');
      const h = await harness();
      const rendered = postedOf(h, 'rendered')[0]!;
      assert.ok(rendered.labels.includes(XSS), `labels: ${JSON.stringify(rendered.labels)}`);
      for (const label of ['成都', '重庆', 'cd-1 主中心', 'cq-1 冷备']) assert.ok(rendered.labels.includes(label), label);
      assert.match(rendered.svg, /^<svg[\s>]/);
      assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
      assert.deepEqual(h.dialogs, []);
      assert.deepEqual(h.violations, []);
      assert.deepEqual(h.errors, []);
    });

    it("draws the server's topology of a hostile proposal as text and runs none of it", async () => {
      const text = readFileSync(path.join(ROOT, 'examples', 'xss.arch.yaml'), 'utf8');
      const { mermaid, nodes } = renderTopology(buildModel(parseYamlTree(text)), { locale: 'zh-CN' });
      await page.evaluate(
        ([m, n]) =>
          window.postMessage({ type: 'update', uri: 'file:///xss.arch.yaml', version: 1, title: 'xss', mermaid: m, nodes: n }, '*'),
        [mermaid, nodes] as const,
      );
      await waitForPosted(page, 'rendered');
      const h = await harness();
      const labels = postedOf(h, 'rendered')[0]!.labels.join('\n');
      assert.ok(labels.includes('<img src=x onerror=alert(4)>'), labels);
      assert.ok(labels.includes('<b onmouseover=alert(2)>'), labels);
      assert.equal(await page.locator('img, iframe, b').count(), 0, 'no element made from a label');
      assert.deepEqual([h.violations, h.errors, h.dialogs], [[], [], []]);
      const system = nodes.find((n) => n.kind === 'system')!;
      await page.locator(`g.node[id*="-${system.nodeId}-"]`).first().click();
      await waitForPosted(page, 'reveal');
      assert.deepEqual(postedOf(await harness(), 'reveal')[0], { type: 'reveal', line: system.line, character: system.character });
    });

    it('posts the source position of a clicked node', async () => {
      await page.evaluate(
        ([mermaid, nodes]) =>
          window.postMessage({ type: 'update', uri: 'file:///p.arch.yaml', version: 1, title: 'p', mermaid, nodes }, '*'),
        [TOPOLOGY, NODES] as const,
      );
      await waitForPosted(page, 'rendered');
      await page.locator('g.node', { hasText: 'cd-1 主中心' }).click();
      await waitForPosted(page, 'reveal');
      const reveal = postedOf(await harness(), 'reveal')[0];
      assert.deepEqual(reveal, { type: 'reveal', line: 4, character: 8 });
    });

    it('re-renders live updates and reports Mermaid syntax errors without throwing', async () => {
      const post = (mermaid: string) =>
        page.evaluate(
          (m) => window.postMessage({ type: 'update', uri: 'file:///p', version: 2, title: 'p', mermaid: m, nodes: [] }, '*'),
          mermaid,
        );
      await post('flowchart LR\n  a["甲"] --> b["乙"]');
      await waitForPosted(page, 'rendered');
      await post('flowchart LR\n  a["甲" --> ');
      await waitForPosted(page, 'renderError');
      assert.match(await page.locator('.status').innerText(), /render error/);
      await post('flowchart LR\n  c["丙"]');
      await waitForPosted(page, 'rendered', 2);
      const h = await harness();
      const renders = postedOf(h, 'rendered');
      assert.deepEqual(
        renders.map((r) => r.labels),
        [['甲', '乙'], ['丙']],
      );
      assert.equal(await page.locator('.status').innerText(), '', 'a good render clears the error');
      assert.deepEqual(h.errors, []);
    });
  });

  it('shows a case page with its figures and topology, all text', async () => {
    const { page, harness } = await open({
      title: '浙江农信',
      kind: 'case-page',
      scripts: ['dist/mermaid.js', 'dist/casePage.js'],
      styles: ['webview.css'],
      strings: {
        challenge: '业务挑战',
        solution: '解决方案',
        outcomes: '客户收益',
        patterns: '架构模式',
        products: '产品',
        topology: '参考拓扑',
        openFile: '打开案例文件',
        builtIn: '内置案例',
        enterprise: '企业案例',
        loading: '加载中',
        renderError: '拓扑无法绘制',
        fit: '适应',
        reset: '1:1',
        zoomIn: '+',
        zoomOut: '-',
      },
    });
    const detail: CaseDetail = {
      id: 'zhejiang-rcu',
      customer: '浙江农信',
      title: '金融级 PaaS 平台',
      industry: 'rural-credit',
      industryLabel: '农信',
      year: 2019,
      builtIn: true,
      patterns: [{ id: 'two-regions-three-dcs', name: '两地三中心' }],
      products: [{ id: 'sofastack', name: 'SOFAStack' }],
      keyFigures: ['上线 1 天'],
      challenge: `第一段 ${XSS}\n\n第二段`,
      solution: '两地三中心的高可用方案',
      outcomes: [{ id: 'release', metric: '应用发布', value: '分钟级' }],
      patternEvidence: [{ id: 'two-regions-three-dcs', name: '两地三中心', evidence: '两地三中心的高可用方案' }],
      topologyMermaid: 'flowchart LR\n  hz1["杭州 主中心"] --> hz2["杭州 同城"]',
      file: '/cases/zhejiang-rcu.yaml',
      line: 3,
    };
    await page.evaluate((d) => window.postMessage({ type: 'show', detail: d }, '*'), detail);
    await waitForPosted(page, 'rendered');
    assert.equal(await page.locator('h1').innerText(), '浙江农信');
    assert.equal(await page.locator('.figure-value').innerText(), '分钟级');
    assert.ok((await page.locator('main').innerText()).includes(XSS));
    assert.equal(await page.locator('img').count(), 0);
    await page.locator('a.pattern').click();
    await page.locator('a.open-file').click();
    const h = await harness();
    assert.deepEqual(postedOf(h, 'rendered')[0]?.labels, ['杭州 主中心', '杭州 同城']);
    assert.deepEqual(postedOf(h, 'openPattern')[0], { type: 'openPattern', id: 'two-regions-three-dcs' });
    assert.equal(postedOf(h, 'openFile').length, 1);
    assert.deepEqual([h.violations, h.errors, h.dialogs], [[], [], []]);
    await page.close();
  });

  describe('pages drawn as HTML (clause page, compliance matrix)', () => {
    const row = (over: Partial<ComplianceRowView>): ComplianceRowView => ({
      ref: 'cbrc-2010-114#第七条',
      title: '《商业银行数据中心监管指引》（银监发〔2010〕114号）第七条',
      status: 'not-met',
      statusLabel: '不满足',
      line: 57,
      reason: XSS,
      rules: ['remote-dr-centre-required'],
      verified: true,
      ...over,
    });
    const strings = {
      counts: '{0} 条：满足 {1}，不满足 {2}，未写明 {3}，条款未核实 {4}，定义/范围 {5}。',
      none: '无',
      status: '状态',
      clause: '条款',
      system: '系统',
      reason: '说明',
      line: '行',
      lineN: '第 {0} 行',
      wholeProposal: '整个方案',
      unverifiedClause: '（条款未核实）',
    };

    it('the compliance matrix: a line click reveals it, a clause click opens the clause, hostile text stays text, no CSP violation', async () => {
      const rows = [
        row({}),
        row({ ref: 'gbt-20988-2007#附录A', status: 'unverified', statusLabel: '条款未核实', line: 33, verified: false, reason: 'x' }),
      ];
      const body = compliancePageBody({ uri: 'file:///p.arch.yaml', version: 1, rows }, '合规对照：p.arch.yaml', strings);
      const { page, harness } = await open(
        { title: '合规对照', kind: 'compliance', scripts: ['dist/staticPage.js'], styles: ['webview.css'], strings: {}, body },
        'vscode-dark',
        null,
      );
      assert.equal(await page.locator('table.compliance tbody tr').count(), 2);
      assert.ok((await page.locator('main').innerText()).includes(XSS));
      assert.equal(await page.locator('img').count(), 0);
      await page.locator('a[data-line="57"]').click();
      await page.locator('a[data-clause="gbt-20988-2007#附录A"]').click();
      const h = await harness();
      assert.deepEqual(postedOf(h, 'reveal'), [{ type: 'reveal', line: 57 }]);
      assert.deepEqual(postedOf(h, 'openClause'), [{ type: 'openClause', ref: 'gbt-20988-2007#附录A' }]);
      assert.deepEqual([h.violations, h.errors, h.dialogs], [[], [], []]);
      await page.close();
    });

    it('the clause page: the quoted text as text, the file link posts openFile', async () => {
      const detail: ClauseDetail = {
        ref: 'cbrc-2010-114#第七条',
        docId: 'cbrc-2010-114',
        title: '《商业银行数据中心监管指引》（银监发〔2010〕114号）第七条',
        documentTitle: '商业银行数据中心监管指引',
        number: '银监发〔2010〕114号',
        issuer: XSS,
        year: 2010,
        article: '第七条',
        documentStatus: '现行有效',
        text: `原文 ${XSS}`,
        summary: 'summary',
        verified: true,
        source: { url: 'https://example.org/114', read: '2026-12-02' },
        appliesTo: ['省级农村信用联合社'],
        grounds: [{ id: 'remote-dr-centre-required', name: '异地灾备中心' }],
        file: '/regulations/cbrc-2010-114.yaml',
        line: 40,
      };
      const labels = Object.fromEntries(
        [
          'verified',
          'unverified',
          'unverifiedMeaning',
          'issuer',
          'year',
          'status',
          'requirement',
          'noText',
          'summary',
          'note',
          'source',
          'noSource',
          'appliesTo',
          'grounds',
          'noGrounds',
          'openFile',
        ].map((k) => [k, k]),
      );
      const body = clausePageBody(detail, { ...labels, readOn: 'read {0}' } as Parameters<typeof clausePageBody>[1]);
      const { page, harness } = await open(
        { title: detail.title, kind: 'clause-page', scripts: ['dist/staticPage.js'], styles: ['webview.css'], strings: {}, body },
        'vscode-light',
        null,
      );
      assert.ok((await page.locator('blockquote.clause-text').innerText()).includes(XSS));
      assert.equal(await page.locator('img').count(), 0);
      await page.locator('a[data-action="openFile"]').click();
      const h = await harness();
      assert.equal(postedOf(h, 'openFile').length, 1);
      assert.deepEqual([h.violations, h.errors, h.dialogs], [[], [], []]);
      await page.close();
    });
  });
});

/** The bundles `npm run build` makes; built here only when missing (e.g. running this file alone). */
async function ensureBundles(): Promise<void> {
  const targets = [
    ['media/src/mermaid.ts', 'media/dist/mermaid.js'],
    ['media/src/preview.ts', 'media/dist/preview.js'],
    ['media/src/casePage.ts', 'media/dist/casePage.js'],
    ['media/src/staticPage.ts', 'media/dist/staticPage.js'],
  ] as const;
  const missing = targets.filter(([, out]) => !existsSync(path.join(ROOT, out)));
  if (missing.length === 0) return;
  const { build } = await import('esbuild');
  await Promise.all(
    missing.map(([entry, outfile]) =>
      build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'chrome110',
        logLevel: 'warning',
      }),
    ),
  );
}
