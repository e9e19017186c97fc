/** Where an export of a proposal goes: the save dialog beside the proposal, or the `target` a test passes. */
import * as vscode from 'vscode';

/** `core.arch.yaml` → `core<suffix>`, next to it (untitled documents: the first workspace folder). */
export function exportUriFor(source: vscode.Uri, suffix: string, fallbackName: string): vscode.Uri | undefined {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1).replace(/(\.arch)?\.ya?ml$/i, '') || fallbackName;
  if (source.scheme === 'file') return vscode.Uri.joinPath(source, '..', `${name}${suffix}`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `${name}${suffix}`) : undefined;
}

/** Writes `content` to `target` when it is a Uri, else where the user picks; undefined when they cancel. */
export async function saveExport(
  target: unknown,
  dialog: { defaultUri: vscode.Uri | undefined; filters: Record<string, string[]>; title: string },
  content: string,
): Promise<vscode.Uri | undefined> {
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          ...(dialog.defaultUri ? { defaultUri: dialog.defaultUri } : {}),
          filters: dialog.filters,
          title: dialog.title,
        });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}
