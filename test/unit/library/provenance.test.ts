/**
 * Every claim of the built-in library traced to the seed sentence it rests on
 * (issue 10). The seed is the customer-case document the library is written
 * from; a copy sits beside this test so that it runs anywhere, and it is
 * checked against the shared original when that is present.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLibrary } from '../../../server/src/service/library/build';
import { figure } from '../../../server/src/service/library/figures';
import type { CaseLibrary, EvidenceKind } from '../../../server/src/service/types';
import { EVIDENCE_KINDS } from '../../../server/src/service/types';
import { realLibrary } from '../../fixtures/library';

const SEED_COPY = path.join(__dirname, 'seed.txt');
const SHARED_SEED = '/work/shared/seed/000_ee510504cc575341.txt';

/** Whitespace-normalised: the seed wraps lines and spaces CJK text unevenly ("最短的时 间内"). */
const normalise = (text: string) => text.replace(/\s+/g, '');

/** The numbers a text states: 100, 99.99, 1000, 2, 58 … (digits only; 百万 etc. are words). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}

/** Does `number` occur in `source` as a whole number (so 10 is not found inside 100)? */
function statesNumber(source: string, number: string): boolean {
  const escaped = number.replace('.', '\\.');
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`).test(source);
}

interface Claim {
  where: string;
  kind: EvidenceKind | undefined;
  seedSentence: string | undefined;
  /** The zh texts whose numbers must occur in the source. */
  texts: string[];
}

function claimsOf(library: CaseLibrary): Claim[] {
  const claims: Claim[] = [];
  for (const record of library.cases.values()) {
    if (!record.builtIn) continue;
    for (const o of record.outcomes) {
      claims.push({
        where: `${record.id}/outcomes/${o.id}`,
        kind: o.kind,
        seedSentence: o.seedSentence,
        texts: [o.metric.zh, o.value.zh, ...(o.phrase ? [o.phrase.zh] : [])],
      });
    }
    for (const p of record.patterns) {
      claims.push({ where: `${record.id}/patterns/${p.pattern}`, kind: p.kind, seedSentence: p.seedSentence, texts: [p.evidence.zh] });
    }
  }
  return claims;
}

describe('provenance of the built-in library (issue 10)', () => {
  let seed: string;
  let library: CaseLibrary;
  before(() => {
    seed = normalise(fs.readFileSync(SEED_COPY, 'utf8'));
    library = realLibrary();
  });

  it('tests against the shared seed document, unchanged', function () {
    if (!fs.existsSync(SHARED_SEED)) this.skip();
    assert.equal(fs.readFileSync(SEED_COPY, 'utf8'), fs.readFileSync(SHARED_SEED, 'utf8'));
  });

  it('gives every outcome and every piece of evidence a kind and a source', () => {
    const missing = claimsOf(library)
      .filter((c) => !c.kind || !c.seedSentence)
      .map((c) => `${c.where}: ${c.kind ? '' : 'no kind '}${c.seedSentence ? '' : 'no source'}`);
    assert.deepEqual(missing, []);
    assert.ok(claimsOf(library).length > 60, 'every case has its claims');
  });

  it('quotes each source verbatim from the seed (whitespace-normalised)', () => {
    const notInSeed = claimsOf(library)
      .filter((c) => c.seedSentence && !seed.includes(normalise(c.seedSentence)))
      .map((c) => `${c.where}: ${c.seedSentence}`);
    assert.deepEqual(notInSeed, []);
  });

  it('states no number the source does not state', () => {
    const wrong: string[] = [];
    for (const claim of claimsOf(library)) {
      if (!claim.seedSentence) continue;
      const source = normalise(claim.seedSentence);
      for (const text of claim.texts) {
        for (const n of numbersIn(text)) if (!statesNumber(source, n)) wrong.push(`${claim.where}: ${n} (in "${text}")`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('labels every quoted figure that is not a result, in both languages', () => {
    const cui = figure(library, 'china-united-insurance', 'upgrade-downtime');
    assert.match(cui.zh, /^客户证言：/);
    assert.match(cui.en, /^testimonial: /);
    const claim = figure(library, 'china-united-insurance', 'claim-time');
    assert.match(claim.zh, /^一位客户的案例：/);
    assert.match(claim.en, /^one customer's case: /);
    for (const record of library.cases.values()) {
      for (const o of record.outcomes) {
        const quoted = figure(library, record.id, o.id);
        if (o.kind === 'result') assert.doesNotMatch(quoted.zh, /^(目标|方案优势|客户证言|一位客户的案例)：/, `${record.id}/${o.id}`);
        else assert.match(quoted.zh, /^(目标|方案优势|客户证言|一位客户的案例)：/, `${record.id}/${o.id}: ${quoted.zh}`);
        assert.doesNotMatch(quoted.zh, /（[^）]*（/, `${record.id}/${o.id}: nested parentheses in ${quoted.zh}`);
        assert.doesNotMatch(quoted.en, /\([^)]*\(/, `${record.id}/${o.id}: nested parentheses in ${quoted.en}`);
      }
    }
  });

  it('never phrases a goal as done', () => {
    const done = /已|完成|实现了|做到了|\bdid\b|\bachieved\b|\bbuilt\b|\bmoved\b/;
    for (const record of library.cases.values()) {
      for (const o of record.outcomes) {
        if (o.kind !== 'goal') continue;
        const quoted = figure(library, record.id, o.id);
        assert.doesNotMatch(quoted.zh, done, `${record.id}/${o.id}: ${quoted.zh}`);
        assert.doesNotMatch(quoted.en, done, `${record.id}/${o.id}: ${quoted.en}`);
      }
    }
  });

  it('marks a reference topology that invents what the seed does not say', () => {
    for (const record of library.cases.values()) {
      if (!record.topology) continue;
      assert.ok(record.illustrative, `${record.id}: its topology names placeholder cities, so the case must say so`);
      assert.match(record.illustrative.zh, /示意/);
      assert.match(record.illustrative.en, /illustrative/);
    }
  });
});

const ACME_HEAD = [
  'id: acme',
  'customer: { zh: 某行, en: A bank }',
  'industry: bank',
  'title: { zh: 某行, en: A bank }',
  'challenge: { zh: 挑战, en: challenge }',
  'solution: { zh: 方案, en: solution }',
  '',
].join('\n');

describe('library parser: kind and source', () => {
  const parse = (body: string) => buildLibrary([{ path: '/lib/cases/acme.yaml', builtIn: false, text: `${ACME_HEAD}${body}` }]);

  it('reads kind and source, and reports an unknown kind where it is written, in both languages', () => {
    const library = parse(
      [
        'outcomes:',
        '  - id: rto',
        '    metric: { zh: 恢复时间, en: recovery time }',
        '    value: { zh: 30 分钟, en: 30 minutes }',
        '    kind: goal',
        '    source: 目标是 30 分钟。',
        '  - id: bad',
        '    metric: { zh: 指标, en: metric }',
        '    value: { zh: 1, en: 1 }',
        '    kind: promise',
      ].join('\n'),
    );
    const acme = library.cases.get('acme')!;
    assert.equal(acme.outcomes[0]!.kind, 'goal');
    assert.equal(acme.outcomes[0]!.seedSentence, '目标是 30 分钟。');
    assert.equal(acme.outcomes[1]!.kind, undefined);
    const problem = library.problems.find((p) => p.message.en.includes('promise'))!;
    assert.ok(problem, 'the bad kind is reported');
    assert.equal(problem.range.start.line, 15);
    assert.match(problem.message.zh, /依据类型“promise”/);
    assert.match(problem.message.en, new RegExp(EVIDENCE_KINDS.join(', ')));
  });

  it('lets an enterprise case omit kind and source: its figures are quoted unlabelled', () => {
    const library = parse(
      ['outcomes:', '  - id: rto', '    metric: { zh: 恢复时间, en: recovery time }', '    value: { zh: 30 分钟, en: 30 minutes }'].join(
        '\n',
      ),
    );
    assert.deepEqual(library.problems, []);
    assert.deepEqual(figure(library, 'acme', 'rto'), { zh: '恢复时间 30 分钟', en: 'recovery time 30 minutes' });
  });

  it('reads an illustrative note on the case', () => {
    const library = parse('illustrative: { zh: 城市为示意, en: cities are illustrative }');
    assert.deepEqual(library.cases.get('acme')!.illustrative, { zh: '城市为示意', en: 'cities are illustrative' });
  });
});
