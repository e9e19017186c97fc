/**
 * The Regulations view, clause pages and clause search (issue 11), from the
 * built-in library: what the client is handed, localised, and nothing a page
 * shows unescaped.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { searchClauses } from '../../../server/src/service/regulationSearch';
import { citationCounts, clauseDetail, regulationTree, renderClausePage } from '../../../server/src/service/regulationViews';
import type { ClauseDetail } from '../../../shared/src/protocol';
import type { Finding } from '../../../server/src/service/types';

const BUILT_IN = path.resolve(__dirname, '../../../regulations');
const library = loadRegulations(BUILT_IN, []);

const finding = (rule: string, regulations: string[], suppressed = false): Finding => ({
  rule,
  severity: 'warning',
  message: '',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  path: [],
  patterns: [],
  cases: [],
  regulations,
  suppressed,
  fixes: [],
});

describe('regulation views', () => {
  it('lists documents → clauses, counting the unsuppressed findings that cite each clause once', () => {
    const findings = [
      finding('remote-dr-centre-required', ['cbrc-2010-114#第七条', 'cbrc-2010-114#第三条（四）']),
      finding('remote-dr-too-close', ['cbrc-2010-114#第三条（四）', 'cbrc-2010-114#第三条（四）']),
      finding('remote-dr-too-close', ['cbrc-2010-114#第三条（四）'], true),
    ];
    assert.equal(citationCounts(findings).get('cbrc-2010-114#第三条（四）'), 2);
    const tree = regulationTree(library, findings, 'zh-CN');
    assert.deepEqual(
      tree.map((d) => d.id),
      ['cbrc-2010-114', 'cbrc-2011-104', 'gbt-20988-2007', 'gbt-22239-2019'],
    );
    const dc = tree[0]!;
    assert.equal(dc.title, '商业银行数据中心监管指引');
    const count = (ref: string) => dc.clauses.find((c) => c.ref === ref)!.findings;
    assert.equal(count('cbrc-2010-114#第三条（四）'), 2);
    assert.equal(count('cbrc-2010-114#第七条'), 1);
    assert.equal(count('cbrc-2010-114#第二条'), 0);
    const gbt = tree.find((d) => d.id === 'gbt-20988-2007')!;
    assert.equal(gbt.clauses[0]!.verified, false);
    assert.ok(gbt.status.includes('GB/T 20988-2025'));
    assert.ok(regulationTree(library, [], 'en')[0]!.title.startsWith('Guidelines'));
    assert.deepEqual(regulationTree(undefined, [], 'en'), []);
  });

  it('a clause page carries the quoted text, source, verified status, scope and checks', () => {
    const d = clauseDetail(library, 'cbrc-2011-104#第二十五条', 'en')!;
    assert.equal(d.title, 'Guidelines on the Supervision of Business Continuity of Commercial Banks (银监发〔2011〕104号), 第二十五条');
    assert.ok(d.text.includes('不得大于4小时'));
    assert.equal(d.verified, true);
    assert.match(d.source.url ?? '', /^https:\/\/github\.com\/search/);
    assert.ok(d.appliesTo.some((l) => l.includes('city commercial banks')));
    assert.ok(d.appliesTo.includes('Important systems (important: true)'));
    assert.deepEqual(
      d.grounds.map((g) => g.id),
      ['important-recovery-ceiling'],
    );
    assert.ok(d.grounds[0]!.name.includes('ceiling'));
    const seven = clauseDetail(library, 'cbrc-2010-114#第七条', 'zh-CN')!;
    assert.ok(seven.appliesTo.some((l) => l.includes('资产总额 ≥ 1000 亿元') && l.includes('跨省设立分支机构')));
    assert.equal(clauseDetail(library, 'cbrc-2010-114#第九十九条', 'en'), undefined);
    assert.equal(clauseDetail(undefined, 'cbrc-2010-114#第七条', 'en'), undefined);
  });

  it('renders the page in both languages, says unverified plainly, and escapes every text', () => {
    const en = renderClausePage(clauseDetail(library, 'gbt-20988-2007#附录A', 'en')!, 'en');
    assert.ok(en.includes('<strong>Unverified</strong>'));
    assert.ok(en.includes('No public text was found'));
    const zh = renderClausePage(clauseDetail(library, 'cbrc-2010-114#第三条（四）', 'zh-CN')!, 'zh-CN');
    assert.ok(zh.includes('已核实'));
    assert.ok(zh.includes('一般距离在数百公里以上'));
    assert.ok(zh.includes('<a href="https://www.safety-officer.cn/archives/241.html">'));
    const hostile: ClauseDetail = {
      ...clauseDetail(library, 'cbrc-2010-114#第二条', 'en')!,
      text: '<script>alert(1)</script>',
      source: { url: 'javascript:alert(1)' },
    };
    const html = renderClausePage(hostile, 'en');
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;'));
    assert.ok(!html.includes('javascript:'), 'only http(s) links');
  });
});

describe('clause search', () => {
  const ids = (q: string, locale: 'en' | 'zh-CN' = 'zh-CN') => searchClauses(library, q, locale).map((r) => r.id);

  it('finds clauses by document number, article, words of the summary or the quoted text', () => {
    assert.ok(ids('114号 第七条').includes('cbrc-2010-114#第七条'));
    assert.equal(ids('银监发[2011]104号 第二十五条')[0], 'cbrc-2011-104#第二十五条');
    assert.ok(ids('4小时').includes('cbrc-2011-104#第二十五条'));
    assert.ok(ids('remote-mode', 'en').includes('cbrc-2010-114#第七条'));
    assert.ok(ids('热冗余').includes('gbt-22239-2019#第三级'));
    const r = searchClauses(library, '第七条', 'en')[0]!;
    assert.equal(r.kind, 'clause');
    assert.ok(r.title.includes('(银监发〔2010〕114号), 第七条'));
  });

  it('needs every term, ignores an empty query, and honours the limit', () => {
    assert.deepEqual(ids('第七条 热冗余'), []);
    assert.deepEqual(ids('   '), []);
    assert.deepEqual(searchClauses(undefined, '114号', 'en'), []);
    assert.equal(searchClauses(library, '114号', 'en', 2).length, 2);
    assert.deepEqual(ids('银监发〔2010〕114号 第七条'), ids('银监发[2010] 114号 第七条'));
    assert.ok(ids('银监发[2010] 114号 第七条').includes('cbrc-2010-114#第七条'));
    assert.deepEqual(ids('第七条 '.repeat(60)), [], 'a query longer than the case index takes is pasted text');
  });
});
