/**
 * Messages between the extension and its webviews (the topology preview and
 * the case page). Both sides import these types; nothing here runs.
 */
import type { CaseDetail, TopologyNode } from '../../shared/src/protocol';

/** Extension → preview. */
export type ToPreview =
  | { type: 'update'; uri: string; version: number | null; title: string; mermaid: string; nodes: TopologyNode[]; notice?: string }
  | { type: 'empty'; message: string };

/** Extension → case page. */
export type ToCasePage = { type: 'show'; detail: CaseDetail };

/** Sent by a webview after each Mermaid render (the export command and the e2e tests wait for it). */
export interface RenderedMessage {
  type: 'rendered';
  svg: string;
  /** The text of every drawn node and cluster label, in document order. */
  labels: string[];
}

/** Preview → extension. */
export type FromPreview =
  { type: 'ready' } | RenderedMessage | { type: 'renderError'; message: string } | { type: 'reveal'; line: number; character: number };

/** Case page → extension. */
export type FromCasePage =
  | { type: 'ready' }
  | RenderedMessage
  | { type: 'renderError'; message: string }
  | { type: 'openPattern'; id: string }
  | { type: 'openFile' };

/** The subset of `acquireVsCodeApi()` the pages use. */
export interface VsCodeApi<Out> {
  postMessage(message: Out): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** A page drawn as HTML by the extension (clause page, compliance page) → extension: what was clicked. */
export type FromStaticPage = { type: 'reveal'; line: number } | { type: 'openClause'; ref: string } | { type: 'openFile' };
