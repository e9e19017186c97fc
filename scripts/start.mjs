// `npm start`: the product, for real. Builds the VSIX, sets up a project-local
// VS Code workbench (code-server) with it installed, opens examples/ and prints
// the URL. 127.0.0.1 only. Ctrl-C stops it.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  installVsix,
  packageExtension,
  prepareProfile,
  startCodeServer,
  ensureCodeServer,
  installZhCnLanguagePack,
} from './lib/workbench.mjs';

const port = Number(process.env.CASEBOOK_PORT ?? 8080);
const locale = process.env.CASEBOOK_LOCALE; // e.g. zh-cn
const home = path.join(ROOT, '.workbench');

console.log('Casebook: building the extension…');
const vsix = packageExtension();
ensureCodeServer();
const profile = prepareProfile(home, { 'workbench.colorTheme': 'Default Light Modern' });
installVsix(vsix, profile);
if (locale?.toLowerCase().startsWith('zh')) installZhCnLanguagePack(profile);

// The examples open as they are in the repo: edits you make there are yours to keep or revert.
const workspace = path.join(ROOT, 'examples');
if (!existsSync(workspace)) mkdirSync(workspace, { recursive: true });

const server = await startCodeServer({ ...profile, workspace, port, ...(locale ? { locale } : {}) }).catch(async (error) => {
  if (port !== 0 && /EADDRINUSE|address already in use/i.test(String(error))) {
    console.log(`Port ${port} is taken; picking a free one.`);
    return startCodeServer({ ...profile, workspace, port: 0, ...(locale ? { locale } : {}) });
  }
  throw error;
});
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nCasebook is running in VS Code at:\n\n  ${url}\n\nOpen it in a browser (Chromium/Chrome/Edge/Firefox). Ctrl-C to stop.`);
if (process.env.CASEBOOK_START_CHECK === '1') {
  // Used by the tests of `npm start` itself: prove it came up, then leave.
  server.stop();
  process.exit(0);
}
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.process.on('exit', (code) => process.exit(code ?? 0));
