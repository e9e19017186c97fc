/**
 * The Case Browser view: cases grouped by industry, pattern or product
 * (view-title buttons switch), built-in and enterprise cases apart. A case
 * expands into its challenge, solution, outcome figures and patterns.
 */
import * as vscode from 'vscode';
import { COMMAND } from '../../../shared/src/commands';
import { CaseDetailRequest, ListCasesRequest, type CaseDetail, type CaseSummary } from '../../../shared/src/protocol';
import { errorMessage, type Ctx } from '../ctx';
import { CASE_GROUPINGS, groupCases, type CaseGroup, type CaseGrouping } from './caseGrouping';

export const CASE_BROWSER_VIEW = 'casebook.caseBrowser';
const GROUPING_KEY = 'casebook.caseGrouping';

export type CaseBrowserNode =
  | { kind: 'enterprise'; groups: CaseGroup[]; count: number }
  | { kind: 'group'; group: CaseGroup; scope: 'builtIn' | 'enterprise' }
  | { kind: 'case'; summary: CaseSummary; parentKey: string }
  | { kind: 'text'; caseKey: string; section: 'challenge' | 'solution'; text: string }
  | { kind: 'outcomes'; caseKey: string; detail: CaseDetail }
  | { kind: 'patterns'; caseKey: string; detail: CaseDetail }
  | { kind: 'figure'; caseKey: string; id: string; metric: string; value: string; kindLabel?: string; showKind: boolean; source?: string }
  | { kind: 'pattern'; caseKey: string; id: string; name: string; evidence: string };

export class CaseBrowserProvider implements vscode.TreeDataProvider<CaseBrowserNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<CaseBrowserNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private cases: Promise<CaseSummary[]> | undefined;
  private readonly details = new Map<string, Promise<CaseDetail | null>>();
  private view: vscode.TreeView<CaseBrowserNode> | undefined;
  private groupingValue: CaseGrouping;

  constructor(private readonly ctx: Ctx) {
    const stored = ctx.extension.workspaceState.get<string>(GROUPING_KEY);
    this.groupingValue = CASE_GROUPINGS.find((g) => g === stored) ?? 'industry';
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, this.groupingValue);
  }

  attach(view: vscode.TreeView<CaseBrowserNode>): void {
    this.view = view;
  }

  get grouping(): CaseGrouping {
    return this.groupingValue;
  }

  setGrouping(grouping: CaseGrouping): void {
    this.groupingValue = grouping;
    void this.ctx.extension.workspaceState.update(GROUPING_KEY, grouping);
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    this.changeEmitter.fire(undefined);
  }

  /** Drops cached answers (after a restart or a change of locale / case paths). */
  refresh(): void {
    this.cases = undefined;
    this.details.clear();
    this.changeEmitter.fire(undefined);
  }

  /** All cases, as the server lists them (shared with the commands' quick picks). */
  listCases(): Promise<CaseSummary[]> {
    this.cases ??= this.ctx.request(ListCasesRequest.type, {}).catch((error: unknown) => {
      this.cases = undefined;
      throw error;
    });
    return this.cases;
  }

  detail(id: string): Promise<CaseDetail | null> {
    let detail = this.details.get(id);
    if (!detail) {
      detail = this.ctx.request(CaseDetailRequest.type, { id }).catch((error: unknown) => {
        this.details.delete(id);
        throw error;
      });
      this.details.set(id, detail);
    }
    return detail;
  }

  async getChildren(node?: CaseBrowserNode): Promise<CaseBrowserNode[]> {
    try {
      const children = await this.children(node);
      if (!node) this.setMessage(children.length === 0 ? vscode.l10n.t('No cases loaded.') : undefined);
      return children;
    } catch (error) {
      this.setMessage(vscode.l10n.t('Could not load cases: {0}', errorMessage(error)));
      return [];
    }
  }

  private async children(node?: CaseBrowserNode): Promise<CaseBrowserNode[]> {
    if (!node) {
      const forest = groupCases(await this.listCases(), this.groupingValue, { ungrouped: ungroupedLabel(this.groupingValue) });
      const roots: CaseBrowserNode[] = forest.builtIn.map((group) => ({ kind: 'group', group, scope: 'builtIn' }));
      const enterpriseCount = new Set(forest.enterprise.flatMap((g) => g.cases.map((c) => c.id))).size;
      if (enterpriseCount > 0) roots.push({ kind: 'enterprise', groups: forest.enterprise, count: enterpriseCount });
      return roots;
    }
    switch (node.kind) {
      case 'enterprise':
        return node.groups.map((group) => ({ kind: 'group', group, scope: 'enterprise' }));
      case 'group':
        return node.group.cases.map((summary) => ({ kind: 'case', summary, parentKey: `${node.scope}/${node.group.key}` }));
      case 'case': {
        const detail = await this.detail(node.summary.id);
        if (!detail) return [];
        const caseKey = `${node.parentKey}/${detail.id}`;
        const children: CaseBrowserNode[] = [
          { kind: 'text', caseKey, section: 'challenge', text: detail.challenge },
          { kind: 'text', caseKey, section: 'solution', text: detail.solution },
        ];
        if (detail.outcomes.length > 0) children.push({ kind: 'outcomes', caseKey, detail });
        if (detail.patternEvidence.length > 0 || detail.patterns.length > 0) children.push({ kind: 'patterns', caseKey, detail });
        return children;
      }
      case 'outcomes':
        return node.detail.outcomes.map((o) => ({
          kind: 'figure',
          caseKey: node.caseKey,
          id: o.id,
          metric: o.metric,
          value: o.value,
          // A result needs no label; a goal, an advertised advantage, a testimonial or an anecdote always says so (issue 10).
          showKind: !!o.kind && o.kind !== 'result',
          ...(o.kindLabel ? { kindLabel: o.kindLabel } : {}),
          ...(o.source ? { source: o.source } : {}),
        }));
      case 'patterns': {
        const evidence = new Map(node.detail.patternEvidence.map((p) => [p.id, p.evidence]));
        const refs = [...node.detail.patternEvidence, ...node.detail.patterns.filter((p) => !evidence.has(p.id))];
        return refs.map((p) => ({ kind: 'pattern', caseKey: node.caseKey, id: p.id, name: p.name, evidence: evidence.get(p.id) ?? '' }));
      }
      default:
        return [];
    }
  }

  getTreeItem(node: CaseBrowserNode): vscode.TreeItem {
    switch (node.kind) {
      case 'enterprise': {
        const item = new vscode.TreeItem(vscode.l10n.t('Enterprise cases'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'enterprise';
        item.description = String(node.count);
        item.tooltip = vscode.l10n.t('Cases from your organisation (casebook.extraCasePaths)');
        item.iconPath = new vscode.ThemeIcon('organization');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.scope}/${node.group.key}`;
        item.description = String(node.group.cases.length);
        item.iconPath = new vscode.ThemeIcon(GROUP_ICON[this.groupingValue]);
        item.contextValue = 'caseGroup';
        return item;
      }
      case 'case': {
        const c = node.summary;
        const item = new vscode.TreeItem(c.customer, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.parentKey}/${c.id}`;
        item.description = c.keyFigures.length > 0 ? c.keyFigures.join(' · ') : c.title;
        item.tooltip = caseTooltip(c);
        item.iconPath = new vscode.ThemeIcon(c.builtIn ? 'book' : 'organization');
        item.contextValue = 'case';
        item.command = { command: COMMAND.openCase, title: vscode.l10n.t('Open Case'), arguments: [c.id] };
        return item;
      }
      case 'text': {
        const label = node.section === 'challenge' ? vscode.l10n.t('Challenge') : vscode.l10n.t('Solution');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.caseKey}/${node.section}`;
        item.description = oneLine(node.text);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon(node.section === 'challenge' ? 'flame' : 'tools');
        return item;
      }
      case 'outcomes': {
        const item = new vscode.TreeItem(vscode.l10n.t('Outcomes'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.caseKey}/outcomes`;
        item.iconPath = new vscode.ThemeIcon('graph');
        return item;
      }
      case 'patterns': {
        const item = new vscode.TreeItem(vscode.l10n.t('Patterns'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.caseKey}/patterns`;
        item.iconPath = new vscode.ThemeIcon('symbol-structure');
        return item;
      }
      case 'figure': {
        const item = new vscode.TreeItem(node.metric, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.caseKey}/figure/${node.id}`;
        item.description = node.showKind && node.kindLabel ? `${node.kindLabel} · ${node.value}` : node.value;
        item.tooltip = [
          `${node.metric}: ${node.value}`,
          ...(node.kindLabel ? [`(${node.kindLabel})`] : []),
          ...(node.source ? [`「${node.source}」`] : []),
        ].join('\n');
        return item;
      }
      case 'pattern': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.caseKey}/pattern/${node.id}`;
        item.description = oneLine(node.evidence);
        item.tooltip = node.evidence || node.name;
        item.iconPath = new vscode.ThemeIcon('symbol-structure');
        item.command = { command: COMMAND.revealPattern, title: vscode.l10n.t('Show Pattern'), arguments: [node.id] };
        return item;
      }
    }
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

const GROUP_ICON: Record<CaseGrouping, string> = { industry: 'folder-library', pattern: 'symbol-structure', product: 'package' };

function ungroupedLabel(grouping: CaseGrouping): string {
  return grouping === 'pattern' ? vscode.l10n.t('No pattern named') : vscode.l10n.t('No product named');
}

function caseTooltip(c: CaseSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(c.customer).appendMarkdown('** — ').appendText(c.title).appendMarkdown('\n\n');
  md.appendText([c.industryLabel, c.year ? String(c.year) : ''].filter(Boolean).join(' · '));
  for (const figure of c.keyFigures) md.appendMarkdown('\n- ').appendText(figure);
  return md;
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
