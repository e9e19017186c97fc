/**
 * Settings per document: VS Code's `casebook.*` settings pulled for the
 * document's resource (`workspace/configuration`), merged with the
 * `.casebook.yaml` that applies to the file. Cached per document and dropped
 * on `workspace/didChangeConfiguration` or when a config file changes —
 * never kept in globals.
 *
 * Precedence (documented in docs/editors.md): the editor's settings override
 * the config file, rule by rule; the config file overrides the defaults.
 * Locale: `casebook.locale` when not `auto`, else the config file's `locale`,
 * else the editor's display language (`initializationOptions.locale`).
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Connection } from 'vscode-languageserver/node';
import type { CasebookSettings } from '../../../shared/src/protocol';
import { pick, type Locale } from '../service/locale';
import { SEVERITIES, type AnalysisSettings, type SeveritySetting } from '../service/types';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ConfigResolver, type LoadedConfig } from './config';

/** Finds and reads the config file that applies to a file path (`ConfigResolver.forFile`). */
export type ConfigLookup = (filePath: string) => LoadedConfig;

export interface DocumentSettings {
  analysis: AnalysisSettings;
  /** Absolute enterprise case folders: the config file's and the editor's. */
  extraCasePaths: string[];
  /** Absolute enterprise regulation folders (`.casebook.yaml` `regulations:`). */
  extraRegulationPaths?: string[];
  /** The `.casebook.yaml` that applied, with its problems. */
  config?: LoadedConfig;
  /** Equal keys give equal findings for the same text and library. */
  key: string;
}

export interface SettingsOptions {
  /** The editor's display language, from `initializationOptions.locale`. */
  displayLocale: Locale;
  /** The client answers `workspace/configuration`; otherwise settings come pushed with didChangeConfiguration. */
  pullConfiguration: boolean;
  /** Workspace folder paths, for relative `extraCasePaths`. */
  workspaceFolders: () => string[];
  lookupConfig: ConfigLookup;
  /** Logs a problem reading settings. */
  log: (message: string) => void;
  /** How long a `workspace/configuration` pull may take before the defaults are used (default 3 s). */
  pullTimeoutMs?: number;
  /** A pull that timed out was answered after all: its settings now apply (re-check what is open). */
  onLateAnswer?: () => void;
}

/** A client that never answers `workspace/configuration` must not leave documents without diagnostics, or hovers waiting forever. */
export const DEFAULT_PULL_TIMEOUT_MS = 3_000;

const TIMED_OUT = Symbol('timed out');

const DEFAULT_CASEBOOK_SETTINGS: CasebookSettings = { rules: {}, extraCasePaths: [], locale: 'auto', trace: { server: 'off' } };

export class SettingsStore {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  /** The settings each cached entry resolved to, and the latest of them: what `likely` answers. */
  private readonly resolved = new Map<string, DocumentSettings>();
  private latest: DocumentSettings | undefined;
  /** Settings that stand in for a timed-out pull → the client's answer, should it come. */
  private readonly latePulls = new WeakMap<DocumentSettings, Promise<CasebookSettings>>();
  /** What a client without `workspace/configuration` pushed last. */
  private pushed: CasebookSettings = DEFAULT_CASEBOOK_SETTINGS;
  /** Config files whose problems are on screen. */
  private readonly publishedConfigs = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: SettingsOptions,
  ) {}

  /** Settings for a document (or the workspace when uri is undefined); cached. */
  get(uri: string | undefined): Promise<DocumentSettings> {
    const key = uri ?? '';
    const entry = this.cache.get(key);
    if (entry) return entry;
    return this.store(uri, this.resolve(uri));
  }

  private store(uri: string | undefined, pending: Promise<DocumentSettings>): Promise<DocumentSettings> {
    const key = uri ?? '';
    this.cache.set(key, pending);
    pending.then(
      (settings) => {
        if (this.cache.get(key) !== pending) return; // invalidated while it was pulled
        this.resolved.set(key, settings);
        this.latest = settings;
        // Defaults stood in for a pull that timed out: when the client answers after all, its settings replace them
        // (without a new pull, which a slow client would let time out again).
        this.latePulls.get(settings)?.then(
          (editor) => {
            if (this.cache.get(key) !== pending) return; // changed meanwhile: a fresh pull is under way or due
            void this.store(uri, this.resolve(uri, editor)).then(() => this.options.onLateAnswer?.());
          },
          () => undefined,
        );
      },
      () => undefined, // the caller of get() hears of it
    );
    return pending;
  }

  /**
   * The settings a document most likely has, known without waiting: its own
   * when already pulled, else the last ones pulled for any document (files of
   * one workspace nearly always share them); undefined before the first pull.
   * Work may start on them, but only `get` says what to publish.
   */
  likely(uri: string): DocumentSettings | undefined {
    return this.resolved.get(uri) ?? this.latest;
  }

  /** `workspace/didChangeConfiguration`: forget everything; a pushing client sends the new values. */
  changeConfiguration(settings: unknown): void {
    if (!this.options.pullConfiguration) {
      const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)['casebook'] : undefined;
      this.pushed = sanitizeSettings(section);
    }
    this.clear();
  }

  /** A `.casebook.yaml` changed: every document may now read a different one. */
  invalidateAll(): void {
    this.clear();
    // Re-read config files publish afresh; one that no document reads any more is cleared.
    for (const uri of this.publishedConfigs) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedConfigs.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  private clear(): void {
    this.cache.clear();
    this.resolved.clear();
    this.latest = undefined;
  }

  private async resolve(uri: string | undefined, answered?: CasebookSettings): Promise<DocumentSettings> {
    const pulled = answered ? { editor: answered } : await this.editorSettings(uri);
    const { editor } = pulled;
    const filePath = uri ? fsPath(uri) : undefined;
    let config: LoadedConfig | undefined;
    try {
      const loaded = this.options.lookupConfig(
        filePath ?? path.join(this.options.workspaceFolders()[0] ?? process.cwd(), 'workspace.arch.yaml'),
      );
      if (loaded.file) config = loaded;
    } catch (error) {
      this.options.log(`reading .casebook.yaml for ${uri ?? 'the workspace'} failed: ${String(error)}`);
    }
    const settings = mergeSettings(editor, config, this.options.displayLocale, this.baseFolder(filePath));
    if (config) this.publishConfigProblems(config, settings.analysis.locale);
    if (pulled.late) this.latePulls.set(settings, pulled.late);
    return settings;
  }

  /** A broken `.casebook.yaml` shows its problems on itself, once per read. */
  private publishConfigProblems(config: LoadedConfig, locale: Locale): void {
    const uri = URI.file(config.file!).toString();
    if (this.publishedConfigs.has(uri)) return;
    this.publishedConfigs.add(uri);
    const diagnostics: Diagnostic[] = config.problems.map((problem) => ({
      range: problem.range,
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'casebook',
      code: 'config',
      message: pick(problem.message, locale),
    }));
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The editor's settings; `late` when the pull timed out and the defaults stand in, resolving if the client answers after all. */
  private async editorSettings(uri: string | undefined): Promise<{ editor: CasebookSettings; late?: Promise<CasebookSettings> }> {
    if (!this.options.pullConfiguration) return { editor: this.pushed };
    const timeoutMs = this.options.pullTimeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    const pull = Promise.resolve(
      this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'casebook' } : { section: 'casebook' }),
    ) as Promise<unknown>;
    try {
      const value = await Promise.race([pull, timedOut]);
      if (value === TIMED_OUT) {
        this.options.log(`workspace/configuration for ${uri ?? 'the workspace'} got no answer within ${timeoutMs} ms: using the defaults`);
        return { editor: DEFAULT_CASEBOOK_SETTINGS, late: pull.then(sanitizeSettings) };
      }
      return { editor: sanitizeSettings(value) };
    } catch (error) {
      this.options.log(`workspace/configuration failed: ${String(error)}`);
      return { editor: DEFAULT_CASEBOOK_SETTINGS };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The workspace folder a relative `extraCasePaths` entry is resolved against. */
  private baseFolder(filePath: string | undefined): string {
    const folders = this.options.workspaceFolders();
    if (filePath) {
      const containing = folders.filter((f) => isInside(filePath, f)).sort((a, b) => b.length - a.length)[0];
      if (containing) return containing;
    }
    return folders[0] ?? (filePath ? path.dirname(filePath) : process.cwd());
  }
}

/** Editor settings over config file over defaults (see the header comment). */
function mergeSettings(
  editor: CasebookSettings,
  config: LoadedConfig | undefined,
  displayLocale: Locale,
  baseFolder: string,
): DocumentSettings {
  const locale: Locale = editor.locale !== 'auto' ? editor.locale : (config?.config.locale ?? displayLocale);
  const rules: Record<string, SeveritySetting> = { ...(config?.config.rules ?? {}), ...editor.rules };
  const extraCasePaths = unique([...(config?.caseFolders ?? []), ...editor.extraCasePaths.map((p) => path.resolve(baseFolder, p))]);
  const analysis: AnalysisSettings = { locale, rules };
  return {
    analysis,
    extraCasePaths,
    extraRegulationPaths: config?.regulationFolders ?? [],
    ...(config ? { config } : {}),
    key: JSON.stringify([locale, Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))]),
  };
}

/** The client's JSON, checked field by field: a wrong value falls back to its default, never throws. */
function sanitizeSettings(value: unknown): CasebookSettings {
  const input = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const rules: Record<string, SeveritySetting> = {};
  if (input['rules'] && typeof input['rules'] === 'object') {
    for (const [rule, severity] of Object.entries(input['rules'] as Record<string, unknown>)) {
      if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) rules[rule] = severity as SeveritySetting;
    }
  }
  const extraCasePaths = Array.isArray(input['extraCasePaths'])
    ? input['extraCasePaths'].filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    : [];
  const locale = input['locale'] === 'zh-CN' || input['locale'] === 'en' ? input['locale'] : 'auto';
  const traceValue =
    input['trace'] && typeof input['trace'] === 'object' ? (input['trace'] as Record<string, unknown>)['server'] : undefined;
  const trace = { server: traceValue === 'messages' || traceValue === 'verbose' ? traceValue : 'off' } as const;
  return { rules, extraCasePaths, locale, trace };
}

export function fsPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * `.casebook.yaml` lookups for a multi-root workspace: the walk up from a file
 * stops at the workspace folder that contains it.
 */
export function workspaceConfigLookup(folders: () => string[]): { lookup: ConfigLookup; clear(): void } {
  const resolvers = new Map<string, ConfigResolver>();
  return {
    lookup(filePath) {
      const stopAt =
        folders()
          .filter((f) => isInside(filePath, f))
          .sort((a, b) => b.length - a.length)[0] ??
        folders()[0] ??
        process.cwd();
      let resolver = resolvers.get(stopAt);
      if (!resolver) resolvers.set(stopAt, (resolver = new ConfigResolver(stopAt)));
      return resolver.forFile(filePath);
    },
    clear() {
      resolvers.clear();
    },
  };
}
