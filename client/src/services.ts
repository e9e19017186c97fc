/** Everything a command can reach: the context and the views and panels it built. */
import type { Ctx } from './ctx';
import type { CaseBrowserProvider } from './views/caseBrowser';
import type { MatchingCasesProvider } from './views/matchingCases';
import type { PatternsProvider } from './views/patterns';
import type { RegulationsProvider } from './views/regulations';
import type { CasePages } from './webviews/casePage';
import type { ClausePages } from './webviews/clausePage';
import type { CompliancePage } from './webviews/compliancePage';
import type { TopologyPreview } from './webviews/topologyPreview';

export interface Services {
  ctx: Ctx;
  caseBrowser: CaseBrowserProvider;
  matchingCases: MatchingCasesProvider;
  patterns: PatternsProvider;
  preview: TopologyPreview;
  casePages: CasePages;
  regulations: RegulationsProvider;
  clausePages: ClausePages;
  compliance: CompliancePage;
}
