// `npm run test:electron`: the extension-host suite (test/extension/) in desktop
// VS Code through @vscode/test-electron, for machines that can download VS Code.
// (On this project's CI machine VS Code cannot be downloaded; `npm test` runs
// the same suite in code-server's extension host instead.)
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'casebook-electron-')), 'workspace');
cpSync(path.join(root, 'examples'), workspace, { recursive: true });
for (const version of ['1.90.0', 'stable']) {
  // The minimum engines.vscode and the current stable, as rust-analyzer does.
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'extension.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}
