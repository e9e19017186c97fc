/**
 * A proposal's topology as Mermaid flowchart text: cities as subgraphs,
 * sites as subgraphs inside them (styled by role), systems as nodes in every
 * site they are deployed to, replication links between sites (sync thick,
 * async dotted) and light dependsOn edges between systems.
 *
 * Every label is user input. Mermaid ids are generated (c0, s0, n0, …), never
 * taken from the proposal, and labels are quoted with every character that
 * could end the string, start a directive, a markdown string, an entity or
 * HTML replaced by a Mermaid entity code (`#quot;`, `#lt;`, …), so a
 * proposal named `<img src=x onerror=alert(1)>` is drawn as those characters.
 */
import type { Range } from 'vscode-languageserver-types';
import { TOPOLOGY_MAX_EDGES } from '../../../shared/src/limits';
import type { TopologyNode } from '../../../shared/src/protocol';
import { pick, type Locale, type Localized } from './locale';
import type { ProposalModel, SiteModel, SystemModel } from './model';
import { scenariosOf, type Scope, type SystemOutcome } from './scenarios';
import { matchScopes, scopeName, STATUS_LABELS, statusOf } from './scenarioText';
import type { Finding } from './types';
import { ROLE_LABELS, tierWord } from './vocabulary';
import type { JsonPath } from './yamlNodes';

export interface TopologyOptions {
  locale: Locale;
  /** Sites, systems and links with (unsuppressed) findings are drawn in red. */
  findings?: Finding[];
  /**
   * Failure mode: a site id, a city or a region to lose (as `casebook simulate --lose`). Its sites are
   * greyed out and every system shows what it does: survives, degraded or down.
   */
  lose?: string;
}

export interface RenderedTopology {
  mermaid: string;
  nodes: TopologyNode[];
  /** Replication links and dependencies not drawn, past TOPOLOGY_MAX_EDGES. */
  omittedEdges: number;
  /** Every loss the failure mode can show, in scope order. */
  scopes: { kind: Scope['kind']; key: string; label: string; name: string }[];
  /** The loss shown, when `lose` named one. */
  lost?: { kind: Scope['kind']; key: string; name: string };
}

/** Labels longer than this are cut with an ellipsis: a name, not an essay, belongs in a box. */
const MAX_LABEL = 60;

/** Mermaid class names per role (no hyphens: class names are bare words in Mermaid). */
const ROLE_CLASSES: Record<string, string> = {
  primary: 'primary',
  active: 'active',
  'hot-standby': 'hotStandby',
  'cold-standby': 'coldStandby',
};

/** Translucent fills and strong strokes read on light, dark and high-contrast themes alike. */
const CLASS_DEFS = [
  'classDef primary fill:#2563eb1f,stroke:#2563eb,stroke-width:2px',
  'classDef active fill:#0d94881f,stroke:#0d9488,stroke-width:2px',
  'classDef hotStandby fill:#d977061f,stroke:#d97706,stroke-width:1.5px',
  'classDef coldStandby fill:#64748b1f,stroke:#64748b,stroke-width:1px,stroke-dasharray:4 3',
  'classDef unknown fill:#dc26260f,stroke:#dc2626,stroke-width:1px,stroke-dasharray:6 3',
  'classDef undeployed fill:#64748b0f,stroke:#64748b,stroke-width:1px,stroke-dasharray:2 2',
  'classDef lost fill:#64748b40,stroke:#475569,stroke-width:2px,stroke-dasharray:2 4,color:#64748b',
  'classDef survives fill:#16a34a26,stroke:#16a34a,stroke-width:2px',
  'classDef degraded fill:#d9770633,stroke:#d97706,stroke-width:2px',
  'classDef down fill:#dc262633,stroke:#dc2626,stroke-width:3px',
  'classDef finding stroke:#dc2626,stroke-width:3px',
];

const CLASS_ORDER = CLASS_DEFS.map((def) => def.split(' ')[1]!);

const TEXT = {
  sync: { zh: '同步', en: 'sync' },
  async: { zh: '异步', en: 'async' },
  noCity: { zh: '未指定城市', en: 'No city' },
  unknownSite: { zh: '未定义的站点', en: 'undefined site' },
  undeployed: { zh: '未部署', en: 'Not deployed' },
  empty: { zh: '尚无站点或系统', en: 'No sites or systems yet' },
  siteWithoutId: (n: number): Localized => ({ zh: `站点 #${n}（无 id）`, en: `site #${n} (no id)` }),
  systemWithoutId: (n: number): Localized => ({ zh: `系统 #${n}`, en: `system #${n}` }),
} as const;

/** Characters replaced by Mermaid entity codes inside a quoted label. */
const ENTITY_CODES: Record<string, string> = {
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '#': '#35;',
  '`': '#96;',
  '|': '#124;',
  '%': '#37;',
  '{': '#123;',
  '}': '#125;',
  // Mermaid's own placeholders for entities while it parses: never let input forge one.
  ﬂ: '#64258;',
  '°': '#176;',
  '¶': '#182;',
  ß: '#223;',
};
const ESCAPED = /["<>&#`|%{}ﬂ°¶ß]/g;
/** Control characters and line/paragraph separators would end a Mermaid statement. */
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Plain label text: one line, trimmed, at most MAX_LABEL characters. */
function plainLabel(text: string): string {
  const oneLine = text.replace(LINE_BREAKING, ' ').trim();
  const chars = [...oneLine];
  return chars.length > MAX_LABEL ? chars.slice(0, MAX_LABEL - 1).join('') + '…' : oneLine;
}

/** A label as a quoted Mermaid string: `"…"` with every special character as an entity code. Never `""`, which Mermaid rejects. */
export function mermaidString(text: string): string {
  return `"${plainLabel(text).replace(ESCAPED, (c) => ENTITY_CODES[c]!) || ' '}"`;
}

/** A value worth showing: blank text reads as absent, so labels fall back to ids. */
function shown(located: { value: string } | undefined): string | undefined {
  return located && located.value.trim() ? located.value : undefined;
}

const startOf = (range: Range | undefined) => range?.start ?? { line: 0, character: 0 };

function pathStartsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.every((part, i) => path[i] === part);
}

interface Graph {
  lines: string[];
  nodes: TopologyNode[];
  classes: Map<string, string[]>;
  edgeCount: number;
  omittedEdges: number;
  lightEdges: number[];
  flaggedEdges: number[];
}

export function renderTopology(model: ProposalModel, options: TopologyOptions): RenderedTopology {
  const { locale } = options;
  const t = (text: Localized) => pick(text, locale);
  const findings = (options.findings ?? []).filter((f) => !f.suppressed);
  const flagged = (prefix: JsonPath) => findings.some((f) => pathStartsWith(f.path, prefix));

  const graph: Graph = {
    lines: ['flowchart LR'],
    nodes: [],
    classes: new Map(),
    edgeCount: 0,
    omittedEdges: 0,
    lightEdges: [],
    flaggedEdges: [],
  };
  const addClass = (id: string, cls: string) => {
    const ids = graph.classes.get(cls) ?? [];
    ids.push(id);
    graph.classes.set(cls, ids);
  };

  const scenarios = scenariosOf(model);
  const scopes = scenarios.map(({ scope }) => ({ kind: scope.kind, key: scope.key, label: scope.label, name: t(scopeName(scope)) }));
  const [chosen] =
    options.lose === undefined
      ? []
      : matchScopes(
          scenarios.map((s) => s.scope),
          options.lose,
        );
  const scenario = chosen && scenarios.find((s) => s.scope === chosen);
  const outcomeOf = (system: SystemModel): SystemOutcome | undefined => scenario?.outcomes.find((o) => o.system === system);
  const lost = scenario ? { kind: scenario.scope.kind, key: scenario.scope.key, name: t(scopeName(scenario.scope)) } : undefined;

  if (model.sites.length === 0 && model.systems.length === 0) {
    graph.lines.push(`  e0[${mermaidString(t(TEXT.empty))}]`);
    return { mermaid: graph.lines.join('\n') + '\n', nodes: [], omittedEdges: 0, scopes };
  }

  // Ids for every site (by index), every unknown site id referenced, and every system instance.
  const siteGraphId = new Map<SiteModel, string>();
  model.sites.forEach((site, i) => siteGraphId.set(site, `s${i}`));
  const unknownSites = new Map<string, { graphId: string; at: Range; path: JsonPath }>();
  const resolveSite = (ref: { value: string; range: Range; path: JsonPath }): string => {
    const site = model.siteById.get(ref.value);
    if (site) return siteGraphId.get(site)!;
    let unknown = unknownSites.get(ref.value);
    if (!unknown) unknownSites.set(ref.value, (unknown = { graphId: `u${unknownSites.size}`, at: ref.range, path: ref.path }));
    return unknown.graphId;
  };

  // Which systems go in which site (by graph id), in the order written.
  const systemsIn = new Map<string, SystemModel[]>();
  const undeployed: SystemModel[] = [];
  for (const system of model.systems) {
    const placed = new Set<string>();
    for (const ref of system.sites?.value ?? []) {
      const graphId = resolveSite(ref);
      if (placed.has(graphId)) continue;
      placed.add(graphId);
      listIn(systemsIn, graphId).push(system);
    }
    if (placed.size === 0) undeployed.push(system);
  }

  let nextSystemNode = 0;
  const instances = new Map<SystemModel, { graphId: string; site: string }[]>();
  const emitSystems = (siteId: string, indent: string) => {
    for (const system of systemsIn.get(siteId) ?? []) {
      const nodeId = `n${nextSystemNode++}`;
      const outcome = outcomeOf(system);
      const status = outcome ? statusOf(outcome) : undefined;
      const label = status && status !== 'unaffected' ? `${systemLabel(system, t)} · ${t(STATUS_LABELS[status])}` : systemLabel(system, t);
      graph.lines.push(`${indent}${nodeId}[${mermaidString(label)}]`);
      if (status && status !== 'unaffected') addClass(nodeId, status);
      listIn(instances, system).push({ graphId: nodeId, site: siteId });
      const at = startOf(system.id?.range ?? system.name?.range ?? system.node.range);
      const hasFindings = flagged(['systems', system.index]);
      graph.nodes.push({ nodeId, kind: 'system', label: plainLabel(label), line: at.line, character: at.character, hasFindings });
      // In failure mode the colours say what each system does; findings return with the normal view.
      if (hasFindings && !scenario) addClass(nodeId, 'finding');
    }
  };

  // Cities in the order first written; sites without a city share one group.
  const cities = new Map<string, SiteModel[]>();
  const noCity: SiteModel[] = [];
  for (const site of model.sites) {
    const city = shown(site.city);
    if (city !== undefined) listIn(cities, city).push(site);
    else noCity.push(site);
  }
  const groups: { label: string; sites: SiteModel[]; at: Range | undefined; isCity: boolean }[] = [...cities].map(([city, sites]) => ({
    label: city,
    sites,
    at: sites[0]?.city?.range,
    isCity: true,
  }));
  const [firstWithoutCity] = noCity;
  if (firstWithoutCity) groups.push({ label: t(TEXT.noCity), sites: noCity, at: firstWithoutCity.node.range, isCity: false });

  groups.forEach((group, g) => {
    const cityId = `c${g}`;
    graph.lines.push(`  subgraph ${cityId}[${mermaidString(group.label)}]`);
    const at = startOf(group.at);
    graph.nodes.push({
      nodeId: cityId,
      kind: 'city',
      label: plainLabel(group.label),
      line: at.line,
      character: at.character,
      hasFindings: false,
    });
    for (const site of group.sites) {
      const siteId = siteGraphId.get(site)!;
      const label = siteLabel(site, t);
      graph.lines.push(`    subgraph ${siteId}[${mermaidString(label)}]`);
      emitSystems(siteId, '      ');
      graph.lines.push('    end');
      const siteAt = startOf(site.id?.range ?? site.node.range);
      const hasFindings = flagged(['sites', site.index]);
      graph.nodes.push({
        nodeId: siteId,
        kind: 'site',
        label: plainLabel(label),
        line: siteAt.line,
        character: siteAt.character,
        hasFindings,
      });
      const roleClass = site.role ? ROLE_CLASSES[site.role.value] : undefined;
      if (roleClass) addClass(siteId, roleClass);
      if (hasFindings && !scenario) addClass(siteId, 'finding');
      if (scenario?.scope.sites.has(site)) addClass(siteId, 'lost');
    }
    graph.lines.push('  end');
  });

  // Links are resolved before unknown sites are drawn, so their unknown ends are drawn too.
  const links = model.links.flatMap((link) =>
    link.from && link.to ? [{ link, from: resolveSite(link.from), to: resolveSite(link.to) }] : [],
  );

  // Site ids referenced but never defined: drawn dashed red, revealing the first reference.
  for (const [id, { graphId, at, path }] of unknownSites) {
    const label = `${id.trim() ? id : '""'} · ${t(TEXT.unknownSite)}`;
    graph.lines.push(`  subgraph ${graphId}[${mermaidString(label)}]`);
    emitSystems(graphId, '    ');
    graph.lines.push('  end');
    const p = startOf(at);
    graph.nodes.push({
      nodeId: graphId,
      kind: 'site',
      label: plainLabel(label),
      line: p.line,
      character: p.character,
      hasFindings: flagged(path),
    });
    addClass(graphId, 'unknown');
  }

  if (undeployed.length) {
    graph.lines.push(`  subgraph z0[${mermaidString(t(TEXT.undeployed))}]`);
    systemsIn.set('z0', undeployed);
    emitSystems('z0', '    ');
    graph.lines.push('  end');
    addClass('z0', 'undeployed');
  }

  const edge = (line: string) => {
    graph.lines.push(`  ${line}`);
    return graph.edgeCount++;
  };
  // Past the limit nothing more is drawn, only counted: replication links come first, they carry the DR story.
  const full = () => graph.edgeCount >= TOPOLOGY_MAX_EDGES && ++graph.omittedEdges > 0;
  for (const { link, from, to } of links) {
    if (from === to) continue; // A site replicating to itself has no edge to draw; validation reports it.
    if (full()) continue;
    const mode = link.mode?.value;
    const index =
      mode === 'sync'
        ? edge(`${from} ==>|${mermaidString(t(TEXT.sync))}| ${to}`)
        : mode === 'async'
          ? edge(`${from} -.->|${mermaidString(t(TEXT.async))}| ${to}`)
          : mode
            ? edge(`${from} -->|${mermaidString(mode)}| ${to}`)
            : edge(`${from} --> ${to}`);
    if (flagged(['links', link.index])) graph.flaggedEdges.push(index);
  }

  // dependsOn: one light edge per dependency, between instances in a shared site when there is one.
  for (const system of model.systems) {
    const mine = instances.get(system);
    if (!mine) continue;
    const drawn = new Set<SystemModel>();
    for (const dep of system.dependsOn?.value ?? []) {
      const target = model.systemById.get(dep.value);
      if (!target || target === system || drawn.has(target)) continue;
      const theirs = instances.get(target);
      if (!theirs) continue;
      drawn.add(target);
      if (full()) continue;
      const shared = mine.find((m) => theirs.some((o) => o.site === m.site));
      const from = shared ?? mine[0]!;
      const to = shared ? theirs.find((o) => o.site === shared.site)! : theirs[0]!;
      graph.lightEdges.push(edge(`${from.graphId} --> ${to.graphId}`));
    }
  }

  graph.lines.push(...CLASS_DEFS.map((def) => `  ${def}`));
  // In CLASS_DEFS order, `finding` last, so its red stroke wins over the role's.
  for (const cls of CLASS_ORDER) {
    const ids = graph.classes.get(cls);
    if (ids) graph.lines.push(`  class ${ids.join(',')} ${cls}`);
  }
  if (graph.lightEdges.length) graph.lines.push(`  linkStyle ${graph.lightEdges.join(',')} stroke:#94a3b8,stroke-width:1px`);
  if (graph.flaggedEdges.length) graph.lines.push(`  linkStyle ${graph.flaggedEdges.join(',')} stroke:#dc2626,stroke-width:3px`);
  return {
    mermaid: graph.lines.join('\n') + '\n',
    nodes: graph.nodes,
    omittedEdges: graph.omittedEdges,
    scopes,
    ...(lost ? { lost } : {}),
  };
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function siteLabel(site: SiteModel, t: (text: Localized) => string): string {
  const name = shown(site.id) ?? t(TEXT.siteWithoutId(site.index));
  const role = shown(site.role) ? (ROLE_LABELS[site.role!.value] ? t(ROLE_LABELS[site.role!.value]!) : site.role!.value) : undefined;
  return [name, role, shown(site.platform)].filter((part) => part).join(' · ');
}

function systemLabel(system: SystemModel, t: (text: Localized) => string): string {
  const name = shown(system.name) ?? shown(system.id) ?? t(TEXT.systemWithoutId(system.index));
  return system.tier ? `${name} · ${t(tierWord(system.tier.value))}` : name;
}
