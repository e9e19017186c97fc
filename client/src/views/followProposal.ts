/**
 * What a view about "the open proposal" listens to: the active editor (focus moving to a case page, the preview or
 * another file keeps the last proposal until it closes), the proposal closing, and new diagnostics for it.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export interface ProposalFollower {
  /** The proposal the view is about now. */
  current(): vscode.TextDocument | undefined;
  /** Another proposal became active, or (undefined) the one shown was closed. */
  follow(document: vscode.TextDocument | undefined): void;
  /** The shown proposal's diagnostics changed. */
  diagnosticsChanged(): void;
}

export function followProposal(ctx: Ctx, view: ProposalFollower): vscode.Disposable[] {
  return [
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && ctx.isProposal(editor.document)) view.follow(editor.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === view.current()) view.follow(undefined);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = view.current()?.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) view.diagnosticsChanged();
    }),
  ];
}
