/**
 * The Patterns view: the catalogue of architecture patterns, each listing the
 * cases that show it working.
 */
import * as vscode from 'vscode';
import { COMMAND } from '../../../shared/src/commands';
import { ListPatternsRequest, type NamedRef, type PatternSummary } from '../../../shared/src/protocol';
import { errorMessage, type Ctx } from '../ctx';

export const PATTERNS_VIEW = 'casebook.patterns';

export type PatternNode = { kind: 'pattern'; pattern: PatternSummary } | { kind: 'case'; pattern: PatternSummary; ref: NamedRef };

export class PatternsProvider implements vscode.TreeDataProvider<PatternNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private patterns: Promise<PatternSummary[]> | undefined;
  private view: vscode.TreeView<PatternNode> | undefined;

  constructor(private readonly ctx: Ctx) {}

  attach(view: vscode.TreeView<PatternNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.patterns = undefined;
    this.changeEmitter.fire();
  }

  listPatterns(): Promise<PatternSummary[]> {
    this.patterns ??= this.ctx.request(ListPatternsRequest.type, {}).catch((error: unknown) => {
      this.patterns = undefined;
      throw error;
    });
    return this.patterns;
  }

  /** Selects a pattern in the view (from the case browser, the case page, a search result). */
  async reveal(patternId: string): Promise<boolean> {
    const pattern = (await this.listPatterns()).find((p) => p.id === patternId);
    if (!pattern || !this.view) return false;
    await this.view.reveal({ kind: 'pattern', pattern }, { select: true, focus: true, expand: true });
    return true;
  }

  async getChildren(node?: PatternNode): Promise<PatternNode[]> {
    if (node) return node.kind === 'pattern' ? node.pattern.cases.map((ref) => ({ kind: 'case', pattern: node.pattern, ref })) : [];
    try {
      const patterns = await this.listPatterns();
      this.setMessage(patterns.length === 0 ? vscode.l10n.t('No patterns loaded.') : undefined);
      return patterns.map((pattern) => ({ kind: 'pattern', pattern }));
    } catch (error) {
      this.setMessage(vscode.l10n.t('Could not load patterns: {0}', errorMessage(error)));
      return [];
    }
  }

  getParent(node: PatternNode): PatternNode | undefined {
    return node.kind === 'case' ? { kind: 'pattern', pattern: node.pattern } : undefined;
  }

  getTreeItem(node: PatternNode): vscode.TreeItem {
    if (node.kind === 'case') {
      const item = new vscode.TreeItem(node.ref.name, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.pattern.id}/${node.ref.id}`;
      item.iconPath = new vscode.ThemeIcon('book');
      item.contextValue = 'case';
      item.command = { command: COMMAND.openCase, title: vscode.l10n.t('Open Case'), arguments: [node.ref.id] };
      return item;
    }
    const p = node.pattern;
    const item = new vscode.TreeItem(
      p.name,
      p.cases.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = p.id;
    item.description = [p.aliases.join(' / '), vscode.l10n.t('{0} cases', p.cases.length)].filter(Boolean).join(' · ');
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**').appendText(p.name).appendMarkdown('**');
    if (p.aliases.length > 0) md.appendMarkdown(' (').appendText(p.aliases.join(', ')).appendMarkdown(')');
    md.appendMarkdown('\n\n').appendText(p.summary);
    item.tooltip = md;
    item.iconPath = new vscode.ThemeIcon('symbol-structure');
    item.contextValue = 'pattern';
    return item;
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
