/** `casebook.newProposal [templateId]`: a new untitled proposal from one of templates/. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../ctx';
import type { Services } from '../services';

interface Template {
  id: string;
  file: string;
  label: () => string;
  detail: () => string;
}

const TEMPLATES: readonly Template[] = [
  {
    id: 'bank-core',
    file: 'bank-core.arch.yaml',
    label: () => vscode.l10n.t('Bank distributed core'),
    detail: () => vscode.l10n.t('Tier-1 core accounting on a distributed database, two regions and three data centres'),
  },
  {
    id: 'internet-insurance',
    file: 'internet-insurance.arch.yaml',
    label: () => vscode.l10n.t('Internet insurance platform'),
    detail: () => vscode.l10n.t('Microservices for policies and claims, elastic for peak campaigns'),
  },
  {
    id: 'securities-user-center',
    file: 'securities-user-center.arch.yaml',
    label: () => vscode.l10n.t('Securities unified user centre'),
    detail: () => vscode.l10n.t('One user centre for all channels, same-city active-active'),
  },
  {
    id: 'fund-hybrid-cloud',
    file: 'fund-hybrid-cloud.arch.yaml',
    label: () => vscode.l10n.t('Fund company hybrid cloud'),
    detail: () => vscode.l10n.t('Unitized trading with a public-cloud burst for peak subscriptions'),
  },
];

export function newProposal(s: Services) {
  return async (templateId?: unknown): Promise<vscode.TextEditor | undefined> => {
    const template =
      TEMPLATES.find((t) => t.id === templateId) ??
      (
        await vscode.window.showQuickPick(
          TEMPLATES.map((t) => ({ label: t.label(), detail: t.detail(), template: t })),
          { placeHolder: vscode.l10n.t('Start a proposal from a template') },
        )
      )?.template;
    if (!template) return undefined;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(s.ctx.extensionUri, 'templates', template.file));
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document);
  };
}
