/** Everything a command can reach: the context and the views and panels it built. */
import type { Ctx } from './ctx';
import type { CaseBrowserProvider } from './views/caseBrowser';
import type { MatchingCasesProvider } from './views/matchingCases';
import type { PatternsProvider } from './views/patterns';
import type { CasePages } from './webviews/casePage';
import type { TopologyPreview } from './webviews/topologyPreview';

export interface Services {
  ctx: Ctx;
  caseBrowser: CaseBrowserProvider;
  matchingCases: MatchingCasesProvider;
  patterns: PatternsProvider;
  preview: TopologyPreview;
  casePages: CasePages;
}
