/**
 * The compliance matrix (issue 11): every clause of the regulation library
 * that applies to a proposal and its institution, with met / not met / not
 * stated and the line. Pure: the CLI (`casebook compliance`) reads the file
 * and runs the analysis, and hands the findings in.
 *
 * A clause applies by its scope: institution types (unknown while
 * `institution.type` is not stated), MLPS levels, and important systems (one
 * row per system marked `important: true`). Its status:
 * - `unverified` — its text or figure was not confirmed; nothing is judged on it;
 * - `not-met` — a finding of a check it grounds cites it (the finding's line);
 * - `not-stated` — what the check needs (institution.type, rto/rpo, sites) is not written;
 * - `met` — a check it grounds ran on what is written and found nothing;
 * - `informative` — a definition or scope clause: nothing to check.
 */
import type { ComplianceStatus } from '../../../shared/src/protocol';
import type { Localized } from './locale';
import type { ProposalModel, SystemModel } from './model';
import { clauseTitle, institutionFacts, profileMatch, requirementMatch, type InstitutionFacts } from './regulations';
import type { Finding, RegulationClause, RegulationLibrary } from './types';

/** Declared once, in the protocol the compliance page reads too. */
export type { ComplianceStatus };

export interface ComplianceRow {
  clause: RegulationClause;
  title: Localized;
  /** The system the row is about; undefined for the proposal as a whole. */
  system?: string;
  status: ComplianceStatus;
  /** Zero-based line the row points at. */
  line: number;
  /** Why this status, in a sentence. */
  reason: Localized;
  /** Rules whose findings make it `not-met`. */
  rules: string[];
}

export const COMPLIANCE_LABELS: Record<ComplianceStatus, Localized> = {
  met: { zh: '满足', en: 'met' },
  'not-met': { zh: '不满足', en: 'not met' },
  'not-stated': { zh: '未写明', en: 'not stated' },
  unverified: { zh: '条款未核实', en: 'unverified' },
  informative: { zh: '适用（定义/范围）', en: 'applies (definition)' },
};

const lineOf = (range: { start: { line: number } } | undefined) => range?.start.line ?? 0;

function systemLine(system: SystemModel): number {
  return lineOf(system.id?.range ?? system.node.range);
}

/** The proposal's MLPS levels: `compliance.mlps` and every system's own. */
function mlpsLevels(model: ProposalModel): number[] {
  const levels = new Set<number>();
  if (model.mlps) levels.add(model.mlps.value);
  for (const s of model.systems) if (s.mlps) levels.add(s.mlps.value);
  return [...levels];
}

export function complianceMatrix(model: ProposalModel, library: RegulationLibrary, findings: readonly Finding[]): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  const type = model.institution?.type?.value;
  const facts = institutionFacts(model);
  const institutionLine = lineOf(model.institution?.keyRange);
  for (const clause of library.clauses.values()) {
    const title = clauseTitle(library, clause);
    const row = (status: ComplianceStatus, line: number, reason: Localized, system?: string, rules: string[] = []): void => {
      rows.push({ clause, title, ...(system !== undefined ? { system } : {}), status, line, reason, rules });
    };
    // Scope: institution type.
    const scope = clause.appliesTo.institutions;
    if (scope) {
      if (type === undefined) {
        row('not-stated', institutionLine, {
          zh: `条款适用于 ${scope.join('、')}；方案未写 institution.type，无法判断是否适用。`,
          en: `The clause applies to ${scope.join(', ')}; the proposal states no institution.type, so whether it applies is unknown.`,
        });
        continue;
      }
      if (!(scope as readonly string[]).includes(type)) continue;
    }
    // Scope: institution profiles (an enterprise clause for some banks only).
    if (clause.appliesTo.profiles) {
      const match = profileMatch(clause, facts);
      if (match === 'no') continue;
      if (match === 'unknown') {
        row('not-stated', institutionLine, {
          zh: '条款只适用于部分机构（依资产总额 institution.totalAssets、是否跨省设分支机构 institution.crossProvince）；方案未写明，无法判断是否适用。',
          en: 'The clause applies only to some institutions (by institution.totalAssets and institution.crossProvince); the proposal does not state them, so whether it applies is unknown.',
        });
        continue;
      }
    }
    // Scope: MLPS levels.
    const levels = clause.appliesTo.mlps;
    if (levels) {
      const stated = mlpsLevels(model);
      if (stated.length === 0) {
        row('not-stated', lineOf(model.mlps?.range), {
          zh: `条款适用于等保 ${levels.join('、')} 级；方案未写等保级别（compliance.mlps）。`,
          en: `The clause applies at MLPS level ${levels.join(', ')}; the proposal states no MLPS level (compliance.mlps).`,
        });
        continue;
      }
      if (!stated.some((l) => levels.includes(l))) continue;
    }
    // Scope: important systems, or systems claiming a DR level, one row each.
    const subjects: (SystemModel | undefined)[] = clause.appliesTo.important
      ? model.systems.filter((s) => s.important?.value === true)
      : clause.appliesTo.drLevel
        ? model.systems.filter((s) => s.drLevel !== undefined)
        : [undefined];
    if (subjects.length === 0) {
      row(
        'not-stated',
        0,
        clause.appliesTo.important
          ? {
              zh: '条款适用于重要系统；方案中没有标为 important: true 的系统。',
              en: 'The clause applies to important systems; no system in the proposal is marked important: true.',
            }
          : {
              zh: '条款适用于声称灾难恢复等级的系统；方案中没有系统写 drLevel。',
              en: 'The clause applies to systems that claim a DR level; no system in the proposal states drLevel.',
            },
      );
      continue;
    }
    for (const system of subjects) {
      const name = system?.id?.value;
      const line = system ? systemLine(system) : clause.appliesTo.mlps ? lineOf(model.mlps?.range) : institutionLine;
      if (!clause.verified) {
        row('unverified', line, clause.note ?? { zh: '条款原文未核实。', en: 'The clause’s text is unverified.' }, name);
        continue;
      }
      if (clause.grounds.length === 0) {
        row('informative', line, clause.summary, name);
        continue;
      }
      const cited = findings.filter(
        (f) =>
          !f.suppressed &&
          clause.grounds.includes(f.rule) &&
          f.regulations.includes(clause.ref) &&
          (!system || (f.path[0] === 'systems' && f.path[1] === system.index)),
      );
      if (cited.length > 0) {
        row(
          'not-met',
          cited[0]!.range.start.line,
          { zh: cited.map((f) => f.message).join(' '), en: cited.map((f) => f.message).join(' ') },
          name,
          [...new Set(cited.map((f) => f.rule))],
        );
        continue;
      }
      const missing = system ? missingInput(clause, system, facts) : undefined;
      if (missing) {
        row('not-stated', line, missing, name);
        continue;
      }
      row(
        'met',
        line,
        {
          zh: `检查 ${clause.grounds.join('、')} 未发现问题。`,
          en: `The check${clause.grounds.length > 1 ? 's' : ''} ${clause.grounds.join(', ')} found nothing.`,
        },
        name,
      );
    }
  }
  return rows;
}

/** What a clause's checks need that the proposal does not state, each part in a sentence; undefined when nothing is missing. */
function missingInput(clause: RegulationClause, system: SystemModel, facts: InstitutionFacts): Localized | undefined {
  const parts: Localized[] = [];
  const c = clause.ceiling;
  if (c) {
    const absent = [c.rtoSeconds !== undefined && !system.rto ? 'rto' : '', c.rpoSeconds !== undefined && !system.rpo ? 'rpo' : ''].filter(
      Boolean,
    );
    if (absent.length > 0)
      parts.push({
        zh: `系统未写 ${absent.join('、')}，无法与上限比较。`,
        en: `The system states no ${absent.join(' or ')} to compare with the ceiling.`,
      });
  }
  if (clause.drLevelFloor && !system.drLevel)
    parts.push({
      zh: '系统未写 drLevel（声称的灾难恢复能力等级），无法与要求的等级比较。',
      en: 'The system states no drLevel (the DR capability level it claims) to compare with the required level.',
    });
  if (clause.requiresWhen && requirementMatch(clause, facts) === 'unknown')
    parts.push({
      zh: '异地模式灾备中心的要求取决于资产总额（institution.totalAssets）与是否跨省设立分支机构（institution.crossProvince），方案未写明。',
      en: 'Whether a remote-mode DR centre is required depends on institution.totalAssets and institution.crossProvince, which the proposal does not state.',
    });
  if (
    (clause.requires === 'remote-dr-centre' || clause.requires === 'remote-dr-realtime-switch') &&
    requirementMatch(clause, facts) !== 'no' &&
    (!system.sites || system.topology.sites.some((s) => !s.city))
  )
    parts.push({
      zh: '系统未写全站点或站点城市，无法判断是否有异地站点。',
      en: 'The system’s sites or their cities are not all stated, so a remote site cannot be judged.',
    });
  return parts.length > 0 ? { zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join(' ') } : undefined;
}
