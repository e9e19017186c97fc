/**
 * The façade's answers beyond the editor features: topology, matching cases, the scenario table, the compliance
 * matrix, the dossier and the library's questions, each over the service's one parse and analysis per version.
 */
import * as assert from 'node:assert/strict';
import type { AnalysisOutput } from '../../../server/src/service/analyze';
import { analyzeProposal } from '../../../server/src/service/analyze';
import { doc, fixture, service, settings } from './helpers';
import { realLibrary } from '../../fixtures/library';

const BANK = fixture('bank.arch.yaml');

describe('language service: the façade', () => {
  it('analyses a document once without caching it (casebook check), reusing a parse it already has', () => {
    let analyses = 0;
    const ls = service({
      analyze: (model, library, s): AnalysisOutput => {
        analyses++;
        return analyzeProposal(model, library, s);
      },
    });
    const document = doc(BANK, 'file:///w/once.arch.yaml', 3);
    const once = ls.analyzeOnce(document, settings('en'));
    assert.deepEqual(once.analysis.findings, analyzeProposal(once.proposal.model, ls.library.current(), settings('en')).findings);
    assert.equal(once.proposal.version, 3);
    const again = ls.analyzeOnce(document, settings('en'));
    assert.equal(analyses, 2, 'no analysis is cached');
    assert.notEqual(again.proposal, once.proposal, 'no parse is cached');
    const parsed = ls.parse(document);
    assert.notEqual(parsed, once.proposal);
    assert.equal(ls.analyzeOnce(document, settings('en')).proposal, parsed, 'a version already parsed is not parsed again');
  });

  it('draws the topology with the findings of the analysis it caches, in the settings’ language', () => {
    let analyses = 0;
    const ls = service({
      analyze: (model, library, s): AnalysisOutput => {
        analyses++;
        return analyzeProposal(model, library, s);
      },
    });
    const document = doc(BANK, 'file:///w/bank.arch.yaml', 7);
    const findings = ls.analyze(document, settings('zh-CN')).findings.filter((f) => !f.suppressed);
    assert.ok(findings.length > 0, 'the bank fixture has findings');
    const zh = ls.topology(document, settings('zh-CN'));
    assert.equal(analyses, 1, 'the topology reuses the cached analysis');
    assert.equal(zh.uri, 'file:///w/bank.arch.yaml');
    assert.equal(zh.version, 7);
    assert.match(zh.mermaid, /^flowchart/m);
    assert.ok(
      zh.nodes.some((n) => n.kind === 'system' && n.hasFindings),
      'a system with findings is marked',
    );
    assert.ok(zh.scopes && zh.scopes.length >= 3, 'every site, city and region is a loss to show');
    assert.equal(zh.lost, undefined);
    const en = ls.topology(document, settings('en'));
    assert.notEqual(en.mermaid, zh.mermaid, 'labels follow the locale');
  });

  it('draws a named loss, and treats a blank one as none', () => {
    const ls = service();
    const document = doc(BANK);
    const lost = ls.topology(document, settings(), { lose: '重庆' });
    assert.equal(lost.lost?.kind, 'site'); // 重庆 has one site: the city is that site's scope
    assert.deepEqual(ls.topology(document, settings(), { lose: '  ' }), ls.topology(document, settings()));
  });

  it('tabulates every loss, one named loss, or none when the name matches nothing', () => {
    const ls = service();
    const document = doc(BANK);
    const all = ls.scenarios(document);
    assert.equal(all.table.length, all.scopes.length);
    const chengdu = ls.scenarios(document, 'Chengdu');
    assert.equal(chengdu.table.length, 1);
    assert.equal(chengdu.table[0]?.kind, 'city');
    assert.ok(chengdu.table[0]?.systems.some((s) => s.id === 'user-center' && s.status === 'down'));
    const nowhere = ls.scenarios(document, '火星');
    assert.deepEqual(nowhere.table, []);
    assert.equal(nowhere.scopes.length, all.scopes.length);
  });

  it('finds matching cases with reasons in the settings’ language', () => {
    const ls = service();
    const document = doc(BANK);
    const zh = ls.matchingCases(document, settings('zh-CN'));
    const en = ls.matchingCases(document, settings('en'));
    assert.ok(zh.length > 0);
    assert.deepEqual(
      zh.map((c) => c.id),
      en.map((c) => c.id),
    );
    assert.ok(
      zh.some((c) => c.id === 'zhejiang-rcu'),
      'a rural credit union case for a rural credit proposal',
    );
    assert.match(zh[0]!.reasons.join(''), /[\u4e00-\u9fff]/);
  });

  it('builds a dossier of several proposals, each with its own settings', () => {
    const ls = service();
    const a = doc(BANK, 'file:///w/a.arch.yaml');
    const b = doc(BANK, 'file:///w/b.arch.yaml');
    const off = Object.fromEntries(ls.analyze(b, settings()).findings.map((f) => [f.rule, 'off' as const]));
    const dossier = (bRules: typeof off) =>
      ls.report(
        [
          { document: a, file: 'a.arch.yaml', settings: settings() },
          { document: b, file: 'b.arch.yaml', settings: settings('en', bRules) },
        ],
        { locale: 'en', today: '2025-01-01', format: 'md' },
      );
    const md = dossier({});
    assert.match(md, /a\.arch\.yaml/);
    assert.match(md, /b\.arch\.yaml/);
    assert.notEqual(dossier(off), md, 'b’s rules switched off change its part of the dossier');
    const html = ls.report([{ document: a, file: 'a.arch.yaml', settings: settings() }], {
      locale: 'en',
      today: '2025-01-01',
      format: 'html',
    });
    assert.match(html, /^<!doctype html>/i);
  });

  it('judges the clauses of the library’s regulations, and none without them', () => {
    const document = doc(BANK);
    assert.deepEqual(service().compliance(document, settings()), [], 'the test library has no regulations');
    const rows = service({ lib: realLibrary() }).compliance(document, settings());
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => ['met', 'not-met', 'not-stated', 'unverified', 'informative'].includes(r.status)));
  });

  it('answers the library’s questions: list, patterns, detail, search', () => {
    const { library } = service();
    const list = library.list('zh-CN');
    assert.ok(list.some((c) => c.id === 'tianhong-fund' && c.customer === '天弘基金'));
    assert.ok(library.patterns('en').some((p) => p.id === 'two-regions-three-dcs'));
    assert.equal(library.detail('tianhong-fund', 'en')?.customer, 'Tianhong Fund');
    assert.equal(library.detail('no-such-case', 'en'), null);
    assert.equal(library.search('天弘', { locale: 'zh-CN', limit: 5 }).results[0]?.id, 'tianhong-fund');
    assert.equal(library.search('tianhong', { locale: 'en', limit: 0 }).results.length, 0);
  });

  it('asks the host for the library on every question, so a reload is seen at once', () => {
    let current = realLibrary();
    const ls = service({ library: () => current });
    const before = ls.library.list('en').length;
    current = { ...current, cases: new Map([...current.cases].slice(0, 1)) };
    assert.equal(ls.library.list('en').length, 1);
    assert.ok(before > 1);
    assert.equal(ls.library.current(), current);
  });
});
