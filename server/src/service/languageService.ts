/**
 * The Casebook language service: TextDocument + position + settings → LSP
 * types, and the answers behind the `casebook/…` requests and the CLI's
 * single-file commands (topology, matching cases, the scenario table, the
 * compliance matrix, the review dossier) and the case library's questions
 * (`library`). Pure: it never imports `vscode` or the connection; the server,
 * the CLI and the tests all call it, so none of them parses, builds a model or
 * analyses by hand. Each method lives in its own module; this file only
 * combines them over one parse and one analysis per document version.
 */
import type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CaseDetail,
  CaseSummary,
  ClauseDetail,
  MatchingCase,
  PatternSummary,
  RegulationDocumentSummary,
  SearchResult,
  TopologyResult,
} from '../../../shared/src/protocol';
import { analyzeProposal, type AnalysisOutput } from './analyze';
import { caseDetail, caseSummaries, patternSummaries } from './caseViews';
import { complianceMatrix, type ComplianceRow } from './compliance';
import { getCodeActions } from './features/codeActions';
import { getCodeLenses } from './features/codeLens';
import { doComplete } from './features/completion';
import { doValidation } from './features/diagnostics';
import { findDocumentLinks } from './features/documentLinks';
import { getFoldingRanges } from './features/folding';
import { doHover } from './features/hover';
import { doRename, findDefinition, findReferences, prepareRename, renameProblem } from './features/navigation';
import { findDocumentSymbols, findWorkspaceSymbols } from './features/symbols';
import type { Locale } from './locale';
import { matchingCases } from './matching';
import { buildModel, type ProposalModel } from './model';
import { searchClauses } from './regulationSearch';
import { clauseDetail, regulationTree } from './regulationViews';
import { renderReport, type ReportFormat } from './report';
import { scenariosOf, type Scope } from './scenarios';
import { matchScopes, scenarioTable, type ScopeScenario } from './scenarioText';
import { searchIndexFor } from './search';
import { renderTopology } from './topology';
import type { AnalysisSettings, CaseLibrary, Finding } from './types';
import { YamlTreeParser } from './yamlTree';
import type { FeatureContext, ParsedProposal } from './featureContext';

export type { FeatureContext, ParsedProposal } from './featureContext';

export interface LanguageServiceOptions {
  /** The current case library (a getter: the server reloads it when case folders change). */
  library: () => CaseLibrary;
  /** Base of rule documentation links (`codeDescription.href`), e.g. a file URI of docs/rules/. */
  ruleDocsBase?: string;
  /** The analysis to run; `analyzeProposal` unless a host (or a test) supplies its own. */
  analyze?: (model: ProposalModel, library: CaseLibrary, settings: AnalysisSettings) => AnalysisOutput;
  /** Told about an exception a feature swallowed (the request still gets an empty answer); for logs and tests. */
  onError?: (feature: string, error: unknown) => void;
}

/** The case library's questions, answered from the library the host's getter gives now. */
export interface LibraryService {
  /** The library answering (the getter's current value): for callers that format records themselves. */
  current(): CaseLibrary;
  /** Every case, built-in first, then by id (`casebook/listCases`). */
  list(locale: Locale): CaseSummary[];
  /** Every pattern by id (`casebook/listPatterns`). */
  patterns(locale: Locale): PatternSummary[];
  /** The case page (`casebook/caseDetail`), or null when no case has this id. */
  detail(id: string, locale: Locale): CaseDetail | null;
  /** Cases by customer, pinyin, initials, alias, pattern or product (`casebook/searchCases`, `casebook cases search`). */
  search(query: string, options: { locale: Locale; limit: number }): { results: SearchResult[] };
  /** The regulation library's documents → clauses, each with how many of `findings` cite it (`casebook/regulations`). */
  regulations(locale: Locale, findings?: readonly Finding[]): RegulationDocumentSummary[];
  /** A clause page (`casebook/regulation`), or null when no clause has this ref. */
  clause(ref: string, locale: Locale): ClauseDetail | null;
  /** Clauses by document name or number, article, summary or quoted text (after the cases in `casebook/searchCases`). */
  searchClauses(query: string, options: { locale: Locale; limit: number }): SearchResult[];
}

/** One proposal of a review dossier: the document, the name the dossier shows for it, and its settings (its rules, the dossier's date). */
export interface ReportEntry {
  document: TextDocument;
  file: string;
  settings: AnalysisSettings;
}

export interface LanguageService {
  /** Parses (incrementally, reusing the previous version's chunks) and caches per uri + version. */
  parse(document: TextDocument): ParsedProposal;
  analyze(document: TextDocument, settings: AnalysisSettings): AnalysisOutput;
  /**
   * The parse and analysis of a document seen once (`casebook check` over many files): nothing is cached, so a run
   * over thousands of files keeps none of them; a version already parsed is not parsed again.
   */
  analyzeOnce(document: TextDocument, settings: AnalysisSettings): { proposal: ParsedProposal; analysis: AnalysisOutput };
  doValidation(document: TextDocument, settings: AnalysisSettings): Diagnostic[];
  doHover(document: TextDocument, position: Position, settings: AnalysisSettings): Hover | null;
  doComplete(document: TextDocument, position: Position, settings: AnalysisSettings): CompletionList;
  getCodeActions(document: TextDocument, range: Range, context: CodeActionContext, settings: AnalysisSettings): CodeAction[];
  getCodeLenses(document: TextDocument, settings: AnalysisSettings): CodeLens[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  findWorkspaceSymbols(documents: TextDocument[], query: string): SymbolInformation[];
  findDefinition(document: TextDocument, position: Position): Location[];
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(document: TextDocument, position: Position): { range: Range; placeholder: string } | null;
  doRename(document: TextDocument, position: Position, newName: string): WorkspaceEdit | null;
  /** Why `newName` cannot be the new id at this position (localised), or null when the rename is fine. */
  renameProblem(document: TextDocument, position: Position, newName: string, settings: AnalysisSettings): string | null;
  getFoldingRanges(document: TextDocument): FoldingRange[];
  /** Link tooltips follow `settings.locale` when given. */
  findDocumentLinks(document: TextDocument, settings?: AnalysisSettings): DocumentLink[];
  /**
   * The topology (`casebook/topology`, `casebook render`): Mermaid text with what has findings marked, the nodes to
   * click, and every loss the failure mode can show; with `lose` (a site id, a city or a region; blank is none) that
   * loss is drawn, its sites greyed and each system marked survives, degraded or down.
   */
  topology(document: TextDocument, settings: AnalysisSettings, options?: { lose?: string }): TopologyResult;
  /** The library's cases most like the proposal, with the reasons (`casebook/matchingCases`). */
  matchingCases(document: TextDocument, settings: AnalysisSettings): MatchingCase[];
  /**
   * The failure-scenario table (`casebook simulate`): for every loss, or only the one `lose` names, each system it
   * touches. `scopes` are every loss the proposal has; `lose` naming none of them gives an empty table.
   */
  scenarios(document: TextDocument, lose?: string): { scopes: Scope[]; table: ScopeScenario[] };
  /** Every clause of the library's regulations that applies to the proposal, met or not (`casebook compliance`). */
  compliance(document: TextDocument, settings: AnalysisSettings): ComplianceRow[];
  /** The review dossier of one or more proposals (`casebook/report`, `casebook report`). */
  report(entries: readonly ReportEntry[], options: { locale: Locale; today: string; format: ReportFormat }): string;
  /** The case library's questions (list, detail, search) and the regulation library's (documents, clauses, search). */
  readonly library: LibraryService;
  /** Drops the cached parse of a closed document. */
  closeDocument(uri: string): void;
}

interface CachedAnalysis {
  version: number;
  key: string;
  library: CaseLibrary;
  output: AnalysisOutput;
}

/** A cheap identity of settings: the locale, the date and the JSON of the rule severities. */
function settingsKey(settings: AnalysisSettings): string {
  return `${settings.locale}|${settings.today ?? ''}|${JSON.stringify(settings.rules)}`;
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  const parsers = new Map<string, YamlTreeParser>();
  const parsed = new Map<string, ParsedProposal>();
  const analyses = new Map<string, CachedAnalysis>();
  const analyze = options.analyze ?? analyzeProposal;
  /** Runs a feature, turning any exception into the empty answer: no request may fail on odd input. */
  const guard =
    (feature: string) =>
    <T>(empty: T, run: () => T): T => {
      try {
        return run();
      } catch (error) {
        options.onError?.(feature, error);
        return empty;
      }
    };

  const parse = (document: TextDocument): ParsedProposal => {
    const cached = parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    let parser = parsers.get(document.uri);
    if (!parser) parsers.set(document.uri, (parser = new YamlTreeParser()));
    const proposal: ParsedProposal = {
      uri: document.uri,
      version: document.version,
      model: buildModel(parser.parse(document.getText())),
    };
    parsed.set(document.uri, proposal);
    return proposal;
  };

  const analyzeOnce = (document: TextDocument, settings: AnalysisSettings) => {
    const cached = parsed.get(document.uri);
    const proposal: ParsedProposal =
      cached && cached.version === document.version
        ? cached
        : { uri: document.uri, version: document.version, model: buildModel(new YamlTreeParser().parse(document.getText())) };
    return { proposal, analysis: analyze(proposal.model, options.library(), settings) };
  };

  const analysisOf = (document: TextDocument, settings: AnalysisSettings): AnalysisOutput => {
    const proposal = parse(document);
    const library = options.library();
    const key = settingsKey(settings);
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key && cached.library === library) return cached.output;
    const output = analyze(proposal.model, library, settings);
    analyses.set(document.uri, { version: document.version, key, library, output });
    return output;
  };

  const context = (document: TextDocument, settings: AnalysisSettings): FeatureContext => ({
    document,
    proposal: parse(document),
    library: options.library(),
    settings,
    ...(options.ruleDocsBase !== undefined ? { ruleDocsBase: options.ruleDocsBase } : {}),
    analysis: () => analysisOf(document, settings),
  });
  const noSettings: AnalysisSettings = { locale: 'en', rules: {} };

  const library: LibraryService = {
    current: () => options.library(),
    list: (locale) => caseSummaries(options.library(), locale),
    patterns: (locale) => patternSummaries(options.library(), locale),
    detail: (id, locale) => {
      const current = options.library();
      const record = current.cases.get(id);
      return record ? caseDetail(record, current, locale) : null;
    },
    search: (query, { locale, limit }) => searchIndexFor(options.library()).searchCases(query, { locale, limit }),
    regulations: (locale, findings = []) => regulationTree(options.library().regulations, findings, locale),
    clause: (ref, locale) => clauseDetail(options.library().regulations, ref, locale) ?? null,
    searchClauses: (query, { locale, limit }) => searchClauses(options.library().regulations, query, locale, limit),
  };

  const topology = (document: TextDocument, settings: AnalysisSettings, { lose }: { lose?: string } = {}): TopologyResult => {
    const { model } = parse(document);
    const { findings } = analysisOf(document, settings);
    const rendered = renderTopology(model, { locale: settings.locale, findings, ...(lose?.trim() ? { lose } : {}) });
    return {
      uri: document.uri,
      version: document.version,
      mermaid: rendered.mermaid,
      nodes: rendered.nodes,
      omittedEdges: rendered.omittedEdges,
      scopes: rendered.scopes,
      ...(rendered.lost ? { lost: rendered.lost } : {}),
    };
  };

  const scenarios = (document: TextDocument, lose?: string): { scopes: Scope[]; table: ScopeScenario[] } => {
    const { model } = parse(document);
    const scopes = scenariosOf(model).map((s) => s.scope);
    return { scopes, table: scenarioTable(model, matchScopes(scopes, lose)) };
  };

  const compliance = (document: TextDocument, settings: AnalysisSettings): ComplianceRow[] => {
    const { model } = parse(document);
    const { findings } = analysisOf(document, settings);
    const regulations = options.library().regulations;
    return regulations ? complianceMatrix(model, regulations, findings) : [];
  };

  const report = (entries: readonly ReportEntry[], { locale, today, format }: { locale: Locale; today: string; format: ReportFormat }) => {
    const proposals = entries.map(({ document, file, settings }) => ({
      file,
      model: parse(document).model,
      findings: analysisOf(document, settings).findings,
    }));
    return renderReport({ proposals, library: options.library(), locale, today }, format);
  };

  return {
    parse,
    analyze: analysisOf,
    analyzeOnce,
    doValidation: (document, settings) => guard('doValidation')([], () => doValidation(context(document, settings))),
    doHover: (document, position, settings) => guard('doHover')(null, () => doHover(context(document, settings), position)),
    doComplete: (document, position, settings) =>
      guard('doComplete')({ isIncomplete: false, items: [] }, () => doComplete(context(document, settings), position)),
    getCodeActions: (document, range, actionContext, settings) =>
      guard('getCodeActions')([], () => getCodeActions(context(document, settings), range, actionContext)),
    getCodeLenses: (document, settings) => guard('getCodeLenses')([], () => getCodeLenses(context(document, settings))),
    findDocumentSymbols: (document) => guard('findDocumentSymbols')([], () => findDocumentSymbols(context(document, noSettings))),
    findWorkspaceSymbols: (documents, query) =>
      guard('findWorkspaceSymbols')([], () =>
        findWorkspaceSymbols(
          documents.map((d) => context(d, noSettings)),
          query,
        ),
      ),
    findDefinition: (document, position) => guard('findDefinition')([], () => findDefinition(context(document, noSettings), position)),
    findReferences: (document, position, includeDeclaration) =>
      guard('findReferences')([], () => findReferences(context(document, noSettings), position, includeDeclaration)),
    prepareRename: (document, position) => guard('prepareRename')(null, () => prepareRename(context(document, noSettings), position)),
    doRename: (document, position, newName) => guard('doRename')(null, () => doRename(context(document, noSettings), position, newName)),
    getFoldingRanges: (document) => guard('getFoldingRanges')([], () => getFoldingRanges(context(document, noSettings))),
    findDocumentLinks: (document, settings) =>
      guard('findDocumentLinks')([], () => findDocumentLinks(context(document, settings ?? noSettings))),
    renameProblem: (document, position, newName, settings) =>
      guard('renameProblem')(null, () => renameProblem(context(document, settings), position, newName)),
    topology,
    matchingCases: (document, settings) =>
      matchingCases(parse(document).model, analysisOf(document, settings).findings, options.library(), settings.locale),
    scenarios,
    compliance,
    report,
    library,
    closeDocument: (uri) => {
      parsers.delete(uri);
      parsed.delete(uri);
      analyses.delete(uri);
    },
  };
}
