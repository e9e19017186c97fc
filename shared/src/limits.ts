/**
 * Limits both sides of a boundary must agree on. No imports: the webview bundles this file as it is.
 */

/** The most lines a topology draws. Mermaid refuses a flowchart past its `maxEdges` (500 by default) with "Edge limit exceeded". */
export const TOPOLOGY_MAX_EDGES = 480;
