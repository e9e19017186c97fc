import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/service/lineIndex';
import type { RawFinding } from '../../../server/src/service/types';
import { check, fixture } from './helpers';

/** Every finding is well formed: a known shape, both languages, a range inside the text. */
function assertWellFormed(text: string, findings: RawFinding[]): void {
  const index = new LineIndex(text);
  for (const finding of findings) {
    assert.ok(finding.rule && finding.message.zh && finding.message.en, JSON.stringify(finding));
    for (const position of [finding.range.start, finding.range.end]) {
      assert.ok(position.line >= 0 && position.line < index.lineCount, `line ${position.line} of ${index.lineCount}`);
      assert.ok(position.character >= 0 && position.character <= index.lineText(position.line).length + 1, JSON.stringify(position));
    }
    assert.ok(Array.isArray(finding.path));
  }
}

function rulesOf(findings: RawFinding[]): string[] {
  return findings.map((f) => f.rule);
}

describe('validation: bad input never throws', () => {
  it('NUL bytes give a located finding', () => {
    const text = 'casebook: proposal/v1\nname: a\u0000b\n\u0000\u0000\n';
    const findings = check(text);
    assertWellFormed(text, findings);
    assert.ok(findings.length > 0);
  });

  it('random bytes and random text give well-formed findings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        assertWellFormed(text, check(text));
      }),
      { numRuns: 150 },
    );
    const alphabet = fc.constantFrom(...'casebook: proposal/v1\n - [ ] { } & * ! | > # " \' \t 中 ,'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        assertWellFormed(text, check(text));
      }),
      { numRuns: 300 },
    );
  });

  it('tabs in indentation give a located syntax finding', () => {
    const text = 'casebook: proposal/v1\nsystems:\n\t- id: a\n';
    const findings = check(text);
    assertWellFormed(text, findings);
    const syntax = findings.find((f) => f.rule === 'yaml-syntax');
    assert.ok(syntax, JSON.stringify(rulesOf(findings)));
    assert.equal(syntax.range.start.line, 2);
  });

  it('CRLF line endings: the example is valid, and ranges match the LF version', () => {
    const crlf = fixture('full.arch.yaml').replace(/\n/g, '\r\n');
    assert.deepEqual(check(crlf), []);
    const lf = 'casebook: proposal/v1\nsystems:\n  - id: a\n    tire: 1\n';
    const a = check(lf);
    const b = check(lf.replace(/\n/g, '\r\n'));
    assert.deepEqual(rulesOf(a), ['unknown-key']);
    assert.deepEqual(
      b.map((f) => f.range),
      a.map((f) => f.range),
    );
  });

  it('a byte-order mark does not hide the marker', () => {
    const text = '\uFEFF' + fixture('full.arch.yaml');
    assert.deepEqual(check(text), []);
  });

  it('a huge single line is read, and a finding on it is located', () => {
    const text = `casebook: proposal/v1\nname: ${'很长'.repeat(200_000)}\nsystems: [${Array.from({ length: 3000 }, (_, i) => `{id: s${i}, tier: ${i === 2999 ? 7 : 1}}`).join(', ')}]\n`;
    const findings = check(text);
    assertWellFormed(text, findings);
    assert.deepEqual(rulesOf(findings), ['value-out-of-range']);
    assert.equal(findings[0]!.range.start.line, 2);
    assert.deepEqual(findings[0]!.path, ['systems', 2999, 'tier']);
  });

  it('deeply nested YAML stops with a finding', () => {
    const depth = 500;
    const text = `casebook: proposal/v1\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const findings = check(text);
    assertWellFormed(text, findings);
    assert.ok(rulesOf(findings).includes('yaml-too-deep'), JSON.stringify(rulesOf(findings)));
  });

  it('an alias bomb stops with a finding', () => {
    const lines = ['casebook: proposal/v1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('systems: *a9');
    const text = lines.join('\n') + '\n';
    const findings = check(text);
    assertWellFormed(text, findings);
    assert.ok(rulesOf(findings).includes('yaml-too-large'), JSON.stringify(rulesOf(findings)));
  });

  it('a scalar file, a lone key and odd values give findings, not throws', () => {
    for (const text of [
      'just text',
      '42',
      'casebook:',
      'casebook: proposal/v1\nsystems:\n  - \n  - 5\n  - [a]\n',
      'casebook: proposal/v1\nsites: {a: 1}\n',
      '? [a]\n: b\n',
      '*x\n',
    ]) {
      const findings = check(text);
      assertWellFormed(text, findings);
      assert.ok(findings.length > 0, text);
    }
  });
});
