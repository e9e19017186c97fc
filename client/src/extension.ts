/**
 * Entry point: builds the context, registers views, webviews and commands,
 * and returns the API the extension-host tests use.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderedMessage } from '../../media/src/messages';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerProposalLanguage } from './proposalLanguage';
import type { Services } from './services';
import { StatusBar } from './statusBar';
import { CASE_BROWSER_VIEW, CaseBrowserProvider } from './views/caseBrowser';
import { MATCHING_CASES_VIEW, MatchingCasesProvider } from './views/matchingCases';
import { PATTERNS_VIEW, PatternsProvider } from './views/patterns';
import { REGULATIONS_VIEW, RegulationsProvider } from './views/regulations';
import { CasePages } from './webviews/casePage';
import { ClausePages } from './webviews/clausePage';
import { CompliancePage } from './webviews/compliancePage';
import { TopologyPreview } from './webviews/topologyPreview';

/**
 * What `activate` returns to the extension-host tests (`vscode.extensions.getExtension('casebook.casebook').exports`).
 * Only there: in normal use it returns nothing, so no other extension comes to depend on test hooks.
 */
export interface CasebookApi {
  readonly client: LanguageClient | undefined;
  readonly caseBrowserProvider: CaseBrowserProvider;
  readonly matchingCasesProvider: MatchingCasesProvider;
  readonly patternsProvider: PatternsProvider;
  readonly regulationsProvider: RegulationsProvider;
  readonly clausePages: ClausePages;
  readonly compliancePage: CompliancePage;
  previewPanel(): vscode.WebviewPanel | undefined;
  /** The preview's last `rendered` message, and a promise of its next one. */
  lastPreviewRender(): RenderedMessage | undefined;
  nextPreviewRender(timeoutMs?: number): Promise<RenderedMessage>;
  casePagePanel(caseId: string): vscode.WebviewPanel | undefined;
  lastCasePageRender(caseId: string): RenderedMessage | undefined;
  /** Resolves once the server has started and answers requests. */
  serverReady(): Promise<void>;
}

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): CasebookApi | undefined {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  const started = new Promise<void>((resolve) => ctx!.onDidStartServer(resolve));

  const s: Services = {
    ctx,
    caseBrowser: new CaseBrowserProvider(ctx),
    matchingCases: new MatchingCasesProvider(ctx),
    patterns: new PatternsProvider(ctx),
    preview: new TopologyPreview(ctx),
    casePages: new CasePages(ctx),
    regulations: new RegulationsProvider(ctx),
    clausePages: new ClausePages(ctx),
    compliance: new CompliancePage(ctx),
  };
  ctx.push(
    s.caseBrowser,
    s.matchingCases,
    s.patterns,
    s.preview,
    s.casePages,
    s.regulations,
    s.clausePages,
    s.compliance,
    new StatusBar(ctx),
  );
  registerViews(s);
  registerCommands(s);
  registerProposalLanguage(ctx);

  ctx.push(
    // Views reload after a restart and when the locale or the case library changes.
    ctx.onDidStartServer(() => reloadViews(s)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const affects = s.ctx.config.affectsClient(e);
      if (affects.locale || affects.cases) reloadViews(s);
    }),
  );
  void ctx.start();

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  const local = ctx;
  return {
    get client() {
      return local.client;
    },
    caseBrowserProvider: s.caseBrowser,
    matchingCasesProvider: s.matchingCases,
    patternsProvider: s.patterns,
    regulationsProvider: s.regulations,
    clausePages: s.clausePages,
    compliancePage: s.compliance,
    previewPanel: () => s.preview.webviewPanel,
    lastPreviewRender: () => s.preview.lastRendered,
    nextPreviewRender: (timeoutMs) => s.preview.waitForRender(timeoutMs),
    casePagePanel: (caseId) => s.casePages.panel(caseId),
    lastCasePageRender: (caseId) => s.casePages.lastRendered(caseId),
    serverReady: () => started,
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}

function registerViews(s: Services): void {
  const caseBrowser = vscode.window.createTreeView(CASE_BROWSER_VIEW, { treeDataProvider: s.caseBrowser, showCollapseAll: true });
  const matching = vscode.window.createTreeView(MATCHING_CASES_VIEW, { treeDataProvider: s.matchingCases });
  const patterns = vscode.window.createTreeView(PATTERNS_VIEW, { treeDataProvider: s.patterns, showCollapseAll: true });
  const regulations = vscode.window.createTreeView(REGULATIONS_VIEW, { treeDataProvider: s.regulations, showCollapseAll: true });
  s.caseBrowser.attach(caseBrowser);
  s.matchingCases.attach(matching);
  s.patterns.attach(patterns);
  s.regulations.attach(regulations);
  s.ctx.push(caseBrowser, matching, patterns, regulations);
}

function reloadViews(s: Services): void {
  s.caseBrowser.refresh();
  s.patterns.refresh();
  s.matchingCases.refresh();
  s.regulations.refresh();
}
