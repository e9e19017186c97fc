/**
 * `casebook.simulateLoss [lose]`: draws the topology preview as if one site,
 * city or region were lost (picked from the proposal's own, or given as the
 * argument); picking "no loss" returns to the plain topology.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { proposalDocument } from './showTopology';

export function simulateLoss(s: Services) {
  return async (lose?: unknown): Promise<string | undefined> => {
    const document = await proposalDocument(s, undefined);
    if (!document) return undefined;
    s.preview.show(document);
    if (typeof lose === 'string') {
      s.preview.simulate(lose);
      return lose;
    }
    // The scopes come with each drawing: wait for the first one if the preview has just opened.
    if (s.preview.scopes.length === 0) await s.preview.waitForRender().catch(() => undefined);
    const none = { label: vscode.l10n.t('$(circle-slash) No loss: the plain topology'), lose: undefined };
    const items = [
      none,
      ...s.preview.scopes.map((scope) => ({
        label: scope.name,
        description:
          scope.kind === 'site' ? vscode.l10n.t('site') : scope.kind === 'city' ? vscode.l10n.t('city') : vscode.l10n.t('region'),
        lose: scope.label,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Lose which site, city or region?') });
    if (!picked) return undefined;
    s.preview.simulate(picked.lose);
    return picked.lose;
  };
}
