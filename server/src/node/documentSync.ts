/**
 * Validation of open proposals: at once on opening and on a lone edit,
 * debounced within a burst of edits. Each check works on the latest
 * version only: a newer edit, a closed document or a settings change makes
 * an in-flight check drop its result, so stale diagnostics are never
 * published; a check whose version, settings and library are those of the
 * last publish is skipped, so neither are duplicates. Closing a document
 * clears its diagnostics. At most `MAX_PUBLISHED_DIAGNOSTICS` are published
 * per document, the most severe first, with a summary of the rest.
 *
 * With a checker elsewhere (`checker`: the check worker, checkScheduler.ts)
 * the parse, analysis and conversion run there and this thread stays free
 * for requests and edits. Its results are published newest-inputs-first: a
 * result older than what was published, or from before a settings or library
 * change, is dropped; one that finished after newer edits is still published
 * (with its own version) while nothing newer has been, and the latest version
 * is checked next — in an edit storm the diagnostics lag one check behind
 * instead of waiting for the storm to end. Without one (or when it fails),
 * checks run here, one step at a time.
 *
 * With the client's trace at `verbose` (`casebook.trace.server`), each
 * published check logs where its time went ($/logTrace): parse, analysis and
 * publishing, counted from the moment the open or edit arrived.
 */
import { performance } from 'node:perf_hooks';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import type { AnalysisSettings } from '../service/types';
import type { Checker, CheckResult } from './checkScheduler';
import type { Guard } from './guard';
import type { LibraryState } from './libraryState';
import { capDiagnostics, isTooLarge, tooLargeDiagnostic } from './limits';
import { isProposalDocument } from './proposals';
import type { DocumentSettings, SettingsStore } from './settings';
import { takeStaleVersion } from './textModel';

export interface DocumentSyncOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  settings: SettingsStore;
  library: LibraryState;
  guard: Guard;
  /** Quiet time after an edit before re-checking, within a burst of edits; opening, and an edit after a quiet spell, check at once. */
  debounceMs: number;
  /** Where checks run when not here: the check worker. */
  checker?: Checker;
}

/** Below this a document checks in well under a second (about 200 systems). */
const SMALL_DOCUMENT_CHARS = 100_000;

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Yields to the event loop so that a newer edit already received is applied first. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DocumentSync {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** `version|settings|library` of the diagnostics last published per uri. */
  private readonly published = new Map<string, string>();
  private readonly idle: (() => void)[] = [];
  /** When each document's latest version arrived, opened or changed (performance.now()): to tell a lone edit from a burst, and to time a check from there. */
  private readonly arrived = new Map<string, number>();
  /** The version each document was opened at, until its first edit. */
  private readonly openedVersion = new Map<string, number>();
  private inFlight = 0;
  /** Counts opens per uri: a result for an earlier opening of the same uri is not this one's. */
  private readonly openings = new Map<string, number>();
  private openCount = 0;
  /** Counts re-checks of everything (settings, config or library changed): results from before one are out of date. */
  private rechecks = 0;
  /** The version, and the re-check count, of the diagnostics last published per uri (checks elsewhere). */
  private readonly publishedInputs = new Map<string, { version: number; rechecks: number }>();

  constructor(private readonly options: DocumentSyncOptions) {}

  /** The open document at `uri` when it is one the server answers for (a proposal, not too large). */
  document(uri: string): TextDocument | undefined {
    const document = this.options.documents.get(uri);
    if (!document || !isProposalDocument(document) || isTooLarge(document)) return undefined;
    return document;
  }

  opened(document: TextDocument): void {
    this.openings.set(document.uri, ++this.openCount);
    this.arrived.set(document.uri, performance.now());
    this.openedVersion.set(document.uri, document.version);
    this.schedule(document.uri, 0);
  }

  /**
   * A lone edit is checked at once (the debounce would be pure latency);
   * an edit hard on the heels of another waits for a pause, so a burst of
   * typing or a multi-step refactoring costs one check.
   */
  changed(document: TextDocument): void {
    const { uri } = document;
    const stale = takeStaleVersion(document);
    if (stale !== undefined) {
      // Not applied (textModel.ts): nothing changed, and no older version may be checked or published after a newer one.
      this.options.connection.console.warn(
        `[casebook] ignored a change to ${uri} with version ${String(stale)}: the document is at version ${document.version}, and versions must increase`,
      );
      return;
    }
    // TextDocuments reports an open as a change too: that version is already scheduled, at once.
    if (this.openedVersion.get(uri) === document.version) return;
    const now = performance.now();
    // Opening is not typing: the first edit after it starts no burst.
    const previous = this.openedVersion.delete(uri) ? undefined : this.arrived.get(uri);
    this.arrived.set(uri, now);
    const inBurst = this.timers.has(uri) || (previous !== undefined && now - previous < this.options.debounceMs);
    this.schedule(uri, inBurst ? this.options.debounceMs : 0);
  }

  closed(document: TextDocument): void {
    const { uri } = document;
    this.cancel(uri);
    this.arrived.delete(uri);
    this.openedVersion.delete(uri);
    this.openings.delete(uri);
    this.publishedInputs.delete(uri);
    this.options.checker?.close(uri);
    if (this.published.delete(uri)) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.options.service.closeDocument(uri);
    this.options.settings.forget(uri);
    this.options.library.forget(uri);
  }

  /** Settings, config files or the library changed: re-check every open document. */
  recheckAll(): Promise<void> {
    this.rechecks++;
    for (const document of this.options.documents.all()) this.schedule(document.uri, 0);
    return this.whenIdle();
  }

  /** Resolves when no check is scheduled or running. */
  whenIdle(): Promise<void> {
    if (this.timers.size === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.inFlight++;
      this.check(uri)
        .catch((error: unknown) => this.options.guard.report(`checking ${uri}`, error))
        .finally(() => {
          this.inFlight--;
          this.settle();
        });
    }, delayMs);
    this.timers.set(uri, timer);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(uri);
      this.settle();
    }
  }

  private settle(): void {
    if (this.timers.size > 0 || this.inFlight > 0) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async check(uri: string): Promise<void> {
    const document = this.options.documents.get(uri);
    if (!document) return;
    const { version } = document;
    const isCurrent = (): boolean => this.options.documents.get(uri)?.version === version && !this.timers.has(uri);

    if (!isProposalDocument(document)) {
      // It stopped being a proposal (the marker was removed): withdraw what we said.
      if (this.published.delete(uri)) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // Parse, then analyse with the likely settings, while the document's own
    // are on their way: on opening a file they are a round trip to the client.
    // They decide what is published; when they differ, the analysis is redone.
    const started = performance.now();
    const pendingSettings = this.options.settings.get(uri);
    const tooLarge = isTooLarge(document);
    const checker = this.options.checker;
    // While the worker starts, a small document is checked here: a cold open need not wait for it.
    if (!tooLarge && checker?.available && (checker.ready || document.getText().length > SMALL_DOCUMENT_CHARS)) {
      const settings = await pendingSettings;
      if (!isCurrent()) return;
      this.options.library.useExtraPaths(uri, settings.extraCasePaths, settings.extraRegulationPaths ?? []);
      const stamp = this.stamp(version, settings);
      if (this.published.get(uri) === stamp) return;
      if (await this.checkElsewhere(checker, document, settings, stamp, started)) return;
      // The worker failed (and said so): check here.
    }
    const parsed = tooLarge ? undefined : this.options.service.parse(document);
    const parseMs = performance.now() - started;
    let analysisMs = 0;
    /** One step at a time, yielding first: a hover, a completion or a newer edit that arrives meanwhile waits for one step, not the check. */
    const analyze = async (analysis: AnalysisSettings): Promise<boolean> => {
      await yieldToEventLoop();
      if (!isCurrent()) return false;
      const analysisStarted = performance.now();
      try {
        this.options.service.analyze(document, analysis);
      } catch {
        // doValidation meets the same error, reports it and answers no findings.
      }
      analysisMs += performance.now() - analysisStarted;
      return true;
    };
    const likely = tooLarge ? undefined : this.options.settings.likely(uri);
    if (likely && !(await analyze(likely.analysis))) return;
    const settings = await pendingSettings;
    if (!isCurrent()) return;

    this.options.library.useExtraPaths(uri, settings.extraCasePaths, settings.extraRegulationPaths ?? []);
    const stamp = this.stamp(version, settings);
    if (this.published.get(uri) === stamp) return;

    if (!tooLarge) {
      if (settings.key !== likely?.key && !(await analyze(settings.analysis))) return;
      await yieldToEventLoop();
      if (!isCurrent()) return;
    }
    const publishStarted = performance.now();
    const diagnostics: Diagnostic[] = tooLarge
      ? [tooLargeDiagnostic(document, settings.analysis.locale)]
      : capDiagnostics(this.options.service.doValidation(document, settings.analysis), settings.analysis.locale); // the cached analysis, converted and capped
    this.published.set(uri, stamp);
    // Awaited so that the trace below counts the write; a connection gone by then has nobody to tell.
    if (
      !(await this.options.connection.sendDiagnostics({ uri, version, diagnostics }).then(
        () => true,
        () => false,
      ))
    )
      return;
    const done = performance.now();
    const stats = parsed?.model.tree.stats;
    const parse = !stats
      ? 'not parsed (too large)'
      : `parse ${ms(parseMs)} (${stats.mode === 'chunked' ? `${stats.reparsed} of ${stats.chunks} chunks` : 'whole document'})`;
    this.options.connection.tracer.log(
      `checked ${uri} version ${version} in ${ms(done - (this.arrived.get(uri) ?? started))} from its arrival`,
      `${parse}, analysis ${ms(analysisMs)}, ${diagnostics.length} diagnostics converted and written in ${ms(done - publishStarted)}`,
    );
  }

  /** Checks in the worker and publishes as the class comment says; false when the worker failed. */
  private async checkElsewhere(
    checker: Checker,
    document: TextDocument,
    settings: DocumentSettings,
    stamp: string,
    started: number,
  ): Promise<boolean> {
    const { uri, version } = document;
    const arrived = this.arrived.get(uri) ?? started;
    const opening = this.openings.get(uri);
    const rechecks = this.rechecks;
    const generation = this.options.library.generation;
    let result: CheckResult | undefined;
    try {
      result = await checker.check({ uri, version, text: document.getText(), settings: settings.analysis, generation });
    } catch (error) {
      this.options.guard.report(`checking ${uri} in the check worker`, error);
      return false;
    }
    // Superseded before it ran: the newer job publishes.
    if (!result) return true;
    const current = this.options.documents.get(uri);
    if (!current || this.openings.get(uri) !== opening || !isProposalDocument(current) || isTooLarge(current)) return true;
    // Settings, config or the library changed meanwhile: the re-check they caused publishes.
    if (this.rechecks !== rechecks || this.options.library.generation !== generation || result.generation !== generation) return true;
    const last = this.publishedInputs.get(uri);
    if (last && (last.version > version || (last.version === version && last.rechecks >= rechecks))) return true;
    this.publishedInputs.set(uri, { version, rechecks });
    this.published.set(uri, stamp);
    const publishStarted = performance.now();
    const { diagnostics } = result;
    if (
      !(await this.options.connection.sendDiagnostics({ uri, version, diagnostics }).then(
        () => true,
        () => false,
      ))
    )
      return true;
    const done = performance.now();
    const parse = !result.stats
      ? 'parse'
      : `parse ${ms(result.parseMs)} (${result.stats.mode === 'chunked' ? `${result.stats.reparsed} of ${result.stats.chunks} chunks` : 'whole document'})`;
    this.options.connection.tracer.log(
      `checked ${uri} version ${version} in ${ms(done - arrived)} from its arrival${current.version !== version ? ` (published while version ${current.version} waits)` : ''}`,
      `in the check worker: ${parse}, analysis ${ms(result.analysisMs)}, ${diagnostics.length} diagnostics converted in ${ms(result.convertMs)}; written in ${ms(done - publishStarted)}`,
    );
    return true;
  }

  private stamp(version: number, settings: DocumentSettings): string {
    return `${version}|${settings.key}|${this.options.library.generation}`;
  }
}
