/**
 * What the language service hands each feature module. Its own module so the
 * features (imported by languageService.ts) need not import languageService.ts.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOutput } from './analyze';
import type { ProposalModel } from './model';
import type { AnalysisSettings, CaseLibrary } from './types';

/** What the service keeps per document version: parse once, every feature reads it. */
export interface ProposalDocument {
  uri: string;
  version: number;
  model: ProposalModel;
}

/** What every feature receives: the parsed document, its analysis on demand, the library and the options. */
export interface FeatureContext {
  document: TextDocument;
  proposal: ProposalDocument;
  library: CaseLibrary;
  settings: AnalysisSettings;
  ruleDocsBase?: string;
  /** The cached analysis of this version under these settings. */
  analysis(): AnalysisOutput;
}
