/**
 * `casebook.exportTopologySvg [target]`: saves the preview's SVG (posted back
 * by the webview after each render). A `target` Uri skips the save dialog.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../ctx';
import type { Services } from '../services';
import { proposalDocument } from './showTopology';

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
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            defaultUri: svgUriFor(document.uri),
            filters: { SVG: ['svg'] },
            title: vscode.l10n.t('Export Topology as SVG'),
          });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withXmlHeader(svg)));
    if (!(target instanceof vscode.Uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Topology saved to {0}', vscode.workspace.asRelativePath(uri)));
    }
    return uri;
  };
}

/** `core.arch.yaml` → `core.svg`, next to it (untitled documents: the first workspace folder). */
function svgUriFor(source: vscode.Uri): vscode.Uri | undefined {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1).replace(/(\.arch)?\.ya?ml$/i, '') || 'topology';
  if (source.scheme === 'file') return vscode.Uri.joinPath(source, '..', `${name}.svg`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `${name}.svg`) : undefined;
}

function withXmlHeader(svg: string): string {
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}
