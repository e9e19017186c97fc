/**
 * Every answer an LSP client must accept, at every position of real and odd
 * proposals: completion edits on the cursor's line and containing it,
 * non-empty symbol names, ranges inside the document (issue 13).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertCompletion, assertSymbols, linesOf } from '../../fixtures/lspChecks';
import { doc, service, settings } from './helpers';

const ls = service();
const ROOT = path.resolve(__dirname, '../../fixtures');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

const ODD: Record<string, string> = {
  'empty key': 'casebook: proposal/v1\n"": x\nsites:\n  - id: ""\n    city: 上海\n',
  'flow map': 'casebook: proposal/v1\nsystems:\n  - { id: core, tier: 1, sites: [a] }\n  - { k: x }\n',
  'half-typed list': 'casebook: proposal/v1\nsites:\n  - id: nj-a\n    city: 南京\nsystems:\n  - id: core\n    sites: [nj-a\n',
  'indented blank': 'casebook: proposal/v1\nsystems:\n  - id: core\n    \n    tier: 1\n',
};

describe('features: every answer is one an LSP client accepts', () => {
  const texts: [string, string][] = [
    ...fs.readdirSync(path.join(ROOT, 'proposals')).map((f): [string, string] => [f, read('proposals', f)]),
    ...['blind-good-fund-ta-headroom.arch.yaml', 'bad-sh-kunshan-dr.arch.yaml']
      .filter((f) => fs.existsSync(path.join(ROOT, 'corpus', f)))
      .map((f): [string, string] => [f, read('corpus', f)]),
    ...Object.entries(ODD),
  ];

  for (const [name, text] of texts) {
    it(`completes and outlines ${name} validly at every position`, () => {
      const document = doc(text);
      const lines = linesOf(text);
      let items = 0;
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line]!.length; character++) {
          const list = ls.doComplete(document, { line, character }, settings());
          items += list.items.length;
          assertCompletion(list.items, { line, character }, lines, name);
        }
      }
      assert.ok(items > 0, 'some completion is offered somewhere');
      assertSymbols(ls.findDocumentSymbols(document), lines, name);
    });
  }

  it('offers every site id at the start of a written id, not only that id', () => {
    const text = ODD['half-typed list']!;
    const line = text.split('\n').findIndex((l) => l.includes('sites: [nj-a'));
    const character = text.split('\n')[line]!.indexOf('[') + 1;
    const labels = ls.doComplete(doc(text), { line, character }, settings()).items.map((i) => i.label);
    assert.ok(labels.includes('nj-a'), labels.join(', '));
  });
});
