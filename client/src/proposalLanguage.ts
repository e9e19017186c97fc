/**
 * YAML files that declare themselves proposals (`casebook: proposal/v1` as
 * the first key, possibly after comments) get the `casebook` language, so the
 * Casebook server checks them and Red Hat's YAML server does not (no
 * duplicate diagnostics). `firstLine` in package.json covers line one; this
 * covers the marker after a comment header.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, type Ctx } from './ctx';
import { hasProposalMarker } from './proposalMarker';

export function registerProposalLanguage(ctx: Ctx): void {
  // Switched once per file: if the user sets it back to YAML, that choice stands.
  const switched = new Set<string>();
  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'yaml') return;
    const key = document.uri.toString();
    if (switched.has(key) || !hasProposalMarker(document.getText(new vscode.Range(0, 0, 200, 0)))) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach(consider);
  ctx.push(vscode.workspace.onDidOpenTextDocument(consider));
}
