/**
 * Case pages: one webview per opened case with the customer's story, its
 * figures, patterns and reference topology (drawn like the preview).
 */
import * as vscode from 'vscode';
import { COMMAND } from '../../../shared/src/commands';
import type { CaseDetail } from '../../../shared/src/protocol';
import type { FromCasePage, RenderedMessage, ToCasePage } from '../../../media/src/messages';
import type { Ctx } from '../ctx';
import { webviewHtml, webviewOptions } from './html';

const CASE_PAGE_VIEW_TYPE = 'casebook.casePage';

interface OpenPage {
  panel: vscode.WebviewPanel;
  detail: CaseDetail;
  ready: boolean;
  rendered?: RenderedMessage;
}

export class CasePages implements vscode.Disposable {
  private readonly pages = new Map<string, OpenPage>();
  private readonly renderEmitter = new vscode.EventEmitter<{ caseId: string; message: RenderedMessage }>();
  /** Fires when a case page has drawn its reference topology. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(private readonly ctx: Ctx) {}

  panel(caseId: string): vscode.WebviewPanel | undefined {
    return this.pages.get(caseId)?.panel;
  }

  lastRendered(caseId: string): RenderedMessage | undefined {
    return this.pages.get(caseId)?.rendered;
  }

  show(detail: CaseDetail): vscode.WebviewPanel {
    const open = this.pages.get(detail.id);
    if (open) {
      open.detail = detail;
      if (open.ready) this.post(open, { type: 'show', detail });
      open.panel.reveal();
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(CASE_PAGE_VIEW_TYPE, detail.customer, vscode.ViewColumn.Active, {
      ...webviewOptions(this.ctx.extensionUri),
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extensionUri, 'media', 'icons', 'case.svg');
    const page: OpenPage = { panel, detail, ready: false };
    this.pages.set(detail.id, page);
    panel.webview.html = webviewHtml(panel.webview, this.ctx.extensionUri, {
      title: detail.customer,
      kind: 'case-page',
      lang: this.ctx.config.effectiveLocale,
      scripts: ['dist/mermaid.js', 'dist/casePage.js'],
      styles: ['webview.css'],
      strings: {
        challenge: vscode.l10n.t('Challenge'),
        solution: vscode.l10n.t('Solution'),
        outcomes: vscode.l10n.t('Outcomes'),
        patterns: vscode.l10n.t('Patterns'),
        products: vscode.l10n.t('Products'),
        topology: vscode.l10n.t('Reference topology'),
        openFile: vscode.l10n.t('Open case file'),
        builtIn: vscode.l10n.t('Built-in case'),
        enterprise: vscode.l10n.t('Enterprise case'),
        loading: vscode.l10n.t('Loading…'),
        renderError: vscode.l10n.t('The topology could not be drawn'),
        fit: vscode.l10n.t('Fit to window'),
        reset: vscode.l10n.t('Actual size'),
        zoomIn: vscode.l10n.t('Zoom in'),
        zoomOut: vscode.l10n.t('Zoom out'),
        sourceSentence: vscode.l10n.t('Source sentence'),
        noSourceSentence: vscode.l10n.t('No source sentence (from the enterprise’s own documents)'),
        source: vscode.l10n.t('Source'),
      },
    });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: FromCasePage) => this.onMessage(page, message)),
      // A hidden webview is torn down; it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) page.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      vscode.Disposable.from(...subscriptions).dispose();
      if (this.pages.get(detail.id) === page) this.pages.delete(detail.id);
    });
    return panel;
  }

  private onMessage(page: OpenPage, message: FromCasePage): void {
    switch (message.type) {
      case 'ready':
        page.ready = true;
        this.post(page, { type: 'show', detail: page.detail });
        return;
      case 'rendered':
        page.rendered = message;
        this.renderEmitter.fire({ caseId: page.detail.id, message });
        return;
      case 'renderError':
        this.ctx.outputChannel.appendLine(`[case ${page.detail.id}] ${message.message}`);
        return;
      case 'openPattern':
        void vscode.commands.executeCommand(COMMAND.revealPattern, message.id);
        return;
      case 'openFile':
        void openCaseFile(page.detail);
        return;
    }
  }

  private post(page: OpenPage, message: ToCasePage): void {
    void page.panel.webview.postMessage(message);
  }

  dispose(): void {
    for (const page of [...this.pages.values()]) page.panel.dispose();
    this.renderEmitter.dispose();
  }
}

async function openCaseFile(detail: CaseDetail): Promise<void> {
  // `file` is a path or a URI, depending on where the server loaded the case from.
  const uri = /^[a-z][\w+.-]+:\/\//i.test(detail.file) ? vscode.Uri.parse(detail.file) : vscode.Uri.file(detail.file);
  const position = new vscode.Position(Math.max(0, detail.line), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
}
