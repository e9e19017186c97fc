/**
 * The Regulations view, clause pages and clause search (issue 11), from the
 * built-in library: what the client is handed, localised, and nothing a page
 * shows unescaped.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { searchClauses } from '../../../server/src/service/regulationSearch';
import { citationCounts, clauseDetail, complianceRowViews, regulationTree } from '../../../server/src/service/regulationViews';
import { getLanguageService } from '../../../server/src/service/languageService';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { libraryOf, realLibrary } from '../../fixtures/library';
import type { Finding } from '../../../server/src/service/types';
import { cityCommercialCore } from '../../fixtures/regulations/proposal';

const BUILT_IN = path.resolve(__dirname, '../../../regulations');
const library = loadRegulations(BUILT_IN, []);

const PROPOSAL = cityCommercialCore({ rto: '6h', mlps: 3 });

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
    assert.equal(d.title, 'Guidelines on the Supervision of Business Continuity of Commercial Banks (银监发〔2011〕104号), Article 25');
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

  it('the façade answers the view, clause pages and clause search from the library its getter gives now', () => {
    const ls = getLanguageService({ library: () => realLibrary() });
    assert.ok(realLibrary().regulations, 'the built-in library loads the regulations');
    assert.deepEqual(
      ls.library.regulations('en').map((d) => d.id),
      ['cbrc-2010-114', 'cbrc-2011-104', 'gbt-20988-2007', 'gbt-22239-2019'],
    );
    const cited = ls.library.regulations('zh-CN', [finding('remote-dr-too-close', ['cbrc-2010-114#第三条（四）'])]);
    assert.equal(cited[0]!.clauses.find((c) => c.ref === 'cbrc-2010-114#第三条（四）')!.findings, 1);
    const page = ls.library.clause('cbrc-2011-104#第二十五条', 'zh-CN')!;
    assert.equal(page.number, '银监发〔2011〕104号');
    assert.ok(page.issuer.length > 0, 'the issuer is named');
    assert.equal(page.year, 2011);
    assert.equal(ls.library.clause('cbrc-2011-104#第九十九条', 'en'), null);
    assert.equal(ls.library.searchClauses('104号 第二十五条', { locale: 'en', limit: 5 })[0]?.id, 'cbrc-2011-104#第二十五条');
    const empty = getLanguageService({ library: () => libraryOf([]) });
    assert.deepEqual(empty.library.regulations('en'), []);
    assert.deepEqual(empty.library.searchClauses('104号', { locale: 'en', limit: 5 }), []);
  });

  it('the compliance page rows: every clause that applies, its status as a label, the line, localised', () => {
    const ls = getLanguageService({ library: () => realLibrary() });
    const doc = TextDocument.create('file:///core.arch.yaml', 'yaml', 1, PROPOSAL);
    const rows = ls.compliance(doc, { locale: 'en', rules: {} });
    const en = complianceRowViews(rows, 'en');
    const zh = complianceRowViews(rows, 'zh-CN');
    assert.equal(en.length, rows.length);
    assert.ok(en.length > 0);
    const ceiling = en.find((r) => r.ref === 'cbrc-2011-104#第二十五条' && r.system === 'deposit');
    assert.ok(ceiling, 'the RTO/RPO ceiling applies to the important system');
    assert.equal(ceiling.status, 'not-met', 'rto 6h is above the 4-hour ceiling');
    assert.deepEqual(ceiling.rules, ['important-recovery-ceiling']);
    assert.equal(ceiling.line, 12, "the finding's line (rto: 6h)");
    assert.equal(ceiling.statusLabel, 'not met');
    assert.equal(zh.find((r) => r.ref === ceiling.ref && r.system === 'deposit')!.statusLabel, '不满足');
    const unverified = en.filter((r) => r.status === 'unverified');
    assert.ok(unverified.length > 0 && unverified.every((r) => !r.verified), 'unverified clauses are rows, said so');
    for (const r of en) assert.equal(typeof r.reason, 'string');
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
    assert.ok(r.title.includes('(银监发〔2010〕114号), Article 7'), r.title);
    assert.equal(searchClauses(library, '114号 Article 7', 'en')[0]?.id, 'cbrc-2010-114#第七条', 'the English article name finds it too');
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
