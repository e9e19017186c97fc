import * as assert from 'node:assert/strict';
import { hasProposalMarker } from '../../../client/src/proposalMarker';

describe('client: hasProposalMarker', () => {
  it('finds the marker on line one, after comments, blank lines and a document start', () => {
    assert.ok(hasProposalMarker('casebook: proposal/v1\nname: x\n'));
    assert.ok(hasProposalMarker('# 某行核心方案\n\n# second comment\ncasebook: proposal/v1\n'));
    assert.ok(hasProposalMarker('%YAML 1.2\n---\ncasebook: "proposal/v1"  # marker\n'));
    assert.ok(hasProposalMarker('\uFEFFcasebook: proposal/v2\r\nname: x\r\n'));
  });

  it('wants the marker as the first key, in a later version too, and nothing else', () => {
    assert.ok(!hasProposalMarker('name: x\ncasebook: proposal/v1\n'), 'not the first key');
    assert.ok(!hasProposalMarker('casebook: proposal\n'));
    assert.ok(!hasProposalMarker('casebook: proposal/v1 extra\n'));
    assert.ok(!hasProposalMarker('casebook: \'proposal/v1"\n'), 'mismatched quotes');
    assert.ok(!hasProposalMarker('  casebook: proposal/v1\n'), 'indented: not a top-level key');
    assert.ok(!hasProposalMarker(''));
    assert.ok(!hasProposalMarker('# only comments\n# here'));
  });

  it('gives up after the header instead of scanning a huge file', () => {
    assert.ok(!hasProposalMarker('#\n'.repeat(1000) + 'casebook: proposal/v1\n'));
  });
});
