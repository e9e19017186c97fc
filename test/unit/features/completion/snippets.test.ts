import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { snippetCompletion } from '../../../../server/src/service/features/completion/snippets';
import { CITY_SLOTS, TOPOLOGY_TEMPLATES } from '../../../../shared/src/referenceTopology';
import { enumValuesAt } from '../../../../server/src/service/schemaInfo';
import { completionPlace } from '../sources';

const append = (marked: string, locale: 'en' | 'zh-CN' = 'en') => {
  assert.ok('append' in snippetCompletion);
  return snippetCompletion.append(completionPlace(marked, locale));
};

describe('features/completion/snippets', () => {
  it('at a new site item: a new site and every reference topology, numbered past the ids in use', () => {
    const items = append('casebook: proposal/v1\nsites:\n  - id: dc-a1\n    city: 北京\n    role: primary\n  - |\n');
    assert.deepEqual(
      items.map((i) => i.label),
      ['New site', ...TOPOLOGY_TEMPLATES.map((t) => `${t.name.en} (reference topology)`)],
    );
    const site = (items[0]!.textEdit as TextEdit).newText;
    assert.equal(site, 'id: ${1:dc-1}\n    city: ${2:City}\n    role: ${3|primary,active,hot-standby,cold-standby|}');
    const sameCity = (items[1]!.textEdit as TextEdit).newText;
    assert.equal(sameCity, 'id: dc-a2\n    city: ${1:City A}\n    role: primary\n  - id: dc-a3\n    city: ${1:City A}\n    role: active');
    assert.deepEqual(
      items[1]!.additionalTextEdits!.map((e) => e.newText),
      ['links:\n  - { from: dc-a2, to: dc-a3, mode: sync }\n'],
    );
  });

  it('at the top level: sites + links of each topology and a first system, with the schema kinds', () => {
    const items = append('casebook: proposal/v1\n|\n', 'zh-CN');
    assert.deepEqual(
      items.map((i) => i.label),
      [...TOPOLOGY_TEMPLATES.map((t) => `${t.name.zh}（参考拓扑）`), '新系统'],
    );
    const system = (items[items.length - 1]!.textEdit as TextEdit).newText;
    assert.match(system, /kind: \$\{4\|online,batch,analytics,risk-control,channel\|\}/);
  });

  it('nothing after a colon, nor on a value', () => {
    assert.deepEqual(append('casebook: proposal/v1\nsi|:\n'), []);
    assert.deepEqual(append('casebook: proposal/v1\nindustry: |\n'), []);
  });
});

describe('shared/referenceTopology: the templates', () => {
  it('use roles and modes the schema allows, cities with a slot name, links between their own sites', () => {
    const roles = enumValuesAt(['sites', 0, 'role']);
    const modes = enumValuesAt(['links', 0, 'mode']);
    assert.ok(roles.length > 0 && modes.length > 0);
    for (const template of TOPOLOGY_TEMPLATES) {
      for (const site of template.sites) {
        assert.ok(roles.includes(site.role), `${template.id}: ${site.role}`);
        assert.ok(CITY_SLOTS[site.city], `${template.id}: city ${site.city}`);
      }
      for (const link of template.links) {
        assert.ok(modes.includes(link.mode), `${template.id}: ${link.mode}`);
        assert.ok(link.from < template.sites.length && link.to < template.sites.length && link.from !== link.to, template.id);
      }
    }
  });
});
