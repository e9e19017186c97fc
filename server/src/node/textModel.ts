/**
 * How open documents take the client's edits: `TextDocument` from
 * `vscode-languageserver-textdocument`, behind a guard. Its incremental update
 * trusts the range: a range past the end of the document splices its line
 * table at lines that do not exist, and an edit that joins a `\r` and a `\n`
 * into one line break (or a deletion that brings them together) leaves a line
 * the text no longer has — every later edit then lands at the wrong offset.
 *
 * So each incremental change is first clamped to the document (as the
 * library's own `offsetAt` reads it), and a change that would join `\r` and
 * `\n` is applied as the whole new text, which rebuilds the line table.
 *
 * A change whose version is not above the document's (a stale or repeated
 * version: protocol abuse, or a client replaying old edits) is ignored, not
 * applied: applying it would move the document back to an older version and
 * its diagnostics would follow a newer publish. `takeStaleVersion` tells the
 * document sync, which logs a warning.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** The shape `TextDocuments` takes (`TextDocumentsConfiguration<TextDocument>`). */
export const SafeTextDocument = {
  create: (uri: string, languageId: string, version: number, content: string): TextDocument =>
    TextDocument.create(uri, languageId, version, content),
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (!(Number.isInteger(version) && version > document.version)) {
      stale.set(document, version);
      return document;
    }
    // One at a time: each change's range refers to the text after the ones before it.
    for (const change of changes) TextDocument.update(document, [safeChange(document, change)], version);
    if (changes.length === 0) TextDocument.update(document, [], version);
    return document;
  },
};

/** The version of the last change ignored as stale for a document, if any since the last call (then forgotten). */
export function takeStaleVersion(document: TextDocument): number | undefined {
  const version = stale.get(document);
  stale.delete(document);
  return version;
}

const stale = new WeakMap<TextDocument, number>();

function safeChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return { text: change.text };
  const text = document.getText();
  const a = document.offsetAt(change.range.start); // clamped into the text
  const b = document.offsetAt(change.range.end);
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const first = change.text.length > 0 ? change.text.charCodeAt(0) : after;
  const last = change.text.length > 0 ? change.text.charCodeAt(change.text.length - 1) : before;
  if ((before === CR && first === LF) || (last === CR && after === LF)) {
    // The line table would keep a break the text no longer has: rebuild it from the whole text.
    return { text: text.slice(0, start) + change.text + text.slice(end) };
  }
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: change.text };
}

const CR = 13;
const LF = 10;
