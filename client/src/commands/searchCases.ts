/**
 * `casebook.searchCases`: a quick pick that asks the server on every change,
 * so Chinese, English, pinyin and initials ("lddzx" → 两地三中心) all match;
 * regulation clauses (104号 第二十五条) follow the cases and open their page.
 * Server-ranked items are `alwaysShow`, so VS Code's own label filter, which
 * knows no pinyin, does not hide them.
 */
import * as vscode from 'vscode';
import { COMMAND } from '../../../shared/src/commands';
import { SearchCasesRequest, type CaseSummary, type SearchResult } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import type { Services } from '../services';
import { casePickItem, pickCase } from './openCase';

const SEARCH_DELAY_MS = 120;
const SEARCH_LIMIT = 50;

interface ResultItem extends vscode.QuickPickItem {
  result?: SearchResult;
  caseId?: string;
}

export function searchCases(s: Services) {
  return async (initialQuery?: unknown): Promise<void> => {
    const pick = vscode.window.createQuickPick<ResultItem>();
    pick.title = vscode.l10n.t('Search Cases and Regulations');
    pick.placeholder = vscode.l10n.t(
      'Search cases by customer, pattern or product, or regulations by number or article (中文, English, pinyin, initials)',
    );
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    // Run from a case page, the palette closing hands focus back to the webview,
    // which would dismiss this pick before the architect types; Escape closes it.
    pick.ignoreFocusOut = true;
    let summaries = new Map<string, CaseSummary>();
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const showAll = async () => {
      pick.busy = true;
      try {
        const cases = await s.caseBrowser.listCases();
        summaries = new Map(cases.map((c) => [c.id, c]));
        if (pick.value.trim() === '') pick.items = cases.map((c) => ({ ...casePickItem(c), caseId: c.id }));
      } catch (error) {
        pick.items = [{ label: vscode.l10n.t('Could not load cases: {0}', errorMessage(error)), alwaysShow: true }];
      } finally {
        pick.busy = false;
      }
    };

    const search = async (query: string) => {
      const mine = ++generation;
      if (query.trim() === '') return showAll();
      pick.busy = true;
      try {
        const { results } = await s.ctx.request(SearchCasesRequest.type, { query, limit: SEARCH_LIMIT });
        if (mine !== generation) return;
        pick.items =
          results.length > 0
            ? results.map((r) => resultItem(r, summaries.get(r.id)))
            : [{ label: vscode.l10n.t('No matching cases'), alwaysShow: true }];
      } catch (error) {
        if (mine === generation) pick.items = [{ label: vscode.l10n.t('Search failed: {0}', errorMessage(error)), alwaysShow: true }];
      } finally {
        if (mine === generation) pick.busy = false;
      }
    };

    pick.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => void search(value), SEARCH_DELAY_MS);
    });
    const accepted = new Promise<ResultItem | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
    });
    if (typeof initialQuery === 'string') pick.value = initialQuery;
    pick.show();
    void search(pick.value);
    const item = await accepted;
    clearTimeout(timer);
    pick.dispose();
    if (!item) return;

    const result = item.result;
    if (result?.kind === 'clause') {
      // A regulation clause (issue 11): its page.
      await vscode.commands.executeCommand(COMMAND.openClause, result.id);
    } else if (item.caseId || result?.kind === 'case') {
      await vscode.commands.executeCommand(COMMAND.openCase, item.caseId ?? result?.id);
    } else if (result) {
      // A pattern or product leads on to the cases that use it.
      const ref = (c: CaseSummary) => (result.kind === 'pattern' ? c.patterns : c.products).some((p) => p.id === result.id);
      const chosen = await pickCase(s, vscode.l10n.t('Cases with {0}', result.title), ref);
      if (chosen) await vscode.commands.executeCommand(COMMAND.openCase, chosen.id);
    }
  };
}

function resultItem(result: SearchResult, summary: CaseSummary | undefined): ResultItem {
  if (result.kind === 'case' && summary) {
    return { ...casePickItem(summary), label: summary.customer, result, alwaysShow: true };
  }
  const icon =
    result.kind === 'pattern'
      ? '$(symbol-structure) '
      : result.kind === 'product'
        ? '$(package) '
        : result.kind === 'clause'
          ? '$(law) '
          : '$(book) ';
  const description =
    result.kind === 'pattern'
      ? vscode.l10n.t('pattern')
      : result.kind === 'product'
        ? vscode.l10n.t('product')
        : result.kind === 'clause'
          ? vscode.l10n.t('regulation clause')
          : '';
  return {
    label: icon + result.title,
    description,
    detail: result.detail,
    result,
    alwaysShow: true,
  };
}
