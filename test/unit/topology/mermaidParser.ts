/**
 * Mermaid's own flowchart parser, run in Node. `mermaid.parse` needs a DOM
 * (DOMPurify), but the flowchart grammar and its database do not, except for
 * label sanitising, which is replaced by the identity here: these tests check
 * syntax and structure; the webview renders with `securityLevel: 'strict'`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FlowVertex {
  id: string;
  text: string;
  classes: string[];
}
export interface FlowSubGraph {
  id: string;
  title: string;
  classes: string[];
  nodes: string[];
}
export interface FlowEdge {
  start: string;
  end: string;
  type: string;
  stroke: string;
  text: string;
}
export interface FlowDb {
  getVertices(): Map<string, FlowVertex>;
  getSubGraphs(): FlowSubGraph[];
  getEdges(): FlowEdge[];
  getClasses(): Map<string, { id: string; styles: string[] }>;
}
interface FlowDiagram {
  parser: { parser: { yy: unknown }; parse(text: string): void };
  readonly db: FlowDb & { sanitizeText(text: string): string };
}

const CHUNKS = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'chunks', 'mermaid.core');

/** Parses flowchart text with Mermaid's grammar; throws Mermaid's parse error. Undefined when this mermaid has no such chunk. */
export async function loadFlowchartParser(): Promise<((text: string) => FlowDb) | undefined> {
  const chunk = fs.existsSync(CHUNKS) ? fs.readdirSync(CHUNKS).find((name) => /^flowDiagram-.*\.mjs$/.test(name)) : undefined;
  if (!chunk) return undefined;
  const { diagram } = (await import(pathToFileURL(path.join(CHUNKS, chunk)).href)) as { diagram: FlowDiagram };
  return (text: string) => {
    const db = diagram.db;
    db.sanitizeText = (t: string) => t;
    diagram.parser.parser.yy = db;
    diagram.parser.parse(text);
    return db;
  };
}
