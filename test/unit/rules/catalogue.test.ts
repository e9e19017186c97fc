/**
 * The rule catalogue as a whole: metadata, the good proposals on which no
 * rule fires, the bad proposal on which every rule fires, the figures the
 * messages quote, and every quick fix applied and re-checked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { actionable } from '../../../server/src/service/regulations';
import { RULES, QUOTED_FIGURES, type CasebookRule } from '../../../server/src/service/rules';
import { figure } from '../../../server/src/service/library/figures';
import type { CaseLibrary, RawFinding } from '../../../server/src/service/types';
import { validate } from '../../../server/src/service/validation';
import { nodeAtPath } from '../../../server/src/service/yamlNodes';
import { currentBlock, generatedDocs, staleMessage } from '../../generatedDocs';
import { assertFixesWork, FIXTURES, fixture, library, modelOf } from './harness';
import { realLibrary } from '../../fixtures/library';
import { fixtureFigures } from '../../fixtures/rules/library';

const CONTRACT_PATTERNS = new Set(
  'two-regions-three-dcs three-regions-five-dcs same-city-active-active multi-site-active-active unitization distributed-database microservices saga service-mesh containers dual-mode-release unified-paas hybrid-cloud security-zones full-link-tracing rate-limiting gray-release realtime-risk-control unified-user-center tech-stack-unification mainframe-downsizing elastic-scaling devops'.split(
    ' ',
  ),
);
const CONTRACT_CASES = new Set(fixtureFigures().map((f) => f.caseId));
const rules = RULES as CasebookRule[];
const GOOD = fs.readdirSync(FIXTURES).filter((f) => f.startsWith('good-'));
const BAD = 'bad-legacy-core.arch.yaml';

const REGULATIONS = path.resolve(__dirname, '../../../regulations');
/** The built-in regulation library: its unverified clauses ground no finding. */
const builtInRegulations: CaseLibrary = { ...library, regulations: loadRegulations(REGULATIONS, []) };
/** Plus a fictional bank's own verified standard (行内规范), so the regulation checks have figures to check against. */
const withBankStandard: CaseLibrary = {
  ...library,
  regulations: loadRegulations(REGULATIONS, [path.resolve(__dirname, '../../fixtures/regulations/bank-standards')]),
};

function runAll(text: string, lib: CaseLibrary = withBankStandard): RawFinding[] {
  const model = modelOf(text);
  return rules.flatMap((r) => r.check({ model, library: lib }));
}

/** Rules whose ground (the first clause they cite; the others are context) is unverified in the built-in library. */
const groundedOnlyOnUnverified = rules.filter((r) => {
  const ground = r.regulations?.[0];
  return ground !== undefined && !actionable(builtInRegulations.regulations!.clauses.get(ground));
});

describe('rules: catalogue', () => {
  it('has at least 16 rules with stable kebab-case ids, bilingual texts and contract patterns/cases', () => {
    assert.ok(rules.length >= 16, `${rules.length} rules`);
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'ids are unique');
    for (const r of rules) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, r.id);
      assert.ok(
        ['availability', 'geography', 'consistency', 'data', 'integration', 'delivery', 'cloud', 'legacy', 'regulation'].includes(r.family),
        `${r.id}: family ${r.family}`,
      );
      for (const text of [r.title, r.description]) assert.ok(text.zh.trim() && text.en.trim() && text.zh !== text.en, `${r.id}: bilingual`);
      assert.ok(/[\u4e00-\u9fff]/.test(r.description.zh), `${r.id}: the zh description is Chinese`);
      // A rule with no fitting evidence in the seed cites its patterns only (and says so in its description).
      assert.ok(r.patterns.length > 0, `${r.id}: cites patterns`);
      for (const p of r.patterns) assert.ok(CONTRACT_PATTERNS.has(p), `${r.id}: pattern ${p}`);
      for (const c of r.cases) assert.ok(CONTRACT_CASES.has(c), `${r.id}: case ${c}`);
      for (const q of r.quotes) assert.ok(r.cases.includes(q.caseId), `${r.id} quotes ${q.caseId} without citing it`);
    }
  });

  it('documents every rule in docs/rules.md, generated from the rules and the library (npm run docs rewrites it)', () => {
    const doc = generatedDocs().find((d) => d.file.endsWith('rules.md'))!;
    const docs = fs.readFileSync(doc.file, 'utf8');
    assert.ok(currentBlock(doc, docs) !== undefined, 'docs/rules.md has the generated markers');
    assert.ok(currentBlock(doc, docs) === doc.block, staleMessage(doc));
    const headings = new Set([...docs.matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]));
    assert.deepEqual(
      rules.map((r) => r.id).filter((id) => !headings.has(id)),
      [],
    );
  });

  it('has four good proposals, each valid against the format', () => {
    assert.deepEqual(GOOD.sort(), [
      'good-bank-core.arch.yaml',
      'good-fund-hybrid-cloud.arch.yaml',
      'good-internet-insurance.arch.yaml',
      'good-securities-user-center.arch.yaml',
    ]);
    for (const name of GOOD) {
      const problems = validate(modelOf(fixture(name)));
      assert.deepEqual(
        problems.map((p) => `${p.rule} ${JSON.stringify(p.path)} ${p.message.en}`),
        [],
        name,
      );
    }
  });

  it('cites only clauses the built-in regulation library has; the regulation family cites at least one each', () => {
    const clauses = builtInRegulations.regulations!.clauses;
    for (const r of rules) {
      for (const ref of r.regulations ?? []) assert.ok(clauses.has(ref), `${r.id}: ${ref} is in regulations/`);
      if (r.family === 'regulation') assert.ok((r.regulations ?? []).length > 0, `${r.id} cites a clause`);
    }
    assert.deepEqual(
      groundedOnlyOnUnverified.map((r) => r.id),
      [],
      'every regulation rule now cites a verified built-in clause first',
    );
  });

  it('no rule grounded only on unverified clauses fires with the built-in regulation library', () => {
    const fired = runAll(fixture(BAD), builtInRegulations).map((f) => f.rule);
    for (const r of groundedOnlyOnUnverified) assert.ok(!fired.includes(r.id), `${r.id} fired on an unverified clause`);
  });

  for (const name of GOOD) {
    it(`no rule fires on ${name}`, () => {
      assert.deepEqual(
        runAll(fixture(name)).map((f) => `${f.rule} ${JSON.stringify(f.path)}`),
        [],
      );
    });
  }

  describe(`on ${BAD}`, () => {
    const text = fixture(BAD);
    const findings = runAll(text);
    const model = modelOf(text);

    it('every rule fires, each finding on the node its path names', () => {
      const fired = new Set(findings.map((f) => f.rule));
      assert.deepEqual(
        rules.map((r) => r.id).filter((id) => !fired.has(id)),
        [],
      );
      for (const f of findings) {
        const node = nodeAtPath(model.tree.root, f.path);
        assert.ok(node && JSON.stringify(node.path) === JSON.stringify(f.path), `${f.rule}: path ${JSON.stringify(f.path)} resolves`);
        const end = f.range.end;
        const inside = end.line < node.range.end.line || (end.line === node.range.end.line && end.character <= node.range.end.character);
        assert.ok(inside && end.line >= node.range.start.line, `${f.rule}: range ends within its node`);
        // The trailing comment on the line says which rule should fire there.
        const line = model.tree.lineIndex.lineText(f.range.start.line);
        assert.ok(
          line.includes(f.rule) || f.rule === 'tier1-missing-recovery-objectives' || f.rule === 'availability-exceeds-dependencies',
          `${f.rule} lands on "${line.trim()}"`,
        );
        assert.ok(
          f.message.zh.trim() && f.message.en.trim() && /[\u4e00-\u9fff]/.test(f.message.zh),
          `${f.rule}: messages in both languages`,
        );
      }
    });

    it('every quoted figure appears in a message, and no message quotes an undeclared one', () => {
      const declared = new Set(QUOTED_FIGURES.map(([c, o]) => `${c}/${o}`));
      for (const fig of fixtureFigures()) {
        const key = `${fig.caseId}/${fig.outcomeId}`;
        const quoting = findings.filter((f) => f.message.zh.includes(fig.zh) && f.message.en.includes(fig.en));
        if (declared.has(key)) assert.ok(quoting.length > 0, `${key} is declared but never quoted`);
        for (const f of quoting) {
          const rule = rules.find((r) => r.id === f.rule)!;
          assert.ok(
            rule.quotes.some((q) => q.caseId === fig.caseId && q.outcomeId === fig.outcomeId),
            `${f.rule} quotes ${key} without declaring it`,
          );
        }
      }
      assert.equal(declared.size, QUOTED_FIGURES.length, 'QUOTED_FIGURES has no duplicates');
    });

    it('every quick fix gives valid YAML without its finding', () => {
      const withFixes = findings.filter((f) => f.fixes?.length);
      assert.ok(withFixes.length >= 12, `${withFixes.length} findings with fixes`);
      for (const f of withFixes)
        assertFixesWork(
          rules.find((r) => r.id === f.rule)!,
          text,
          f,
        );
    });
  });

  describe('with the real case library', () => {
    const real = realLibrary();

    it('holds every figure the rules quote', () => {
      for (const [caseId, outcomeId] of QUOTED_FIGURES) {
        assert.ok(
          real.cases.get(caseId)?.outcomes.some((o) => o.id === outcomeId),
          `cases/ lacks ${caseId}/${outcomeId}`,
        );
      }
    });

    it('messages name the real customers and figures', () => {
      const model = modelOf(fixture(BAD));
      const f = rules.find((r) => r.id === 'tier1-two-regions-three-dcs')!.check({ model, library: real })[0]!;
      const tianhong = real.cases.get('tianhong-fund')!;
      // The figure as figures.ts quotes it: its phrase, labelled by its kind (目标 / goal): a plan is never "did it".
      const policy = figure(real, 'tianhong-fund', 'dr-policy');
      assert.match(policy.zh, /目标/);
      for (const lang of ['zh', 'en'] as const) {
        assert.ok(f.message[lang].includes(tianhong.customer[lang]) && f.message[lang].includes(policy[lang]), f.message[lang]);
      }
    });
  });
});
