import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Locale, Localized } from './locale';
import type { Industry, ProposalModel } from './model';
import type { JsonPath } from './yamlNodes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/* ------------------------------------------------------------------------ */
/* The case library                                                          */
/* ------------------------------------------------------------------------ */

/** Where something was written in a library file (for relatedInformation and errors). */
export interface SourceLocation {
  /** Absolute file path. */
  file: string;
  range: Range;
}

/**
 * What the seed document says a claim is (issue 10): `result` — reported as
 * achieved; `goal` — planned or targeted (希望/需要/目标/能够支持); `advantage` — a
 * 方案优势 list, what the solution offers; `testimonial` — 客户证言, the customer's
 * own words; `anecdote` — one customer or one event (其中一位…).
 */
export const EVIDENCE_KINDS = ['result', 'goal', 'advantage', 'testimonial', 'anecdote'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One figure of a case, e.g. 放款 1 秒 or 日结 4 小时 → 6 分钟, with what kind of claim it is. */
export interface OutcomeFigure {
  /** Stable within the case: `loan-time`, `daily-orders`, … */
  id: string;
  /** What was measured: 平均放款时间 / average time to grant a loan. */
  metric: Localized;
  /** The figure as a reader says it: 1 秒 / 1 second; 4 小时 → 6 分钟 / 4 hours → 6 minutes. */
  value: Localized;
  /** Structured where the seed gives numbers. */
  before?: Quantity;
  after?: Quantity;
  /**
   * The figure as one phrase, the way messages quote it ("7×24 小时服务，可用率 99.99%");
   * without it, messages fall back to "metric value".
   */
  phrase?: Localized;
  /** What kind of claim the figure is; absent only in an enterprise case that does not say (read as a result). */
  kind?: EvidenceKind;
  /** The seed sentence it rests on, verbatim (YAML `source`); enterprise cases may have none. */
  seedSentence?: string;
  source: SourceLocation;
}

export interface Quantity {
  amount: number;
  /** `s`, `min`, `h`, `percent`, `orders/day`, `orders/s`, `TB/day`, `times`, `users` … */
  unit: string;
}

export interface CasePatternEvidence {
  pattern: string;
  /** How this customer shows the pattern, in a sentence. */
  evidence: Localized;
  kind?: EvidenceKind;
  /** The seed sentence the evidence rests on, verbatim (YAML `source`). */
  seedSentence?: string;
  source: SourceLocation;
}

export interface CaseRecord {
  id: string;
  /** False for enterprise cases loaded from configured folders. */
  builtIn: boolean;
  file: string;
  customer: Localized;
  /** Other names the customer goes by (中华保险 / 中华财险, 人保健康 / 中国人保, …). */
  aliases: string[];
  industry: Industry;
  year?: number;
  title: Localized;
  challenge: Localized;
  solution: Localized;
  /** Product ids from the product catalogue. */
  products: string[];
  outcomes: OutcomeFigure[];
  patterns: CasePatternEvidence[];
  /** A reference topology in the proposal format, where the seed states one. */
  topology?: { file: string; text: string };
  /**
   * What the reference topology invents because the seed gives none (cities,
   * tiers, roles): "城市为示意 / cities are illustrative". Shown wherever the
   * topology is.
   */
  illustrative?: Localized;
  /** Where the customer's name is written (the target of "open case"). */
  source: SourceLocation;
}

export interface PatternRecord {
  id: string;
  builtIn: boolean;
  file: string;
  name: Localized;
  /** 两地三中心, 2R3DC, "two regions three centres", … (searched and hovered). */
  aliases: string[];
  summary: Localized;
  whenToApply: Localized;
  cost: Localized;
  /** Case ids that show the pattern. */
  cases: string[];
  source: SourceLocation;
}

export interface ProductRecord {
  id: string;
  /** The brand name in Latin letters, shown in English (and in Chinese when there is no zhName). */
  name: string;
  /** The Chinese name the zh UI shows: 数据中台, 保险专家服务, 金融钉钉. */
  zhName?: string;
  aliases: string[];
  description: Localized;
  source: SourceLocation;
}

export interface LibraryProblem {
  file: string;
  range: Range;
  message: Localized;
}

export interface CaseLibrary {
  cases: Map<string, CaseRecord>;
  patterns: Map<string, PatternRecord>;
  products: Map<string, ProductRecord>;
  /** Broken library files; the rest of the library still loads. */
  problems: LibraryProblem[];
  /** The regulation library (`regulations/` and enterprise folders), when loaded. */
  regulations?: RegulationLibrary;
}

/* ------------------------------------------------------------------------ */
/* The regulation library (issue 11)                                         */
/* ------------------------------------------------------------------------ */

export const INSTITUTION_TYPES = [
  'state-owned',
  'joint-stock',
  'city-commercial',
  'rural-commercial',
  'rural-credit-union',
  'insurer',
  'securities',
  'fund',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** What a clause requires, in a form a check can read (only on verified clauses does a check act on it). */
export const CLAUSE_REQUIREMENTS = ['remote-dr-centre', 'offsite-backup', 'remote-dr-realtime-switch'] as const;
export type ClauseRequirement = (typeof CLAUSE_REQUIREMENTS)[number];

/**
 * What a GB/T 20988 level's name says the DR site must have, in a form the topology can show:
 * a standby site (备用场地), complete processing equipment there (完整设备), real-time data transmission (实时数据传输).
 */
export const DR_LEVEL_ELEMENTS = ['standby-site', 'standby-equipment', 'realtime-transfer'] as const;
export type DrLevelElement = (typeof DR_LEVEL_ELEMENTS)[number];

/** From this level up, the element is required; `name` is the level's name as the source words it. */
export interface DrLevelRequirement {
  level: number;
  element: DrLevelElement;
  name: Localized;
}

/** One alternative of a clause's institution scope: every stated condition must hold (114号 第七条: 1000亿 and cross-province). */
export interface InstitutionProfile {
  institutions?: InstitutionType[];
  /** institution.totalAssets at least this, in 亿元. */
  minTotalAssets?: number;
  /** institution.crossProvince must equal this. */
  crossProvince?: boolean;
}

/** The lowest DR level a clause requires of an institution's important systems (114号 第七条: 5, or 4). */
export interface DrLevelFloor extends InstitutionProfile {
  level: number;
}

export interface RegulationClause {
  /** `<doc-id>#<article>`: `cbrc-2010-114#第三条（四）`. */
  ref: string;
  docId: string;
  article: string;
  /** The requirement verbatim, as the public text found words it; empty when it was not found. */
  text: string;
  summary: Localized;
  appliesTo: {
    institutions?: InstitutionType[];
    important?: boolean;
    /** The clause applies to each system that claims a `drLevel`. */
    drLevel?: boolean;
    mlps?: number[];
    profiles?: InstitutionProfile[];
  };
  /** Rule ids this clause grounds. */
  grounds: string[];
  source: { url?: string; also?: string; read?: string };
  /** False: the text or figure could not be confirmed; no check may warn on it. */
  verified: boolean;
  note?: Localized;
  /** Recovery ceilings for the systems the clause applies to, in seconds. */
  ceiling?: { rtoSeconds?: number; rpoSeconds?: number };
  requires?: ClauseRequirement;
  /** The institutions `requires` holds for, where narrower than the clause's scope (114号 第七条: a remote centre only for some). */
  requiresWhen?: InstitutionProfile[];
  /** What each DR level's name requires of the topology (`dr-level-unreachable`). */
  drLevels?: DrLevelRequirement[];
  /** The DR level the clause requires, by institution: the highest floor whose profile matches (`dr-level-below-required`). */
  drLevelFloor?: DrLevelFloor[];
  location: SourceLocation;
}

export interface RegulationDocument {
  id: string;
  builtIn: boolean;
  file: string;
  title: Localized;
  /** 银监发〔2010〕114号, GB/T 20988-2007. */
  number: string;
  aliases: string[];
  issuer: Localized;
  year?: number;
  /** `in-force`, `replaced` or `unverified`. */
  status: string;
  replacedBy?: string;
  statusNote?: Localized;
  clauses: RegulationClause[];
  source: SourceLocation;
}

export interface RegulationLibrary {
  documents: Map<string, RegulationDocument>;
  /** Every clause by ref. */
  clauses: Map<string, RegulationClause>;
  problems: LibraryProblem[];
}

/* ------------------------------------------------------------------------ */
/* Rules and findings                                                        */
/* ------------------------------------------------------------------------ */

/** A quick fix a rule knows how to make. */
export interface RuleFix {
  title: Localized;
  edits: TextEdit[];
}

/** What a rule or validator reports, before severity settings, waivers and localisation. */
export interface RawFinding {
  rule: string;
  message: Localized;
  range: Range;
  path: JsonPath;
  /** Defaults to the rule's. */
  patterns?: string[];
  cases?: string[];
  fixes?: RuleFix[];
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  /** Clauses cited (`<doc-id>#<article>`); defaults to the rule's. */
  regulations?: string[];
}

export interface RuleContext {
  model: ProposalModel;
  library: CaseLibrary;
}

export interface RuleDefinition {
  /** Stable, kebab-case: `tier1-two-regions-three-dcs`. */
  id: string;
  /** The rule family module it lives in: `availability`, `data`, … */
  family: string;
  defaultSeverity: Severity;
  title: Localized;
  /** What the rule checks and why, with the customers (rule docs, SARIF help). */
  description: Localized;
  patterns: string[];
  cases: string[];
  /** Regulation clauses the rule rests on (`<doc-id>#<article>`). */
  regulations?: string[];
  check(context: RuleContext): RawFinding[];
}

/** A rule's description without its check: validation and waiver rules are described this way too. */
export type RuleMeta = Omit<RuleDefinition, 'check'>;

/** A finding as the CLI prints it and the server publishes it. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  path: JsonPath;
  patterns: string[];
  cases: string[];
  /** Regulation clauses cited (`<doc-id>#<article>`); empty when none. */
  regulations: string[];
  suppressed: boolean;
  /** Why it is suppressed (the waiver's reason), when it is. */
  suppression?: { reason: string; owner?: string; until?: string; range: Range };
  fixes: { title: string; edits: TextEdit[] }[];
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                  */
/* ------------------------------------------------------------------------ */

export interface AnalysisSettings {
  locale: Locale;
  /** Severity per rule id, overriding the default; `off` silences the rule. */
  rules: Record<string, SeveritySetting>;
  /** ISO date (YYYY-MM-DD) waivers are compared to; today when unset. */
  today?: string;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { locale: 'en', rules: {} };
