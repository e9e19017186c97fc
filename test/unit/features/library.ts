import { builtInCasesPath, loadLibrary } from '../../../server/src/node/libraryLoader';
import type { CaseLibrary } from '../../../server/src/service/types';

let cached: CaseLibrary | undefined;
/** The real built-in case library, loaded once for the tests that check findings against it. */
export function realLibrary(): CaseLibrary {
  cached ??= loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [] });
  return cached;
}
