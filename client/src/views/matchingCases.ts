/**
 * The Matching Cases view: the library's cases ranked against the active
 * proposal, each with the reasons it matches. Follows the active proposal
 * and refreshes when its diagnostics change (i.e. after each check).
 */
import * as vscode from 'vscode';
import { followProposal } from './followProposal';
import { COMMAND } from '../../../shared/src/commands';
import { MatchingCasesRequest, type MatchingCase } from '../../../shared/src/protocol';
import { errorMessage, type Ctx } from '../ctx';

export const MATCHING_CASES_VIEW = 'casebook.matchingCases';
const REFRESH_DELAY_MS = 300;

export class MatchingCasesProvider implements vscode.TreeDataProvider<MatchingCase>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changeEmitter];
  private view: vscode.TreeView<MatchingCase> | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: Ctx) {
    this.document = ctx.activeProposalEditor()?.document;
    this.subscriptions.push(
      ...followProposal(ctx, {
        current: () => this.document,
        follow: (document) => this.follow(document),
        diagnosticsChanged: () => this.scheduleRefresh(),
      }),
    );
  }

  attach(view: vscode.TreeView<MatchingCase>): void {
    this.view = view;
    this.announce();
  }

  /** The proposal the list is for. */
  get proposal(): vscode.TextDocument | undefined {
    return this.document;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changeEmitter.fire();
  }

  private follow(document: vscode.TextDocument | undefined): void {
    if (document === this.document) return;
    this.document = document;
    this.announce();
    this.refresh();
  }

  /** `casebook.hasProposal` hides the view's welcome text (package.json `viewsWelcome`). */
  private announce(): void {
    void vscode.commands.executeCommand('setContext', 'casebook.hasProposal', this.document !== undefined);
    if (this.view && !this.document) this.view.description = undefined;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  async getChildren(element?: MatchingCase): Promise<MatchingCase[]> {
    if (element) return [];
    const document = this.document;
    if (!document) {
      this.setMessage(undefined); // the welcome text says what to do
      return [];
    }
    try {
      const { cases } = await this.ctx.request(MatchingCasesRequest.type, { uri: document.uri.toString() });
      // An answer for a proposal we have since left is dropped.
      if (document !== this.document) return [];
      const ranked = [...cases].sort((a, b) => b.score - a.score);
      this.setMessage(ranked.length === 0 ? vscode.l10n.t('No case in the library matches this proposal yet.') : undefined);
      if (this.view) this.view.description = basename(document.uri);
      return ranked;
    } catch (error) {
      this.setMessage(vscode.l10n.t('Could not load matching cases: {0}', errorMessage(error)));
      return [];
    }
  }

  getTreeItem(match: MatchingCase): vscode.TreeItem {
    const item = new vscode.TreeItem(match.customer, vscode.TreeItemCollapsibleState.None);
    item.id = match.id;
    item.description = match.reasons.join(' · ');
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**').appendText(match.customer).appendMarkdown('** — ').appendText(match.title);
    for (const reason of match.reasons) md.appendMarkdown('\n- ').appendText(reason);
    item.tooltip = md;
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = 'case';
    item.command = { command: COMMAND.openCase, title: vscode.l10n.t('Open Case'), arguments: [match.id] };
    return item;
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
