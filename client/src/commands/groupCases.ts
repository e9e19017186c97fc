/** View-title commands of the Case Browser: `casebook.caseBrowser.groupBy{Industry,Pattern,Product}`. */
import type { CaseGrouping } from '../views/caseGrouping';
import type { Services } from '../services';

export function groupCasesBy(grouping: CaseGrouping) {
  return (s: Services) => (): void => s.caseBrowser.setGrouping(grouping);
}
