import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { doc, fixture, rangeText, service, settings } from './helpers';

const ls = service();
const BANK = fixture('bank.arch.yaml');
const lineOf = (needle: string) => BANK.slice(0, BANK.indexOf(needle)).split('\n').length - 1;

describe('features/symbols, folding, links, lenses', () => {
  it('outlines systems, sites and links with their items', () => {
    const symbols = ls.findDocumentSymbols(doc(BANK));
    const names = symbols.map((s) => s.name);
    assert.deepEqual(names, ['name', 'customer', 'industry', 'compliance', 'sites', 'zones', 'links', 'systems']);
    const systems = symbols.find((s) => s.name === 'systems')!;
    assert.equal(systems.kind, SymbolKind.Namespace);
    assert.deepEqual(
      systems.children!.map((c) => c.name),
      ['core — 核心账务', 'user-center — 用户中心', 'loans — 网贷'],
    );
    assert.equal(systems.children![0]!.detail, 'tier 1');
    assert.equal(rangeText(BANK, systems.children![0]!.selectionRange), 'core');
    const sites = symbols.find((s) => s.name === 'sites')!;
    assert.deepEqual(
      sites.children!.map((c) => `${c.name}|${c.detail}`),
      ['cd-1 — 成都|primary', 'cd-2 — 成都|hot-standby', 'cq-1 — 重庆|cold-standby'],
    );
    assert.deepEqual(
      symbols.find((s) => s.name === 'links')!.children!.map((c) => c.name),
      ['cd-1 → cd-2', 'cd-1 → cq-1'],
    );
  });

  it('finds workspace symbols across documents with a fuzzy query', () => {
    const other = doc('casebook: proposal/v1\nname: 另一个\nsystems:\n  - id: corex\n    name: 核心二期\n');
    const hits = ls.findWorkspaceSymbols([doc(BANK), other], 'cor');
    assert.deepEqual(
      hits.map((h) => h.name),
      ['core — 核心账务', 'corex — 核心二期'],
    );
    assert.equal(hits[1]!.location.uri, other.uri);
    assert.equal(hits[1]!.containerName, '另一个');
    assert.equal(ls.findWorkspaceSymbols([doc(BANK)], '').length, 6);
    assert.deepEqual(
      ls.findWorkspaceSymbols([doc(BANK)], '成都').map((h) => h.name),
      ['cd-1 — 成都', 'cd-2 — 成都'],
    );
  });

  it('folds top-level blocks, each item, nested maps and comment runs', () => {
    const text = `# 说明一\n# 说明二\n${BANK}`;
    const ranges = ls.getFoldingRanges(doc(text));
    const has = (start: number, end: number) => ranges.some((r) => r.startLine === start && r.endLine === end);
    assert.ok(has(0, 1) && ranges.find((r) => r.startLine === 0)!.kind === 'comment');
    const shift = 2;
    assert.ok(has(lineOf('compliance:') + shift, lineOf('mlps: 3') + shift), 'compliance block');
    assert.ok(has(lineOf('sites:\n') + shift, lineOf('role: cold-standby') + shift), 'sites block');
    assert.ok(has(lineOf('- id: core') + shift, lineOf('dependsOn: [user-center]') + shift), 'core item');
    assert.ok(has(lineOf('database:') + shift, lineOf('mode: centralized') + shift), 'database map');
    assert.ok(has(lineOf('- id: loans') + shift, BANK.trimEnd().split('\n').length - 1 + shift), 'last item ends at the last line');
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  it('links case and pattern ids written in comments, not names', () => {
    const text = `${BANK}# see mybank and two-regions-three-dcs, not 网商银行 or mybankx\n`;
    const links = ls.findDocumentLinks(doc(text), settings('zh-CN'));
    const line = text.split('\n').length - 2;
    const found = links.filter((l) => l.range.start.line === line);
    assert.deepEqual(
      found.map((l) => [rangeText(text, l.range), l.target]),
      [
        ['mybank', 'command:casebook.openCase?%5B%22mybank%22%5D'],
        ['two-regions-three-dcs', 'command:casebook.searchCases?%5B%22two-regions-three-dcs%22%5D'],
      ],
    );
    assert.equal(found[0]!.tooltip, '打开案例：网商银行');
    const fixtureLink = links.find((l) => l.range.start.line === lineOf('see zhejiang-rcu'))!;
    assert.equal(rangeText(text, fixtureLink.range), 'zhejiang-rcu');
  });

  it('puts two lenses on each system: reference cases and the topology word', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const lenses = ls.getCodeLenses(doc(BANK), settings(locale));
      assert.equal(lenses.length, 6);
      const core = lenses.filter((l) => l.range.start.line === lineOf('- id: core'));
      assert.equal(core.length, 2);
      assert.equal(core[0]!.range.start.character, 4);
      if (locale === 'zh-CN') {
        assert.match(core[0]!.command!.title, /^参考案例：天弘基金 · (.+ · )?浙江农信$/);
        // Its own copies are 两地三中心, but its hard dependency user-center runs on cd-1 alone: the scenarios decide.
        assert.equal(core[1]!.command!.title, '失去成都即中断 ✗');
      } else {
        assert.match(core[0]!.command!.title, /^Reference cases: Tianhong Fund · (.+ · )?Zhejiang RCU$/);
        assert.equal(core[1]!.command!.title, 'down if 成都 is lost ✗');
      }
      const independent = BANK.replace('    dependsOn: [user-center]\n', '').replace('      - user-center\n', '');
      const fine = ls.getCodeLenses(doc(independent), settings(locale)).map((l) => l.command!.title);
      assert.ok(fine.includes(locale === 'zh-CN' ? '两地三中心 ✓' : 'Two regions, three DCs ✓'), fine.join(' | '));
      assert.ok(fine.includes(locale === 'zh-CN' ? '同城灾备 ✓' : 'same-city DR ✓'), fine.join(' | '));
      assert.deepEqual(core[0]!.command!.arguments, ['tianhong-fund']);
      assert.equal(core[0]!.command!.command, 'casebook.openCase');
      assert.equal(core[1]!.command!.command, 'casebook.showTopology');
      const userCenter = lenses.filter((l) => l.range.start.line === lineOf('- id: user-center'));
      assert.equal(userCenter[1]!.command!.title, locale === 'zh-CN' ? '失去成都即中断 ✗' : 'down if 成都 is lost ✗');
      const loans = lenses.filter((l) => l.range.start.line === lineOf('- id: loans'));
      assert.equal(
        loans[1]!.command!.title,
        locale === 'zh-CN' ? '失去机房 cd-1 即中断 ✗' : 'down if site cd-1 is lost ✗',
        'tier 2 on a primary + hot standby in one city, but needing user-center, which runs on cd-1 alone',
      );
      const single = ls
        .getCodeLenses(doc(BANK.replace('      - cd-2\n', '')), settings(locale))
        .filter((l) => l.range.start.line === lineOf('- id: loans'));
      assert.equal(single[1]!.command!.title, locale === 'zh-CN' ? '失去机房 cd-1 即中断 ✗' : 'down if site cd-1 is lost ✗');
      const tier3 = ls
        .getCodeLenses(doc(BANK.replace('      - cd-2\n', '').replace('tier: 2', 'tier: 3')), settings(locale))
        .filter((l) => l.range.start.line === lineOf('- id: loans'));
      assert.equal(
        tier3[1]!.command!.title,
        locale === 'zh-CN' ? '单中心' : 'single site',
        'a tier that asks nothing gets a plain description',
      );
    }
  });
});
