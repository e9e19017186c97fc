/**
 * The topology preview webview: draws the Mermaid text the server derives
 * from the active proposal, follows the theme, pans/zooms, and reports
 * clicks on nodes so the editor can reveal where they are written.
 */
import type { TopologyNode } from '../../shared/src/protocol';
import { DiagramViewport, el, hitNodeId, pageStrings, renderMermaid, watchTheme, type ViewportStrings } from './diagram';
import type { FromPreview, ToPreview, VsCodeApi } from './messages';

declare function acquireVsCodeApi(): VsCodeApi<FromPreview>;

interface PreviewStrings extends ViewportStrings {
  waiting: string;
  renderError: string;
}

const vscode = acquireVsCodeApi();
const strings = pageStrings<PreviewStrings>();
const root = document.getElementById('root')!;
const header = el('header', 'header');
const title = el('h1', 'title');
const status = el('div', 'status', strings.waiting);
status.setAttribute('role', 'status');
header.append(title, status);
root.append(header);
const viewport = new DiagramViewport(root, strings);

let current: Extract<ToPreview, { type: 'update' }> | undefined;
let nodesById = new Map<string, TopologyNode>();
/** Renders are serialised; only the newest pending update is drawn. */
let rendering: Promise<void> = Promise.resolve();
let pending: Extract<ToPreview, { type: 'update' }> | undefined;

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  if (message.type === 'update') schedule(message);
  else if (message.type === 'empty') {
    current = undefined;
    title.textContent = '';
    status.textContent = message.message;
    status.classList.remove('error');
  }
});

function schedule(update: Extract<ToPreview, { type: 'update' }>): void {
  const idle = pending === undefined;
  pending = update;
  if (idle) rendering = rendering.then(drawPending);
}

async function drawPending(): Promise<void> {
  const update = pending;
  pending = undefined;
  if (!update) return;
  current = update;
  nodesById = new Map(update.nodes.map((n) => [n.nodeId, n]));
  title.textContent = update.title;
  try {
    const result = await renderMermaid(update.mermaid);
    viewport.show(result.svg);
    status.textContent = update.notice ?? '';
    status.classList.remove('error');
    vscode.setState({ uri: update.uri });
    vscode.postMessage({ type: 'rendered', svg: result.markup, labels: result.labels });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    status.textContent = `${strings.renderError}: ${message}`;
    status.classList.add('error');
    vscode.postMessage({ type: 'renderError', message });
  }
}

viewport.element.addEventListener('click', (event) => {
  const id = hitNodeId(event.target, new Set(nodesById.keys()));
  const node = id === undefined ? undefined : nodesById.get(id);
  if (node) vscode.postMessage({ type: 'reveal', line: node.line, character: node.character });
});

watchTheme(() => {
  if (current) schedule(current);
});

vscode.postMessage({ type: 'ready' });
