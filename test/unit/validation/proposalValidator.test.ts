/**
 * The bundles validate with standalone code generated at build time (scripts/build.mjs), the sources
 * with the validator ajv compiles at run time: both must give the same `errors` for the same value.
 * Compared here on every example and fixture proposal, and on systematic damage to one valid example
 * (each value swapped for values of wrong types, out of range or outside its enum; each key dropped;
 * an unknown key in each map; each list's first item repeated).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { validateProposal } from '../../../server/src/service/validation/proposalValidator';
import { proposalValidatorCode } from '../../../server/src/service/validation/proposalValidatorCode';

const ROOT = path.resolve(__dirname, '../../..');
const requireHere = createRequire(__filename);

/** Loads the generated code as CommonJS, noting what it requires. */
function loadStandalone(code: string): { validate: ValidateFunction; required: string[] } {
  const required: string[] = [];
  const exports: Record<string, unknown> = {};
  const wrapped = vm.runInThisContext(`(function (exports, require) {${code}\n})`) as (
    exports: Record<string, unknown>,
    require: (id: string) => unknown,
  ) => void;
  wrapped(exports, (id) => {
    required.push(id);
    return requireHere(id) as unknown;
  });
  assert.equal(typeof exports.validateProposal, 'function', 'the generated code exports validateProposal');
  return { validate: exports.validateProposal as ValidateFunction, required };
}

function proposalFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return proposalFiles(full);
    return name.endsWith('.arch.yaml') ? [full] : [];
  });
}

type Plain = unknown;

/** Every way this test spoils `value`, each a fresh copy, labelled by where. */
function* damaged(value: Plain, at = ''): Generator<[string, Plain]> {
  const wrong: Plain[] = ['not-a-value', -1, 1e9, 1.5, 0, true, null, [], {}, ['x', 'x']];
  for (const bad of wrong) yield [`${at} = ${JSON.stringify(bad)}`, bad];
  if (Array.isArray(value)) {
    const list = value as Plain[];
    if (list.length > 0) yield [`${at} first item repeated`, [...list, list[0]]];
    for (const [i, item] of list.entries())
      for (const [label, spoilt] of damaged(item, `${at}/${i}`)) yield [label, list.map((v, j) => (j === i ? spoilt : v))];
  } else if (value !== null && typeof value === 'object') {
    const map = value as Record<string, Plain>;
    yield [`${at} with an unknown key`, { ...map, notAKey: 1 }];
    for (const key of Object.keys(map)) {
      const { [key]: _dropped, ...rest } = map;
      yield [`${at} without ${key}`, rest];
      for (const [label, spoilt] of damaged(map[key], `${at}/${key}`)) yield [label, { ...map, [key]: spoilt }];
    }
  }
}

describe('the standalone proposal validator', () => {
  const { validate: standalone, required } = loadStandalone(proposalValidatorCode());

  it('requires only ajv’s run-time helpers, not its compiler', () => {
    assert.ok(required.length > 0);
    for (const id of required) assert.match(id, /^ajv\/dist\/runtime\//);
  });

  it('gives the errors of the run-time validator on every example, fixture and damaged example', () => {
    const inputs: [string, Plain][] = [];
    const files = [...proposalFiles(path.join(ROOT, 'examples')), ...proposalFiles(path.join(ROOT, 'test/fixtures'))];
    for (const file of files) {
      try {
        inputs.push([path.relative(ROOT, file), parse(readFileSync(file, 'utf8'), { uniqueKeys: false }) as Plain]);
      } catch {
        // Not YAML the plain parser reads (a syntax-error fixture): nothing to validate.
      }
    }
    assert.ok(inputs.length > 100, `${inputs.length} of ${files.length} proposals parsed`);
    const bank = inputs.find(([name]) => name === 'examples/bank-core.arch.yaml')?.[1];
    assert.ok(bank !== undefined);
    for (const [label, value] of damaged(bank)) inputs.push([`bank-core${label}`, value]);

    const keywords = new Set<string>();
    let failing = 0;
    for (const [label, value] of inputs) {
      const valid = validateProposal(value);
      assert.equal(standalone(value), valid, label);
      assert.deepEqual(standalone.errors, validateProposal.errors, label);
      if (!valid) failing++;
      for (const error of validateProposal.errors ?? []) keywords.add(error.keyword);
    }
    // The comparison is worth something only if it compared errors, of every kind the schema can give.
    assert.ok(failing > 1000, `${failing} of ${inputs.length} inputs fail`);
    assert.ok(inputs.length - failing > 5, 'valid inputs are compared too');
    const expected = ['type', 'additionalProperties', 'required', 'enum', 'const', 'minimum', 'maximum', 'pattern', 'uniqueItems', 'anyOf'];
    for (const keyword of expected) assert.ok(keywords.has(keyword), `some input fails on ${keyword}`);
  });
});
