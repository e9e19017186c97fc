/**
 * The messages between the server's main thread and its check worker
 * (checkWorker.ts, run by checkScheduler.ts). Plain data: they cross
 * `postMessage` by structured clone.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../service/types';

/** What the library is loaded from: the worker loads its own copy, like the main thread's. */
export interface LibrarySource {
  generation: number;
  builtInPath: string;
  extraPaths: string[];
  regulationPaths: string[];
}

export interface CheckJob {
  id: number;
  uri: string;
  version: number;
  text: string;
  settings: AnalysisSettings;
  /** The library generation the job was posted under; the worker has loaded it by then (messages arrive in order). */
  generation: number;
}

export type ToWorker = ({ type: 'library' } & LibrarySource) | ({ type: 'check' } & CheckJob) | { type: 'close'; uri: string };

export interface CheckResult {
  id: number;
  uri: string;
  version: number;
  /** The library generation the worker checked under. */
  generation: number;
  /** Converted and capped, ready to publish. */
  diagnostics: Diagnostic[];
  /**
   * The analysis' findings as JSON, parsed on the main thread only when a
   * code action or code lens asks for them: most versions are never asked.
   */
  findings: string;
  parseMs: number;
  analysisMs: number;
  convertMs: number;
  stats?: { mode: 'chunked' | 'full'; chunks: number; reparsed: number };
}

export type FromWorker =
  | ({ type: 'result' } & CheckResult)
  | { type: 'failed'; id: number; error: string }
  /** The library is loaded and the engine warmed up. */
  | { type: 'ready' };
