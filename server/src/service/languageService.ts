/**
 * The Casebook language service: TextDocument + position + settings → LSP
 * types. Pure: it never imports `vscode` or the connection; the server, the
 * CLI and the tests all call it. Each method lives in its own feature module;
 * this file only combines them.
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
import { analyzeProposal, type AnalysisOutput } from './analyze';
import { getCodeActions } from './features/codeActions';
import { getCodeLenses } from './features/codeLens';
import { doComplete } from './features/completion';
import { doValidation } from './features/diagnostics';
import { findDocumentLinks } from './features/documentLinks';
import { getFoldingRanges } from './features/folding';
import { doHover } from './features/hover';
import { doRename, findDefinition, findReferences, prepareRename, renameProblem } from './features/navigation';
import { findDocumentSymbols, findWorkspaceSymbols } from './features/symbols';
import { buildModel, type ProposalModel } from './model';
import type { AnalysisSettings, CaseLibrary } from './types';
import { YamlTreeParser } from './yamlTree';
import type { FeatureContext, ProposalDocument } from './featureContext';

export type { FeatureContext, ProposalDocument } from './featureContext';

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

export interface LanguageService {
  /** Parses (incrementally, reusing the previous version's chunks) and caches per uri + version. */
  parse(document: TextDocument): ProposalDocument;
  analyze(document: TextDocument, settings: AnalysisSettings): AnalysisOutput;
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
  const parsed = new Map<string, ProposalDocument>();
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

  const parse = (document: TextDocument): ProposalDocument => {
    const cached = parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    let parser = parsers.get(document.uri);
    if (!parser) parsers.set(document.uri, (parser = new YamlTreeParser()));
    const proposal: ProposalDocument = {
      uri: document.uri,
      version: document.version,
      model: buildModel(parser.parse(document.getText())),
    };
    parsed.set(document.uri, proposal);
    return proposal;
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

  return {
    parse,
    analyze: analysisOf,
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
    closeDocument: (uri) => {
      parsers.delete(uri);
      parsed.delete(uri);
      analyses.delete(uri);
    },
  };
}
