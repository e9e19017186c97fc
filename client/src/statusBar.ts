/**
 * The status-bar item for the active proposal: its error and warning counts
 * and the server's state. Click → the Problems panel.
 */
import * as vscode from 'vscode';
import type { Ctx, ServerState } from './ctx';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.item = vscode.window.createStatusBarItem('casebook.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Casebook');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      ctx.onDidChangeServerState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = ctx.activeProposalEditor()?.document.uri.toString();
        if (active && e.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = this.ctx.activeProposalEditor();
    if (!editor) {
      this.item.hide();
      return;
    }
    const state = this.ctx.serverState;
    const counts = countDiagnostics(vscode.languages.getDiagnostics(editor.document.uri));
    this.item.text = `${STATE_ICON[state]} Casebook  $(error) ${counts.errors}  $(warning) ${counts.warnings}`;
    this.item.tooltip = this.tooltip(state, counts);
    this.item.backgroundColor =
      state === 'stopped'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : counts.errors > 0
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.accessibilityInformation = { label: this.tooltip(state, counts).value.replace(/\n+/g, ', ') };
    this.item.show();
  }

  private tooltip(state: ServerState, counts: { errors: number; warnings: number }): vscode.MarkdownString {
    const status = this.ctx.serverStatus;
    const lines = [
      `**Casebook** — ${stateLabel(state)}`,
      '',
      vscode.l10n.t('{0} errors, {1} warnings in this proposal', counts.errors, counts.warnings),
    ];
    if (status) {
      lines.push('', vscode.l10n.t('{0} cases loaded', status.cases));
      if (status.libraryProblems > 0) lines.push('', vscode.l10n.t('{0} problems in enterprise case files', status.libraryProblems));
    }
    lines.push('', vscode.l10n.t('Click to open the Problems panel'));
    return new vscode.MarkdownString(lines.join('\n'));
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

const STATE_ICON: Record<ServerState, string> = {
  stopped: '$(circle-slash)',
  starting: '$(loading~spin)',
  busy: '$(sync~spin)',
  ready: '$(book)',
};

function stateLabel(state: ServerState): string {
  switch (state) {
    case 'stopped':
      return vscode.l10n.t('server stopped');
    case 'starting':
      return vscode.l10n.t('server starting');
    case 'busy':
      return vscode.l10n.t('checking');
    case 'ready':
      return vscode.l10n.t('ready');
  }
}

function countDiagnostics(diagnostics: readonly vscode.Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}
