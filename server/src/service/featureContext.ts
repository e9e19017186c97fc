/**
 * What the language service hands each feature module. Its own module so the
 * features (imported by languageService.ts) need not import languageService.ts.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOutput } from './analyze';
import type { ProposalModel } from './model';
import type { AnalysisSettings, CaseLibrary } from './types';

/** A document version parsed into its model: what the service keeps per version, parsed once, read by every feature. */
export interface ParsedProposal {
  uri: string;
  version: number;
  model: ProposalModel;
}

/** What every feature receives: the parsed document, its analysis on demand, the library and the options. */
export interface FeatureContext {
  document: TextDocument;
  proposal: ParsedProposal;
  library: CaseLibrary;
  settings: AnalysisSettings;
  ruleDocsBase?: string;
  /** The cached analysis of this version under these settings. */
  analysis(): AnalysisOutput;
}
