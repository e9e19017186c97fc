/** `casebook.openClause <ref>`: the page of a regulation clause (`<doc-id>#<article>`), from the Regulations view, search or the compliance page. */
import * as vscode from 'vscode';
import { RegulationRequest } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import type { Services } from '../services';
import { REGULATIONS_VIEW } from '../views/regulations';

export function openClause(s: Services) {
  return async (ref?: unknown): Promise<vscode.WebviewPanel | undefined> => {
    if (typeof ref !== 'string' || !ref) {
      // Without a clause, the view lists them all.
      await vscode.commands.executeCommand(`${REGULATIONS_VIEW}.focus`);
      return undefined;
    }
    try {
      const detail = await s.ctx.request(RegulationRequest.type, { ref });
      if (!detail) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no regulation clause "{0}".', ref));
        return undefined;
      }
      return s.clausePages.show(detail);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the clause: {0}', errorMessage(error)));
      return undefined;
    }
  };
}
