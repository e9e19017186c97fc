/** `casebook.showCompliance [uri]`: the compliance matrix of a proposal, beside the editor (like the topology preview). */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { proposalDocument } from './showTopology';

export function showCompliance(s: Services) {
  return async (uri?: unknown): Promise<vscode.WebviewPanel | undefined> => {
    const document = await proposalDocument(s, uri);
    if (!document) return undefined;
    s.compliance.show(document);
    return s.compliance.webviewPanel;
  };
}
