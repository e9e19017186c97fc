/**
 * The topology preview: one panel beside the editor that draws the active
 * proposal's sites, links and systems (Mermaid text from the server), updates
 * live as the proposal is edited, and reveals a node's line when clicked.
 */
import * as vscode from 'vscode';
import { nextEvent } from '../events';
import { TOPOLOGY_MAX_EDGES } from '../../../shared/src/limits';
import { TopologyRequest, type LossScope, type TopologyResult } from '../../../shared/src/protocol';
import type { FromPreview, RenderedMessage, ToPreview } from '../../../media/src/messages';
import { errorMessage, type Ctx } from '../ctx';
import { webviewHtml, webviewOptions } from './html';

const PREVIEW_VIEW_TYPE = 'casebook.topologyPreview';
const UPDATE_DELAY_MS = 300;

export class TopologyPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private webviewReady = false;
  private generation = 0;
  private rendered: RenderedMessage | undefined;
  /** Failure mode: the loss drawn (site id, city or region), or none for the plain topology. */
  private lose: string | undefined;
  private lastResult: TopologyResult | undefined;
  private readonly renderEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** Fires after each render in the webview, with the SVG and its labels. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(private readonly ctx: Ctx) {
    this.subscriptions.push(
      this.renderEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Like the Markdown preview, the panel follows the proposal being edited.
        if (this.panel && editor && ctx.isProposal(editor.document) && editor.document !== this.document) {
          this.setDocument(editor.document);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.post({ type: 'empty', message: vscode.l10n.t('The proposal was closed.') });
      }),
      ctx.onDidStartServer(() => this.scheduleUpdate(0)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const uri = isUriState(state) ? vscode.Uri.parse(state.uri) : undefined;
          const document = uri ? await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined) : undefined;
          this.adopt(panel);
          if (document) this.setDocument(document);
          else this.post({ type: 'empty', message: vscode.l10n.t('Open a proposal to see its topology.') });
        },
      }),
    );
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get lastRendered(): RenderedMessage | undefined {
    return this.rendered;
  }

  get proposal(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The losses the open proposal can be drawn under (from the last answer). */
  get scopes(): readonly LossScope[] {
    return this.lastResult?.scopes ?? [];
  }

  /** Draws the proposal as if `lose` were lost (undefined: the plain topology again). */
  simulate(lose: string | undefined): void {
    this.lose = lose?.trim() ? lose : undefined;
    this.updateTitle();
    this.scheduleUpdate(0);
  }

  show(document: vscode.TextDocument, column: vscode.ViewColumn = vscode.ViewColumn.Beside): void {
    if (this.panel) this.panel.reveal(column, true);
    else
      this.adopt(
        vscode.window.createWebviewPanel(
          PREVIEW_VIEW_TYPE,
          '',
          { viewColumn: column, preserveFocus: true },
          webviewOptions(this.ctx.extensionUri),
        ),
      );
    this.setDocument(document);
  }

  /** The next render of the given document (or of any, without one). */
  waitForRender(timeoutMs = 15000): Promise<RenderedMessage> {
    return nextEvent(this.onDidRender, timeoutMs, vscode.l10n.t('The topology preview did not render in time.'));
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.webviewReady = false;
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extensionUri, 'media', 'icons', 'topology.svg');
    panel.webview.options = webviewOptions(this.ctx.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.ctx.extensionUri, {
      title: vscode.l10n.t('Topology'),
      kind: 'preview',
      lang: this.ctx.config.effectiveLocale,
      scripts: ['dist/mermaid.js', 'dist/preview.js'],
      styles: ['webview.css'],
      strings: {
        waiting: vscode.l10n.t('Drawing the topology…'),
        renderError: vscode.l10n.t('The topology could not be drawn'),
        fit: vscode.l10n.t('Fit to window'),
        reset: vscode.l10n.t('Actual size'),
        zoomIn: vscode.l10n.t('Zoom in'),
        zoomOut: vscode.l10n.t('Zoom out'),
      },
    });
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromPreview) => this.onMessage(message)),
      panel.onDidDispose(() => {
        vscode.Disposable.from(...this.panelSubscriptions.splice(0)).dispose();
        clearTimeout(this.timer);
        this.panel = undefined;
        this.document = undefined;
        this.rendered = undefined;
      }),
    );
  }

  private setDocument(document: vscode.TextDocument): void {
    // Another proposal has other sites: its preview starts without a loss.
    if (document !== this.document) this.lose = undefined;
    this.document = document;
    this.updateTitle();
    this.scheduleUpdate(0);
  }

  private updateTitle(): void {
    if (!this.panel || !this.document) return;
    const name = basename(this.document.uri);
    const lost = this.lose !== undefined ? this.lastResult?.lost?.name : undefined;
    this.panel.title = lost ? vscode.l10n.t('Topology: {0} — losing {1}', name, lost) : vscode.l10n.t('Topology: {0}', name);
  }

  private scheduleUpdate(delay = UPDATE_DELAY_MS): void {
    if (!this.panel || !this.document) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document || !this.webviewReady) return;
    const generation = ++this.generation;
    try {
      const result = await this.ctx.request(TopologyRequest.type, {
        uri: document.uri.toString(),
        ...(this.lose !== undefined ? { lose: this.lose } : {}),
      });
      if (generation !== this.generation) return; // a newer edit is on its way
      this.lastResult = result ?? undefined;
      this.updateTitle();
      if (!result) {
        this.post({ type: 'empty', message: vscode.l10n.t('This file is not a Casebook proposal.') });
        return;
      }
      this.post({
        type: 'update',
        uri: result.uri,
        version: result.version,
        title: basename(document.uri),
        mermaid: result.mermaid,
        nodes: result.nodes,
        notice: noticeOf(result, this.lose),
      });
    } catch (error) {
      if (generation === this.generation) {
        this.post({ type: 'empty', message: vscode.l10n.t('Could not get the topology: {0}', errorMessage(error)) });
      }
    }
  }

  private onMessage(message: FromPreview): void {
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.scheduleUpdate(0);
        return;
      case 'rendered':
        this.rendered = message;
        this.renderEmitter.fire(message);
        return;
      case 'renderError':
        this.ctx.outputChannel.appendLine(`[preview] ${message.message}`);
        return;
      case 'reveal':
        void this.reveal(message.line, message.character);
        return;
    }
  }

  private async reveal(line: number, character: number): Promise<void> {
    if (!this.document) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const position = editor.document.validatePosition(new vscode.Position(line, character));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ToPreview): void {
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** What the preview says above the drawing: the loss simulated (or that it is gone), and lines left out. */
function noticeOf(result: TopologyResult, lose: string | undefined): string | undefined {
  const notices: string[] = [];
  if (lose !== undefined)
    notices.push(
      result.lost
        ? vscode.l10n.t(
            'Losing {0}: grey sites are lost; green systems survive, amber take over with delay or data loss, red are down.',
            result.lost.name,
          )
        : vscode.l10n.t('The proposal no longer has "{0}": showing the plain topology.', lose),
    );
  if (result.omittedEdges)
    notices.push(
      vscode.l10n.t(
        '{0} lines are not drawn: the diagram shows at most {1} replication and dependency lines.',
        result.omittedEdges,
        TOPOLOGY_MAX_EDGES,
      ),
    );
  return notices.length ? notices.join(' ') : undefined;
}

function isUriState(state: unknown): state is { uri: string } {
  return typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string';
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
