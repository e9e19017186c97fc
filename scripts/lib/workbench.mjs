// A real VS Code workbench on this machine: code-server (VS Code 1.100, Node
// extension host) driven by Debian's Chromium. Used by `npm start` and by the
// end-to-end tests. Everything installs offline from the npm registry and
// Debian's repositories; nothing downloads a binary (see DEVELOPERS.md).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = process.env.CASEBOOK_CHROMIUM || '/usr/bin/chromium';
const CACHE = path.join(ROOT, '.cache', 'workbench');
const CODE_SERVER_BIN = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * The Debian packages in scripts/system-packages.txt (shared with .ci/run), each with the paths
 * that show it is installed; Chromium's is CASEBOOK_CHROMIUM when set.
 */
function systemPackages() {
  return readFileSync(path.join(ROOT, 'scripts', 'system-packages.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter(([pkg]) => pkg)
    .map(([pkg, ...paths]) => ({ pkg, paths: pkg === 'chromium' ? [CHROMIUM] : paths }));
}

function log(message) {
  process.stderr.write(`[workbench] ${message}\n`);
}

/** Installs Chromium, ripgrep, CJK fonts and build headers from Debian when missing (needs root). */
export function ensureSystemPackages() {
  const missing = systemPackages()
    .filter(({ paths }) => !paths.some((p) => existsSync(p)))
    .map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  log(`installing ${missing.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

/** Installs code-server into .cache/workbench (once), offline from the npm registry. */
export function ensureCodeServer() {
  const pkg = path.join(CACHE, 'node_modules', 'code-server', 'package.json');
  if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION && existsSync(CODE_SERVER_BIN)) {
    return CODE_SERVER_BIN;
  }
  ensureSystemPackages();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify({ name: 'casebook-workbench', private: true }, null, 2));
  // @vscode/ripgrep's postinstall downloads rg from GitHub; hand it Debian's rg from its cache instead.
  const rgCache = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(rgCache, { recursive: true });
  const rgTarball = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!existsSync(rgTarball)) execFileSync('tar', ['czf', rgTarball, '-C', '/usr/bin', 'rg']);
  log(`installing code-server@${CODE_SERVER_VERSION} into .cache/workbench (about a minute, once)…`);
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CACHE,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    // unsafe_perm: its postinstall refuses to run as root otherwise; yes: node-pty runs `npx node-gyp`.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (result.status !== 0 || !existsSync(CODE_SERVER_BIN)) {
    throw new Error(
      `code-server install failed (exit ${result.status}):\n${(result.stderr || '')
        .split('\n')
        .filter((l) => !/nodedir|unsafe-perm/.test(l))
        .slice(-30)
        .join('\n')}`,
    );
  }
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CODE_SERVER_BIN;
}

/** A fresh user-data and extensions folder with quiet settings. */
export function prepareProfile(dir, settings = {}) {
  const userDataDir = path.join(dir, 'data');
  const extensionsDir = path.join(dir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'update.mode': 'none',
        ...settings,
      },
      null,
      2,
    ),
  );
  return { userDataDir, extensionsDir };
}

export function installVsix(vsix, { userDataDir, extensionsDir }) {
  const bin = ensureCodeServer();
  execFileSync(
    process.execPath,
    [bin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    },
  );
}

/**
 * Starts code-server on 127.0.0.1 (a free port unless one is given) and
 * resolves once it listens. `stop()` ends it and its extension host.
 */
export async function startCodeServer({ workspace, userDataDir, extensionsDir, port = 0, locale, log: onLog } = {}) {
  const bin = ensureCodeServer();
  const config = path.join(userDataDir, '..', 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    bin,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(locale ? ['--locale', locale] : []),
    ...(workspace ? [workspace] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      onLog?.(text);
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium under playwright-core, headless. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
}

/** Builds the extension's VSIX with `npm run package` and returns its path. */
export function packageExtension() {
  const vsix = path.join(ROOT, 'casebook.vsix');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0 || !existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return vsix;
}

/**
 * Makes zh-cn a display language offline: installs a tiny language-pack
 * fixture and registers it in languagepacks.json, as VS Code only switches to
 * a locale for which a pack is registered (see DEVELOPERS.md).
 */
export function installZhCnLanguagePack({ userDataDir, extensionsDir }) {
  const fixture = path.join(ROOT, 'test', 'fixtures', 'zh-cn-langpack');
  const vsix = path.join(ROOT, '.cache', 'zh-cn-langpack.vsix');
  if (!existsSync(vsix)) {
    mkdirSync(path.dirname(vsix), { recursive: true });
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '-o',
        vsix,
      ],
      {
        cwd: fixture,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }
  installVsix(vsix, { userDataDir, extensionsDir });
  const { name, publisher, version } = JSON.parse(readFileSync(path.join(fixture, 'package.json'), 'utf8'));
  const installed = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'casebook-test',
        extensions: [{ extensionIdentifier: { id: `${publisher}.${name}` }, version }],
        translations: { vscode: path.join(installed, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
}
