/** The entry of `dist/cliWorker.js`, the lean bundle `casebook check --jobs N` runs its workers from. */
import { runWorker } from './worker';
import { isCheckWorker } from './workerProtocol';

if (isCheckWorker()) runWorker();
