/** `casebook.openCase [caseId]`: the case page; without an id, pick a case first. */
import * as vscode from 'vscode';
import type { CaseSummary } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import type { Services } from '../services';

export function openCase(s: Services) {
  return async (caseId?: unknown): Promise<vscode.WebviewPanel | undefined> => {
    const id = typeof caseId === 'string' ? caseId : (await pickCase(s, vscode.l10n.t('Open a customer case')))?.id;
    if (!id) return undefined;
    try {
      const detail = await s.caseBrowser.detail(id);
      if (!detail) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no case with the id "{0}".', id));
        return undefined;
      }
      return s.casePages.show(detail);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the case: {0}', errorMessage(error)));
      return undefined;
    }
  };
}

export interface CasePickItem extends vscode.QuickPickItem {
  id: string;
}

export function casePickItem(c: CaseSummary): CasePickItem {
  return {
    id: c.id,
    label: c.customer,
    description: c.title,
    detail: [c.industryLabel, ...c.keyFigures].join(' · '),
  };
}

/** A quick pick over cases (all of them, or those `filter` keeps). */
export async function pickCase(
  s: Services,
  placeHolder: string,
  filter: (c: CaseSummary) => boolean = () => true,
): Promise<CaseSummary | undefined> {
  const cases = s.caseBrowser.listCases().then((all) => all.filter(filter));
  const picked = await vscode.window.showQuickPick<CasePickItem>(
    cases.then((list) => list.map(casePickItem)),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked ? (await cases).find((c) => c.id === picked.id) : undefined;
}
