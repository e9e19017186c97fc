/** `casebook.revealPattern patternId` (internal): selects a pattern in the Patterns view. */
import * as vscode from 'vscode';
import type { Services } from '../services';

export function revealPattern(s: Services) {
  return async (patternId?: unknown): Promise<boolean> => {
    if (typeof patternId !== 'string') return false;
    const found = await s.patterns.reveal(patternId);
    if (!found) void vscode.window.showInformationMessage(vscode.l10n.t('There is no pattern with the id "{0}".', patternId));
    return found;
  };
}
