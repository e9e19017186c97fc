import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TOPOLOGY_MAX_EDGES } from '../../../shared/src/limits';
import type { TopologyNode } from '../../../shared/src/protocol';
import { buildModel } from '../../../server/src/service/model';
import { mermaidString, renderTopology } from '../../../server/src/service/topology';
import type { Finding } from '../../../server/src/service/types';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { loadFlowchartParser, type FlowDb } from './mermaidParser';

const model = (text: string) => buildModel(parseYamlTree(text));

const PROPOSAL = `casebook: proposal/v1
name: 测试
sites:
  - id: cd-1
    city: 成都
    role: primary
  - id: cd-2
    city: 成都
    role: hot-standby
  - id: cq-1
    city: 重庆
    role: cold-standby
  - id: x-1
    role: active
links:
  - { from: cd-1, to: cd-2, mode: sync }
  - { from: cd-1, to: cq-1, mode: async }
  - { from: cd-1, to: ghost, mode: async }
systems:
  - id: core
    name: 核心账务
    tier: 1
    sites: [cd-1, cd-2, cq-1]
    dependsOn: [user]
  - id: user
    name: 用户中心
    tier: 2
    sites: [cd-1]
  - id: lonely
    name: 报表
`;

function finding(path: (string | number)[], suppressed = false): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { rule: 'r', severity: 'warning', message: 'm', range, path, patterns: [], cases: [], regulations: [], suppressed, fixes: [] };
}

/** Mermaid entity codes back to characters, as Mermaid does when it renders. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text.replace(/#(\w+);/g, (whole, code: string) =>
    /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? whole),
  );
}

const byId = (nodes: TopologyNode[], id: string) => nodes.find((n) => n.nodeId === id)!;

describe('topology', () => {
  let parse: (text: string) => FlowDb;
  before(async function () {
    const parser = await loadFlowchartParser();
    if (!parser) this.skip(); // this mermaid version ships no flowchart chunk to parse with
    parse = parser!;
  });

  describe('structure', () => {
    const { mermaid, nodes } = renderTopology(model(PROPOSAL), { locale: 'zh-CN' });

    it('is a left-to-right flowchart Mermaid parses', () => {
      assert.match(mermaid, /^flowchart LR\n/);
      assert.doesNotThrow(() => parse(mermaid));
    });

    it('groups sites by city, sites without a city together, and draws unknown site ids', () => {
      const subgraphs = new Map(
        parse(mermaid)
          .getSubGraphs()
          .map((s) => [s.id, s]),
      );
      assert.equal(subgraphs.get('c0')!.title, '成都');
      assert.deepEqual(subgraphs.get('c0')!.nodes.sort(), ['s0', 's1']);
      assert.equal(subgraphs.get('c1')!.title, '重庆');
      assert.deepEqual(subgraphs.get('c1')!.nodes, ['s2']);
      assert.equal(subgraphs.get('c2')!.title, '未指定城市');
      assert.deepEqual(subgraphs.get('c2')!.nodes, ['s3']);
      assert.equal(subgraphs.get('s0')!.title, 'cd-1 · 主中心');
      assert.equal(subgraphs.get('u0')!.title, 'ghost · 未定义的站点');
      assert.deepEqual(subgraphs.get('u0')!.classes, ['unknown']);
    });

    it('places a system in every site it is deployed to, with unique ids', () => {
      const db = parse(mermaid);
      const subgraphs = new Map(db.getSubGraphs().map((s) => [s.id, s]));
      const vertices = db.getVertices();
      const coreNodes = [...vertices.values()].filter((v) => v.text === '核心账务 · 一级').map((v) => v.id);
      assert.equal(coreNodes.length, 3);
      assert.equal(new Set(coreNodes).size, 3);
      for (const site of ['s0', 's1', 's2'])
        assert.ok(
          subgraphs.get(site)!.nodes.some((n) => coreNodes.includes(n)),
          site,
        );
      assert.ok([...vertices.values()].some((v) => v.text === '用户中心 · 二级'));
      const undeployed = subgraphs.get('z0')!;
      assert.equal(undeployed.title, '未部署');
      assert.equal(vertices.get(undeployed.nodes[0]!)!.text, '报表');
    });

    it('styles sites by role', () => {
      const subgraphs = new Map(
        parse(mermaid)
          .getSubGraphs()
          .map((s) => [s.id, s]),
      );
      assert.deepEqual(subgraphs.get('s0')!.classes, ['primary']);
      assert.deepEqual(subgraphs.get('s1')!.classes, ['hotStandby']);
      assert.deepEqual(subgraphs.get('s2')!.classes, ['coldStandby']);
      assert.deepEqual(subgraphs.get('s3')!.classes, ['active']);
      const classes = parse(mermaid).getClasses();
      for (const cls of ['primary', 'active', 'hotStandby', 'coldStandby', 'finding', 'unknown']) assert.ok(classes.has(cls), cls);
    });

    it('draws sync links thick and async links dotted, labelled in the locale', () => {
      const edges = parse(mermaid).getEdges();
      const link = (from: string, to: string) => edges.find((e) => e.start === from && e.end === to)!;
      assert.deepEqual([link('s0', 's1').stroke, link('s0', 's1').text], ['thick', '同步']);
      assert.deepEqual([link('s0', 's2').stroke, link('s0', 's2').text], ['dotted', '异步']);
      assert.deepEqual([link('s0', 'u0').stroke, link('s0', 'u0').text], ['dotted', '异步']);
      const en = parse(renderTopology(model(PROPOSAL), { locale: 'en' }).mermaid).getEdges();
      assert.deepEqual(
        en.filter((e) => e.start === 's0' && e.end.startsWith('s')).map((e) => e.text),
        ['sync', 'async'],
      );
    });

    it('draws dependsOn lightly, between instances in a shared site', () => {
      const db = parse(mermaid);
      const vertices = db.getVertices();
      const deps = db.getEdges().filter((e) => e.start.startsWith('n'));
      assert.equal(deps.length, 1);
      assert.equal(vertices.get(deps[0]!.start)!.text, '核心账务 · 一级');
      assert.equal(vertices.get(deps[0]!.end)!.text, '用户中心 · 二级');
      const s0 = db.getSubGraphs().find((s) => s.id === 's0')!;
      assert.ok(s0.nodes.includes(deps[0]!.start) && s0.nodes.includes(deps[0]!.end), 'both ends in cd-1');
      assert.match(mermaid, /linkStyle 3 stroke:#94a3b8,stroke-width:1px/);
    });

    it('labels in English', () => {
      const db = parse(renderTopology(model(PROPOSAL), { locale: 'en' }).mermaid);
      const titles = db.getSubGraphs().map((s) => s.title);
      for (const title of [
        'cd-1 · primary',
        'cd-2 · hot standby',
        'cq-1 · cold standby',
        'No city',
        'ghost · undefined site',
        'Not deployed',
      ]) {
        assert.ok(titles.includes(title), title);
      }
      assert.ok([...db.getVertices().values()].some((v) => v.text === '核心账务 · tier 1'));
    });

    it('says where each city, site and system is written', () => {
      // Lines are zero-based: `  - id: cd-1` is line 3, its value at character 8.
      assert.deepEqual(byId(nodes, 's0'), {
        nodeId: 's0',
        kind: 'site',
        label: 'cd-1 · 主中心',
        line: 3,
        character: 8,
        hasFindings: false,
      });
      assert.deepEqual(byId(nodes, 'c0'), { nodeId: 'c0', kind: 'city', label: '成都', line: 4, character: 10, hasFindings: false });
      const core = nodes.filter((n) => n.kind === 'system' && n.label.startsWith('核心账务'));
      assert.equal(core.length, 3);
      for (const n of core) assert.deepEqual([n.line, n.character], [19, 8]);
      assert.deepEqual([byId(nodes, 'u0').line, byId(nodes, 'u0').character], [17, 22], 'an unknown site reveals its first reference');
      assert.ok(!nodes.some((n) => n.nodeId === 'z0'), 'the not-deployed group is no proposal element');
    });
  });

  describe('findings', () => {
    it('marks the sites, systems and links findings point at; suppressed findings do not count', () => {
      const findings = [
        finding(['systems', 0, 'tier']),
        finding(['sites', 2, 'role']),
        finding(['links', 1, 'mode']),
        finding(['sites', 0], true),
      ];
      const { mermaid, nodes } = renderTopology(model(PROPOSAL), { locale: 'en', findings });
      const db = parse(mermaid);
      const flagged = new Set(
        [...db.getVertices().values(), ...db.getSubGraphs()].filter((v) => v.classes.includes('finding')).map((v) => v.id),
      );
      const coreIds = nodes.filter((n) => n.label.startsWith('核心账务')).map((n) => n.nodeId);
      assert.deepEqual([...flagged].sort(), [...coreIds, 's2'].sort());
      assert.deepEqual(
        nodes
          .filter((n) => n.hasFindings)
          .map((n) => n.nodeId)
          .sort(),
        [...coreIds, 's2'].sort(),
      );
      assert.match(mermaid, /linkStyle 1 stroke:#dc2626,stroke-width:3px/);
      assert.deepEqual(db.getSubGraphs().find((s) => s.id === 's2')!.classes, ['coldStandby', 'finding']);
    });
  });

  describe('failure mode', () => {
    it('greys out the lost sites and colours each system by what it does, with the status in its label', () => {
      const findings = [finding(['systems', 0, 'tier'])];
      const { mermaid, nodes, scopes, lost } = renderTopology(model(PROPOSAL), { locale: 'zh-CN', findings, lose: '成都' });
      assert.deepEqual(lost, { kind: 'city', key: '510100', name: '成都' });
      assert.ok(
        scopes.some((s) => s.kind === 'site' && s.label === 'cd-1' && s.name === '机房 cd-1'),
        JSON.stringify(scopes),
      );
      const db = parse(mermaid);
      const classesOf = (id: string) => db.getSubGraphs().find((g) => g.id === id)!.classes;
      assert.ok(classesOf('s0').includes('lost') && classesOf('s1').includes('lost'), 'both 成都 sites are lost');
      assert.ok(!classesOf('s2').includes('lost'), '重庆 is not');
      // core's own copy survives in 重庆, but its hard dependency user runs in 成都 only: both are down.
      const core = nodes.filter((n) => n.label.startsWith('核心账务'));
      const user = nodes.filter((n) => n.label.startsWith('用户中心'));
      assert.ok(
        core.every((n) => n.label.endsWith('中断')),
        core.map((n) => n.label).join(', '),
      );
      assert.ok(user.every((n) => n.label === '用户中心 · 二级 · 中断'));
      for (const n of [...core, ...user]) assert.deepEqual(db.getVertices().get(n.nodeId)!.classes, ['down']);
      // In failure mode the colours tell the story: findings are not drawn over them.
      assert.ok(![...db.getVertices().values()].some((v) => v.classes.includes('finding')));
    });

    it('shows a degraded takeover, and the plain drawing for a loss the proposal does not have', () => {
      const independent = PROPOSAL.replace('    dependsOn: [user]\n', '');
      const { nodes } = renderTopology(model(independent), { locale: 'en', lose: 'cd-1' });
      assert.ok(nodes.filter((n) => n.label.startsWith('核心账务')).every((n) => n.label.endsWith(' · degraded')));
      const plain = renderTopology(model(PROPOSAL), { locale: 'en', lose: '北京' });
      assert.equal(plain.lost, undefined);
      assert.ok(!plain.mermaid.includes('class s0,s1 lost'));
    });
  });

  describe('escaping user input', () => {
    const XSS = '<img src=x onerror=alert(1)>';
    const NASTY = [
      XSS,
      '"]; click n0 call alert(1); x["',
      '`**markdown**`',
      '#quot; #lt;script#gt; &amp; &lt;',
      '%%{init: {"securityLevel": "loose"}}%%',
      'a|b|c --> d',
      'end',
      'subgraph',
      '{curly} [square] (round)',
      'line\nbreak\ttab',
      'ﬂ°°lt¶ß',
    ];

    it('turns special characters into Mermaid entity codes', () => {
      assert.equal(mermaidString(XSS), '"#lt;img src=x onerror=alert(1)#gt;"');
      assert.equal(mermaidString('a"b&c#d`e|f%g{h}'), '"a#quot;b#amp;c#35;d#96;e#124;f#37;g#123;h#125;"');
      assert.equal(mermaidString('two\nlines'), '"two lines"');
    });

    it('cuts very long labels', () => {
      const label = mermaidString('长'.repeat(500));
      assert.ok([...label].length <= 62);
      assert.ok(label.endsWith('…"'));
    });

    for (const nasty of NASTY) {
      it(`draws ${JSON.stringify(nasty)} as those characters, inert`, () => {
        const value = JSON.stringify(nasty);
        const text = `casebook: proposal/v1
name: ${value}
sites:
  - { id: ${value}, city: ${value}, role: primary, platform: ${value} }
  - { id: b, city: ${value}, role: ${value} }
links:
  - { from: ${value}, to: b, mode: ${value} }
systems:
  - { id: ${value}, name: ${value}, sites: [${value}, b] }
`;
        const { mermaid, nodes } = renderTopology(model(text), { locale: 'en' });
        // No raw special character inside any quoted label.
        for (const [quoted] of mermaid.matchAll(/"[^"\n]*"/g)) assert.doesNotMatch(quoted.slice(1, -1), /[<>&`%{}|]|#(?!\w+;)/, quoted);
        const db = parse(mermaid);
        // Exactly the elements of the proposal: nothing injected.
        assert.deepEqual([...db.getVertices().keys()].filter((id) => id.startsWith('n')).sort(), ['n0', 'n1']);
        assert.deepEqual(
          db
            .getSubGraphs()
            .map((s) => s.id)
            .sort(),
          ['c0', 's0', 's1'],
        );
        assert.equal(db.getEdges().length, 1);
        // Decoded, each label is the user's text on one line.
        const oneLine = nasty.replace(/[\n\t]+/g, ' ');
        assert.equal(decodeEntities(db.getSubGraphs().find((s) => s.id === 'c0')!.title), oneLine);
        assert.equal(decodeEntities(db.getVertices().get('n0')!.text), oneLine);
        assert.equal(decodeEntities(db.getEdges()[0]!.text), oneLine);
        assert.equal(byId(nodes, 'c0').label, oneLine);
      });
    }

    it('round-trips any text through a label', () => {
      const char = fc.oneof(
        fc.constantFrom(...'<>&"\'`#%{}[]()|;:\\/\n\t -_=*ﬂ°¶ß成都'),
        fc.integer({ min: 0x20, max: 0xd7ff }).map((cp) => String.fromCodePoint(cp)),
      );
      const text = fc.array(char, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(text, text, (city, name) => {
          const yaml = `sites:\n  - { id: a, city: ${JSON.stringify(city)}, role: primary }\nsystems:\n  - { id: s, name: ${JSON.stringify(name)}, sites: [a] }\n`;
          const { mermaid, nodes } = renderTopology(model(yaml), { locale: 'zh-CN' });
          const db = parse(mermaid);
          assert.equal(decodeEntities(db.getSubGraphs().find((s) => s.id === 'c0')!.title), byId(nodes, 'c0').label);
          assert.equal(decodeEntities(db.getVertices().get('n0')!.text), byId(nodes, 'n0').label);
          assert.deepEqual([...db.getVertices().keys()], ['n0']);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('odd proposals', () => {
    for (const [name, text] of [
      ['empty', ''],
      ['only the marker', 'casebook: proposal/v1\n'],
      ['not a mapping', '- a\n- b\n'],
      ['sites of the wrong type', 'sites: 3\nsystems: {a: 1}\n'],
      ['sites without ids or cities', 'sites:\n  - role: primary\n  - {}\n  - city: 成都\nsystems:\n  - sites: [nowhere]\n'],
      [
        'links to nothing',
        'sites:\n  - { id: a, city: x, role: primary }\nlinks:\n  - { from: a }\n  - { to: a, mode: sync }\n  - { from: a, to: a, mode: sync }\n  - { from: q, to: r, mode: weird }\n',
      ],
      [
        'systems that depend on themselves and on nothing',
        'sites:\n  - { id: a, city: x }\nsystems:\n  - { id: s, sites: [a, a], dependsOn: [s, t, 42] }\n',
      ],
      ['a YAML error', 'sites:\n  - { id: a, city: [\n'],
      [
        'blank names',
        'sites:\n  - { id: " ", city: " ", role: " " }\nlinks:\n  - { from: " ", to: "", mode: " " }\nsystems:\n  - { id: " ", name: "  ", sites: [" ", ""] }\n',
      ],
    ] as const) {
      it(`renders valid Mermaid for ${name}`, () => {
        for (const locale of ['zh-CN', 'en'] as const) {
          const { mermaid, nodes } = renderTopology(model(text), { locale });
          assert.match(mermaid, /^flowchart LR\n/);
          assert.doesNotThrow(() => parse(mermaid), mermaid);
          const ids = nodes.map((n) => n.nodeId);
          assert.equal(new Set(ids).size, ids.length, 'unique node ids');
        }
      });
    }

    it('says so when there is nothing to draw', () => {
      const { mermaid, nodes } = renderTopology(model(''), { locale: 'zh-CN' });
      assert.deepEqual(nodes, []);
      assert.equal(parse(mermaid).getVertices().get('e0')!.text, '尚无站点或系统');
    });

    it('draws at most TOPOLOGY_MAX_EDGES lines, replication links first, and counts the rest (Mermaid refuses more)', () => {
      const systems = Array.from(
        { length: 600 },
        (_, i) => `  - { id: s${i}, sites: [a, b], dependsOn: [${i === 0 ? '' : `s${i - 1}`}${i > 1 ? `, s${i - 2}` : ''}] }`,
      );
      const text = `sites:\n  - { id: a, city: x, role: primary }\n  - { id: b, city: y, role: active }\nlinks:\n  - { from: a, to: b, mode: sync }\nsystems:\n${systems.join('\n')}\n`;
      const { mermaid, omittedEdges } = renderTopology(model(text), { locale: 'en' });
      const edges = parse(mermaid).getEdges();
      assert.equal(edges.length, TOPOLOGY_MAX_EDGES);
      assert.equal(omittedEdges, 1 + 599 + 598 - TOPOLOGY_MAX_EDGES);
      assert.equal(edges[0]!.stroke, 'thick', 'the replication link is drawn first');
      assert.equal(renderTopology(model(PROPOSAL), { locale: 'en' }).omittedEdges, 0);
    });

    it('draws links to unknown ids as dashed unknown sites, once per id', () => {
      const text =
        'sites:\n  - { id: a, city: x, role: primary }\nlinks:\n  - { from: q, to: r, mode: weird }\n  - { from: a, to: q, mode: sync }\n';
      const { mermaid } = renderTopology(model(text), { locale: 'en' });
      const db = parse(mermaid);
      assert.deepEqual(
        db
          .getSubGraphs()
          .filter((s) => s.classes.includes('unknown'))
          .map((s) => s.title)
          .sort(),
        ['q · undefined site', 'r · undefined site'],
      );
      assert.deepEqual(
        db.getEdges().map((e) => [e.start, e.end, e.text]),
        [
          ['u0', 'u1', 'weird'],
          ['s0', 'u0', 'sync'],
        ],
      );
    });
  });
});
