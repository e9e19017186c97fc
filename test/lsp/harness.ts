/**
 * A small LSP client for tests and the benchmark: starts a language server as
 * a child process, speaks JSON-RPC to it over stdio, answers the server's
 * requests (workspace/configuration, capability registration) and lets a test
 * await notifications — e.g. the publishDiagnostics of one document version —
 * instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  SetTraceNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The repository root: found upwards, since this file also runs bundled in dist/bench.js. */
export const ROOT = findRoot(__dirname);
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

export interface ReceivedMessage {
  method: string;
  params: unknown;
  /** Order of arrival, for `since` marks. */
  seq: number;
}

export interface StartOptions {
  /** The command to run; defaults to the bundled Casebook server over stdio. */
  command?: string[];
  cwd?: string;
  /** The workspace folder (path). */
  rootPath?: string;
  initializationOptions?: unknown;
  /** Answers to workspace/configuration, by section (`casebook`, `yaml`, …); mutable later via `client.configuration`. */
  configuration?: Record<string, unknown>;
  /** Leave out `workspace.configuration` (a client that only pushes settings). */
  noConfigurationSupport?: boolean;
  /** Announce `workspace.configuration` but never answer a pull (a broken client). */
  neverAnswerConfiguration?: boolean;
  /** Per-message safety net: a wait that exceeds it fails with what arrived instead. */
  timeoutMs?: number;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

interface Waiter {
  method: string;
  since: number;
  predicate: (params: never) => boolean;
  resolve: (message: ReceivedMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).toString();
}

export class LspClient {
  readonly received: ReceivedMessage[] = [];
  readonly registrations: Registration[] = [];
  /** window/logMessage and stderr, for failure messages. */
  readonly logs: string[] = [];
  configuration: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private seq = 0;
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private exited = false;
  private neverAnswerConfiguration = false;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    private readonly timeoutMs: number,
    configuration: Record<string, unknown>,
  ) {
    this.configuration = configuration;
  }

  /** Spawns the server and completes initialize → initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const command = options.command ?? [process.execPath, ...(options.nodeArgs ?? []), SERVER_JS, '--stdio'];
    if (!options.command && !existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`node scripts/build.mjs\` first`);
    const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(connection, child, options.timeoutMs ?? 15_000, { ...(options.configuration ?? {}) });
    client.neverAnswerConfiguration = options.neverAnswerConfiguration === true;
    client.listen();
    connection.listen();
    const rootPath = options.rootPath ?? ROOT;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(rootPath),
      workspaceFolders: [{ uri: fileUri(rootPath), name: path.basename(rootPath) }],
      capabilities: clientCapabilities(!options.noConfigurationSupport),
      initializationOptions: options.initializationOptions ?? null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** A position in the message stream: `waitFor(…, {since})` ignores what came before it. */
  mark(): number {
    return this.seq;
  }

  /** Resolves with the first notification of `method` (after `since`) that satisfies the predicate. */
  waitFor<P>(method: string, predicate: (params: P) => boolean = () => true, since = 0): Promise<P> {
    const found = this.received.find((m) => m.seq > since && m.method === method && predicate(m.params as P));
    if (found) return Promise.resolve(found.params as P);
    return new Promise<P>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        since,
        predicate: predicate,
        resolve: (message) => resolve(message.params as P),
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const seen = this.received
            .filter((m) => m.method === method)
            .slice(-5)
            .map((m) => JSON.stringify(m.params).slice(0, 300));
          reject(
            new Error(
              `no ${method} matching the expectation within ${this.timeoutMs} ms; last received:\n${seen.join('\n')}\nserver log:\n${this.logs.slice(-10).join('\n')}`,
            ),
          );
        }, this.timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * Lets go of every message received so far (marks stay valid). A long
   * benchmark calls it so that the client, like an editor, does not keep
   * every version's diagnostics: a heap of old messages would put the
   * client's own GC pauses into the server's latencies.
   */
  forgetReceived(): void {
    this.received.length = 0;
  }

  /** The diagnostics published for exactly this version of a document. */
  diagnostics(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(
      PublishDiagnosticsNotification.method,
      (p) => p.uri === uri && p.version === version,
      since,
    );
  }

  /** The next diagnostics published for a document after `since`, whatever their version. */
  nextDiagnostics(uri: string, since: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(PublishDiagnosticsNotification.method, (p) => p.uri === uri, since);
  }

  /** Every publishDiagnostics received for a document, in order. */
  allDiagnostics(uri: string): PublishDiagnosticsParams[] {
    return this.received
      .filter((m) => m.method === PublishDiagnosticsNotification.method && (m.params as PublishDiagnosticsParams).uri === uri)
      .map((m) => m.params as PublishDiagnosticsParams);
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<number> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Sends the whole new text (full-text change); returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }], text);
  }

  /** Sends incremental changes; `newText` keeps the client's copy in step (computed when omitted). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], newText?: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, newText ?? applyChanges(this.texts.get(uri) ?? '', changes));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes what workspace/configuration answers and tells the server, as VS Code does. */
  async setConfiguration(section: string, value: unknown): Promise<void> {
    this.configuration[section] = value;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { [section]: value } });
  }

  /** Sets the server's trace level (`$/setTrace`), as VS Code does for `<section>.trace.server`. */
  async setTrace(value: 'off' | 'messages' | 'verbose'): Promise<void> {
    await this.connection.sendNotification(SetTraceNotification.type, { value });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that does not answer shutdown is killed below.
    }
    const killer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('server stopped'));
    }
    this.waiters = [];
    this.connection.dispose();
  }

  private listen(): void {
    const { connection } = this;
    // createProtocolConnection returns vscode-jsonrpc's MessageConnection, whose star handler sees every
    // notification; ProtocolConnection's type just does not declare that overload.
    (connection as unknown as MessageConnection).onNotification((method: string, params: unknown) => this.receive(method, params));
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.receive(LogMessageNotification.method, params);
    });
    // vscode-jsonrpc routes $/logTrace to its own tracer rather than the star handler: keep it like any other notification.
    connection.onNotification(LogTraceNotification.type, (params) => this.receive(LogTraceNotification.type.method, params));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      this.neverAnswerConfiguration
        ? new Promise<never>(() => {})
        : params.items.map((item) => (item.section ? (this.configuration[item.section] ?? null) : null)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(UnregistrationRequest.type, (params) => {
      const gone = new Set(params.unregisterations.map((u) => u.id));
      for (let i = this.registrations.length - 1; i >= 0; i--) if (gone.has(this.registrations[i]!.id)) this.registrations.splice(i, 1);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.process.stderr!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    this.process.on('exit', () => {
      this.exited = true;
    });
  }

  private receive(method: string, params: unknown): void {
    const message: ReceivedMessage = { method, params, seq: ++this.seq };
    this.received.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.method === method && message.seq > waiter.since && waiter.predicate(params as never)) {
        clearTimeout(waiter.timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      }
    }
  }
}

/** What a full-featured editor announces: dynamic watchers, configuration pull, markdown hovers. */
function clientCapabilities(configuration: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceFolders: true,
      symbol: { dynamicRegistration: false },
      workspaceEdit: { documentChanges: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
        isPreferredSupport: true,
      },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
      codeLens: {},
      definition: { linkSupport: false },
      foldingRange: {},
      documentLink: {},
    },
    window: { workDoneProgress: true },
  };
}

/** Applies LSP content changes to a text (UTF-16 positions, as LSP counts). */
export function applyChanges(text: string, changes: TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
      continue;
    }
    const start = offsetAt(text, change.range.start);
    const end = offsetAt(text, change.range.end);
    text = text.slice(0, start) + change.text + text.slice(end);
  }
  return text;
}

export function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + position.character, lineEnd < 0 ? text.length : lineEnd);
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'casebook') return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}
