/** `casebook.refreshViews`: reloads cases, patterns, matching cases and regulations from the server. */
import type { Services } from '../services';

export function refreshViews(s: Services) {
  return (): void => {
    s.caseBrowser.refresh();
    s.patterns.refresh();
    s.matchingCases.refresh();
    s.regulations.refresh();
  };
}
