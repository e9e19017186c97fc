/**
 * The case page webview: a customer's story, figures, patterns and its
 * reference topology. Every text goes in through textContent.
 */
import type { CaseDetail, ClaimProvenance } from '../../shared/src/protocol';
import { DiagramViewport, el, pageStrings, renderMermaid, watchTheme, type ViewportStrings } from './diagram';
import type { FromCasePage, ToCasePage, VsCodeApi } from './messages';

declare function acquireVsCodeApi(): VsCodeApi<FromCasePage>;

interface CasePageStrings extends ViewportStrings {
  challenge: string;
  solution: string;
  outcomes: string;
  patterns: string;
  topology: string;
  products: string;
  openFile: string;
  builtIn: string;
  enterprise: string;
  renderError: string;
  loading: string;
  sourceSentence: string;
  noSourceSentence: string;
  source: string;
}

const vscode = acquireVsCodeApi();
const strings = pageStrings<CasePageStrings>();
const root = document.getElementById('root')!;
root.append(el('p', 'status', strings.loading));

let shown: CaseDetail | undefined;
let viewport: DiagramViewport | undefined;

window.addEventListener('message', (event: MessageEvent<ToCasePage>) => {
  if (event.data.type === 'show') show(event.data.detail);
});

function show(detail: CaseDetail): void {
  shown = detail;
  viewport = undefined;
  root.replaceChildren(header(detail));
  if (detail.keyFigures.length > 0 || detail.outcomes.length > 0) root.append(figures(detail));
  root.append(textSection(strings.challenge, detail.challenge), textSection(strings.solution, detail.solution));
  if (detail.patternEvidence.length > 0 || detail.patterns.length > 0) root.append(patterns(detail));
  if (detail.topologyMermaid) root.append(topology(detail.topologyMermaid, detail.illustrative));
  if (detail.sourceDocument) root.append(el('p', 'source-document', `${strings.source}: ${detail.sourceDocument}`));
  window.scrollTo(0, 0);
}

function header(detail: CaseDetail): HTMLElement {
  const h = el('header', 'case-header');
  h.append(el('h1', undefined, detail.customer), el('p', 'subtitle', detail.title));
  const meta = el('p', 'meta');
  const parts = [detail.industryLabel, detail.year ? String(detail.year) : '', detail.builtIn ? strings.builtIn : strings.enterprise];
  meta.append(parts.filter(Boolean).join(' · '));
  if (detail.products.length > 0)
    meta.append(
      ` · ${strings.products}: ${detail.products.map((p) => p.name).join(document.documentElement.lang.startsWith('zh') ? '、' : ', ')}`,
    );
  const open = el('a', 'open-file', strings.openFile);
  open.href = '#';
  open.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'openFile' });
  });
  h.append(meta, open);
  return h;
}

function figures(detail: CaseDetail): HTMLElement {
  const section = el('section', 'figures');
  section.append(el('h2', undefined, strings.outcomes));
  const list = el('div', 'figure-cards');
  const outcomes: CaseDetail['outcomes'] =
    detail.outcomes.length > 0 ? detail.outcomes : detail.keyFigures.map((f, i) => ({ id: String(i), metric: f, value: '' }));
  for (const outcome of outcomes) {
    const card = el('div', `figure-card kind-${outcome.kind ?? 'unstated'}`);
    // A goal, an advertised advantage, a testimonial or one customer's anecdote is never shown as a plain result.
    if (outcome.kindLabel) card.append(el('div', 'figure-kind', outcome.kindLabel));
    if (outcome.value) card.append(el('div', 'figure-value', outcome.value));
    card.append(el('div', 'figure-metric', outcome.metric));
    const source = sourceDetails(outcome, detail.builtIn);
    if (source) card.append(source);
    list.append(card);
  }
  section.append(list);
  return section;
}

/** The source sentence on demand: a closed <details> under the claim. */
function sourceDetails(claim: ClaimProvenance, builtIn: boolean): HTMLElement | undefined {
  if (!claim.source) return builtIn ? undefined : el('div', 'no-source', strings.noSourceSentence);
  const details = el('details', 'source');
  details.append(el('summary', undefined, strings.sourceSentence), el('blockquote', undefined, claim.source));
  details.lang = 'zh-CN';
  return details;
}

function textSection(heading: string, text: string): HTMLElement {
  const section = el('section');
  section.append(el('h2', undefined, heading));
  for (const paragraph of text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean))
    section.append(el('p', undefined, paragraph));
  return section;
}

function patterns(detail: CaseDetail): HTMLElement {
  const section = el('section', 'patterns');
  section.append(el('h2', undefined, strings.patterns));
  const list = el('ul');
  const evidence = new Map(detail.patternEvidence.map((p) => [p.id, p]));
  const all = [...detail.patternEvidence, ...detail.patterns.filter((p) => !evidence.has(p.id)).map((p) => ({ ...p, evidence: '' }))];
  for (const pattern of all) {
    const item = el('li');
    const name = el('a', 'pattern', pattern.name);
    name.href = '#';
    name.addEventListener('click', (e) => {
      e.preventDefault();
      vscode.postMessage({ type: 'openPattern', id: pattern.id });
    });
    item.append(name);
    const claim = evidence.get(pattern.id);
    if (claim?.kindLabel && claim.kind !== 'result') item.append(' ', el('span', 'evidence-kind', claim.kindLabel));
    if (pattern.evidence) item.append(el('span', 'evidence', ` — ${pattern.evidence}`));
    const source = claim ? sourceDetails(claim, detail.builtIn) : undefined;
    if (source) item.append(source);
    list.append(item);
  }
  section.append(list);
  return section;
}

function topology(mermaidText: string, illustrative: string | undefined): HTMLElement {
  const section = el('section', 'topology');
  section.append(el('h2', undefined, strings.topology));
  if (illustrative) section.append(el('p', 'illustrative', illustrative));
  const status = el('p', 'status');
  section.append(status);
  viewport = new DiagramViewport(section, strings);
  void draw(mermaidText, status);
  return section;
}

async function draw(mermaidText: string, status: HTMLElement): Promise<void> {
  const target = viewport;
  try {
    const result = await renderMermaid(mermaidText);
    if (viewport !== target || !target) return;
    target.show(result.svg);
    status.textContent = '';
    vscode.postMessage({ type: 'rendered', svg: result.markup, labels: result.labels });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    status.textContent = `${strings.renderError}: ${message}`;
    status.classList.add('error');
    vscode.postMessage({ type: 'renderError', message });
  }
}

watchTheme(() => {
  if (shown) show(shown);
});

vscode.postMessage({ type: 'ready' });
