import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { isDiagnosticData } from '../../../server/src/service/features/diagnostics';
import type { CasePatternEvidence, CaseRecord } from '../../../server/src/service/types';
import { doc, fixture, service, settings } from './helpers';
import { realLibrary } from './library';

const TEXT = fixture('findings.arch.yaml');
const ls = service({ lib: realLibrary(), ruleDocsBase: 'file:///docs/rules.md' });

describe('features/diagnostics', () => {
  it('turns each finding into a located diagnostic with code, docs link, source and fix data', () => {
    const diagnostics = ls.doValidation(doc(TEXT), settings('en'));
    const tier = diagnostics.find((d) => d.code === 'tier1-two-regions-three-dcs');
    assert.ok(tier, 'the single-site tier-1 system is reported');
    assert.equal(tier.range.start.line, 22, 'on the tier line of loans');
    assert.equal(tier.source, 'casebook');
    assert.equal(tier.severity, DiagnosticSeverity.Warning);
    assert.equal(tier.codeDescription?.href, 'file:///docs/rules.md#tier1-two-regions-three-dcs');
    assert.match(tier.message, /loans/);
    assert.ok(isDiagnosticData(tier.data));
    const cold = diagnostics.find((d) => d.code === 'high-availability-cold-standby');
    assert.ok(cold && isDiagnosticData(cold.data) && cold.data.fixes.length === 1);
  });

  it('points relatedInformation at the exact evidence of the recommended pattern in each cited case', () => {
    const library = realLibrary();
    for (const locale of ['zh-CN', 'en'] as const) {
      const tier = ls.doValidation(doc(TEXT), settings(locale)).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
      const data: unknown = tier.data;
      assert.ok(isDiagnosticData(data));
      assert.ok(tier.relatedInformation && tier.relatedInformation.length > 0);
      for (const [i, info] of tier.relatedInformation.entries()) {
        const record: CaseRecord = library.cases.get(data.cases[i]!)!;
        const evidence: CasePatternEvidence = record.patterns.find((p) => data.patterns.includes(p.pattern))!;
        assert.equal(info.location.uri, URI.file(evidence.source.file).toString());
        assert.deepEqual(info.location.range, evidence.source.range);
        const customer = locale === 'zh-CN' ? record.customer.zh : record.customer.en;
        const text = locale === 'zh-CN' ? evidence.evidence.zh : evidence.evidence.en;
        assert.equal(info.message, locale === 'zh-CN' ? `${customer}：${text}` : `${customer}: ${text}`);
      }
      assert.match(tier.relatedInformation[0]!.message, locale === 'zh-CN' ? /^天弘基金：/ : /^Tianhong Fund/);
    }
  });

  it('messages follow the locale: Chinese text in zh-CN, English in en', () => {
    const zh = ls.doValidation(doc(TEXT), settings('zh-CN')).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
    const en = ls.doValidation(doc(TEXT), settings('en')).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
    assert.match(zh.message, /一级业务系统/);
    assert.doesNotMatch(en.message, /一级/);
  });

  it('applies severity settings and leaves suppressed findings out', () => {
    const off = ls.doValidation(doc(TEXT), settings('en', { 'tier1-two-regions-three-dcs': 'off', 'high-availability-cold-standby': 'error' }));
    assert.ok(!off.some((d) => d.code === 'tier1-two-regions-three-dcs'));
    assert.equal(off.find((d) => d.code === 'high-availability-cold-standby')!.severity, DiagnosticSeverity.Error);
    const waived = TEXT.replace('    tier: 1\n    sites: [cd-1]', '    tier: 1 # casebook-ignore tier1-two-regions-three-dcs: 试点系统，明年迁移\n    sites: [cd-1]');
    const diagnostics = ls.doValidation(doc(waived), settings('en'));
    assert.ok(!diagnostics.some((d) => d.code === 'tier1-two-regions-three-dcs'));
  });

  it('fades unused waivers and omits the docs link when no base is set', () => {
    const plain = service({ lib: realLibrary() });
    const text = TEXT.replace('name: 核心账务', 'name: 核心账务 # casebook-ignore tier2-same-city-dr: 不需要');
    const unused = plain.doValidation(doc(text), settings('en')).find((d) => d.code === 'waiver-unused');
    assert.ok(unused);
    assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
    assert.equal(unused.codeDescription, undefined);
  });
});
