// `npm run lint` (and the `lint` stage of `npm test`): ESLint, then Prettier's check. Both run even when the first
// fails, so one run reports everything; any finding or unformatted file fails it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (...p) => path.join(root, 'node_modules', ...p);
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

const lint = run([bin('eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.']);
const format = run([bin('prettier', 'bin', 'prettier.cjs'), '--check', '.']);
process.exit(lint === 0 && format === 0 ? 0 : 1);
