/**
 * The compliance matrix beside the editor (`casebook.showCompliance`): every
 * clause of the regulation library that applies to the proposal, met / not
 * met / not stated (or unverified, or a definition), with its line; a click
 * on the line reveals it in the editor, a click on the clause opens its
 * page. One panel, following the active proposal like the topology preview,
 * redrawn as the proposal changes or is re-checked (only when the matrix did).
 */
import * as vscode from 'vscode';
import { nextEvent } from '../events';
import { COMMAND } from '../../../shared/src/commands';
import { ComplianceRequest, type ComplianceResult } from '../../../shared/src/protocol';
import type { FromStaticPage } from '../../../media/src/messages';
import { errorMessage, type Ctx } from '../ctx';
import { escapeHtml, webviewHtml, webviewOptions } from './html';
import { compliancePageBody, type CompliancePageStrings } from './regulationHtml';

const COMPLIANCE_VIEW_TYPE = 'casebook.compliance';
const UPDATE_DELAY_MS = 300;

export class CompliancePage implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private drawn: string | undefined;
  private last: ComplianceResult | undefined;
  private readonly updateEmitter = new vscode.EventEmitter<ComplianceResult | undefined>();
  /** Fires after each answer drawn (undefined: a message instead of a matrix). */
  readonly onDidUpdate = this.updateEmitter.event;

  constructor(private readonly ctx: Ctx) {
    this.subscriptions.push(
      this.updateEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && ctx.isProposal(editor.document) && editor.document !== this.document) this.setDocument(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.message(vscode.l10n.t('The proposal was closed.'));
      }),
      // New diagnostics also follow a change of settings or of the library: the matrix may differ with the same text.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.document?.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.scheduleUpdate();
      }),
      ctx.onDidStartServer(() => this.scheduleUpdate(0)),
    );
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get proposal(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The last matrix drawn. */
  get result(): ComplianceResult | undefined {
    return this.last;
  }

  show(document: vscode.TextDocument, column: vscode.ViewColumn = vscode.ViewColumn.Beside): void {
    if (this.panel) this.panel.reveal(column, true);
    else
      this.adopt(
        vscode.window.createWebviewPanel(
          COMPLIANCE_VIEW_TYPE,
          '',
          { viewColumn: column, preserveFocus: true },
          webviewOptions(this.ctx.extensionUri),
        ),
      );
    this.setDocument(document);
  }

  /** The next answer drawn. */
  waitForUpdate(timeoutMs = 15000): Promise<ComplianceResult | undefined> {
    return nextEvent(this.onDidUpdate, timeoutMs, vscode.l10n.t('The compliance matrix did not update in time.'));
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.drawn = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extensionUri, 'media', 'icons', 'regulation.svg');
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromStaticPage) => this.onMessage(message)),
      panel.onDidDispose(() => {
        vscode.Disposable.from(...this.panelSubscriptions.splice(0)).dispose();
        clearTimeout(this.timer);
        this.panel = undefined;
        this.document = undefined;
        this.last = undefined;
        this.drawn = undefined;
      }),
    );
  }

  private setDocument(document: vscode.TextDocument): void {
    this.document = document;
    if (this.panel) this.panel.title = vscode.l10n.t('Compliance: {0}', basename(document.uri));
    this.scheduleUpdate(0);
  }

  private scheduleUpdate(delay = UPDATE_DELAY_MS): void {
    if (!this.panel || !this.document) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    const generation = ++this.generation;
    try {
      const result = await this.ctx.request(ComplianceRequest.type, { uri: document.uri.toString() });
      if (generation !== this.generation || document !== this.document) return; // a newer edit is on its way
      if (!result) {
        this.message(vscode.l10n.t('This file is not a Casebook proposal.'));
        return;
      }
      this.last = result;
      this.draw(compliancePageBody(result, vscode.l10n.t('Compliance: {0}', basename(document.uri)), complianceStrings()));
      this.updateEmitter.fire(result);
    } catch (error) {
      if (generation === this.generation) this.message(vscode.l10n.t('Could not get the compliance matrix: {0}', errorMessage(error)));
    }
  }

  private message(text: string): void {
    this.last = undefined;
    this.draw(`<p class="status">${escapeHtml(text)}</p>`);
    this.updateEmitter.fire(undefined);
  }

  /** Sets the page's HTML when it differs from what is shown (a redraw reloads the page; the script keeps its scroll). */
  private draw(body: string): void {
    if (!this.panel || body === this.drawn) return;
    this.drawn = body;
    this.panel.webview.html = webviewHtml(this.panel.webview, this.ctx.extensionUri, {
      title: this.panel.title,
      kind: 'compliance',
      lang: this.ctx.config.effectiveLocale,
      scripts: ['dist/staticPage.js'],
      styles: ['webview.css'],
      strings: {},
      body,
    });
  }

  private onMessage(message: FromStaticPage): void {
    switch (message.type) {
      case 'reveal':
        void this.reveal(message.line);
        return;
      case 'openClause':
        void vscode.commands.executeCommand(COMMAND.openClause, message.ref);
        return;
      case 'openFile':
        return;
    }
  }

  private async reveal(line: number): Promise<void> {
    if (!this.document) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    const position = editor.document.validatePosition(new vscode.Position(line, 0));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function complianceStrings(): CompliancePageStrings {
  return {
    counts: vscode.l10n.t(
      '{0} rows: {1} met, {2} not met, {3} not stated, {4} unverified, {5} definitions.',
      '{0}',
      '{1}',
      '{2}',
      '{3}',
      '{4}',
      '{5}',
    ),
    none: vscode.l10n.t('No clause of the regulation library applies to this proposal.'),
    status: vscode.l10n.t('Status'),
    clause: vscode.l10n.t('Clause'),
    system: vscode.l10n.t('System'),
    reason: vscode.l10n.t('Why'),
    line: vscode.l10n.t('Line'),
    lineN: vscode.l10n.t('Line {0}', '{0}'),
    wholeProposal: vscode.l10n.t('the proposal'),
    unverifiedClause: vscode.l10n.t('(clause unverified)'),
  };
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
