/**
 * Completion and hover of the format additions of issue 9: they come from the
 * schema through schemaInfo, and `dependsOn` maps complete their `mode` and
 * their `id` (a system id) like the bare form does.
 */
import * as assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, doc, service, settings, withCursor } from './helpers';

const ls = service();

function complete(marked: string, locale: 'en' | 'zh-CN' = 'en') {
  const { text, position } = withCursor(marked);
  const list = ls.doComplete(doc(text), position, settings(locale));
  return { text, items: list.items, labels: list.items.map((i) => i.label) };
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

function hover(marked: string, locale: 'en' | 'zh-CN' = 'en'): string {
  const { text, position } = withCursor(marked);
  const result = ls.doHover(doc(text), position, settings(locale));
  assert.ok(result, `no hover at ${JSON.stringify(position)}`);
  return (result.contents as MarkupContent).value;
}

const HEAD = `casebook: proposal/v1
sites:
  - id: sz-1
    city: 深圳
    role: primary
systems:
  - id: core
    name: 核心
  - id: user
    name: 用户中心
  - id: notify
    name: 消息通知
`;

describe('features: completion of the format additions', () => {
  it('offers the new system keys, with their documentation and the right snippets', () => {
    const { text, items, labels } = complete(`${HEAD}    |\n`);
    for (const key of ['cityLoss', 'mlps', 'batchWindow', 'internetFacing']) assert.ok(labels.includes(key), key);
    const cityLoss = item(items, 'cityLoss');
    assert.equal((cityLoss.textEdit as TextEdit).newText, 'cityLoss:\n      $0');
    assert.match(cityLoss.detail!, /whole city/);
    assert.equal((item(items, 'mlps').textEdit as TextEdit).newText, 'mlps: ${1|1,2,3,4,5|}');
    assert.equal((item(items, 'internetFacing').textEdit as TextEdit).newText, 'internetFacing: ${1|true,false|}');
    assert.equal((item(items, 'dependsOn').textEdit as TextEdit).newText, 'dependsOn: [$0]', 'the bare-id form stays the short one');
    assert.ok(applyEdits(text, [cityLoss.textEdit as TextEdit]).includes('    cityLoss:'));
    const zh = complete(`${HEAD}    |\n`, 'zh-CN');
    assert.match(item(zh.items, 'cityLoss').detail!, /城市级灾难/);
  });

  it('offers rto and rpo inside cityLoss, region on a site, lag on a link, capacityTps in a database', () => {
    assert.deepEqual(complete(`${HEAD}    cityLoss:\n      |\n`).labels.slice(0, 2), ['rto', 'rpo']);
    assert.ok(complete(`casebook: proposal/v1\nsites:\n  - id: a\n    city: 成都\n    |\n`).labels.includes('region'));
    assert.ok(complete(`casebook: proposal/v1\nlinks:\n  - from: a\n    |\n`).labels.includes('lag'));
    assert.ok(complete(`${HEAD}    database:\n      |\n`).labels.includes('capacityTps'));
  });

  it('offers the keys of a dependsOn map and the values of its mode', () => {
    const keys = complete(`${HEAD}    dependsOn:\n      - id: user\n        |\n`).labels;
    assert.ok(keys.includes('mode') && keys.includes('critical'), keys.join(', '));
    assert.ok(!keys.includes('id'), 'id is written already');
    const block = complete(`${HEAD}    dependsOn:\n      - id: user\n        mode: |\n`);
    assert.deepEqual(block.labels, ['sync', 'async']);
    assert.match(item(block.items, 'async').detail!, /Asynchronous/);
    assert.deepEqual(complete(`${HEAD}    dependsOn:\n      - { id: user, mode: | }\n`).labels, ['sync', 'async']);
    assert.deepEqual(complete(`${HEAD}    dependsOn: [{ id: user, mode: | }]\n`).labels, ['sync', 'async']);
    assert.deepEqual(complete(`${HEAD}    dependsOn: [{ id: user, critical: | }]\n`).labels, ['true', 'false']);
  });

  it('offers system ids for `id:` in a dependsOn map, leaving out the system itself', () => {
    for (const marked of [
      `${HEAD}    dependsOn:\n      - id: |\n`,
      `${HEAD}    dependsOn:\n      - { id: | }\n`,
      `${HEAD}    dependsOn: [{ id: | }]\n`,
      `${HEAD}    dependsOn: [user, { id: |, mode: async }]\n`,
    ]) {
      const { labels, items } = complete(marked);
      assert.deepEqual(labels, ['core', 'user'], marked);
      assert.equal(item(items, 'user').detail, '用户中心');
    }
  });

  it('finds the list a flow list nested in a flow map belongs to', () => {
    assert.deepEqual(complete(`${HEAD}  - { id: web, sites: [|] }\n`).labels, ['sz-1']);
    assert.deepEqual(complete(`${HEAD}  - { id: web, dependsOn: [user, |] }\n`).labels, ['core', 'notify']);
  });

  it('still offers system ids for a bare item of dependsOn', () => {
    const block = complete(`${HEAD}    dependsOn:\n      - |\n`);
    assert.deepEqual(block.labels, ['core', 'user', 'id:'], 'the ids, then the key that starts the map form');
    assert.equal((item(block.items, 'id:').textEdit as TextEdit).newText, 'id: ');
    assert.deepEqual(complete(`${HEAD}    dependsOn: [|]\n`).labels, ['core', 'user']);
  });
});

describe('features: hover of the format additions', () => {
  it('documents rto and rpo as single-site objectives and cityLoss as whole-city ones', () => {
    assert.match(hover(`${HEAD}    r|to: 5m\n`), /single site/);
    assert.match(hover(`${HEAD}    r|po: 0\n`, 'zh-CN'), /单个机房/);
    assert.match(hover(`${HEAD}    city|Loss:\n      rpo: 30s\n`), /whole city/);
    assert.match(hover(`${HEAD}    cityLoss:\n      r|po: 30s\n`, 'zh-CN'), /整个城市失去时的恢复点目标/);
  });

  it('documents the keys of a dependsOn map and the values of its mode', () => {
    assert.match(hover(`${HEAD}    dependsOn:\n      - id: user\n        mo|de: async\n`), /\*\*mode\*\*[\s\S]*`async` — Asynchronous/);
    assert.match(hover(`${HEAD}    dependsOn:\n      - id: user\n        mode: as|ync\n`, 'zh-CN'), /异步：消息或通知/);
    assert.match(hover(`${HEAD}    dependsOn:\n      - { id: user, crit|ical: false }\n`), /\*\*critical\*\*/);
  });

  it('shows a system on its id inside a dependsOn map, as on a bare id', () => {
    const onMap = hover(`${HEAD}    dependsOn:\n      - { id: us|er, mode: async }\n`);
    const bare = hover(`${HEAD}    dependsOn: [us|er]\n`);
    assert.match(onMap, /user/);
    assert.match(onMap, /用户中心/);
    assert.equal(onMap.split('\n')[0], bare.split('\n')[0]);
  });

  it('documents mlps, capacityTps, batchWindow, internetFacing, region and lag', () => {
    assert.match(hover(`${HEAD}    ml|ps: 4\n`), /overrides `compliance.mlps`/);
    assert.match(hover(`${HEAD}    database:\n      capacity|Tps: 6000\n`), /load-tested/);
    assert.match(hover(`${HEAD}    batch|Window: "22:00-06:00"\n`), /downtime release/);
    assert.match(hover(`${HEAD}    internet|Facing: true\n`), /kind: channel/);
    assert.match(hover(`casebook: proposal/v1\nsites:\n  - id: a\n    city: 深圳\n    reg|ion: 华南区\n`, 'zh-CN'), /省份/);
    assert.match(hover(`casebook: proposal/v1\nlinks:\n  - { from: a, to: b, mode: async, la|g: 30s }\n`), /trail/);
  });
});
