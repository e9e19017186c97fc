import * as assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { applyEdits, doc, service, settings, withCursor } from './helpers';

const ls = service();

function complete(marked: string, locale: 'en' | 'zh-CN' = 'en') {
  const { text, position } = withCursor(marked);
  const list = ls.doComplete(doc(text), position, settings(locale));
  assert.equal(list.isIncomplete, false);
  return { text, items: list.items, labels: list.items.map((i) => i.label) };
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

/** The text after accepting an item (snippet syntax left as is). */
function accept(text: string, chosen: CompletionItem): string {
  const edits = [chosen.textEdit as TextEdit, ...(chosen.additionalTextEdits ?? [])];
  return applyEdits(text, edits);
}

const HEAD = `casebook: proposal/v1
sites:
  - id: cd-1
    city: 成都
    role: primary
  - id: cq-1
    city: 重庆
    role: cold-standby
systems:
  - id: core
    name: 核心
    tier: 1
`;

describe('features/completion', () => {
  it('offers the marker and a skeleton in an empty file', () => {
    const { text, items } = complete('|');
    const marker = item(items, 'casebook: proposal/v1');
    assert.equal(accept(text, marker), 'casebook: proposal/v1');
    assert.equal(items[1]!.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('completes a half-typed key with the keys of a system, skipping those present', () => {
    const { text, items, labels } = complete(`${HEAD}    ti|\n`);
    assert.ok(labels.includes('kind') && labels.includes('sites') && labels.includes('dependsOn'));
    assert.ok(!labels.includes('tier'), 'tier is already present');
    assert.ok(!labels.includes('name'));
    assert.ok(!labels.includes('city'), 'site keys are not system keys');
    const kind = item(items, 'kind');
    assert.equal(kind.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(accept(text, kind).split('\n')[12], '    kind: ${1|online,batch,analytics,risk-control,channel|}');
    assert.ok(kind.detail && kind.detail.length > 0);
    assert.equal(item(items, 'sites').textEdit && (item(items, 'sites').textEdit as TextEdit).newText, 'sites: [$0]');
    assert.equal((item(items, 'load').textEdit as TextEdit).newText, 'load:\n      $0');
  });

  it('completes site keys in a site item, nested keys under load, and top-level keys', () => {
    const site = complete(`casebook: proposal/v1\nsites:\n  - id: a\n    |\n`).labels;
    assert.ok(site.includes('city') && site.includes('role') && !site.includes('id'));
    const load = complete(`${HEAD}    load:\n      peakTps: 1\n      |\n`).labels;
    assert.ok(load.includes('dailyTransactions') && !load.includes('peakTps') && !load.includes('tier'));
    const top = complete(`${HEAD}|\n`).labels;
    assert.ok(top.includes('links') && top.includes('industry') && !top.includes('systems') && !top.includes('sites'));
  });

  it('completes enum values after `key: ` with localized meaning', () => {
    const roles = complete(`casebook: proposal/v1\nsites:\n  - id: a\n    role: |\n`, 'zh-CN');
    assert.deepEqual(roles.labels, ['primary', 'active', 'hot-standby', 'cold-standby']);
    const tiers = complete(`${HEAD}  - id: web\n    tier: |\n`, 'zh-CN');
    assert.deepEqual(tiers.labels, ['1', '2', '3']);
    assert.equal(item(tiers.items, '1').detail, '一级业务系统');
    assert.match(JSON.stringify(item(tiers.items, '1').documentation), /两地三中心/);
    const en = complete(`${HEAD}  - id: web\n    tier: |\n`, 'en');
    assert.equal(item(en.items, '2').detail, 'tier-2 business system');
    const arch = complete(`${HEAD}    architecture: mi|\n`);
    assert.ok(arch.labels.includes('microservices'));
    const accepted = accept(arch.text, item(arch.items, 'microservices'));
    assert.match(accepted, /\n    architecture: microservices\n/);
    const mode = complete(`casebook: proposal/v1\nlinks:\n  - { from: a, to: b, mode: |}\n`);
    assert.deepEqual(mode.labels, ['sync', 'async']);
  });

  it('completes site ids in a system’s sites, flow and block forms, without those written', () => {
    const flow = complete(`${HEAD}    sites: [cd-1, |]\n`);
    assert.deepEqual(flow.labels, ['cq-1']);
    assert.equal(flow.items[0]!.detail, '重庆 · cold-standby');
    const block = complete(`${HEAD}    sites:\n      - cq-1\n      - |\n`);
    assert.deepEqual(block.labels, ['cd-1']);
    const link = complete(`${HEAD}links:\n  - { from: cd-1, to: c| }\n`);
    assert.deepEqual(link.labels.sort(), ['cd-1', 'cq-1']);
    assert.match(accept(link.text, item(link.items, 'cq-1')), /to: cq-1 \}/);
  });

  it('completes system ids in dependsOn, never the system itself', () => {
    const text = `${HEAD}  - id: web\n    name: 网银\n    dependsOn: [|]\n  - id: batch\n`;
    const { labels, items } = complete(text);
    assert.deepEqual(labels.sort(), ['batch', 'core']);
    assert.equal(item(items, 'core').detail, '核心');
    const block = complete(`${HEAD}    dependsOn:\n      - |\n  - id: web\n`);
    assert.deepEqual(block.labels, ['web', 'id:'], 'and `id:` for a dependency written as a map');
    const onKey = complete(`${HEAD}    dependsOn: |\n  - id: web\n`);
    assert.equal((item(onKey.items, 'web').textEdit as TextEdit).newText, '[web]');
  });

  it('completes cities already used in the file', () => {
    const { labels, items } = complete(`${HEAD.replace('systems:', '  - id: cd-2\n    city: |\nsystems:')}`, 'zh-CN');
    assert.deepEqual(labels, ['成都', '重庆']);
    assert.match(item(items, '成都').detail!, /1 个站点/);
  });

  it('offers a new system snippet on `  - ` under systems', () => {
    const { text, items } = complete(`${HEAD}  - |\n`, 'zh-CN');
    const snippet = item(items, '新系统');
    const lines = accept(text, snippet).split('\n');
    assert.equal(lines[12], '  - id: ${1:new-system}');
    assert.equal(lines[13], '    name: ${2:系统名称}');
    assert.equal(lines[14], '    tier: ${3|1,2,3|}');
    assert.ok(
      items.some((i) => i.label === 'id'),
      'keys are offered too',
    );
  });

  it('inserts a reference topology in sites, with its links appended to links:', () => {
    const base = `casebook: proposal/v1\nsites:\n  - id: dc-a1\n    city: 北京\n    role: primary\n  - |\nlinks:\n  - { from: x, to: y, mode: sync }\n`;
    const { text, items } = complete(base, 'zh-CN');
    const topology = item(items, '两地三中心（参考拓扑）');
    const result = accept(text, topology);
    // dc-a1 is taken, so the new sites are numbered past it.
    assert.match(
      result,
      /\n  - id: dc-a2\n    city: \$\{1:城市A\}\n    role: primary\n  - id: dc-a3\n    city: \$\{1:城市A\}\n    role: hot-standby\n  - id: dc-b1\n    city: \$\{2:城市B\}\n    role: cold-standby\n/,
    );
    assert.match(
      result,
      /  - \{ from: x, to: y, mode: sync \}\n  - \{ from: dc-a2, to: dc-a3, mode: sync \}\n  - \{ from: dc-a2, to: dc-b1, mode: async \}/,
    );
  });

  it('offers whole reference topologies (sites + links) at the top level of a file without sites', () => {
    const { text, items } = complete(`casebook: proposal/v1\n|\n`, 'en');
    const result = accept(text, item(items, 'Three regions, five DCs (reference topology)'));
    assert.equal((result.match(/- id: dc-/g) ?? []).length, 5);
    assert.match(result, /links:\n  - \{ from: dc-a1, to: dc-a2, mode: sync \}/);
    assert.match(result, /city: \$\{3:City C\}/);
  });

  it('still completes when the rest of the file does not parse', () => {
    const broken = `${HEAD}    sites: [cd-1,\n  - id: web\n    dependsOn: {\n  - id: batch\n    ro|\n`;
    const { labels } = complete(broken);
    assert.ok(labels.includes('runtime') && labels.includes('release'), labels.join(','));
    const role = complete(`casebook: proposal/v1\nsites:\n  - id: a\n    city: [\n  - id: b\n    role: |\nsystems: {\n`);
    assert.deepEqual(role.labels, ['primary', 'active', 'hot-standby', 'cold-standby']);
  });

  it('offers nothing inside comments and never throws on odd positions', () => {
    assert.deepEqual(complete(`${HEAD}    # tier|\n`).labels, []);
    const d = doc(HEAD);
    assert.deepEqual(ls.doComplete(d, { line: 500, character: 3 }, settings()).items, []);
    assert.doesNotThrow(() => ls.doComplete(d, { line: 3, character: 500 }, settings()));
  });
});

describe('features/completion: siteRoles', () => {
  const roles = `${HEAD}    sites: [cd-1, cq-1]
    siteRoles:
      |
`;

  it('offers the sites the system runs in as keys, then the roles as values', () => {
    const keys = complete(roles);
    assert.deepEqual(keys.labels, ['cd-1', 'cq-1']);
    assert.equal(accept(keys.text, item(keys.items, 'cq-1')).includes('      cq-1: \n'), true);
    const values = complete(`${HEAD}    sites: [cd-1, cq-1]\n    siteRoles:\n      cq-1: |\n`);
    assert.deepEqual(values.labels, ['primary', 'active', 'hot-standby', 'cold-standby']);
  });

  it('leaves out a site already given a role', () => {
    const keys = complete(`${HEAD}    sites: [cd-1, cq-1]\n    siteRoles:\n      cq-1: hot-standby\n      |\n`);
    assert.deepEqual(keys.labels, ['cd-1']);
  });
});
