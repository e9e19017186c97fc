// Bundles what ships (and what the tests and benchmark run) with esbuild.
// Type checking is separate: `tsc -b` (npm run typecheck).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

// The bundles load the proposal validator as ajv standalone code generated here, in place of
// proposalValidator.ts (which compiles the schema when it loads): a cold start then pays neither for
// ajv's compiler nor for the compile. Generated once per build, in memory; nothing is written.
const PROPOSAL_VALIDATOR = path.join(root, 'server/src/service/validation/proposalValidator.ts');
if (!existsSync(PROPOSAL_VALIDATOR)) throw new Error(`build: ${PROPOSAL_VALIDATOR} moved; update scripts/build.mjs`);
let validatorCode;
const standaloneValidator = {
  name: 'standalone-proposal-validator',
  setup(build) {
    build.onLoad({ filter: /[\\/]validation[\\/]proposalValidator\.ts$/ }, (args) => {
      if (args.path !== PROPOSAL_VALIDATOR) return undefined;
      validatorCode ??= tsxRequire('../server/src/service/validation/proposalValidatorCode.ts', import.meta.url).proposalValidatorCode();
      // resolveDir: its `require("ajv/dist/runtime/…")` resolve from the repository's node_modules.
      return { contents: validatorCode, loader: 'js', resolveDir: root };
    });
  },
};

/** [entry, outfile, platform, externals] */
const targets = [
  ['server/src/server.ts', 'dist/server.js', 'node', []],
  ['server/src/node/checkWorker.ts', 'dist/checkWorker.js', 'node', []],
  ['server/src/cli/main.ts', 'dist/cli.js', 'node', []],
  // Run below, once bundled: writes dist/library-cache.json (server/src/node/libraryCache.ts).
  ['server/src/node/writeLibraryCacheMain.ts', 'dist/writeLibraryCache.js', 'node', []],
  // The workers of `casebook check --jobs N`: checking and the streamed formats only (server/src/cli/workers.ts).
  ['server/src/cli/workerMain.ts', 'dist/cliWorker.js', 'node', []],
  ['client/src/extension.ts', 'dist/client.js', 'node', ['vscode']],
  ['media/src/mermaid.ts', 'media/dist/mermaid.js', 'browser', []],
  ['media/src/preview.ts', 'media/dist/preview.js', 'browser', []],
  ['media/src/casePage.ts', 'media/dist/casePage.js', 'browser', []],
  ['media/src/staticPage.ts', 'media/dist/staticPage.js', 'browser', []],
  ['bench/main.ts', 'dist/bench.js', 'node', ['yaml-language-server']],
  ['test/extension/index.ts', 'dist/test/extension.js', 'node', ['vscode', 'mocha']],
];

const started = Date.now();
await Promise.all(
  targets
    .filter(([entry]) => existsSync(path.join(root, entry)))
    .map(([entry, outfile, platform, external]) =>
      build({
        absWorkingDir: root,
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform,
        format: platform === 'node' ? 'cjs' : 'iife',
        target: platform === 'node' ? 'node20' : 'chrome110',
        external,
        minify: production,
        sourcemap: production ? false : 'linked',
        logLevel: 'warning',
        legalComments: 'none',
        plugins: platform === 'node' ? [standaloneValidator] : [],
      }),
    ),
);
// The built-in library parsed by the code just bundled, so that servers, workers and the CLI start without parsing it.
execFileSync(process.execPath, [path.join(root, 'dist', 'writeLibraryCache.js')], { cwd: root, stdio: 'inherit' });
console.log(`built in ${Date.now() - started} ms`);
