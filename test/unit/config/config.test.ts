import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigResolver, findConfigFile, loadConfigFile } from '../../../server/src/node/config';
import { parseConfig } from '../../../server/src/service/config';

const KNOWN = new Set(['tier1-two-regions-three-dcs', 'waiver-unused']);
const parse = (text: string) => parseConfig(text, '/ws/.casebook.yaml', { knownRules: KNOWN });

/** The text a problem's range covers. */
function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

describe('config: parseConfig', () => {
  it('reads rules, case folders and locale', () => {
    const { config, problems } = parse(
      'locale: zh-CN\nrules:\n  tier1-two-regions-three-dcs: error\n  waiver-unused: off\ncases:\n  - ./enterprise-cases\n  - /abs/cases\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      locale: 'zh-CN',
      rules: { 'tier1-two-regions-three-dcs': 'error', 'waiver-unused': 'off' },
      cases: ['./enterprise-cases', '/abs/cases'],
    });
  });

  it('an empty file or empty sections give the defaults', () => {
    for (const text of ['', '# only a comment\n', 'rules:\ncases:\n']) {
      const { config, problems } = parse(text);
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.deepEqual(config, { rules: {}, cases: [] });
    }
  });

  it('accepts `en`, `zh` and a single case folder written as a scalar', () => {
    assert.equal(parse('locale: en\n').config.locale, 'en');
    assert.equal(parse('locale: zh\n').config.locale, 'zh-CN');
    assert.deepEqual(parse('cases: ./more\n').config.cases, ['./more']);
  });

  it('locates an unknown rule id on its key, suggests the near one, and keeps the rest', () => {
    const text = 'rules:\n  tier1-two-region-three-dcs: error\n  waiver-unused: hint\n';
    const { config, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.equal(covered(text, problems[0]!.range), 'tier1-two-region-three-dcs');
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message.en, /Did you mean tier1-two-regions-three-dcs\?/);
    assert.match(problems[0]!.message.zh, /未知规则/);
    assert.deepEqual(config.rules, { 'waiver-unused': 'hint' });
  });

  it('locates a bad severity on its value', () => {
    const text = 'rules:\n  waiver-unused: loud\n';
    const { config, problems } = parse(text);
    assert.equal(covered(text, problems[0]!.range), 'loud');
    assert.match(problems[0]!.message.en, /off \| hint \| info \| warning \| error/);
    assert.deepEqual(config.rules, {});
  });

  it('reports an unknown top-level key as a warning and still applies the rest', () => {
    const text = 'rule:\n  waiver-unused: off\nlocale: en\n';
    const { config, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'warning');
    assert.equal(covered(text, problems[0]!.range), 'rule');
    assert.match(problems[0]!.message.en, /Did you mean rules\?/);
    assert.equal(config.locale, 'en');
  });

  it('reports wrong shapes and a bad locale, located', () => {
    const text = 'rules: [a, b]\ncases:\n  - 42\nlocale: fr\n';
    const { problems } = parse(text);
    assert.deepEqual(
      problems.map((p) => covered(text, p.range)),
      ['[a, b]', '42', 'fr'],
    );
    assert.ok(problems.every((p) => p.message.zh && p.message.en));
  });

  it('turns YAML syntax errors into located problems instead of throwing', () => {
    const { problems, config } = parse('rules:\n  waiver-unused: [off\n');
    assert.ok(problems.length >= 1);
    assert.ok(problems[0]!.range.start.line >= 1);
    assert.deepEqual(config.rules, {});
    assert.equal(parse('- a\n- b\n').problems.length, 1, 'a list at the top level');
  });

  it('checks rule ids against the engine when no rule set is given', () => {
    const { problems } = parseConfig('rules:\n  waiver-unused: off\n  no-such-rule: off\n', 'x');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message.en, /no-such-rule/);
  });
});

describe('config: finding and loading .casebook.yaml', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casebook-config-'));
    mkdirSync(path.join(dir, 'proposals', 'deep'), { recursive: true });
    mkdirSync(path.join(dir, 'cases-extra'));
    writeFileSync(path.join(dir, '.casebook.yaml'), 'locale: en\ncases:\n  - ./cases-extra\n  - ./missing\n');
    writeFileSync(path.join(dir, 'proposals', 'deep', 'a.arch.yaml'), 'casebook: proposal/v1\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks up from the file to the config, not past the stop folder', () => {
    const file = path.join(dir, 'proposals', 'deep', 'a.arch.yaml');
    assert.equal(findConfigFile(file, dir), path.join(dir, '.casebook.yaml'));
    assert.equal(findConfigFile(file, path.join(dir, 'proposals')), undefined);
  });

  it('resolves case folders against the config file and locates missing ones', () => {
    const loaded = loadConfigFile(path.join(dir, '.casebook.yaml'));
    assert.deepEqual(loaded.caseFolders, [path.join(dir, 'cases-extra')]);
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual(loaded.problems[0]!.range.start, { line: 3, character: 4 });
    assert.match(loaded.problems[0]!.message.en, /missing/);
  });

  it('an unreadable config file is a problem, not an exception', () => {
    const loaded = loadConfigFile(path.join(dir, 'nope.yaml'));
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0]!.message.en, /Cannot read/);
  });

  it('the resolver reads each config once and falls back to defaults', () => {
    const resolver = new ConfigResolver(dir);
    const a = resolver.forFile(path.join(dir, 'proposals', 'deep', 'a.arch.yaml'));
    const b = resolver.forFile(path.join(dir, 'proposals', 'b.arch.yaml'));
    assert.equal(a, b);
    assert.equal(a.config.locale, 'en');
    const outside = new ConfigResolver(path.join(dir, 'proposals')).forFile(path.join(dir, 'proposals', 'deep', 'a.arch.yaml'));
    assert.equal(outside.file, undefined);
  });
});
