/**
 * Debounced validation of open proposals. Each check works on the latest
 * version only: a newer edit, a closed document or a settings change makes
 * an in-flight check drop its result, so stale diagnostics are never
 * published; a check whose version, settings and library are those of the
 * last publish is skipped, so neither are duplicates. Closing a document
 * clears its diagnostics.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import type { Guard } from './guard';
import type { LibraryState } from './libraryState';
import { isTooLarge, tooLargeDiagnostic } from './limits';
import { isProposalDocument } from './proposals';
import type { DocumentSettings, SettingsStore } from './settings';

export interface DocumentSyncOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  settings: SettingsStore;
  library: LibraryState;
  guard: Guard;
  /** Quiet time after an edit before re-checking; opening checks at once. */
  debounceMs: number;
}

/** Yields to the event loop so that a newer edit already received is applied first. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DocumentSync {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** `version|settings|library` of the diagnostics last published per uri. */
  private readonly published = new Map<string, string>();
  private readonly idle: (() => void)[] = [];
  private inFlight = 0;

  constructor(private readonly options: DocumentSyncOptions) {}

  /** Is this document one the server answers for (a proposal, not too large)? */
  proposal(uri: string): TextDocument | undefined {
    const document = this.options.documents.get(uri);
    if (!document || !isProposalDocument(document) || isTooLarge(document)) return undefined;
    return document;
  }

  opened(document: TextDocument): void {
    this.schedule(document.uri, 0);
  }

  changed(document: TextDocument): void {
    this.schedule(document.uri, this.options.debounceMs);
  }

  closed(document: TextDocument): void {
    const { uri } = document;
    this.cancel(uri);
    if (this.published.delete(uri)) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.options.service.closeDocument(uri);
    this.options.settings.forget(uri);
    this.options.library.forget(uri);
  }

  /** Settings, config files or the library changed: re-check every open document. */
  recheckAll(): Promise<void> {
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
    const settings = await this.options.settings.get(uri);
    if (!isCurrent()) return;

    this.options.library.useExtraPaths(uri, settings.extraCasePaths);
    const stamp = this.stamp(version, settings);
    if (this.published.get(uri) === stamp) return;

    let diagnostics: Diagnostic[];
    if (isTooLarge(document)) {
      diagnostics = [tooLargeDiagnostic(document, settings.analysis.locale)];
    } else {
      this.options.service.parse(document);
      await yieldToEventLoop();
      if (!isCurrent()) return;
      diagnostics = this.options.service.doValidation(document, settings.analysis);
    }
    this.published.set(uri, stamp);
    void this.options.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private stamp(version: number, settings: DocumentSettings): string {
    return `${version}|${settings.key}|${this.options.library.generation}`;
  }
}
