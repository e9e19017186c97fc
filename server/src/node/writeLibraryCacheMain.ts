/**
 * `node dist/writeLibraryCache.js`: writes dist/library-cache.json, the built-in library as parsed by this build
 * (libraryCache.ts). scripts/build.mjs runs it after bundling; it is not shipped, its output is.
 */
import * as path from 'node:path';
import { builtInCasesPath, writeLibraryCache } from './libraryLoader';

const out = path.join(__dirname, 'library-cache.json');
const count = writeLibraryCache(builtInCasesPath(), out);
console.log(`library cache: ${count} files → ${path.relative(process.cwd(), out)}`);
