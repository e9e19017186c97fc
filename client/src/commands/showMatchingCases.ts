/** `casebook.showMatchingCases`: focuses the Matching Cases view for the active proposal. */
import * as vscode from 'vscode';
import { MATCHING_CASES_VIEW } from '../views/matchingCases';
import type { Services } from '../services';

export function showMatchingCases(s: Services) {
  return async (): Promise<void> => {
    s.matchingCases.refresh();
    await vscode.commands.executeCommand(`${MATCHING_CASES_VIEW}.focus`);
  };
}
