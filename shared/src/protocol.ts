/**
 * Every custom request and notification between the Casebook client and
 * server, declared once and imported by both sides (as vscode-eslint does).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type IndustryId = 'bank' | 'rural-credit' | 'rural-commercial-bank' | 'insurance' | 'securities' | 'fund' | 'other';

export interface NamedRef {
  id: string;
  name: string;
}

export interface CaseSummary {
  id: string;
  customer: string;
  title: string;
  industry: IndustryId;
  industryLabel: string;
  year?: number;
  builtIn: boolean;
  patterns: NamedRef[];
  products: NamedRef[];
  /** Two or three headline figures, localised: "放款 1 秒". */
  keyFigures: string[];
}

/** What kind of claim a figure or a piece of evidence is, and the source sentence it rests on (issue 10). */
export interface ClaimProvenance {
  /** result | goal | advantage | testimonial | anecdote; absent when an enterprise case does not say. */
  kind?: 'result' | 'goal' | 'advantage' | 'testimonial' | 'anecdote';
  /** The kind as the page shows it: 成果 / 目标 / 方案优势 / 客户证言 / 一位客户的案例. */
  kindLabel?: string;
  /** The source sentence, verbatim (Chinese); absent for an enterprise claim without one. */
  source?: string;
}

export interface CaseDetail extends CaseSummary {
  challenge: string;
  solution: string;
  outcomes: ({
    id: string;
    metric: string;
    value: string;
    /** The figure as one phrase, labelled by the page with its kind. */ phrase?: string;
  } & ClaimProvenance)[];
  patternEvidence: ({ id: string; name: string; evidence: string } & ClaimProvenance)[];
  /** Where the case's claims come from: the customer-case document, or the enterprise's own documents. */
  sourceDocument?: string;
  /** What the reference topology invents because the source gives none ("城市为示意 / cities are illustrative"). */
  illustrative?: string;
  /** Mermaid text of the reference topology, when the case has one. */
  topologyMermaid?: string;
  /** The reference topology as proposal fields (for "insert reference topology"). */
  referenceTopology?: ReferenceTopology;
  /** The case file and the line of the customer's name (for "open case file"). */
  file: string;
  line: number;
}

/** Sites and links as a proposal writes them (see proposal-format.md). */
export interface ReferenceTopology {
  sites: { id: string; city: string; role: string; platform?: string }[];
  links: { from: string; to: string; mode: string }[];
}

export interface PatternSummary {
  id: string;
  name: string;
  aliases: string[];
  summary: string;
  cases: NamedRef[];
}

export interface LocaleParams {
  /** Overrides the server's locale for this answer. */
  locale?: string;
}

export namespace ListCasesRequest {
  export const method = 'casebook/listCases';
  export const type = new RequestType<LocaleParams, CaseSummary[], void>(method);
}

export namespace ListPatternsRequest {
  export const method = 'casebook/listPatterns';
  export const type = new RequestType<LocaleParams, PatternSummary[], void>(method);
}

export interface SearchCasesParams extends LocaleParams {
  query: string;
  limit?: number;
}
export interface SearchResult {
  id: string;
  title: string;
  score: number;
  /** What matched: a case, a pattern/product that leads to cases, or a regulation clause (`id` is its ref). */
  kind: 'case' | 'pattern' | 'product' | 'clause';
  detail?: string;
}
export namespace SearchCasesRequest {
  export const method = 'casebook/searchCases';
  export const type = new RequestType<SearchCasesParams, { results: SearchResult[] }, void>(method);
}

export interface CaseDetailParams extends LocaleParams {
  id: string;
}
export namespace CaseDetailRequest {
  export const method = 'casebook/caseDetail';
  export const type = new RequestType<CaseDetailParams, CaseDetail | null, void>(method);
}

/* Regulations (issue 11) ------------------------------------------------- */

/** One clause in the Regulations view. */
export interface ClauseSummary {
  /** `<doc-id>#<article>`. */
  ref: string;
  article: string;
  summary: string;
  verified: boolean;
  /** Findings in the proposal asked about that cite this clause (0 without a proposal). */
  findings: number;
}
export interface RegulationDocumentSummary {
  id: string;
  title: string;
  number: string;
  /** `in-force`, `replaced` or `unverified`, as a label. */
  status: string;
  builtIn: boolean;
  clauses: ClauseSummary[];
}
export interface RegulationsParams extends LocaleParams {
  /** The proposal whose findings are counted; none: counts are 0. */
  uri?: string;
}
export namespace RegulationsRequest {
  export const method = 'casebook/regulations';
  export const type = new RequestType<RegulationsParams, { documents: RegulationDocumentSummary[] }, void>(method);
}

/** A clause page: everything the library records of one clause, localised. */
export interface ClauseDetail {
  ref: string;
  docId: string;
  /** 《商业银行数据中心监管指引》（银监发〔2010〕114号）第七条 */
  title: string;
  documentTitle: string;
  number: string;
  /** Who issued the document, localised (empty when the library does not say). */
  issuer: string;
  year?: number;
  article: string;
  documentStatus: string;
  /** The requirement in Chinese as the public text words it; empty when not found. */
  text: string;
  summary: string;
  verified: boolean;
  note?: string;
  source: { url?: string; also?: string; read?: string };
  /** One line each: institutions, important systems, MLPS levels, profiles. */
  appliesTo: string[];
  /** The checks this clause grounds. */
  grounds: NamedRef[];
  file: string;
  line: number;
}
export interface RegulationParams extends LocaleParams {
  ref: string;
}
export namespace RegulationRequest {
  export const method = 'casebook/regulation';
  export const type = new RequestType<RegulationParams, ClauseDetail | null, void>(method);
}

export interface DocumentParams extends LocaleParams {
  uri: string;
}

/** How a proposal stands against one clause (service/compliance.ts says when each holds). */
export type ComplianceStatus = 'met' | 'not-met' | 'not-stated' | 'unverified' | 'informative';
/** One row of the compliance matrix: a clause that applies, for the proposal or one important system. */
export interface ComplianceRowView {
  /** The clause, `<doc-id>#<article>`. */
  ref: string;
  /** 《…》（number）article, localised. */
  title: string;
  /** The system the row is about; absent for the proposal as a whole. */
  system?: string;
  status: ComplianceStatus;
  /** The status as a label, localised. */
  statusLabel: string;
  /** Zero-based line of the proposal the row points at. */
  line: number;
  /** Why this status, in a sentence. */
  reason: string;
  /** Rules whose findings make it not met. */
  rules: string[];
  verified: boolean;
}
export interface ComplianceResult {
  uri: string;
  version: number;
  rows: ComplianceRowView[];
}
/** The compliance matrix of an open proposal (the one `casebook compliance` prints); null when it is not one. */
export namespace ComplianceRequest {
  export const method = 'casebook/compliance';
  export const type = new RequestType<DocumentParams, ComplianceResult | null, void>(method);
}

/** A node drawn in the topology, with where it is written (click → reveal). */
export interface TopologyNode {
  /** The Mermaid node id. */
  nodeId: string;
  kind: 'city' | 'site' | 'system';
  label: string;
  line: number;
  character: number;
  hasFindings: boolean;
}
/** A loss the failure mode can show: a site, a city or a region. */
export interface LossScope {
  kind: 'site' | 'city' | 'region';
  key: string;
  label: string;
  /** As the UI names it: 机房 cd-1 / site cd-1, 成都, 广东省（整个区域）. */
  name: string;
}

export interface TopologyParams extends DocumentParams {
  /** Failure mode: the site id, city or region to lose; its sites grey out and systems show survives/degraded/down. */
  lose?: string;
}

export interface TopologyResult {
  uri: string;
  version: number | null;
  mermaid: string;
  nodes: TopologyNode[];
  /** Lines left out to stay within TOPOLOGY_MAX_EDGES (dependencies first); the preview says so. */
  omittedEdges?: number;
  /** Every loss the failure mode can show. */
  scopes?: LossScope[];
  /** The loss drawn, when `lose` named one the proposal has. */
  lost?: Omit<LossScope, 'label'>;
}

export namespace TopologyRequest {
  export const method = 'casebook/topology';
  export const type = new RequestType<TopologyParams, TopologyResult | null, void>(method);
}

export interface MatchingCase {
  id: string;
  customer: string;
  title: string;
  score: number;
  /** Localised reasons: same industry, same tier, a recommended pattern. */
  reasons: string[];
}
export namespace MatchingCasesRequest {
  export const method = 'casebook/matchingCases';
  export const type = new RequestType<DocumentParams, { cases: MatchingCase[] }, void>(method);
}

export interface ReportParams extends DocumentParams {
  /** `html` (default): one self-contained file; `md`: GitHub/GitLab Markdown. */
  format?: 'html' | 'md';
}
export interface ReportResult {
  uri: string;
  version: number | null;
  format: 'html' | 'md';
  text: string;
}
/** The review dossier (方案评审材料) of one open proposal, as `casebook report` writes it. */
export namespace ReportRequest {
  export const method = 'casebook/report';
  export const type = new RequestType<ReportParams, ReportResult | null, void>(method);
}

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}
export namespace CheckWorkspaceRequest {
  export const method = 'casebook/checkWorkspace';
  export const type = new RequestType<{ uris: string[] }, CheckWorkspaceResult, void>(method);
}

export interface ServerStatus {
  state: 'starting' | 'ready' | 'busy';
  /** Cases loaded, and library problems (broken enterprise case files). */
  cases: number;
  libraryProblems: number;
}
export namespace StatusNotification {
  export const method = 'casebook/status';
  export const type = new NotificationType<ServerStatus>(method);
}

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  locale?: string;
  /** Absolute path of the built-in `cases/` folder (the extension's). */
  builtInCasesPath?: string;
}

/** Settings under `casebook.*`, pulled per resource. */
export interface CasebookSettings {
  rules: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  extraCasePaths: string[];
  /** `auto` follows VS Code's display language. */
  locale: 'auto' | 'zh-CN' | 'en';
  trace: { server: 'off' | 'messages' | 'verbose' };
}
