/**
 * Clause pages: one webview per opened regulation clause, like case pages:
 * the document's title, number, issuer, year and status, the requirement as
 * the public text words it, the English summary, where the text was found,
 * the checks it grounds, and, for an unverified clause, that no warning
 * rests on it. Drawn once as escaped HTML (regulationHtml.ts) under the
 * strict CSP of html.ts; its only script is the bundled staticPage.js.
 */
import * as vscode from 'vscode';
import { COMMAND } from '../../../shared/src/commands';
import type { ClauseDetail } from '../../../shared/src/protocol';
import type { FromStaticPage } from '../../../media/src/messages';
import type { Ctx } from '../ctx';
import { webviewHtml, webviewOptions } from './html';
import { clausePageBody, type ClausePageStrings } from './regulationHtml';

const CLAUSE_PAGE_VIEW_TYPE = 'casebook.clausePage';

interface OpenPage {
  panel: vscode.WebviewPanel;
  detail: ClauseDetail;
}

export class ClausePages implements vscode.Disposable {
  private readonly pages = new Map<string, OpenPage>();

  constructor(private readonly ctx: Ctx) {}

  panel(ref: string): vscode.WebviewPanel | undefined {
    return this.pages.get(ref)?.panel;
  }

  /** The clause a page shows (for the tests). */
  detail(ref: string): ClauseDetail | undefined {
    return this.pages.get(ref)?.detail;
  }

  show(detail: ClauseDetail): vscode.WebviewPanel {
    const open = this.pages.get(detail.ref);
    if (open) {
      open.detail = detail;
      this.draw(open);
      open.panel.reveal();
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(CLAUSE_PAGE_VIEW_TYPE, detail.article, vscode.ViewColumn.Active, {
      ...webviewOptions(this.ctx.extensionUri),
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extensionUri, 'media', 'icons', 'regulation.svg');
    const page: OpenPage = { panel, detail };
    this.pages.set(detail.ref, page);
    this.draw(page);
    const subscription = panel.webview.onDidReceiveMessage((message: FromStaticPage) => this.onMessage(page, message));
    panel.onDidDispose(() => {
      subscription.dispose();
      if (this.pages.get(detail.ref) === page) this.pages.delete(detail.ref);
    });
    return panel;
  }

  private draw(page: OpenPage): void {
    const { detail, panel } = page;
    panel.title = `${detail.number} ${detail.article}`;
    panel.webview.html = webviewHtml(panel.webview, this.ctx.extensionUri, {
      title: detail.title,
      kind: 'clause-page',
      lang: this.ctx.config.effectiveLocale,
      scripts: ['dist/staticPage.js'],
      styles: ['webview.css'],
      strings: {},
      body: clausePageBody(detail, clausePageStrings()),
    });
  }

  private onMessage(page: OpenPage, message: FromStaticPage): void {
    switch (message.type) {
      case 'openFile':
        void openClauseFile(page.detail);
        return;
      case 'openClause':
        void vscode.commands.executeCommand(COMMAND.openClause, message.ref);
        return;
      case 'reveal':
        return;
    }
  }

  dispose(): void {
    for (const page of [...this.pages.values()]) page.panel.dispose();
  }
}

function clausePageStrings(): ClausePageStrings {
  return {
    verified: vscode.l10n.t('Verified: the text is quoted from the source below.'),
    unverified: vscode.l10n.t('Unverified.'),
    unverifiedMeaning: vscode.l10n.t('Its text or figure was not confirmed in public text; no check warns on it.'),
    issuer: vscode.l10n.t('Issuer'),
    year: vscode.l10n.t('Year'),
    status: vscode.l10n.t('Status'),
    requirement: vscode.l10n.t('Requirement (as the public text words it)'),
    noText: vscode.l10n.t('No public text was found; nothing is quoted.'),
    summary: vscode.l10n.t('Summary'),
    note: vscode.l10n.t('Note'),
    source: vscode.l10n.t('Where the text was found'),
    noSource: vscode.l10n.t('No source address'),
    readOn: vscode.l10n.t('Read on {0}', '{0}'),
    appliesTo: vscode.l10n.t('Applies to'),
    grounds: vscode.l10n.t('Checks it grounds'),
    noGrounds: vscode.l10n.t('None (a definition or scope, or the proposal format has no field for it).'),
    openFile: vscode.l10n.t('Open regulation file'),
  };
}

async function openClauseFile(detail: ClauseDetail): Promise<void> {
  // `file` is a path or a URI, depending on where the server loaded the library from.
  const uri = /^[a-z][\w+.-]+:\/\//i.test(detail.file) ? vscode.Uri.parse(detail.file) : vscode.Uri.file(detail.file);
  const position = new vscode.Position(Math.max(0, detail.line), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
}
