/**
 * The clause page and the compliance page as HTML (client/src/webviews/regulationHtml.ts):
 * what each shows, unverified said plainly, and nothing from the library or the proposal unescaped.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { clauseDetail } from '../../../server/src/service/regulationViews';
import {
  clausePageBody,
  compliancePageBody,
  complianceCounts,
  sortComplianceRows,
  type ClausePageStrings,
  type CompliancePageStrings,
} from '../../../client/src/webviews/regulationHtml';
import type { ClauseDetail, ComplianceRowView } from '../../../shared/src/protocol';

const library = loadRegulations(path.resolve(__dirname, '../../../regulations'), []);

/** Each string names itself, so a test sees which one a page used. */
const CLAUSE: ClausePageStrings = {
  verified: '[verified]',
  unverified: '[unverified]',
  unverifiedMeaning: '[no warning]',
  issuer: '[issuer]',
  year: '[year]',
  status: '[status]',
  requirement: '[requirement]',
  noText: '[no text]',
  summary: '[summary]',
  note: '[note]',
  source: '[source]',
  noSource: '[no source]',
  readOn: '[read {0}]',
  appliesTo: '[applies]',
  grounds: '[grounds]',
  noGrounds: '[no grounds]',
  openFile: '[open file]',
};
const COMPLIANCE: CompliancePageStrings = {
  counts: '[{0} rows {1} met {2} not-met {3} not-stated {4} unverified {5} defs]',
  none: '[none]',
  status: '[status]',
  clause: '[clause]',
  system: '[system]',
  reason: '[why]',
  line: '[line]',
  lineN: '[line {0}]',
  wholeProposal: '[proposal]',
  unverifiedClause: '[clause unverified]',
};

const row = (over: Partial<ComplianceRowView>): ComplianceRowView => ({
  ref: 'cbrc-2011-104#第二十五条',
  title: '《商业银行业务连续性监管指引》（银监发〔2011〕104号）第二十五条',
  status: 'met',
  statusLabel: '满足',
  line: 3,
  reason: 'ok',
  rules: [],
  verified: true,
  ...over,
});

describe('client: regulation pages', () => {
  it('a verified clause page: title, number, issuer, year, status, the quoted text, the source and its checks', () => {
    const detail = clauseDetail(library, 'cbrc-2011-104#第二十五条', 'zh-CN')!;
    const html = clausePageBody(detail, CLAUSE);
    assert.ok(html.includes('[verified]') && !html.includes('[unverified]'));
    assert.ok(html.includes(detail.number.replace(/[&<>"']/g, '')), 'the number');
    assert.ok(html.includes('<dd>2011</dd>'), 'the year');
    assert.ok(html.includes(`<dd>${detail.issuer}</dd>`), 'the issuer');
    assert.ok(html.includes(detail.documentStatus));
    assert.ok(html.includes('不得大于4小时'), 'the text as quoted');
    assert.ok(html.includes(`<a href="${detail.source.url!.replace(/&/g, '&#38;')}">`), 'the source address, a link');
    assert.ok(html.includes('<code>important-recovery-ceiling</code>'), 'the check it grounds');
    assert.ok(html.includes('data-action="openFile"'));
    assert.ok(!/<script/i.test(html));
  });

  it('an unverified clause says so plainly, and that nothing is quoted when no text was found', () => {
    const detail = clauseDetail(library, 'gbt-20988-2007#附录A', 'en')!;
    assert.equal(detail.verified, false);
    const html = clausePageBody({ ...detail, text: '' }, CLAUSE);
    assert.ok(html.includes('<strong>[unverified]</strong> [no warning]'));
    assert.ok(html.includes('[no text]'));
    assert.ok(!html.includes('[verified]'));
  });

  it('escapes every text of a clause and links only http(s)', () => {
    const hostile: ClauseDetail = {
      ...clauseDetail(library, 'cbrc-2010-114#第二条', 'en')!,
      title: '<img src=x onerror=alert(1)>',
      text: '<script>alert(1)</script>',
      summary: '"><b>',
      issuer: '<i>',
      source: { url: 'javascript:alert(1)', also: '<a href="javascript:x">', read: '<u>' },
      grounds: [{ id: '<x>', name: '</li>' }],
    };
    const html = clausePageBody(hostile, CLAUSE);
    for (const raw of ['<script>', '<img', '<b>', '<i>', '<u>', '<x>', 'javascript:alert', 'href="javascript'])
      assert.ok(!html.includes(raw), raw);
    assert.ok(html.includes('&#60;script&#62;'));
    assert.ok(html.includes('[no source]'), 'a non-http address is no link');
  });

  it('the compliance matrix: worst first, counted, every line a link, each clause opening its page', () => {
    const rows = [
      row({ status: 'met', line: 9 }),
      row({ status: 'unverified', line: 1, verified: false, statusLabel: '条款未核实' }),
      row({ status: 'not-met', line: 12, system: 'deposit', rules: ['important-recovery-ceiling'], statusLabel: '不满足' }),
      row({ status: 'not-stated', line: 2 }),
    ];
    assert.deepEqual(
      sortComplianceRows(rows).map((r) => r.status),
      ['not-met', 'not-stated', 'met', 'unverified'],
    );
    assert.deepEqual(complianceCounts(rows), { met: 1, 'not-met': 1, 'not-stated': 1, unverified: 1, informative: 0 });
    const html = compliancePageBody({ uri: 'file:///a.arch.yaml', version: 1, rows }, 'Compliance: a.arch.yaml', COMPLIANCE);
    assert.ok(html.includes('[4 rows 1 met 1 not-met 1 not-stated 1 unverified 0 defs]'));
    assert.ok(html.includes('<a href="#" data-line="12">[line 13]</a>'), 'zero-based line, shown one-based');
    assert.ok(html.includes('data-clause="cbrc-2011-104#第二十五条"'));
    assert.ok(html.includes('<code>deposit</code>') && html.includes('[proposal]'));
    assert.ok(html.includes('[clause unverified]'));
    assert.ok(html.indexOf('不满足') < html.indexOf('条款未核实'), 'not met before unverified');
    assert.ok(html.includes('<code>important-recovery-ceiling</code>'));
  });

  it('an empty matrix says so; hostile rows stay text', () => {
    assert.ok(compliancePageBody({ uri: 'u', version: 1, rows: [] }, 't', COMPLIANCE).includes('[none]'));
    const html = compliancePageBody(
      { uri: 'u', version: 1, rows: [row({ title: '<script>x</script>', reason: '<img src=x>', system: '"><b>', ref: '"onclick="x' })] },
      '<h1>',
      COMPLIANCE,
    );
    for (const raw of ['<script>', '<img', '<b>', '"onclick', '<h1><h1>']) assert.ok(!html.includes(raw), raw);
  });
});
