/** `casebook.showTopology [uri]`: the topology preview of a proposal, beside the editor. */
import * as vscode from 'vscode';
import type { Services } from '../services';

export function showTopology(s: Services) {
  return async (uri?: unknown): Promise<vscode.WebviewPanel | undefined> => {
    const document = await proposalDocument(s, uri);
    if (!document) return undefined;
    s.preview.show(document);
    return s.preview.webviewPanel;
  };
}

/** The proposal a command is about: the `uri` argument (explorer, editor title) or the active editor. */
export async function proposalDocument(s: Services, uri: unknown): Promise<vscode.TextDocument | undefined> {
  const document =
    uri instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(uri)
      : (s.ctx.activeProposalEditor()?.document ?? s.preview.proposal ?? s.matchingCases.proposal);
  if (!document || !s.ctx.isProposal(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Casebook proposal (*.arch.yaml) first.'));
    return undefined;
  }
  return document;
}
