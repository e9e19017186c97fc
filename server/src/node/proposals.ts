/**
 * Which open documents Casebook checks: `*.arch.yaml` / `*.arch.yml`, the
 * `casebook` language id, or YAML whose first key (after comments) is the
 * `casebook: proposal/v1` marker. Everything else is left to other tools.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

const PROPOSAL_FILE = /\.arch\.ya?ml$/i;
const MARKER = /^casebook\s*:\s*(["']?)proposal\/v1\1\s*(#.*)?$/;
/** The marker is the first key: never look further than this into a file. */
const HEAD_CHARS = 8192;

export function isProposalDocument(document: TextDocument): boolean {
  if (document.languageId === 'casebook') return true;
  if (PROPOSAL_FILE.test(uriPath(document.uri))) return true;
  return startsWithMarker(document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(HEAD_CHARS) }));
}

/** True when the first line that is not blank, a comment or `---` is the marker. */
export function startsWithMarker(text: string): boolean {
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.trimStart().startsWith('#') || line === '---' || line.startsWith('%')) continue;
    return MARKER.test(line);
  }
  return false;
}

function uriPath(uri: string): string {
  const query = uri.search(/[?#]/);
  return query < 0 ? uri : uri.slice(0, query);
}
