/**
 * Escaping for the dossier. Everything from a proposal or a case is text:
 * in HTML and SVG it is entity-escaped (quotes included, so attribute values
 * are safe too); in Markdown every character with a meaning is backslashed,
 * raw HTML cannot start, and a table cell keeps to one line.
 */
import { md } from '../features/labels';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Control characters other than tab and newline are not allowed in XML at all. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '\ufffd').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/** HTML text and attribute values are escaped the same way. */
export const escapeHtml = escapeXml;

/** Markdown inline text: every Markdown character backslashed, newlines as spaces. */
export function mdText(text: string): string {
  return md(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
}

/** A GitHub table cell: inline text with pipes escaped (md does) and line breaks as `<br>`. */
export function mdCell(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => md(line.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()))
    .join('<br>');
}
