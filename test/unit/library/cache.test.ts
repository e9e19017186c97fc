import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtInCasesPath, loadLibrary, writeLibraryCache } from '../../../server/src/node/libraryLoader';
import type { CaseLibrary } from '../../../server/src/service/types';

const REPO_CASES = builtInCasesPath();
const REPO_ROOT = path.dirname(REPO_CASES);

/** The library as parsed from its files, with no cache. */
const fresh = (builtInPath: string): CaseLibrary =>
  loadLibrary({ builtInPath, extraPaths: [], cacheFile: path.join(os.tmpdir(), 'casebook-no-such-cache.json') });

describe('parsed-library cache', () => {
  let scratch: string;
  let cacheFile: string;
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-cache-'));
    cacheFile = path.join(scratch, 'library-cache.json');
    writeLibraryCache(REPO_CASES, cacheFile);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('holds every case, pattern and regulation file of the built-in library', () => {
    const { files } = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, unknown> };
    const keys = Object.keys(files);
    assert.ok(keys.includes('cases/cases/mybank.yaml'), keys.join(', '));
    assert.ok(keys.some((k) => k.startsWith('cases/patterns/')));
    assert.ok(keys.some((k) => k.startsWith('regulations/')));
    assert.ok(!keys.some((k) => k.endsWith('.arch.yaml') || k.endsWith('products.yaml')), 'topologies and products are not parsed ahead');
    // No path of the machine that wrote it: each entry names its own file by a placeholder.
    assert.ok(!fs.readFileSync(cacheFile, 'utf8').includes(REPO_ROOT));
  });

  it('gives the same library as parsing the files', () => {
    const cached = loadLibrary({ builtInPath: REPO_CASES, extraPaths: [], cacheFile });
    assert.deepStrictEqual(cached, fresh(REPO_CASES));
    assert.equal(cached.cases.size, 11);
    assert.ok((cached.regulations?.clauses.size ?? 0) > 0);
  });

  it('is what the loader reads: an entry whose file is unchanged is taken as it is', () => {
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, { parsed: string }> };
    const entry = cache.files['cases/cases/mybank.yaml']!;
    const parsed = JSON.parse(entry.parsed) as { value: { title: { en: string } } };
    parsed.value.title.en = 'from the cache';
    entry.parsed = JSON.stringify(parsed);
    const tampered = path.join(scratch, 'tampered.json');
    fs.writeFileSync(tampered, JSON.stringify(cache));
    const library = loadLibrary({ builtInPath: REPO_CASES, extraPaths: [], cacheFile: tampered });
    assert.equal(library.cases.get('mybank')!.title.en, 'from the cache');
  });

  describe('installed somewhere else, with one case edited', () => {
    let root: string;
    before(() => {
      root = path.join(scratch, 'installed');
      fs.cpSync(REPO_CASES, path.join(root, 'cases'), { recursive: true });
      fs.cpSync(path.join(REPO_ROOT, 'regulations'), path.join(root, 'regulations'), { recursive: true });
      const edited = path.join(root, 'cases', 'cases', 'mybank.yaml');
      fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/^(title:\s*\n\s+zh:).*$/m, '$1 编辑过的标题'));
    });

    it('names the files where they are, and parses the edited one again', () => {
      const library = loadLibrary({ builtInPath: path.join(root, 'cases'), extraPaths: [], cacheFile });
      assert.deepStrictEqual(library, fresh(path.join(root, 'cases')));
      const mybank = library.cases.get('mybank')!;
      assert.equal(mybank.file, path.join(root, 'cases', 'cases', 'mybank.yaml'));
      assert.equal(mybank.source.file, mybank.file);
      assert.equal(mybank.title.zh, '编辑过的标题');
      assert.equal(library.cases.get('nanjing-bank')!.file, path.join(root, 'cases', 'cases', 'nanjing-bank.yaml'));
      assert.ok([...library.regulations!.documents.values()].every((d) => d.file.startsWith(path.join(root, 'regulations'))));
    });
  });

  it('is ignored when it is not a cache of this format', () => {
    for (const [name, text] of [
      ['garbage.json', '{not json'],
      ['other-format.json', JSON.stringify({ format: 0, files: {} })],
      ['no-files.json', JSON.stringify({ format: 1 })],
    ] as const) {
      const file = path.join(scratch, name);
      fs.writeFileSync(file, text);
      assert.deepStrictEqual(loadLibrary({ builtInPath: REPO_CASES, extraPaths: [], cacheFile: file }), fresh(REPO_CASES), name);
    }
  });
});
