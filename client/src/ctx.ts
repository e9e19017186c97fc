/**
 * The one owner of the language client, the server state and every
 * disposable (the shape of rust-analyzer's editors/code ctx.ts). Views,
 * commands and webviews get this object and ask it for data.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { StatusNotification, type InitializationOptions, type LocaleParams, type ServerStatus } from '../../shared/src/protocol';
import { Config } from './config';

export const LANGUAGE_ID = 'casebook';

/** Client state and the server's own status, combined for the status bar. */
export type ServerState = 'stopped' | 'starting' | 'ready' | 'busy';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly outputChannel: vscode.OutputChannel;
  private languageClient: LanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly clientSubscriptions: vscode.Disposable[] = [];
  private status: ServerStatus | undefined;
  private clientState: State = State.Stopped;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly startEmitter = new vscode.EventEmitter<void>();

  /** Fires when the combined server state changes. */
  readonly onDidChangeServerState = this.stateEmitter.event;
  /** Fires after each (re)start, once the server answers requests: views reload. */
  readonly onDidStartServer = this.startEmitter.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('Casebook');
    this.subscriptions.push(this.outputChannel, this.stateEmitter, this.startEmitter);
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  get serverStatus(): ServerStatus | undefined {
    return this.status;
  }

  get serverState(): ServerState {
    if (this.clientState === State.Stopped) return 'stopped';
    if (this.clientState === State.Starting || !this.status) return 'starting';
    return this.status.state === 'busy' ? 'busy' : this.status.state === 'starting' ? 'starting' : 'ready';
  }

  async start(): Promise<void> {
    const serverModule = vscode.Uri.joinPath(this.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const initializationOptions: InitializationOptions = {
      locale: this.config.effectiveLocale,
      builtInCasesPath: vscode.Uri.joinPath(this.extensionUri, 'cases').fsPath,
    };
    const clientOptions: LanguageClientOptions = {
      // `*.yaml` files whose header has the marker are switched to this language (proposalLanguage.ts).
      documentSelector: [
        { language: LANGUAGE_ID, scheme: 'file' },
        { language: LANGUAGE_ID, scheme: 'untitled' },
      ],
      initializationOptions,
      synchronize: { configurationSection: 'casebook' },
      outputChannel: this.outputChannel,
      traceOutputChannel: this.outputChannel,
    };
    // The id `casebook` makes the client honour `casebook.trace.server` by itself.
    const client = new LanguageClient('casebook', 'Casebook', serverOptions, clientOptions);
    this.languageClient = client;
    this.clientSubscriptions.push(
      client.onDidChangeState((e) => {
        this.clientState = e.newState;
        if (e.newState !== State.Running) this.status = undefined;
        this.stateEmitter.fire(this.serverState);
      }),
      client.onNotification(StatusNotification.type, (status) => {
        this.status = status;
        this.stateEmitter.fire(this.serverState);
      }),
    );
    try {
      await client.start();
    } catch (error) {
      this.outputChannel.appendLine(String(error));
      void vscode.window.showErrorMessage(vscode.l10n.t('The Casebook language server could not start: {0}', errorMessage(error)));
      return;
    }
    this.startEmitter.fire();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.languageClient;
    this.languageClient = undefined;
    vscode.Disposable.from(...this.clientSubscriptions.splice(0)).dispose();
    this.status = undefined;
    this.clientState = State.Stopped;
    this.stateEmitter.fire('stopped');
    if (client) await client.dispose(5000).catch((e: unknown) => this.outputChannel.appendLine(String(e)));
  }

  /** Sends a custom request, with the configured locale unless the caller set one. */
  async request<P extends object, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    const client = this.languageClient;
    if (!client) throw new Error(vscode.l10n.t('The Casebook language server is not running.'));
    // Requests made while the client starts are answered once it runs.
    if (client.state === State.Stopped) throw new Error(vscode.l10n.t('The Casebook language server is not running.'));
    if (!client.isRunning()) await waitUntilRunning(client);
    return client.sendRequest(type, { ...this.localeParams(), ...params });
  }

  localeParams(): LocaleParams {
    return { locale: this.config.effectiveLocale };
  }

  isProposal(document: vscode.TextDocument): boolean {
    return document.languageId === LANGUAGE_ID;
  }

  /** The active editor when it shows a proposal. */
  activeProposalEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && this.isProposal(editor.document) ? editor : undefined;
  }

  push(...disposables: vscode.Disposable[]): void {
    this.subscriptions.push(...disposables);
  }

  dispose(): void {
    void this.stop();
    vscode.Disposable.from(...this.subscriptions.splice(0).reverse()).dispose();
  }
}

function waitUntilRunning(client: LanguageClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        sub.dispose();
        resolve();
      } else if (e.newState === State.Stopped) {
        sub.dispose();
        reject(new Error(vscode.l10n.t('The Casebook language server is not running.')));
      }
    });
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
