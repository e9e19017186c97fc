import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as model from '../../../server/src/service/model';
import { allFieldPaths, ANY_KEY, describeField, enumValuesAt, keysAt, PROPOSAL_SCHEMA } from '../../../server/src/service/schemaInfo';
import { currentBlock, generatedDocs, staleMessage } from '../../generatedDocs';
import { check } from './helpers';

const ROOT = path.join(__dirname, '../../..');
const FORMAT_DOC = path.join(ROOT, 'docs/format.md');

describe('schemaInfo', () => {
  it('describes a field by JSON path, in both languages', () => {
    const tier = describeField(['systems', 3, 'tier'])!;
    assert.equal(tier.key, 'tier');
    assert.equal(tier.type, 'integer');
    assert.deepEqual(tier.enum, ['1', '2', '3']);
    assert.deepEqual(tier.range, { minimum: 1, maximum: 3 });
    assert.equal(tier.example, 1);
    assert.match(tier.doc.en, /tier/i);
    assert.match(tier.doc.zh, /一级/);
    assert.match(tier.valueDocs!['1']!.zh, /两地三中心/);
  });

  it('marks required keys and knows ids, references and durations', () => {
    assert.equal(describeField(['sites', 0, 'city'])!.required, true);
    assert.equal(describeField(['sites', 0, 'role'])!.required, undefined);
    assert.equal(describeField(['sites', 0, 'id'])!.kind, 'site-id');
    assert.equal(describeField(['links', 0, 'from'])!.kind, 'site-ref');
    assert.equal(describeField(['systems', 0, 'dependsOn', 0])!.kind, 'system-ref');
    assert.equal(describeField(['systems', 0, 'rto'])!.kind, 'duration');
    assert.deepEqual(describeField(['systems', 0, 'availability'])!.range, { minimum: 0, exclusiveMinimum: true, maximum: 100 });
  });

  it('describes list items and the whole file', () => {
    const item = describeField(['systems', 2])!;
    assert.equal(item.key, 2);
    assert.equal(item.type, 'object');
    assert.match(describeField([])!.doc.zh, /架构方案/);
  });

  it('answers undefined or empty for paths outside the format', () => {
    assert.equal(describeField(['systems', 0, 'nope']), undefined);
    assert.equal(describeField(['name', 'deeper']), undefined);
    assert.deepEqual(keysAt(['systems', 0, 'tier']), []);
    assert.deepEqual(enumValuesAt(['customer']), []);
  });

  it('lists the keys valid at a map, with docs and required flags', () => {
    assert.deepEqual(
      keysAt([]).map((k) => k.key),
      ['casebook', 'name', 'customer', 'description', 'industry', 'institution', 'compliance', 'sites', 'zones', 'links', 'systems'],
    );
    const site = keysAt(['sites', 0]);
    assert.deepEqual(
      site.filter((k) => k.required).map((k) => k.key),
      ['id', 'city'],
    );
    assert.deepEqual(
      keysAt(['systems', 5, 'load']).map((k) => k.key),
      ['peakTps', 'dailyTransactions', 'averageDailyTransactions'],
    );
    for (const key of keysAt(['systems', 0])) assert.ok(key.doc.en && key.doc.zh && key.doc.zh !== key.doc.en, key.key);
  });

  it('gives enum values, open ones and list items included', () => {
    assert.deepEqual(enumValuesAt(['sites', 0, 'platform']), ['vm', 'physical', 'private-cloud', 'public-cloud', 'huawei-cloud']);
    assert.equal(describeField(['sites', 0, 'platform'])!.openEnum, true);
    assert.deepEqual(enumValuesAt(['zones']), ['dev-test', 'dmz', 'intranet']);
    assert.deepEqual(enumValuesAt(['zones', 0]), ['dev-test', 'dmz', 'intranet']);
    assert.deepEqual(enumValuesAt(['compliance', 'mlps']), ['1', '2', '3', '4', '5']);
    assert.deepEqual(enumValuesAt(['systems', 0, 'sensitive']), ['true', 'false']);
  });

  it('agrees with the enumerations the model reasons with', () => {
    const pairs: [readonly string[], (string | number)[]][] = [
      [model.INDUSTRIES, ['industry']],
      [model.SITE_ROLES, ['sites', 0, 'role']],
      [model.SYSTEM_KINDS, ['systems', 0, 'kind']],
      [model.ARCHITECTURES, ['systems', 0, 'architecture']],
      [model.DATABASE_MODES, ['systems', 0, 'database', 'mode']],
      [model.TRANSACTIONS, ['systems', 0, 'transactions']],
      [model.INTEGRATIONS, ['systems', 0, 'integration']],
      [model.RUNTIMES, ['systems', 0, 'runtime']],
      [model.RELEASES, ['systems', 0, 'release']],
      [model.OBSERVABILITY, ['systems', 0, 'observability']],
      [model.CLOUDS, ['systems', 0, 'cloud']],
      [model.LINK_MODES, ['links', 0, 'mode']],
      [model.ZONES, ['zones']],
    ];
    for (const [values, at] of pairs) assert.deepEqual(enumValuesAt(at), [...values], at.join('.'));
  });

  it('documents every field in both languages, with value docs for every enum value', () => {
    for (const at of allFieldPaths()) {
      const field = describeField(at)!;
      assert.ok(field.doc.en.length > 0 && field.doc.zh.length > 0, at.join('.'));
      assert.match(field.doc.zh, /[\u4e00-\u9fff]/, `${at.join('.')} has a Chinese description`);
      const values = field.enum ?? field.items?.enum;
      const docs = field.valueDocs ?? field.items?.valueDocs;
      if (values && at[at.length - 1] !== 'casebook' && field.types[0] !== 'boolean') {
        assert.ok(docs, `${at.join('.')} documents its values`);
        for (const value of values) assert.ok(docs[value]?.zh && docs[value]?.en, `${at.join('.')}: ${value}`);
      }
    }
  });
});

describe('the schema file', () => {
  it('is a valid draft-07 JSON Schema that a plain ajv compiles', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(PROPOSAL_SCHEMA), true, JSON.stringify(ajv.errors));
    const validate = ajv.compile(PROPOSAL_SCHEMA);
    assert.equal(validate({ casebook: 'proposal/v1', systems: [{ id: 'a', rto: '2h' }] }), true);
    assert.equal(validate({ casebook: 'proposal/v1', systems: [{ id: 'a', rto: 90 }] }), false);
  });

  it('allows `x-` extension keys on every map, and no other unknown key', () => {
    assert.deepEqual(check('casebook: proposal/v1\nx-notes: 内部备注\n'), []);
    assert.deepEqual(check('casebook: proposal/v1\nsystems:\n  - id: a\n    x-notes: 1\n    load: { x-source: 压测 }\n'), []);
    assert.deepEqual(
      check('casebook: proposal/v1\nsystems:\n  - id: a\n    notes: 1\n').map((f) => f.rule),
      ['unknown-key'],
    );
  });
});

describe('docs/format.md', () => {
  const doc = () => fs.readFileSync(FORMAT_DOC, 'utf8');

  it('holds the field reference generated from the schema (npm run docs rewrites it)', () => {
    const generated = generatedDocs().find((d) => d.file === FORMAT_DOC)!;
    const text = doc();
    assert.ok(currentBlock(generated, text) !== undefined, 'docs/format.md has the generated markers');
    assert.ok(currentBlock(generated, text) === generated.block, staleMessage(generated));
  });

  it('mentions every schema property', () => {
    const text = doc();
    for (const at of allFieldPaths()) {
      const key = at[at.length - 1];
      // `<id>` stands for any key of an id-keyed map (siteRoles): the map itself is documented.
      if (typeof key === 'string' && key !== ANY_KEY)
        assert.ok(text.includes(`\`${key}\``) || text.includes(`.${key}\``), `docs/format.md mentions ${at.join('.')}`);
    }
  });

  it('has examples that validate without findings', () => {
    const examples = [...doc().matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((e) => e.startsWith('casebook: proposal/v1'));
    assert.ok(examples.length >= 2, 'the complete example and the objectives per scope');
    for (const example of examples) assert.deepEqual(check(example), [], example);
  });

  it('has fragments that read without format findings once placed in a proposal', () => {
    const SITES = 'sites:\n  - { id: sz-1, city: 深圳 }\n  - { id: sz-2, city: 深圳 }\n';
    const fragments = [...doc().matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((e) => !e.startsWith('casebook:'));
    assert.ok(fragments.length >= 2);
    for (const fragment of fragments) {
      const text = fragment.startsWith('    dependsOn:')
        ? `casebook: proposal/v1\nsystems:\n  - id: core\n${fragment}  - id: user-center\n  - id: notify\n  - id: marketing\n`
        : `casebook: proposal/v1\n${SITES}${fragment}`;
      assert.deepEqual(check(text), [], text);
    }
  });
});
