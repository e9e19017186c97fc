/**
 * Everything the server holds for one client, built from `initialize`: the
 * language service, settings, the case library, document checking, watching
 * and status. server.ts routes LSP messages to it.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { ClientCapabilities, Connection, FileEvent, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializationOptions } from '../../../shared/src/protocol';
import { analyzeProposal } from '../service/analyze';
import { getLanguageService, type LanguageService } from '../service/languageService';
import type { ProposalModel } from '../service/model';
import { normalizeLocale } from '../service/locale';
import { WorkerChecker } from './checkScheduler';
import { DocumentSync } from './documentSync';
import type { Guard } from './guard';
import { builtInCasesPath, loadLibrary } from './libraryLoader';
import { LibraryState, type LoadLibrary } from './libraryState';
import { SettingsStore, workspaceConfigLookup, type DocumentSettings } from './settings';
import { StatusReporter } from './status';
import { FileWatching, classifyChanges } from './watching';
import { warmUp } from './warmUp';
import { WorkspaceProposals } from './workspaceProposals';

/** How long after start-up the engine is warmed up, when no proposal has been opened by then. */
const WARM_UP_DELAY_MS = 300;

/** How long after start-up the check worker's thread starts, unless a large document needs it sooner. */
const WORKER_SPAWN_DELAY_MS = 1500;

/** Within a burst of edits (keystrokes closer than this), the quiet time before re-checking; a lone edit is checked at once. */
const DEBOUNCE_MS = 20;

/** An open proposal the server answers for, with the settings that apply to it. */
export interface ProposalTarget {
  document: TextDocument;
  settings: DocumentSettings;
}

export interface SessionOverrides {
  load?: LoadLibrary;
  debounceMs?: number;
}

export class Session {
  readonly service: LanguageService;
  readonly settings: SettingsStore;
  readonly library: LibraryState;
  readonly sync: DocumentSync;
  readonly status: StatusReporter;
  /** The check worker, when there is one (checkScheduler.ts). */
  readonly checker: WorkerChecker | undefined;
  private readonly watching: FileWatching;
  private readonly onDisk: WorkspaceProposals;
  private readonly config: ReturnType<typeof workspaceConfigLookup>;
  private folders: string[];
  /** What the client announced in `initialize`. */
  readonly capabilities: ClientCapabilities;

  constructor(
    connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    readonly guard: Guard,
    params: InitializeParams,
    overrides: SessionOverrides = {},
  ) {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const capabilities = (this.capabilities = params.capabilities);
    this.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((folder) => folderPath(folder.uri))
      .filter((p): p is string => !!p);
    const log = (message: string): void => connection.console.warn(`[casebook] ${message}`);

    this.config = workspaceConfigLookup(() => this.folders);
    this.settings = new SettingsStore(connection, {
      displayLocale: normalizeLocale(options.locale ?? params.locale),
      pullConfiguration: !!capabilities.workspace?.configuration,
      workspaceFolders: () => this.folders,
      lookupConfig: this.config.lookup,
      log,
      // A client that answered a timed-out pull after all: what is open is re-checked with its settings.
      onLateAnswer: () => void this.status.busy(() => this.sync.recheckAll()),
    });
    const builtInPath =
      typeof options.builtInCasesPath === 'string' && options.builtInCasesPath ? options.builtInCasesPath : builtInCasesPath();
    this.library = new LibraryState(connection, {
      builtInPath,
      load: overrides.load ?? loadLibrary,
      locale: async () => (await this.settings.get(undefined)).analysis.locale,
      log,
    });
    const rulesDoc = path.join(path.dirname(builtInPath), 'docs', 'rules.md');
    const ruleDocsBase = existsSync(rulesDoc) ? URI.file(rulesDoc).toString() : undefined;
    // Checks run in a worker thread, so that hover, completion and edits are answered while a large proposal is checked.
    // A test's own library loader cannot cross into it: those sessions check in-process.
    const checker = (this.checker = overrides.load ? undefined : WorkerChecker.start({ ...(ruleDocsBase ? { ruleDocsBase } : {}), log }));
    if (checker) this.library.onDidChange(() => checker.library(this.library.source));
    // Code actions and code lenses read the analysis: the worker's findings for that version, when it checked it.
    const owners = new WeakMap<ProposalModel, { uri: string; version: number }>();
    const base = getLanguageService({
      library: () => this.library.library,
      ...(ruleDocsBase ? { ruleDocsBase } : {}),
      onError: (feature, error) => guard.report(feature, error),
      analyze: (model, library, settings) => {
        const owner = owners.get(model);
        const findings =
          owner && checker && library === this.library.library
            ? checker.findings(owner.uri, owner.version, settings, this.library.generation)
            : undefined;
        return findings ? { findings, internalErrors: [] } : analyzeProposal(model, library, settings);
      },
    });
    const own = (document: TextDocument): void => {
      if (!checker) return;
      try {
        owners.set(base.parse(document).model, { uri: document.uri, version: document.version });
      } catch {
        // The feature meets the same error and answers empty.
      }
    };
    this.service = {
      ...base,
      analyze: (document, settings) => (own(document), base.analyze(document, settings)),
      getCodeActions: (document, range, context, settings) => (own(document), base.getCodeActions(document, range, context, settings)),
      getCodeLenses: (document, settings) => (own(document), base.getCodeLenses(document, settings)),
    };
    this.status = new StatusReporter(connection, () => ({
      cases: this.library.library.cases.size,
      libraryProblems: this.library.library.problems.length,
    }));
    this.sync = new DocumentSync({
      connection,
      documents,
      service: this.service,
      settings: this.settings,
      library: this.library,
      guard,
      debounceMs: overrides.debounceMs ?? DEBOUNCE_MS,
      ...(checker ? { checker } : {}),
    });
    this.watching = new FileWatching(connection, {
      dynamicRegistration: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      relativePatterns: !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    });
    this.onDisk = new WorkspaceProposals({
      folders: () => this.folders,
      watched: () => !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      forget: (uri) => this.service.closeDocument(uri),
    });
    this.library.onDidChange(() => {
      this.status.refresh();
      void this.watching.watch(this.library.extraPaths).catch((error: unknown) => guard.report('registering file watchers', error));
      void this.status.busy(() => this.sync.recheckAll());
    });
  }

  /** After `initialized`: load the library, announce readiness, then warm the engine up unless a proposal is open. */
  async start(): Promise<void> {
    await this.status.busy(() => this.library.reload());
    this.status.ready();
    // A client activated by opening a proposal sends its didOpen right after `initialized` (tens of ms later in a
    // workbench); that first check warms the engine as well, and warming first would only delay it. So the warm-up
    // waits a moment and runs only when nothing is open by then (a server started for a workspace, say).
    setTimeout(() => void this.warmUpUnlessOpen(), WARM_UP_DELAY_MS).unref();
    // The worker thread starts once the first checks are out (on the main thread, as small documents are before it is
    // warm): started at once, its bundle and library load would compete with them for the cores.
    setTimeout(() => this.checker?.spawn(), WORKER_SPAWN_DELAY_MS).unref();
  }

  private async warmUpUnlessOpen(): Promise<void> {
    if (this.documents.all().some((d) => this.sync.document(d.uri))) return;
    await this.status.busy(async () => {
      try {
        warmUp(this.service, (await this.settings.get(undefined)).analysis);
      } catch (error) {
        // Only a head start: the real checks report their own errors.
        this.guard.report('warming up', error);
      }
    });
  }

  /** The open document at `uri` and its settings, when it is a proposal the server answers for. */
  async target(uri: string): Promise<ProposalTarget | undefined> {
    const document = this.sync.document(uri);
    if (!document) return undefined;
    return { document, settings: await this.settings.get(uri) };
  }

  /** Every proposal of the workspace, for workspace symbols: the open ones as edited, the others as on disk. */
  workspaceProposals(): TextDocument[] {
    const open = this.documents.all().filter((d) => this.sync.document(d.uri));
    return [...open, ...this.onDisk.closedDocuments((uri) => !!this.documents.get(uri))];
  }

  changeConfiguration(settings: unknown): Promise<void> {
    this.settings.changeConfiguration(settings);
    return this.status.busy(() => this.sync.recheckAll());
  }

  changeWorkspaceFolders(added: { uri: string }[], removed: { uri: string }[]): Promise<void> {
    const gone = new Set(removed.map((f) => folderPath(f.uri)));
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.map((f) => folderPath(f.uri)).filter((p): p is string => !!p)];
    this.config.clear();
    this.settings.invalidateAll();
    this.onDisk.invalidate();
    return this.status.busy(() => this.sync.recheckAll());
  }

  /** Watched files changed: a config file → re-read settings; a case file → reload the library. */
  async changeWatchedFiles(events: FileEvent[]): Promise<void> {
    const changes = classifyChanges(events);
    if (changes.proposalsAddedOrRemoved) this.onDisk.invalidate();
    if (changes.files.some((file) => this.library.containsFile(file))) {
      await this.status.busy(() => this.library.reload()); // its listener re-checks every document
    }
    if (changes.config) {
      this.config.clear();
      this.settings.invalidateAll();
      await this.status.busy(() => this.sync.recheckAll());
    }
  }
}

function folderPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
