/**
 * The case library the server checks against: the built-in cases plus the
 * enterprise case folders that the open documents' settings ask for. Reloads
 * when that set of folders changes or a watched case file changes; broken
 * enterprise case files become diagnostics on those files, and the built-in
 * library keeps working.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Connection } from 'vscode-languageserver/node';
import { pick, type Locale } from '../service/locale';
import type { CaseLibrary } from '../service/types';
import type { LibrarySource } from './checkProtocol';

export type LoadLibrary = (options: { builtInPath: string; extraPaths: string[]; regulationPaths?: string[] }) => CaseLibrary;

export interface LibraryStateOptions {
  builtInPath: string;
  load: LoadLibrary;
  /** Locale for library problems (the workspace's). */
  locale: () => Promise<Locale>;
  log: (message: string) => void;
}

const EMPTY_LIBRARY: CaseLibrary = { cases: new Map(), patterns: new Map(), products: new Map(), problems: [] };

export class LibraryState {
  private current: CaseLibrary = EMPTY_LIBRARY;
  private loadedExtra: string[] = [];
  private loadedRegulations: string[] = [];
  /** Enterprise folders each open document's settings ask for. */
  private readonly wanted = new Map<string, string[]>();
  /** Enterprise regulation folders each open document's `.casebook.yaml` asks for. */
  private readonly wantedRegs = new Map<string, string[]>();
  /** Case files with published problems (cleared when they are fixed). */
  private problemUris = new Set<string>();
  private generationCount = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly options: LibraryStateOptions,
  ) {}

  get library(): CaseLibrary {
    return this.current;
  }

  /** Increases on every reload: findings computed under an older generation are out of date. */
  get generation(): number {
    return this.generationCount;
  }

  get extraPaths(): readonly string[] {
    return this.loadedExtra;
  }

  /** What the current library was loaded from, and its generation: the check worker loads the same. */
  get source(): LibrarySource {
    return {
      generation: this.generationCount,
      builtInPath: this.options.builtInPath,
      extraPaths: [...this.loadedExtra],
      regulationPaths: [...this.loadedRegulations],
    };
  }

  get builtInPath(): string {
    return this.options.builtInPath;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Loads the library (at start, and when a watched case file changes). */
  reload(): void {
    const extraPaths = this.wantedPaths();
    const regulationPaths = union(this.wantedRegs);
    try {
      this.current = this.options.load({ builtInPath: this.options.builtInPath, extraPaths, regulationPaths });
    } catch (error) {
      // The loader reports broken files as problems; a throw is a bug there. Keep the previous library.
      this.options.log(`loading the case library failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.loadedExtra = extraPaths;
    this.loadedRegulations = regulationPaths;
    this.generationCount++;
    void this.publishProblems();
    for (const listener of this.listeners) listener();
  }

  /**
   * Records the enterprise folders a document's settings ask for; reloads
   * when the folders wanted by all documents differ from those loaded.
   * Returns true when it reloaded.
   */
  useExtraPaths(uri: string, paths: string[], regulationPaths: string[] = []): boolean {
    this.wanted.set(uri, paths);
    this.wantedRegs.set(uri, regulationPaths);
    if (sameSet(this.wantedPaths(), this.loadedExtra) && sameSet(union(this.wantedRegs), this.loadedRegulations)) return false;
    this.reload();
    return true;
  }

  /** A closed document no longer asks for folders (they stay loaded until the set changes again). */
  forget(uri: string): void {
    this.wanted.delete(uri);
    this.wantedRegs.delete(uri);
  }

  /** Does a changed file belong to the library (a reload is due)? */
  containsFile(filePath: string): boolean {
    return [this.options.builtInPath, ...this.loadedExtra].some((folder) => {
      const relative = path.relative(folder, filePath);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
  }

  /** Re-sends the problems (e.g. after a locale change). */
  async publishProblems(): Promise<void> {
    const locale = await this.options.locale().catch((): Locale => 'en');
    const byUri = new Map<string, Diagnostic[]>();
    for (const problem of [...this.current.problems, ...(this.current.regulations?.problems ?? [])]) {
      const uri = URI.file(problem.file).toString();
      const list = byUri.get(uri) ?? [];
      list.push({
        range: problem.range,
        severity: DiagnosticSeverity.Error,
        source: 'casebook',
        code: 'case-library',
        message: pick(problem.message, locale),
      });
      byUri.set(uri, list);
    }
    for (const uri of this.problemUris) {
      if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.problemUris = new Set(byUri.keys());
  }

  private wantedPaths(): string[] {
    const all = new Set<string>();
    for (const paths of this.wanted.values()) for (const p of paths) all.add(p);
    return [...all].sort();
  }
}

function union(wanted: Map<string, string[]>): string[] {
  const all = new Set<string>();
  for (const paths of wanted.values()) for (const p of paths) all.add(p);
  return [...all].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
