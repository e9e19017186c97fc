/**
 * The review dossier's renderer on fixtures: every section in both formats
 * and languages, findings grouped by severity with their customers and
 * figures, waiver expiry marks, Markdown escaping, the hostile proposal as text.
 */
import * as assert from 'node:assert/strict';
import { buildDossier, waiverStatus } from '../../../server/src/service/report/dossier';
import { escapeXml, mdCell } from '../../../server/src/service/report/escape';
import { fit } from '../../../server/src/service/report/svg';
import { BANK, builtInLibrary, proposal, report, TODAY, WAIVERS, XSS } from './helpers';

const SECTIONS = ['summary', 'topology', 'scenarios', 'findings', 'waivers', 'cases'];

describe('report: review dossier', () => {
  describe('HTML', () => {
    it('has every section, in order, for one proposal', () => {
      const html = report([BANK], 'html', 'zh-CN');
      const at = SECTIONS.map((s) => html.indexOf(`id="p0-${s}"`));
      assert.ok(
        at.every((i) => i > 0),
        `sections: ${at.join(',')}`,
      );
      assert.deepEqual(
        [...at].sort((a, b) => a - b),
        at,
      );
      for (const heading of ['方案概要', '部署拓扑', '故障场景', '检查结果', '豁免登记', '参考案例'])
        assert.ok(html.includes(heading), heading);
    });

    it('summarises customer, industry, systems with tier, availability, RTO, RPO and topology words', () => {
      const html = report([BANK], 'html', 'zh-CN');
      assert.match(html, /某省农村信用社联合社/);
      assert.match(html, /<dd>农信<\/dd>/);
      assert.match(html, /<code>core<\/code><\/td><td>核心账务<\/td><td>一级<\/td><td>99\.99%<\/td><td>2h<\/td><td>0<\/td>/);
      assert.match(html, /冷备/);
    });

    it('draws the topology as inline SVG: every site, its role, its systems, links labelled sync/async', () => {
      const html = report([BANK], 'html', 'en');
      const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
      const { model } = proposal(BANK, 'en');
      for (const site of model.sites) assert.ok(svg.includes(`data-site="${site.id!.value}"`), site.id!.value);
      assert.match(svg, />primary</);
      assert.match(svg, />cold standby</);
      assert.match(svg, />sync</);
      assert.match(svg, />async/);
      assert.match(svg, /core · /);
    });

    it('has the failure-scenario table from the scenario engine', () => {
      const html = report([BANK], 'html', 'en');
      const table = /<table class="scenarios">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      assert.match(table, /site cd-gaoxin/);
      assert.match(table, /class="st-down"/);
      assert.match(table, /breaks its tier/);
      assert.match(table, /no data lost/);
    });

    it('groups every finding by severity, most severe first, with line, customers and labelled figures', () => {
      const p = proposal(BANK, 'zh-CN');
      const html = report([BANK], 'html', 'zh-CN');
      const severities = [...html.matchAll(/data-severity="(\w+)"/g)].map((m) => m[1]);
      assert.deepEqual(severities, [...new Set(severities)]);
      assert.equal(severities[0], 'error');
      const rows = [...html.matchAll(/<table class="findings">[\s\S]*?<\/table>/g)].map((m) => (m[0].match(/<tr><td>/g) ?? []).length);
      assert.equal(
        rows.reduce((a, b) => a + b, 0),
        p.findings.length,
      );
      const tier1 = p.findings.find((f) => f.rule === 'tier1-two-regions-three-dcs')!;
      assert.ok(html.includes(`<tr><td>${tier1.range.start.line + 1}</td><td><code>tier1-two-regions-three-dcs</code>`));
      assert.match(html, /<strong>天弘基金<\/strong><ul class="plain"><li><span class="kind">\[目标\]<\/span>/);
      assert.match(html, /<span class="kind">\[成果\]<\/span>/);
    });

    it('lists the waiver register and marks expired and expiring waivers', () => {
      const html = report([WAIVERS], 'html', 'zh-CN');
      const table = /<table class="waivers">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      assert.match(table, /data-status="expiring"[\s\S]*?李四[\s\S]*?2026-12-20[\s\S]*?30 天内到期/);
      assert.match(table, /data-status="expired"[\s\S]*?王五[\s\S]*?2026-11-30[\s\S]*?已过期/);
      assert.match(table, /data-status="active"[\s\S]*?赵六/);
      assert.match(html, /class="waived">已豁免: 长期保留/);
    });

    it('lists matching reference cases with why they match', () => {
      const html = report([BANK], 'html', 'en');
      const table = /<table class="cases">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      assert.match(table, /<strong>[^<]+<\/strong>/);
      assert.match(table, /same industry|related industry|cited by/);
    });

    it('is self-contained: no script, no external URL, a CSP that forbids both, print CSS', () => {
      const html = report([BANK, WAIVERS], 'html', 'en');
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /\b(src|href)="(?!#)/i);
      assert.doesNotMatch(html, /url\(/i);
      assert.doesNotMatch(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ''), /https?:\/\//);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
      assert.match(html, /@media print/);
      assert.match(html, /break-before: page/);
      assert.match(html, /tr, tbody.scope, .figure-wrap, dl.facts \{ break-inside: avoid; \}/);
      assert.match(html, /thead \{ display: table-header-group; \}/);
      assert.match(html, /color-scheme: light/);
      assert.match(html, /<article id="p1"/);
    });

    it('escapes everything from the hostile proposal', () => {
      const html = report([XSS], 'html', 'en');
      for (const raw of ['<img src=x', "<script>alert('customer')", '<b onmouseover', '<iframe', '</div><iframe'])
        assert.ok(!html.includes(raw), raw);
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(html.includes('&lt;script&gt;alert(&#39;customer&#39;)&lt;/script&gt;'));
      assert.ok(html.includes('&quot;]; click dc-2 call alert(3); %%'));
      assert.doesNotMatch(html, /<[a-z][^>]*\son\w+\s*=/i);
    });

    it('speaks English with the en locale', () => {
      const html = report([BANK], 'html', 'en');
      for (const heading of ['Summary', 'Topology', 'Failure scenarios', 'Findings', 'Waiver register', 'Reference cases'])
        assert.ok(html.includes(heading));
      assert.match(html, /<html lang="en">/);
    });
  });

  describe('Markdown', () => {
    it('has every section, the topology as a mermaid block, GitHub tables', () => {
      const text = report([BANK], 'md', 'zh-CN');
      for (const heading of ['## 方案概要', '## 部署拓扑', '## 故障场景', '## 检查结果', '## 豁免登记', '## 参考案例'])
        assert.ok(text.includes(heading), heading);
      assert.match(text, /```mermaid\nflowchart LR\n[\s\S]*?\n```/);
      assert.match(text, /\| ID \| 名称 \| 等级 \| 可用性 \| RTO \| RPO \| 站点 \| 拓扑形态 \|\n\| --- \|/);
      assert.match(text, /### 错误 \(\d+\)/);
    });

    it('keeps each table row on one line with the same number of cells as its header', () => {
      const text = report([WAIVERS, XSS], 'md', 'en');
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (!line.startsWith('| --- ')) continue;
        const count = (l: string) => l.replace(/\\\|/g, '').split('|').length;
        const width = count(line);
        assert.equal(count(lines[i - 1]!), width, lines[i - 1]);
        for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) assert.equal(count(lines[j]!), width, lines[j]);
      }
    });

    it('escapes pipes and newlines in cells and marks waiver expiry', () => {
      const text = report([WAIVERS], 'md', 'zh-CN');
      assert.ok(text.includes('支付 \\| 清算 主系统'));
      assert.ok(text.includes('| ledger | 总账<br>核算 |'));
      assert.match(text, /\| 2026-12-20 \| \*\*⚠ 30 天内到期\*\* \|/);
      assert.match(text, /\| 2026-11-30 \| \*\*⚠ 已过期\*\* \|/);
      assert.match(text, /\| 2030-12-31 \| 有效 \|/);
      assert.equal(mdCell('a|b\nc'), 'a\\|b<br>c');
    });

    it('renders hostile labels as text: no raw HTML, mermaid labels entity-coded', () => {
      const text = report([XSS], 'md', 'en');
      assert.doesNotMatch(text, /(?<!\\)<(img|script|iframe|b |\/div)/i);
      assert.ok(text.includes('\\<img src=x onerror=alert\\(1\\)\\>'));
      assert.ok(text.includes('#lt;img src=x onerror=alert(4)#gt;'));
    });
  });

  describe('parts', () => {
    it('marks waivers by their date', () => {
      assert.equal(waiverStatus('2026-12-01', false, TODAY), 'expired');
      assert.equal(waiverStatus('2026-12-02', false, TODAY), 'expiring');
      assert.equal(waiverStatus('2027-01-01', false, TODAY), 'expiring');
      assert.equal(waiverStatus('2027-01-02', false, TODAY), 'active');
      assert.equal(waiverStatus(undefined, false, TODAY), 'open-ended');
      assert.equal(waiverStatus('2027-13-01', true, TODAY), 'invalid');
    });

    it('keeps the findings of analyzeProposal, every one, in severity groups', () => {
      const p = proposal(BANK, 'en');
      const dossier = buildDossier({ proposals: [p], library: builtInLibrary(), locale: 'en', today: TODAY });
      const grouped = dossier.proposals[0]!.findings;
      assert.equal(
        grouped.reduce((n, g) => n + g.rows.length, 0),
        p.findings.length,
      );
      for (const g of grouped) for (const r of g.rows) assert.equal(r.severity, g.severity);
    });

    it('escapes XML and fits labels', () => {
      assert.equal(escapeXml(`<a href="x">'&'</a>\u0001`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\ufffd');
      assert.equal(fit('short', 100), 'short');
      assert.ok(fit('一二三四五六七八九十一二三四五六七八九十', 60).endsWith('…'));
    });
  });
});
