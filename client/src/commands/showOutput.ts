/** `casebook.showOutput`: the server's log (and the LSP trace, with `casebook.trace.server`). */
import type { Services } from '../services';

export function showOutput(s: Services) {
  return (): void => s.ctx.outputChannel.show(true);
}
