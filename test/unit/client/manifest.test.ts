/**
 * The extension manifest against the code: every command the client registers
 * is declared (and the other way round), every `%key%` and every runtime
 * message exists in English and Chinese, views and templates are where the
 * code expects them.
 */
import * as assert from 'node:assert/strict';
import { COMMAND } from '../../../shared/src/commands';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasProposalMarker } from '../../../client/src/proposalMarker';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const json = (rel: string) => JSON.parse(read(rel)) as Record<string, unknown>;

interface Manifest {
  main: string;
  l10n: string;
  icon: string;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string; name: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    languages: { id: string; filenamePatterns: string[]; firstLine: string; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = json('package.json') as unknown as Manifest;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every `l10n.t('…')` message in the client. */
function runtimeMessages(): Set<string> {
  const messages = new Set<string>();
  for (const file of sources(path.join(ROOT, 'client', 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(m[1]!.replace(/\\(.)/g, '$1'));
  }
  return messages;
}

describe('client: manifest', () => {
  it('declares exactly the commands the client registers, each in category Casebook', () => {
    // The ids are declared once (shared/src/commands.ts); the client registers a factory for each (a typed record).
    const registered = Object.values(COMMAND);
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual([...declared].sort(), [...registered].sort());
    assert.ok(/Record<CommandId, Factory>/.test(read('client/src/commands/index.ts')), 'the client registers every declared id');
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Casebook', c.command);
    for (const id of [
      'casebook.searchCases',
      'casebook.openCase',
      'casebook.showTopology',
      'casebook.exportTopologySvg',
      'casebook.newProposal',
      'casebook.insertReferenceTopology',
      'casebook.checkWorkspace',
      'casebook.restartServer',
      'casebook.showOutput',
      'casebook.showMatchingCases',
    ]) {
      assert.ok(declared.includes(id), id);
    }
  });

  it('uses only declared commands in menus', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('has the stable view ids the tests use, in the Casebook container', () => {
    assert.deepEqual(
      manifest.contributes.views['casebook']?.map((v) => v.id),
      ['casebook.caseBrowser', 'casebook.matchingCases', 'casebook.patterns', 'casebook.regulations'],
    );
    assert.equal(manifest.contributes.viewsContainers.activitybar[0]?.id, 'casebook');
    for (const file of [
      'client/src/views/caseBrowser.ts',
      'client/src/views/matchingCases.ts',
      'client/src/views/patterns.ts',
      'client/src/views/regulations.ts',
    ]) {
      assert.match(read(file), /_VIEW = 'casebook\.(caseBrowser|matchingCases|patterns|regulations)'/);
    }
  });

  it('has every %key% of package.json in English and Chinese, and no stray keys', () => {
    const keys = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const table = json(nls);
      assert.deepEqual(Object.keys(table).sort(), [...keys].sort(), nls);
      for (const [key, value] of Object.entries(table)) assert.ok(typeof value === 'string' && value.trim() !== '', `${nls}: ${key}`);
    }
    const zh = json('package.nls.zh-cn.json');
    assert.ok(Object.values(zh).filter((v) => /[\u4e00-\u9fff]/.test(String(v))).length >= keys.size - 2, 'the Chinese table is Chinese');
  });

  it('translates every runtime message into Chinese, with the same placeholders, and keeps no stale ones', () => {
    const messages = runtimeMessages();
    const bundle = json(path.join(manifest.l10n, 'bundle.l10n.zh-cn.json')) as Record<string, string>;
    assert.ok(messages.size > 50, `found ${messages.size} messages`);
    assert.deepEqual(
      [...messages].filter((m) => !(m in bundle)),
      [],
      'untranslated',
    );
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !messages.has(k)),
      [],
      'stale',
    );
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const [en, zh] of Object.entries(bundle)) assert.deepEqual(placeholders(zh), placeholders(en), en);
  });

  it('points main, icon, grammar and language configuration at real files; templates are proposals', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(existsSync(path.join(ROOT, manifest.icon)) && manifest.icon.endsWith('.png'), 'a PNG icon (vsce refuses SVG)');
    const [language] = manifest.contributes.languages;
    assert.equal(language?.id, 'casebook');
    assert.deepEqual(language?.filenamePatterns, ['*.arch.yaml', '*.arch.yml']);
    assert.ok(new RegExp(language.firstLine).test('casebook: proposal/v1'));
    assert.ok(existsSync(path.join(ROOT, language.configuration)));
    assert.ok(existsSync(path.join(ROOT, manifest.contributes.grammars[0]!.path)));
    JSON.parse(read(language.configuration));
    const files = [...read('client/src/commands/newProposal.ts').matchAll(/file: '([^']+)'/g)].map((m) => m[1]!);
    assert.equal(files.length, 4);
    for (const file of files) assert.ok(hasProposalMarker(read(`templates/${file}`)), file);
  });

  it('declares the settings the client and server read', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), [
      'casebook.extraCasePaths',
      'casebook.locale',
      'casebook.rules',
      'casebook.trace.server',
    ]);
  });

  it('ships only bundles and assets (.vscodeignore starts from **)', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.includes('!dist/client.js') && lines.includes('!dist/server.js') && lines.includes('!media/dist/*.js'));
    assert.ok(!lines.some((l) => l.includes('node_modules')));
  });
});
