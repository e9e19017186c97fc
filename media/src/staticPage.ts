/**
 * The one script of the pages the extension draws as HTML (the clause page
 * and the compliance page, client/src/webviews/regulationHtml.ts): a click
 * on `data-line`, `data-clause` or `data-action="openFile"` becomes a
 * message, and the scroll position survives the page being redrawn. It
 * reads attributes only; nothing it handles becomes HTML or code.
 */
import type { FromStaticPage, VsCodeApi } from './messages';

declare function acquireVsCodeApi(): VsCodeApi<FromStaticPage>;

const vscode = acquireVsCodeApi();

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-line],[data-clause],[data-action]') : null;
  if (!(target instanceof HTMLElement)) return;
  const { line, clause, action } = target.dataset;
  event.preventDefault();
  if (line !== undefined && /^\d+$/.test(line)) vscode.postMessage({ type: 'reveal', line: Number(line) });
  else if (clause) vscode.postMessage({ type: 'openClause', ref: clause });
  else if (action === 'openFile') vscode.postMessage({ type: 'openFile' });
});

const state = vscode.getState() as { scrollY?: number } | undefined;
if (typeof state?.scrollY === 'number') window.scrollTo(0, state.scrollY);
let pending = false;
window.addEventListener('scroll', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    vscode.setState({ scrollY: window.scrollY });
  });
});
