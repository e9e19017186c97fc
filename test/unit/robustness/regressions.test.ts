/**
 * Bugs the robustness suites (yamlSuite*.test.ts) found in the service, one focused test each.
 */
import * as assert from 'node:assert/strict';
import { assertHover, linesOf } from '../../fixtures/lspChecks';
import { doc, service, settings } from '../features/helpers';

describe('robustness: regressions found over the YAML test suite', () => {
  const ls = service();

  it('a hover in the indentation before a key is none, not one over the key it is not on', () => {
    const text = 'casebook: proposal/v1\nsystems:\n  - id: core\n    tier: 1\n    name: 核心\n';
    const document = doc(text);
    const lines = linesOf(text);
    for (const [line, key] of [
      [2, 'id'],
      [3, 'tier'],
      [4, 'name'],
    ] as const) {
      const keyAt = lines[line]!.indexOf(key);
      // Before the key (indentation, `- `): the range a hover names must hold the position, so none at all.
      for (let character = 0; character < keyAt; character++) {
        const hover = ls.doHover(document, { line, character }, settings());
        assertHover(hover, { line, character }, lines, `line ${line}`);
        assert.equal(hover, null, `${line}:${character}`);
      }
      // On the key: still explained, over the key.
      const hover = ls.doHover(document, { line, character: keyAt + 1 }, settings());
      assert.ok(hover?.range, `${key} has a hover`);
      assert.deepEqual(hover.range, { start: { line, character: keyAt }, end: { line, character: keyAt + key.length } });
    }
  });
});
