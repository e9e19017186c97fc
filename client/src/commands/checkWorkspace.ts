/**
 * `casebook.checkWorkspace`: finds every proposal in the workspace (by file
 * name, or a YAML file whose header has the marker) and has the server check
 * them all; diagnostics land in the Problems panel.
 */
import * as vscode from 'vscode';
import { CheckWorkspaceRequest, type CheckWorkspaceResult } from '../../../shared/src/protocol';
import { errorMessage } from '../ctx';
import { hasProposalMarker } from '../proposalMarker';
import type { Services } from '../services';

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';
/** Enough bytes for a comment header and the marker line. */
const HEADER_BYTES = 4096;
const MAX_YAML_FILES = 5000;

export function checkWorkspace(s: Services) {
  return async (): Promise<CheckWorkspaceResult | undefined> => {
    let result: CheckWorkspaceResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Casebook: checking proposals…'), cancellable: true },
        async (progress, token) => {
          const uris = await findProposals(token);
          progress.report({ message: vscode.l10n.t('{0} proposals', uris.length) });
          if (uris.length === 0 || token.isCancellationRequested) return { files: uris.length, errors: 0, warnings: 0 };
          return s.ctx.request(CheckWorkspaceRequest.type, { uris: uris.map((u) => u.toString()) });
        },
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the workspace: {0}', errorMessage(error)));
      return undefined;
    }
    if (result.files === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No proposals (*.arch.yaml) found in the workspace.'));
      return result;
    }
    const summary = vscode.l10n.t('Checked {0} proposals: {1} errors, {2} warnings.', result.files, result.errors, result.warnings);
    const show = vscode.l10n.t('Show Problems');
    const notify = result.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void notify(summary, show).then((answer) => {
      if (answer === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  };
}

async function findProposals(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const [named, yaml] = await Promise.all([
    vscode.workspace.findFiles('**/*.{arch.yaml,arch.yml}', EXCLUDE, undefined, token),
    vscode.workspace.findFiles('**/*.{yaml,yml}', EXCLUDE, MAX_YAML_FILES, token),
  ]);
  const found = new Map(named.map((u) => [u.toString(), u]));
  const marked = await Promise.all(
    yaml.filter((u) => !found.has(u.toString())).map(async (u) => ((await headerHasMarker(u)) ? u : undefined)),
  );
  for (const u of marked) if (u) found.set(u.toString(), u);
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

async function headerHasMarker(uri: vscode.Uri): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return hasProposalMarker(new TextDecoder().decode(bytes.subarray(0, HEADER_BYTES)));
  } catch {
    return false; // unreadable files are not proposals
  }
}
