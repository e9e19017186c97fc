import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as YAML from 'yaml';
import type { ReferenceTopology } from '../../../shared/src/protocol';
import { referenceTopologyYaml, yamlScalar } from '../../../client/src/referenceTopology';

const ZHEJIANG: ReferenceTopology = {
  sites: [
    { id: 'a-1', city: '城市A', role: 'primary', platform: 'huawei-cloud' },
    { id: 'a-2', city: '城市A', role: 'hot-standby' },
    { id: 'b-1', city: '城市B', role: 'hot-standby' },
  ],
  links: [
    { from: 'a-1', to: 'a-2', mode: 'sync' },
    { from: 'a-1', to: 'b-1', mode: 'async' },
  ],
};

describe('client: reference topology as YAML', () => {
  it('writes sites and links as a proposal does, after a comment naming the case', () => {
    const text = referenceTopologyYaml(ZHEJIANG, { indent: '', comment: '浙江农信（zhejiang-rcu）的参考拓扑', eol: '\n' });
    assert.equal(
      text,
      [
        '# 浙江农信（zhejiang-rcu）的参考拓扑',
        'sites:',
        '  - id: a-1',
        '    city: 城市A',
        '    role: primary',
        '    platform: huawei-cloud',
        '  - id: a-2',
        '    city: 城市A',
        '    role: hot-standby',
        '  - id: b-1',
        '    city: 城市B',
        '    role: hot-standby',
        'links:',
        '  - { from: a-1, to: a-2, mode: sync }',
        '  - { from: a-1, to: b-1, mode: async }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(YAML.parse(text), ZHEJIANG);
  });

  it('indents every line but the first, keeps CRLF files CRLF and leaves out an empty links list', () => {
    const text = referenceTopologyYaml({ sites: ZHEJIANG.sites.slice(0, 1), links: [] }, { indent: '  ', comment: 'c\nd', eol: '\r\n' });
    assert.equal(
      text,
      '# c d\r\n  sites:\r\n    - id: a-1\r\n      city: 城市A\r\n      role: primary\r\n      platform: huawei-cloud\r\n',
    );
  });

  it('quotes whatever YAML would read differently', () => {
    for (const [value, expected] of [
      ['true', '"true"'],
      ['no', '"no"'],
      ['1', '"1"'],
      ['0x1f', '"0x1f"'],
      ['a: b', '"a: b"'],
      ['#x', '"#x"'],
      ['', '""'],
      ['成都', '成都'],
      ['cd-1', 'cd-1'],
    ]) {
      assert.equal(yamlScalar(value!), expected, value);
    }
  });

  it('reads back any site and link values exactly (property)', () => {
    const text = fc.string({ minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: text, city: text, role: text }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ from: text, to: text, mode: text }), { maxLength: 3 }),
        (sites, links) => {
          const yaml = referenceTopologyYaml({ sites, links }, { indent: '', comment: 'x', eol: '\n' });
          const parsed = YAML.parse(yaml) as ReferenceTopology;
          // fast-check's records have a null prototype; compare plain copies.
          assert.deepEqual(
            parsed.sites,
            sites.map((site) => ({ ...site })),
          );
          assert.deepEqual(
            parsed.links ?? [],
            links.map((link) => ({ ...link })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
