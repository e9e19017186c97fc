/**
 * `casebook.exportReport [target]`: asks the server for the review dossier
 * (方案评审材料) of the active proposal as one self-contained HTML file, saves
 * it where the user picks, then offers to open it. A `target` Uri skips the
 * save dialog and the offer (tests).
 */
import * as vscode from 'vscode';
import { ReportRequest } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import type { Services } from '../services';
import { exportUriFor, saveExport } from './saveExport';
import { proposalDocument } from './showTopology';

export function exportReport(s: Services) {
  return async (target?: unknown): Promise<vscode.Uri | undefined> => {
    const document = await proposalDocument(s, undefined);
    if (!document) return undefined;
    let html: string;
    try {
      const result = await s.ctx.request(ReportRequest.type, { uri: document.uri.toString(), format: 'html' });
      if (!result) throw new Error(vscode.l10n.t('The server has no such proposal open.'));
      html = result.text;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the review report: {0}', errorMessage(error)));
      return undefined;
    }
    const uri = await saveExport(
      target,
      {
        defaultUri: exportUriFor(document.uri, '.review.html', 'proposal'),
        filters: { HTML: ['html'] },
        title: vscode.l10n.t('Export Review Report'),
      },
      html,
    );
    if (!uri) return undefined;
    if (!(target instanceof vscode.Uri)) {
      const open = vscode.l10n.t('Open');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Review report saved to {0}', vscode.workspace.asRelativePath(uri)),
        open,
      );
      if (choice === open) await vscode.env.openExternal(uri);
    }
    return uri;
  };
}
