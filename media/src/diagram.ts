/**
 * Mermaid rendering shared by the topology preview and the case page:
 * theme from VS Code, a pan/zoom viewport, and click → node lookup.
 *
 * Safety: the server escapes every label; `securityLevel: 'strict'` makes
 * Mermaid sanitise them again (DOMPurify) and disables click bindings; the SVG
 * is parsed in an inert document and adopted, never assigned to innerHTML.
 */
import type MermaidApi from 'mermaid';
import { TOPOLOGY_MAX_EDGES } from '../../shared/src/limits';
import { fitView, IDENTITY, panBy, transformOf, wheelFactor, zoomAt, type View } from './panZoom';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

function currentThemeKind(body: HTMLElement = document.body): ThemeKind {
  const cls = body.classList;
  if (cls.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (cls.contains('vscode-high-contrast')) return 'high-contrast';
  if (cls.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** Calls `onChange` when VS Code switches the colour theme (it swaps body classes). */
export function watchTheme(onChange: (kind: ThemeKind) => void): void {
  let last = currentThemeKind();
  new MutationObserver(() => {
    const kind = currentThemeKind();
    if (kind !== last) {
      last = kind;
      onChange(kind);
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

const COLOUR = /^(#[\da-f]{3,8}|rgba?\([\d\s.,%]+\))$/i;

function cssVar(name: string): string | undefined {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return COLOUR.test(value) ? value : undefined;
}

/** Mermaid's theme for the editor theme, coloured from VS Code's CSS variables when they are all there. */
function mermaidTheme(kind: ThemeKind): { theme: 'base' | 'dark' | 'default'; themeVariables?: Record<string, string | boolean> } {
  const dark = kind === 'dark' || kind === 'high-contrast';
  const vars = {
    background: cssVar('--vscode-editor-background'),
    primaryColor: cssVar('--vscode-editorWidget-background'),
    primaryTextColor: cssVar('--vscode-editor-foreground'),
    primaryBorderColor: cssVar(kind.startsWith('high-contrast') ? '--vscode-contrastBorder' : '--vscode-focusBorder'),
    lineColor: cssVar('--vscode-editor-foreground'),
    secondaryColor: cssVar('--vscode-editor-inactiveSelectionBackground'),
    tertiaryColor: cssVar('--vscode-sideBar-background') ?? cssVar('--vscode-editor-background'),
    clusterBkg: cssVar('--vscode-sideBar-background') ?? cssVar('--vscode-editor-background'),
    clusterBorder: cssVar('--vscode-panel-border') ?? cssVar('--vscode-focusBorder'),
    edgeLabelBackground: cssVar('--vscode-editor-background'),
  };
  const complete = Object.values(vars).every((v) => v !== undefined);
  if (!complete) return { theme: dark ? 'dark' : 'default' };
  const fontFamily = getComputedStyle(document.body).getPropertyValue('--vscode-font-family').trim();
  return {
    theme: 'base',
    themeVariables: { ...(vars as Record<string, string>), darkMode: dark, ...(fontFamily ? { fontFamily } : {}) },
  };
}

let renderCount = 0;

export interface RenderResult {
  svg: SVGSVGElement;
  /** Serialized SVG, standalone (for export and for tests). */
  markup: string;
  labels: string[];
}

/** Mermaid from media/dist/mermaid.js, loaded before this page's script. */
function mermaidApi(): typeof MermaidApi {
  const api = (globalThis as { casebookMermaid?: typeof MermaidApi }).casebookMermaid;
  if (!api) throw new Error('mermaid.js is not loaded');
  return api;
}

export async function renderMermaid(text: string): Promise<RenderResult> {
  const mermaid = mermaidApi();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    ...mermaidTheme(currentThemeKind()),
    flowchart: { useMaxWidth: false },
    // The server draws at most TOPOLOGY_MAX_EDGES lines; a few hundred systems exceed Mermaid's 50,000-character default.
    maxEdges: TOPOLOGY_MAX_EDGES,
    maxTextSize: 5_000_000,
  });
  const id = `casebook-diagram-${++renderCount}`;
  try {
    const { svg: markup } = await mermaid.render(id, text);
    // Parsed in an inert document, then adopted: the same as innerHTML of Mermaid's
    // own sanitised output, without a live parse. (Its HTML labels are not XML.)
    const svg = new DOMParser().parseFromString(markup, 'text/html').body.querySelector('svg');
    if (!svg) throw new Error('Mermaid returned no SVG');
    const adopted = document.importNode(svg, true);
    return { svg: adopted, markup, labels: labelsOf(adopted) };
  } finally {
    // On a syntax error Mermaid leaves its scratch element behind.
    document.getElementById(`d${id}`)?.remove();
    document.getElementById(id)?.remove();
  }
}

/** Text of node and cluster labels, in document order. */
function labelsOf(svg: Element): string[] {
  const labels: string[] = [];
  svg.querySelectorAll('g.node, g.cluster').forEach((group) => {
    const label = group.querySelector('.label, .cluster-label, text');
    const text = (label ?? group).textContent?.replace(/\s+/g, ' ').trim();
    if (text) labels.push(text);
  });
  return labels;
}

/** The Mermaid id of the node or cluster an event hit (`flowchart-<id>-<n>` for nodes). */
export function hitNodeId(target: EventTarget | null, known: ReadonlySet<string>): string | undefined {
  const group = target instanceof Element ? target.closest('g.node, g.cluster') : null;
  if (!group) return undefined;
  for (const candidate of [group.getAttribute('data-id'), group.id]) {
    if (!candidate) continue;
    if (known.has(candidate)) return candidate;
    const match = /flowchart-(.+)-\d+$/.exec(candidate);
    if (match && known.has(match[1]!)) return match[1];
  }
  return undefined;
}

export interface ViewportStrings {
  fit: string;
  reset: string;
  zoomIn: string;
  zoomOut: string;
}

/** Pointer travel (px) before a press becomes a drag. */
const DRAG_THRESHOLD = 4;

/** A pan/zoom viewport (wheel + drag, fit/reset buttons) around one SVG at a time. */
export class DiagramViewport {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private view: View = IDENTITY;
  private userMoved = false;
  private svg: SVGSVGElement | undefined;

  constructor(parent: HTMLElement, strings: ViewportStrings) {
    this.element = el('div', 'viewport');
    this.canvas = el('div', 'canvas');
    this.element.append(this.canvas, this.toolbar(strings));
    parent.append(this.element);
    this.element.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.enableDrag();
    new ResizeObserver(() => {
      if (!this.userMoved) this.fit();
    }).observe(this.element);
  }

  /** Shows a new SVG; keeps the user's pan/zoom across live updates. */
  show(svg: SVGSVGElement): void {
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0) {
      svg.setAttribute('width', String(box.width));
      svg.setAttribute('height', String(box.height));
    }
    svg.style.maxWidth = 'none';
    this.canvas.replaceChildren(svg);
    this.svg = svg;
    if (this.userMoved) this.apply();
    else this.fit();
  }

  fit(): void {
    if (!this.svg) return;
    const box = this.svg.viewBox.baseVal;
    const content = box && box.width > 0 ? { width: box.width, height: box.height } : this.svg.getBBox();
    this.view = fitView(content, { width: this.element.clientWidth, height: this.element.clientHeight });
    this.userMoved = false;
    this.apply();
  }

  reset(): void {
    this.view = IDENTITY;
    this.userMoved = true;
    this.apply();
  }

  zoom(factor: number): void {
    this.view = zoomAt(this.view, factor, this.element.clientWidth / 2, this.element.clientHeight / 2);
    this.userMoved = true;
    this.apply();
  }

  private apply(): void {
    this.canvas.style.transform = transformOf(this.view);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.element.getBoundingClientRect();
    this.view = zoomAt(this.view, wheelFactor(e.deltaY, e.deltaMode), e.clientX - rect.left, e.clientY - rect.top);
    this.userMoved = true;
    this.apply();
  }

  private enableDrag(): void {
    let last: { x: number; y: number } | undefined;
    let moved = 0;
    this.element.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || (e.target instanceof Element && e.target.closest('.toolbar'))) return;
      last = { x: e.clientX, y: e.clientY };
      moved = 0;
    });
    this.element.addEventListener('pointermove', (e) => {
      if (!last) return;
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      moved += Math.abs(dx) + Math.abs(dy);
      last = { x: e.clientX, y: e.clientY };
      if (moved <= DRAG_THRESHOLD) return;
      // Captured only once it is a drag: a capture retargets the click a node needs.
      if (!this.element.hasPointerCapture(e.pointerId)) this.element.setPointerCapture(e.pointerId);
      this.element.classList.add('dragging');
      this.view = panBy(this.view, dx, dy);
      this.userMoved = true;
      this.apply();
    });
    const end = (e: PointerEvent) => {
      if (!last) return;
      last = undefined;
      this.element.classList.remove('dragging');
      if (this.element.hasPointerCapture(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
      // A drag is not a click on whatever node it ended over.
      if (moved > DRAG_THRESHOLD) this.element.addEventListener('click', (c) => c.stopPropagation(), { capture: true, once: true });
    };
    this.element.addEventListener('pointerup', end);
    this.element.addEventListener('pointercancel', end);
  }

  private toolbar(strings: ViewportStrings): HTMLElement {
    const bar = el('div', 'toolbar');
    const button = (label: string, title: string, action: () => void) => {
      const b = el('button', 'tool');
      b.type = 'button';
      b.textContent = label;
      b.title = title;
      b.setAttribute('aria-label', title);
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        action();
      });
      bar.append(b);
    };
    button('+', strings.zoomIn, () => this.zoom(1.25));
    button('−', strings.zoomOut, () => this.zoom(0.8));
    button('⤢', strings.fit, () => this.fit());
    button('1:1', strings.reset, () => this.reset());
    return bar;
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function pageStrings<T>(): T {
  return JSON.parse(document.body.dataset['strings'] ?? '{}') as T;
}
