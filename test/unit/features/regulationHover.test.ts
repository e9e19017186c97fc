/** Hover on a regulation's number or name (issue 11): the document's clauses, verified or not, with their source. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { testLibrary } from '../../fixtures/library';
import { doc, service, settings, withCursor } from './helpers';

const library = { ...testLibrary(), regulations: loadRegulations(path.resolve(__dirname, '../../../regulations'), []) };
const ls = service({ lib: library });

function hover(marked: string, locale: 'en' | 'zh-CN' = 'zh-CN') {
  const { text, position } = withCursor(marked);
  const result = ls.doHover(doc(text), position, settings(locale));
  return result ? { value: (result.contents as MarkupContent).value, range: result.range } : undefined;
}

const PROPOSAL = (comment: string) => `casebook: proposal/v1
name: 核心
${comment}
sites:
  - { id: a, city: 上海, role: primary }
systems:
  - { id: s, name: s, sites: [a] }
`;

describe('hover: regulations', () => {
  it('on 银监发〔2010〕114号 in a comment: the clauses with their text and source', () => {
    const h = hover(PROPOSAL('# 按 银监发〔2010〕1|14号 第三条建设异地灾备'))!;
    assert.ok(h.value.includes('《商业银行数据中心监管指引》（银监发〔2010〕114号）'));
    assert.ok(h.value.includes('一般距离在数百公里以上'));
    assert.ok(h.value.includes('**第三条（四）** · 已核实'));
    assert.ok(h.value.includes('**第七条** · 已核实'));
    assert.ok(h.value.includes('应设立异地模式灾备中心'));
    assert.ok(h.value.includes('safety-officer.cn'));
    assert.deepEqual(h.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 17 } });
  });

  it('on the short number, with [] brackets, and on GB/T 20988 and 等保三级', () => {
    assert.ok(hover(PROPOSAL('# 104|号'))!.value.includes('银监发〔2011〕104号'));
    assert.ok(hover(PROPOSAL('# 银监发[2011]104号|'))!.value.includes('商业银行业务连续性监管指引'));
    const gbt = hover(PROPOSAL('# 灾备能力按 GB/T 209|88 第5级'), 'en')!.value;
    assert.ok(gbt.includes('replaced by GB/T 20988-2025'));
    assert.ok(gbt.includes('**unverified**'));
    assert.ok(hover(PROPOSAL('# 等保三|级'))!.value.includes('GB/T 22239-2019'));
  });

  it('in a value, and nothing elsewhere on the line', () => {
    assert.ok(hover(PROPOSAL('description: 满足 114|号 要求'))!.value.includes('114号'));
    const other = hover(PROPOSAL('# 按 114号 第三|条'));
    assert.ok(!other || !other.value.includes('商业银行数据中心监管指引'));
  });

  it('a diagnostic citing a clause opens it through relatedInformation', () => {
    const text = `casebook: proposal/v1
name: 核心
sites:
  - { id: fs-1, city: 佛山, role: primary }
  - { id: fs-2, city: 佛山, role: hot-standby }
  - { id: gz-1, city: 广州, role: hot-standby }
systems:
  - { id: core, name: 核心, tier: 1, rto: 1h, rpo: 0, sites: [fs-1, fs-2, gz-1] }
`;
    const diagnostic = ls.doValidation(doc(text), settings('zh-CN')).find((d) => d.code === 'remote-dr-too-close');
    assert.ok(diagnostic, 'remote-dr-too-close fires');
    const info = diagnostic.relatedInformation?.find((r) => r.location.uri.endsWith('cbrc-2010-114.yaml'));
    assert.ok(info, 'the clause is related');
    assert.equal(info.message, '《商业银行数据中心监管指引》（银监发〔2010〕114号）第三条（四）');
  });
});
