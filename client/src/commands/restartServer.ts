/** `casebook.restartServer`: stops and starts the language server (after editing enterprise cases, say). */
import * as vscode from 'vscode';
import type { Services } from '../services';

export function restartServer(s: Services) {
  return async (): Promise<void> => {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the Casebook server') },
      () => s.ctx.restart(),
    );
  };
}
