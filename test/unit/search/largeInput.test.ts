/**
 * Large inputs in case files: a field past its limit is a located library
 * problem and is cut, and search indexes a long name in time linear in its
 * length. The inputs are large enough that a quadratic regression shows in the
 * suite's runtime (a 100,000-character customer name once took 82 s); the
 * assertions are on the results.
 */
import * as assert from 'node:assert/strict';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../../server/src/service/library/fields';
import { parseCaseFile } from '../../../server/src/service/library/parse';
import { createSearchIndex } from '../../../server/src/service/search';
import { libraryOf } from '../../fixtures/library';
import { caseRecord } from '../../fixtures/search/library';

const caseFile = (customerZh: string, challengeEn = 'Challenge') =>
  [
    'id: huge',
    `customer: { zh: "${customerZh}", en: Huge Bank }`,
    'industry: bank',
    'title: { zh: 标题, en: Title }',
    `challenge: { zh: 挑战, en: "${challengeEn}" }`,
    'solution: { zh: 方案, en: Solution }',
  ].join('\n');

describe('large case-file fields', () => {
  it('reports a 100,000-character customer name where it is written, in both languages, and cuts it', () => {
    const parsed = parseCaseFile(caseFile('银'.repeat(100_000)), '/corp/huge.yaml', false);
    const tooLong = parsed.problems.filter((p) => /too long/.test(p.message.en));
    assert.equal(tooLong.length, 1, JSON.stringify(parsed.problems.map((p) => p.message.en)));
    assert.equal(tooLong[0]!.range.start.line, 1);
    assert.match(tooLong[0]!.message.en, /"customer" is too long \(100000 characters; the limit is 200\)/);
    assert.match(tooLong[0]!.message.zh, /过长/);
    assert.equal(parsed.value!.customer.zh.length, MAX_NAME_CHARS);
    assert.equal(parsed.value!.customer.en, 'Huge Bank');
  });

  it('cuts prose past its limit too, and leaves text within the limits alone', () => {
    const parsed = parseCaseFile(caseFile('大银行', 'x'.repeat(MAX_TEXT_CHARS + 5)), '/corp/prose.yaml', false);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0]!.range.start.line, 4);
    assert.equal(parsed.value!.challenge.en.length, MAX_TEXT_CHARS);
    assert.deepEqual(parseCaseFile(caseFile('大银行'), '/corp/ok.yaml', false).problems, []);
  });
});

describe('search over long names', () => {
  for (const [shape, name] of [
    ['Han characters', '银行'.repeat(50_000)],
    ['words', 'ab '.repeat(33_000)],
    ['one word', 'a'.repeat(100_000)],
  ] as const) {
    it(`indexes a 100,000-character customer name (${shape}) and still finds it by its head`, () => {
      // Built directly, as an enterprise library that bypassed the parser's limits would be.
      const lib = libraryOf([
        caseRecord({ id: 'long', customer: { zh: name, en: name }, industry: 'bank', title: { zh: '同城双活', en: 'x' } }),
        caseRecord({ id: 'short', customer: { zh: '南京银行', en: 'Bank of Nanjing' }, industry: 'bank', title: { zh: '放款', en: 'y' } }),
      ]);
      const index = createSearchIndex(lib);
      const query = shape === 'Han characters' ? 'yinhangyinhang' : shape === 'words' ? 'abab' : 'aaaa';
      assert.ok(
        index.search(query).some((h) => h.id === 'long'),
        `no hit for ${query}`,
      );
      assert.equal(index.search('南京银行')[0]?.id, 'short');
    });
  }
});
