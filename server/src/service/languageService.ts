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
import type { AnalysisOutput } from './analyze';
import type { ProposalModel } from './model';
import type { AnalysisSettings, CaseLibrary } from './types';

export interface LanguageServiceOptions {
  /** The current case library (a getter: the server reloads it when case folders change). */
  library: () => CaseLibrary;
  /** Base of rule documentation links (`codeDescription.href`), e.g. a file URI of docs/rules/. */
  ruleDocsBase?: string;
}

/** What the service keeps per document version: parse once, every feature reads it. */
export interface ProposalDocument {
  uri: string;
  version: number;
  model: ProposalModel;
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
  getFoldingRanges(document: TextDocument): FoldingRange[];
  findDocumentLinks(document: TextDocument): DocumentLink[];
  /** Drops the cached parse of a closed document. */
  closeDocument(uri: string): void;
}
