/**
 * `casebook.exportTopologySvg [target]`: saves the preview's SVG (posted back
 * by the webview after each render). A `target` Uri skips the save dialog.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../ctx';
import type { Services } from '../services';
import { proposalDocument } from './showTopology';
import { exportUriFor, saveExport } from './saveExport';

export function exportTopologySvg(s: Services) {
  return async (target?: unknown): Promise<vscode.Uri | undefined> => {
    const document = await proposalDocument(s, undefined);
    if (!document) return undefined;
    let svg: string;
    try {
      if (s.preview.proposal === document && s.preview.lastRendered) {
        svg = s.preview.lastRendered.svg;
      } else {
        const rendered = s.preview.waitForRender();
        s.preview.show(document);
        svg = (await rendered).svg;
      }
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the topology: {0}', errorMessage(error)));
      return undefined;
    }
    const uri = await saveExport(
      target,
      {
        defaultUri: exportUriFor(document.uri, '.svg', 'topology'),
        filters: { SVG: ['svg'] },
        title: vscode.l10n.t('Export Topology as SVG'),
      },
      withXmlHeader(svg),
    );
    if (!uri) return undefined;
    if (!(target instanceof vscode.Uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Topology saved to {0}', vscode.workspace.asRelativePath(uri)));
    }
    return uri;
  };
}

function withXmlHeader(svg: string): string {
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}
