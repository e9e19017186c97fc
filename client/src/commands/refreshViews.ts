/** `casebook.refreshViews`: reloads cases and patterns from the server. */
import type { Services } from '../services';

export function refreshViews(s: Services) {
  return (): void => {
    s.caseBrowser.refresh();
    s.patterns.refresh();
    s.matchingCases.refresh();
  };
}
