import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandOperands, firstInvalidUtf8, globMatcher } from '../../../server/src/node/files';

describe('files: glob matching', () => {
  const matches = (glob: string, file: string) => globMatcher(glob)(file);

  it('* stays within a folder, ** crosses any number of them (including none)', () => {
    assert.ok(matches('*.arch.yaml', 'core.arch.yaml'));
    assert.ok(!matches('*.arch.yaml', 'a/core.arch.yaml'));
    assert.ok(matches('**/*.arch.yaml', 'core.arch.yaml'));
    assert.ok(matches('**/*.arch.yaml', 'a/b/core.arch.yaml'));
    assert.ok(matches('a/**/x.yaml', 'a/x.yaml'));
    assert.ok(matches('a/**', 'a/b/c'));
    assert.ok(!matches('a/**/x.yaml', 'b/x.yaml'));
  });

  it('? is one character, and other characters are literal', () => {
    assert.ok(matches('v?.arch.yaml', 'v1.arch.yaml'));
    assert.ok(!matches('v?.arch.yaml', 'v10.arch.yaml'));
    assert.ok(!matches('*.arch.yaml', 'corearchxyaml'), 'dots are not wildcards');
    assert.ok(matches('方案(一期)+.arch.yaml', '方案(一期)+.arch.yaml'));
  });

  it('wildcards do not match hidden files or folders unless written with a dot', () => {
    assert.ok(!matches('*.yaml', '.casebook.yaml'));
    assert.ok(!matches('**/*.yaml', '.hidden/a.yaml'));
    assert.ok(matches('.*.yaml', '.casebook.yaml'));
  });

  it("braces choose among alternatives: the extension's own activation pattern", () => {
    const activation = '**/*.arch.{yaml,yml}';
    assert.ok(matches(activation, 'core.arch.yaml'));
    assert.ok(matches(activation, 'a/b/core.arch.yml'));
    assert.ok(!matches(activation, 'core.arch.json'));
    assert.ok(!matches(activation, 'core.arch.yamlx'));
    assert.ok(matches('{payments,core}/*.arch.yaml', 'core/x.arch.yaml'));
    assert.ok(!matches('{payments,core}/*.arch.yaml', 'ledger/x.arch.yaml'));
    assert.ok(matches('v{1..3}.arch.yaml', 'v2.arch.yaml'), 'numeric ranges');
    assert.ok(!matches('v{1..3}.arch.yaml', 'v4.arch.yaml'));
  });

  it('brackets and negated extglobs', () => {
    assert.ok(matches('[ab].arch.yaml', 'a.arch.yaml'));
    assert.ok(!matches('[ab].arch.yaml', 'c.arch.yaml'));
    assert.ok(matches('!(draft)*.arch.yaml', 'core.arch.yaml'));
    assert.ok(!matches('!(draft)*.arch.yaml', 'draft.arch.yaml'));
  });

  it('a backslash is a folder separator, as Windows shells write it', () => {
    assert.ok(matches('a\\**\\*.arch.yaml', 'a/b/core.arch.yaml'));
  });
});

describe('files: expanding operands', () => {
  let dir: string;
  const touch = (rel: string, text = 'casebook: proposal/v1\n') => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const relative = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-glob-'));
    touch('core.arch.yaml');
    touch('pay/ment.arch.yml');
    touch('pay/notes.yaml', 'title: not a proposal\n');
    touch('pay/marked.yaml');
    touch('node_modules/dep/x.arch.yaml');
    touch('.hidden/y.arch.yaml');
    touch('方案{一期}.arch.yaml');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('expands braces relative to the working folder, skipping node_modules and hidden folders', () => {
    const { files, problems } = expandOperands(['**/*.arch.{yaml,yml}'], dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(relative(files), ['core.arch.yaml', 'pay/ment.arch.yml', '方案{一期}.arch.yaml']);
  });

  it('walks from the literal prefix and keeps only proposals (name or marker)', () => {
    assert.deepEqual(relative(expandOperands(['pay/*.{yaml,yml}'], dir).files), ['pay/marked.yaml', 'pay/ment.arch.yml']);
    assert.deepEqual(relative(expandOperands([path.join(dir, 'pay', '*.yml')], dir).files), ['pay/ment.arch.yml'], 'an absolute glob');
  });

  it('takes an existing file literally even when its name has glob characters', () => {
    assert.deepEqual(relative(expandOperands(['方案{一期}.arch.yaml'], dir).files), ['方案{一期}.arch.yaml']);
  });

  it('a glob that matches nothing is a located usage error, in both languages', () => {
    const { files, problems } = expandOperands(['**/*.arch.{json,toml}'], dir);
    assert.deepEqual(files, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.operand, '**/*.arch.{json,toml}');
    assert.match(problems[0]?.message.en ?? '', /No proposal files match/);
    assert.match(problems[0]?.message.zh ?? '', /没有与/);
  });
});

describe('files: UTF-8 validation', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('accepts ASCII, Chinese and emoji', () => {
    assert.equal(firstInvalidUtf8(new TextEncoder().encode('casebook: 两地三中心 🏦')), -1);
  });

  it('finds GBK, truncated, overlong and surrogate sequences', () => {
    assert.equal(firstInvalidUtf8(bytes(0x61, 0xba, 0xcb)), 1, 'GBK 核');
    assert.equal(firstInvalidUtf8(bytes(0x61, 0x62, 0xe4, 0xb8)), 2, 'truncated 3-byte sequence');
    assert.equal(firstInvalidUtf8(bytes(0xc0, 0xaf)), 0, 'overlong /');
    assert.equal(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf)), 0, 'overlong 3-byte');
    assert.equal(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80)), 0, 'UTF-16 surrogate');
    assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0, 'beyond U+10FFFF');
  });

  it('agrees with the platform decoder on random bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 2000; n++) {
      const input = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        random() < 0.5 ? 0xe4 + Math.floor(random() * 3) : Math.floor(random() * 256),
      );
      let valid = true;
      try {
        decoder.decode(input);
      } catch {
        valid = false;
      }
      assert.equal(firstInvalidUtf8(input) === -1, valid, Buffer.from(input).toString('hex'));
    }
  });
});
