/**
 * `casebook.insertReferenceTopology [caseId]`: writes a case's reference
 * sites and links into the proposal at the cursor.
 */
import * as vscode from 'vscode';
import type { CaseDetail } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import { referenceTopologyYaml } from '../referenceTopology';
import type { Services } from '../services';
import { casePickItem } from './openCase';

export function insertReferenceTopology(s: Services) {
  return async (caseId?: unknown): Promise<boolean> => {
    const editor = s.ctx.activeProposalEditor();
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Casebook proposal (*.arch.yaml) first.'));
      return false;
    }
    let detail: CaseDetail | undefined;
    try {
      detail = typeof caseId === 'string' ? ((await s.caseBrowser.detail(caseId)) ?? undefined) : await pickCaseWithTopology(s);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not load cases: {0}', errorMessage(error)));
      return false;
    }
    if (!detail) return false;
    const topology = detail.referenceTopology;
    if (!topology || topology.sites.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no reference topology.', detail.customer));
      return false;
    }
    if (/^(sites|links)\s*:/m.test(editor.document.getText())) {
      const insert = vscode.l10n.t('Insert Anyway');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('This proposal already has sites or links; inserting adds a second block. Continue?'),
        { modal: true },
        insert,
      );
      if (answer !== insert) return false;
    }
    const document = editor.document;
    const cursor = editor.selection.active;
    const line = document.lineAt(cursor.line);
    // On a blank line the block goes where the cursor is; otherwise on the next line, at the left margin.
    const blank = line.isEmptyOrWhitespace;
    const at = blank ? new vscode.Position(cursor.line, Math.min(cursor.character, line.text.length)) : line.range.end;
    const indent = blank ? line.text.slice(0, at.character).replace(/\S/g, ' ') : '';
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const block = referenceTopologyYaml(topology, {
      indent,
      eol,
      comment: vscode.l10n.t('Reference topology of {0} ({1})', detail.customer, detail.id),
    });
    return editor.edit((edit) => edit.insert(at, blank ? block : eol + block.slice(0, -eol.length)));
  };
}

async function pickCaseWithTopology(s: Services): Promise<CaseDetail | undefined> {
  const withTopology = s.caseBrowser.listCases().then(async (cases) => {
    const details = await Promise.all(cases.map((c) => s.caseBrowser.detail(c.id)));
    return details.filter((d): d is CaseDetail => !!d?.referenceTopology && d.referenceTopology.sites.length > 0);
  });
  const items = withTopology.then((details) =>
    details.length > 0
      ? details.map((d) => ({
          ...casePickItem(d),
          detail: vscode.l10n.t('{0} sites in {1}', d.referenceTopology!.sites.length, cities(d, s.ctx.config.effectiveLocale)),
        }))
      : [{ id: '', label: vscode.l10n.t('No case in the library has a reference topology yet.') }],
  );
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Insert the reference topology of which case?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id ? (await withTopology).find((d) => d.id === picked.id) : undefined;
}

function cities(detail: CaseDetail, locale: 'zh-CN' | 'en'): string {
  return [...new Set(detail.referenceTopology?.sites.map((site) => site.city))].join(locale === 'zh-CN' ? '、' : ', ');
}
