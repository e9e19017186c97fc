/**
 * The Regulations view: the regulation library's documents → clauses, each
 * clause with how many findings of the active proposal cite it, unverified
 * clauses marked. Follows the active proposal and refreshes when its
 * diagnostics change (after each check); a click opens the clause page.
 */
import * as vscode from 'vscode';
import { followProposal } from './followProposal';
import { COMMAND } from '../../../shared/src/commands';
import { RegulationsRequest, type ClauseSummary, type RegulationDocumentSummary } from '../../../shared/src/protocol';
import { errorMessage, type Ctx } from '../ctx';

export const REGULATIONS_VIEW = 'casebook.regulations';
const REFRESH_DELAY_MS = 300;

export type RegulationNode = { kind: 'document'; document: RegulationDocumentSummary } | { kind: 'clause'; clause: ClauseSummary };

export class RegulationsProvider implements vscode.TreeDataProvider<RegulationNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changeEmitter];
  private view: vscode.TreeView<RegulationNode> | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private documents: RegulationDocumentSummary[] = [];
  private readonly loadedEmitter = new vscode.EventEmitter<RegulationDocumentSummary[]>();
  /** Fires after each answer from the server, with the documents shown. */
  readonly onDidLoad = this.loadedEmitter.event;

  constructor(private readonly ctx: Ctx) {
    this.document = ctx.activeProposalEditor()?.document;
    this.subscriptions.push(
      this.loadedEmitter,
      ...followProposal(ctx, {
        current: () => this.document,
        follow: (document) => this.follow(document),
        diagnosticsChanged: () => this.scheduleRefresh(),
      }),
    );
  }

  attach(view: vscode.TreeView<RegulationNode>): void {
    this.view = view;
  }

  /** The proposal whose findings are counted. */
  get proposal(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The documents last loaded (for the tests). */
  get loaded(): readonly RegulationDocumentSummary[] {
    return this.documents;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changeEmitter.fire();
  }

  private follow(document: vscode.TextDocument | undefined): void {
    if (document === this.document) return;
    this.document = document;
    this.refresh();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  async getChildren(element?: RegulationNode): Promise<RegulationNode[]> {
    if (element) {
      return element.kind === 'document' ? element.document.clauses.map((clause) => ({ kind: 'clause', clause })) : [];
    }
    const document = this.document;
    try {
      const { documents } = await this.ctx.request(RegulationsRequest.type, document ? { uri: document.uri.toString() } : {});
      if (document !== this.document) return []; // a newer proposal is on its way
      this.documents = documents;
      this.setMessage(documents.length === 0 ? vscode.l10n.t('The regulation library is empty.') : undefined);
      if (this.view) {
        const cited = documents.reduce((n, d) => n + d.clauses.reduce((m, c) => m + c.findings, 0), 0);
        this.view.description = document ? basename(document.uri) : undefined;
        this.view.badge =
          cited > 0
            ? { value: cited, tooltip: vscode.l10n.t('Findings of {0} citing a clause: {1}', basename(document!.uri), cited) }
            : undefined;
      }
      this.loadedEmitter.fire(documents);
      return documents.map((d) => ({ kind: 'document', document: d }));
    } catch (error) {
      this.setMessage(vscode.l10n.t('Could not load the regulations: {0}', errorMessage(error)));
      return [];
    }
  }

  getTreeItem(node: RegulationNode): vscode.TreeItem {
    return node.kind === 'document' ? documentItem(node.document) : clauseItem(node.clause);
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function documentItem(d: RegulationDocumentSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(d.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `regulation:${d.id}`;
  const cited = d.clauses.reduce((n, c) => n + c.findings, 0);
  item.description = cited > 0 ? `${d.number} · ${vscode.l10n.t('cited: {0}', cited)}` : d.number;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(d.title).appendMarkdown('**\n\n').appendText(`${d.number} · ${d.status}`);
  if (!d.builtIn) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Enterprise standard'));
  item.tooltip = md;
  item.iconPath = new vscode.ThemeIcon('law');
  item.contextValue = 'regulation';
  return item;
}

function clauseItem(c: ClauseSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(c.article, vscode.TreeItemCollapsibleState.None);
  item.id = `clause:${c.ref}`;
  const parts = [
    c.findings === 1 ? vscode.l10n.t('1 finding') : c.findings > 1 ? vscode.l10n.t('{0} findings', c.findings) : '',
    c.verified ? '' : vscode.l10n.t('unverified'),
    c.summary,
  ].filter(Boolean);
  item.description = parts.join(' · ');
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(c.article).appendMarkdown('** — ').appendText(c.summary);
  if (!c.verified) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Unverified: no check warns on this clause.'));
  if (c.findings > 0) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Findings in the proposal citing it: {0}', c.findings));
  item.tooltip = md;
  item.iconPath = new vscode.ThemeIcon(
    c.findings > 0 ? 'warning' : c.verified ? 'note' : 'question',
    c.findings > 0 ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
  );
  item.contextValue = c.verified ? 'clause' : 'clause.unverified';
  item.command = { command: COMMAND.openClause, title: vscode.l10n.t('Open Clause'), arguments: [c.ref] };
  return item;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
