import * as assert from 'node:assert/strict';
import { firstInvalidUtf8, globToRegExp } from '../../../server/src/node/files';

describe('files: glob matching', () => {
  const matches = (glob: string, file: string) => globToRegExp(glob).test(file);

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
