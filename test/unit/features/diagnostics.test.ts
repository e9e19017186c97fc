import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { isDiagnosticData } from '../../../server/src/service/features/diagnostics';
import type { CasePatternEvidence, CaseRecord } from '../../../server/src/service/types';
import { doc, fixture, service, settings } from './helpers';
import { realLibrary } from '../../fixtures/library';

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
    // `data` names the finding (its fixes stay on the server): rule, version, place in the list.
    diagnostics.forEach((d, index) => assert.deepEqual(d.data, { rule: d.code, version: 1, index }));
    assert.ok(isDiagnosticData(tier.data));
  });

  it('points relatedInformation at the exact evidence of the recommended pattern in each cited case', () => {
    const library = realLibrary();
    for (const locale of ['zh-CN', 'en'] as const) {
      const document = doc(TEXT);
      const tier = ls.doValidation(document, settings(locale)).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
      const finding = ls.analyze(document, settings(locale)).findings.find((f) => f.rule === 'tier1-two-regions-three-dcs')!;
      assert.ok(tier.relatedInformation && tier.relatedInformation.length === finding.cases.length, 'one entry per cited case');
      for (const [i, info] of tier.relatedInformation.entries()) {
        const record: CaseRecord = library.cases.get(finding.cases[i]!)!;
        const evidence: CasePatternEvidence = record.patterns.find((p) => finding.patterns.includes(p.pattern))!;
        assert.equal(info.location.uri, URI.file(evidence.source.file).toString());
        assert.deepEqual(info.location.range, evidence.source.range);
        // Short: the customer and the pattern its evidence shows; the place says the rest.
        const customer = locale === 'zh-CN' ? record.customer.zh : record.customer.en;
        const pattern = library.patterns.get(evidence.pattern)!.name;
        assert.equal(info.message, locale === 'zh-CN' ? `${customer}：${pattern.zh}` : `${customer}: ${pattern.en}`);
      }
      assert.equal(
        tier.relatedInformation[0]!.message,
        locale === 'zh-CN' ? '天弘基金：两地三中心' : 'Tianhong Fund: Two regions, three data centres',
      );
    }
  });

  it('keeps the payload lean: related entries are built once and shared by the diagnostics that cite them', () => {
    const two = `${TEXT}  - id: cards\n    name: 信用卡\n    tier: 1\n    sites: [cd-2]\n`;
    const tiers = ls.doValidation(doc(two), settings('zh-CN')).filter((d) => d.code === 'tier1-two-regions-three-dcs');
    assert.equal(tiers.length, 2);
    assert.ok(tiers[0]!.relatedInformation!.length > 0);
    tiers[0]!.relatedInformation!.forEach((info, i) => assert.equal(info, tiers[1]!.relatedInformation![i], 'the same object'));
    assert.equal(tiers[0]!.codeDescription, tiers[1]!.codeDescription);
    assert.deepEqual(Object.keys(tiers[1]!.data as object).sort(), ['index', 'rule', 'version']);
  });

  it('messages follow the locale: Chinese text in zh-CN, English in en', () => {
    const zh = ls.doValidation(doc(TEXT), settings('zh-CN')).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
    const en = ls.doValidation(doc(TEXT), settings('en')).find((d) => d.code === 'tier1-two-regions-three-dcs')!;
    assert.match(zh.message, /一级业务系统/);
    assert.doesNotMatch(en.message, /一级/);
  });

  it('applies severity settings and leaves suppressed findings out', () => {
    const off = ls.doValidation(
      doc(TEXT),
      settings('en', { 'tier1-two-regions-three-dcs': 'off', 'high-availability-cold-standby': 'error' }),
    );
    assert.ok(!off.some((d) => d.code === 'tier1-two-regions-three-dcs'));
    assert.equal(off.find((d) => d.code === 'high-availability-cold-standby')!.severity, DiagnosticSeverity.Error);
    const waived = TEXT.replace(
      '    tier: 1\n    sites: [cd-1]',
      '    tier: 1 # casebook-ignore tier1-two-regions-three-dcs: 试点系统，明年迁移\n    sites: [cd-1]',
    );
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
