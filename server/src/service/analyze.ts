import { comparePositions, rangeContains } from './lineIndex';
import { pick } from './locale';
import type { ProposalModel } from './model';
import { RULES } from './rules';
import type { AnalysisSettings, CaseLibrary, Finding, RawFinding, RuleFix, RuleMeta, Severity } from './types';
import { VALIDATION_RULES, validate } from './validation';
import { WAIVER_RULES, applyWaivers } from './waivers';

/** Every rule the engine knows, validation first: for settings, docs and SARIF. */
export const ALL_RULES: readonly RuleMeta[] = [...VALIDATION_RULES, ...RULES, ...WAIVER_RULES];
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
/** The rule ids a waiver may name. */
const KNOWN_RULES: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES_BY_ID.get(id);
}

export interface AnalysisOutput {
  findings: Finding[];
  /** Rules that threw: a bug in one rule must not take the others down. */
  internalErrors: { rule: string; error: unknown }[];
}

/**
 * Checks one proposal: format validation, then every rule, then waivers and
 * severity settings. Pure: the same model, library and settings give the same
 * findings, in document order.
 */
export function analyzeProposal(model: ProposalModel, library: CaseLibrary, settings: AnalysisSettings): AnalysisOutput {
  const internalErrors: AnalysisOutput['internalErrors'] = [];
  const raw: RawFinding[] = validate(model);
  for (const rule of RULES) {
    if (settings.rules[rule.id] === 'off') continue;
    try {
      raw.push(...rule.check({ model, library }));
    } catch (error) {
      internalErrors.push({ rule: rule.id, error });
    }
  }
  const waived = applyWaivers(model, raw, settings, { knownRules: KNOWN_RULES });
  const findings: Finding[] = [];
  for (const { finding, suppression } of waived) {
    const meta = RULES_BY_ID.get(finding.rule);
    const configured = settings.rules[finding.rule];
    if (configured === 'off') continue;
    const severity: Severity = configured ?? finding.severity ?? meta?.defaultSeverity ?? 'warning';
    findings.push({
      rule: finding.rule,
      severity,
      message: pick(finding.message, settings.locale),
      range: finding.range,
      path: finding.path,
      patterns: finding.patterns ?? meta?.patterns ?? [],
      cases: finding.cases ?? meta?.cases ?? [],
      regulations: finding.regulations ?? meta?.regulations ?? [],
      suppressed: !!suppression,
      ...(suppression ? { suppression } : {}),
      fixes: (finding.fixes ?? [])
        .filter((f) => !editsSharedNode(model, finding, f))
        .map((f) => ({ title: pick(f.title, settings.locale), edits: f.edits })),
    });
  }
  // Rule ids are ASCII: code-unit order is their order, without the cost of a locale comparison.
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return { findings, internalErrors };
}

/**
 * Whether a fix rewrites the finding's own node where that node lies outside its system: a field merged in from an
 * anchor (`<<: *defaults`) or an alias. Every system that shares it would change, more than the fix's title says, so
 * such a fix is left out (the waiver and the finding stay).
 */
function editsSharedNode(model: ProposalModel, finding: RawFinding, fix: RuleFix): boolean {
  const [section, index] = finding.path;
  if (section !== 'systems' || typeof index !== 'number') return false;
  const system = model.systems[index];
  const own = system?.node.range;
  if (!own || (rangeContains(own, finding.range.start) && rangeContains(own, finding.range.end))) return false;
  return fix.edits.some(
    ({ range }) => comparePositions(range.start, finding.range.end) <= 0 && comparePositions(finding.range.start, range.end) <= 0,
  );
}
