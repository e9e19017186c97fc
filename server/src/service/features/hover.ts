/**
 * Hover: what a word means to an architect. On a site or system id: where it
 * runs and what depends on it. On `tier`: what the tier requires, who did it
 * (with figures) and whether this system meets it. On a pattern, customer or
 * product word anywhere (values and comments): the library's record; on a
 * regulation's number or name, its clauses (regulationHover.ts). On a
 * key: the schema's documentation. All Markdown, in the settings' locale.
 */
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { t, listOf, pick, type Locale, type Localized } from '../locale';
import { topologyWords, type ProposalModel, type SystemModel } from '../model';
import { describeField } from '../schemaInfo';
import { keyFigures } from '../caseViews';
import { kindPrefix, productName } from '../library/figures';
import type { CaseLibrary } from '../types';
import { rangeContains } from '../lineIndex';
import { cursorAt } from './cursor';
import { dependents, idAt, nodeAt, systemsAtSite } from './indexes';
import {
  code,
  colon,
  commandUri,
  customerLabel,
  industryLabel,
  md,
  OPEN_CASE,
  patternName,
  ROLE_LABELS,
  TIER_LABELS,
  TOPOLOGY_LABELS,
} from './labels';
import { regulationHover } from './regulationHover';
import { termIndex, type TermMatch } from './terms';
import { tierRequirement, tierVerdict, verdictTitle } from './tiers';
import { outcomeText, outcomesOf, scopeName } from '../scenarioText';
import { scenariosOf } from '../scenarios';

type L = Locale;
/** The colon ending a label that a list follows (no trailing space before the line break). */
const heading = (locale: L) => (locale === 'zh-CN' ? '：' : ':');

function markdown(value: string, range?: Range): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return range ? { contents, range } : { contents };
}

export function doHover(context: FeatureContext, position: Position): Hover | null {
  const { model } = context.proposal;
  const { library, settings } = context;
  const locale = settings.locale;
  const index = model.tree.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return null;
  const lineText = index.lineText(position.line);
  if (position.character < 0 || position.character > lineText.length) return null;

  const id = idAt(model, position);
  if (id) {
    const text = id.kind === 'site' ? siteHover(model, id.id, locale) : systemHover(model, library, id.id, locale);
    return text ? markdown(text, id.range) : null;
  }

  const cursor = cursorAt(model, position);
  // Words from the library win inside values and comments: `# 参考网商银行` or `name: 两地三中心改造`.
  if (cursor.place !== 'key') {
    const regulation = regulationHover(library, lineText, position.character, locale);
    if (regulation) return markdown(regulation.text, lineRange(position.line, regulation.start, regulation.end));
    const match = termIndex(library).at(lineText, position.character);
    if (match) {
      const text = termHover(library, match, locale);
      if (text) return markdown(text, lineRange(position.line, match.start, match.end));
    }
  }

  const hit = nodeAt(model.tree.root, position);
  const path = hit?.keyOf
    ? hit.keyOf.entry.value.path
    : cursor.place === 'key' && cursor.mapPath && cursor.key
      ? [...cursor.mapPath, cursor.key]
      : undefined;
  if (cursor.place === 'key' && path) {
    const keyRange =
      hit?.keyOf?.entry.keyRange ?? (cursor.shape.key ? lineRange(position.line, cursor.shape.key.start, cursor.shape.key.end) : undefined);
    // In the indentation or the `- ` before a key, the pointer is over nothing: a hover there would name a range it is not in.
    if (keyRange && !rangeContains(keyRange, position)) return null;
    const last = path[path.length - 1];
    if (last === 'tier' && typeof path[1] === 'number' && path[0] === 'systems') {
      const system = model.systems.find((s) => s.index === path[1]);
      if (system) return markdown(tierHover(model, library, system, locale), keyRange);
    }
    const text = fieldHover(path, locale);
    return text ? markdown(text, keyRange) : null;
  }

  // A value: `tier: 1` explains the tier; an enum value explains itself.
  if (hit && hit.node.kind === 'scalar' && hit.entry) {
    const path = hit.node.path;
    if (hit.entry.key === 'tier' && path[0] === 'systems' && typeof path[1] === 'number') {
      const system = model.systems.find((s) => s.index === path[1]);
      if (system) return markdown(tierHover(model, library, system, locale), hit.node.range);
    }
    const info = describeField(path);
    const value = hit.node.value === null ? '' : String(hit.node.value);
    const valueDoc = info?.valueDocs?.[value];
    if (valueDoc) return markdown(`${code(`${hit.entry.key}: ${value}`)}${colon(locale)}${pick(valueDoc, locale)}`, hit.node.range);
  }
  if (hit && hit.node.kind === 'scalar' && !hit.entry) {
    // A list item: `observability: [metrics, tracing]`, `zones: [dmz]`.
    const info = describeField(hit.node.path);
    const value = String(hit.node.value ?? '');
    const valueDoc = info?.valueDocs?.[value];
    if (valueDoc) return markdown(`${code(value)}${colon(locale)}${pick(valueDoc, locale)}`, hit.node.range);
  }
  return null;
}

const lineRange = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

function fieldHover(path: (string | number)[], locale: L): string | undefined {
  const info = describeField(path);
  if (!info) return undefined;
  const lines = [`**${md(String(path[path.length - 1]))}** · \`${info.type}\``, '', pick(info.doc, locale)];
  const values = info.enum ?? info.items?.enum;
  const docs = info.valueDocs ?? info.items?.valueDocs;
  if (values && values.length > 0) {
    lines.push('', t(locale, info.openEnum ? '**常用取值**' : '**可选值**', info.openEnum ? '**Common values**' : '**Allowed values**'));
    for (const value of values) {
      const doc = docs?.[value];
      lines.push(`- ${code(value)}${doc ? ` — ${pick(doc, locale)}` : ''}`);
    }
  }
  if (info.range) {
    const { minimum, maximum, exclusiveMinimum } = info.range;
    const low = minimum === undefined ? '' : `${exclusiveMinimum ? '(' : '['}${minimum}`;
    const high = maximum === undefined ? '' : `${maximum}]`;
    lines.push('', `${t(locale, '**取值范围**', '**Range**')}${colon(locale)}${low || '(−∞'}, ${high || '∞)'}`);
  }
  if (info.example !== undefined) {
    const example = typeof info.example === 'string' ? info.example : JSON.stringify(info.example);
    lines.push('', `${t(locale, '**示例**', '**Example**')}${colon(locale)}\`${path[path.length - 1]}: ${example.replace(/`/g, "'")}\``);
  }
  return lines.join('\n');
}

/* ------------------------------------------------------------------------ */
/* Tier                                                                      */
/* ------------------------------------------------------------------------ */

function tierHover(model: ProposalModel, library: CaseLibrary, system: SystemModel, locale: L): string {
  const tier = system.tier?.value;
  const label = tier !== undefined ? TIER_LABELS[tier] : undefined;
  const lines = [`**tier ${tier ?? '?'}**${label ? ` · ${pick(label, locale)}` : ''}`, ''];
  const requirement = tier !== undefined ? tierRequirement(tier) : undefined;
  if (!requirement) {
    lines.push(
      t(
        locale,
        '分级：1 = 一级（两地三中心或同城 + 异地灾备），2 = 二级（同城灾备），3 = 三级（无容灾要求）。',
        'Tiers: 1 = tier 1 (two regions, three DCs, or same-city + remote DR), 2 = tier 2 (same-city DR), 3 = tier 3 (no DR requirement).',
      ),
    );
    return lines.join('\n');
  }
  lines.push(`${t(locale, '**要求**', '**Requires**')}${colon(locale)}${pick(requirement.text, locale)}`);
  const cases = requirement.pattern ? (library.patterns.get(requirement.pattern)?.cases ?? []) : [];
  if (cases.length > 0) {
    // "Cases", not "who did it": several of them state this as a goal, and the evidence line says so.
    lines.push('', `${t(locale, '**案例**', '**Cases**')}${heading(locale)}`);
    for (const caseId of cases.slice(0, 4))
      lines.push(`- ${caseLink(library, caseId, locale)}${caseFigure(library, caseId, locale, requirement.pattern)}`);
  }
  const verdict = tierVerdict(model, system);
  const where = deploymentSummary(system, locale);
  const name = system.id ? code(system.id.value) : t(locale, '本系统', 'This system');
  if (verdict) {
    const reason = md(pick(verdict.reason, locale));
    lines.push(
      '',
      verdict.ok
        ? t(locale, `✓ ${name} 满足要求：${where}。${reason}`, `✓ ${name} meets it: ${where}; ${reason}`)
        : t(locale, `✗ ${name} 尚不满足：${reason}部署：${where}`, `✗ ${name} does not meet it yet: ${reason} Deployed: ${where}`),
    );
  } else lines.push('', t(locale, `${name} 部署：${where}`, `${name} is deployed: ${where}`));
  return lines.join('\n');
}

/** "成都（cd-1、cd-2）、重庆（cq-1）→ 两地三中心、同城双活" */
function deploymentSummary(system: SystemModel, locale: L): string {
  const { topology } = system;
  if (topology.sites.length === 0) return t(locale, '未部署到任何已声明的站点', 'deployed to no declared site');
  const byCity = new Map<string, string[]>();
  for (const site of topology.sites) {
    const city = site.city?.value ?? '?';
    byCity.set(city, [...(byCity.get(city) ?? []), site.id?.value ?? '?']);
  }
  const cities = [...byCity].map(([city, ids]) =>
    locale === 'zh-CN' ? `${md(city)}（${ids.map(md).join('、')}）` : `${md(city)} (${ids.map(md).join(', ')})`,
  );
  const words = topologyWords(topology).map((w) => pick(TOPOLOGY_LABELS[w], locale));
  const list = locale === 'zh-CN' ? cities.join('、') : cities.join(', ');
  return words.length > 0 ? `${list} → ${listOf(words, locale)}` : list;
}

/** A hover lists this many failure scenarios at most; `casebook simulate` prints them all. */
const LISTED_SCENARIOS = 6;

/** "失去 机房 cd-1：降级接管：cd-2 分钟级（热备）接管，不丢数据", for each loss that touches the system. */
function scenarioLines(model: ProposalModel, system: SystemModel, locale: L): string[] {
  const touching = outcomesOf(scenariosOf(model), system).filter(({ outcome }) => outcome.hit || outcome.lostDependencies.length > 0);
  if (touching.length === 0) return [];
  const lines = ['', `${t(locale, '**故障场景**', '**If a loss happens**')}${heading(locale)}`];
  for (const { scope, outcome } of touching.slice(0, LISTED_SCENARIOS)) {
    const lost = pick(scopeName(scope), locale);
    lines.push(`- ${t(locale, `失去${md(lost)}`, `lose ${md(lost)}`)}${colon(locale)}${md(pick(outcomeText(outcome), locale))}`);
  }
  if (touching.length > LISTED_SCENARIOS)
    lines.push(
      t(
        locale,
        `- …（共 ${touching.length} 种，运行 casebook simulate 查看全部）`,
        `- … (${touching.length} in all; casebook simulate lists them)`,
      ),
    );
  return lines;
}

/* ------------------------------------------------------------------------ */
/* Sites and systems                                                         */
/* ------------------------------------------------------------------------ */

function siteHover(model: ProposalModel, siteId: string, locale: L): string | undefined {
  const site = model.siteById.get(siteId);
  if (!site)
    return t(locale, `**${md(siteId)}**：未在 \`sites\` 中声明的站点。`, `**${md(siteId)}**: a site not declared under \`sites\`.`);
  const role = site.role?.value;
  const roleLabel = role ? ROLE_LABELS[role] : undefined;
  const facts = [
    site.city ? md(site.city.value) : t(locale, '城市未填写', 'no city'),
    role ? (roleLabel ? `${pick(roleLabel, locale)} (${code(role)})` : code(role)) : t(locale, '角色未填写', 'no role'),
    ...(site.platform ? [code(site.platform.value)] : []),
  ];
  const systems = systemsAtSite(model, siteId);
  const lines = [`**${md(siteId)}** · ${facts.join(' · ')}`, ''];
  lines.push(
    systems.length > 0
      ? `${t(locale, `部署的系统（${systems.length}）`, `Systems deployed here (${systems.length})`)}${colon(locale)}${systemList(model, systems, locale)}`
      : t(locale, '尚无系统部署在此站点。', 'No system is deployed here yet.'),
  );
  return lines.join('\n');
}

/** A hover lists this many systems at most: in a 1,000-system proposal, a shared one has hundreds of dependents. */
const LISTED_SYSTEMS = 12;

function systemList(model: ProposalModel, ids: readonly string[], locale: L): string {
  return `${listOf(ids.slice(0, LISTED_SYSTEMS).map(systemLabel(model)), locale)}${ids.length > LISTED_SYSTEMS ? ' …' : ''}`;
}

const systemLabel = (model: ProposalModel) => (id: string) => {
  const name = model.systemById.get(id)?.name?.value;
  return name ? `${code(id)} ${md(name)}` : code(id);
};

function systemHover(model: ProposalModel, library: CaseLibrary, systemId: string, locale: L): string | undefined {
  const system = model.systemById.get(systemId);
  if (!system)
    return t(
      locale,
      `**${md(systemId)}**：未在 \`systems\` 中声明的系统。`,
      `**${md(systemId)}**: a system not declared under \`systems\`.`,
    );
  const tier = system.tier?.value;
  const tierLabel = tier !== undefined ? TIER_LABELS[tier] : undefined;
  const head = [`**${md(systemId)}**`, ...(system.name ? [md(system.name.value)] : []), ...(tierLabel ? [pick(tierLabel, locale)] : [])];
  const lines = [head.join(' · '), '', `${t(locale, '部署', 'Deployed')}${colon(locale)}${deploymentSummary(system, locale)}`];
  const verdict = tierVerdict(model, system);
  if (verdict) lines.push('', `${md(verdictTitle(library, verdict, locale))}`);
  lines.push(...scenarioLines(model, system, locale));
  const users = dependents(model, systemId);
  if (users.length > 0)
    lines.push(
      '',
      `${t(locale, `被依赖（${users.length}）`, `Depended on by (${users.length})`)}${colon(locale)}${systemList(model, users, locale)}`,
    );
  const deps = system.dependsOn?.value.map((d) => d.value) ?? [];
  if (deps.length > 0) lines.push('', `${t(locale, '依赖', 'Depends on')}${colon(locale)}${systemList(model, deps, locale)}`);
  return lines.join('\n');
}

/* ------------------------------------------------------------------------ */
/* Library words                                                             */
/* ------------------------------------------------------------------------ */

function caseLink(library: CaseLibrary, caseId: string, locale: L): string {
  return `[${md(customerLabel(library, caseId, locale))}](${commandUri(OPEN_CASE, [caseId])})`;
}

/**
 * " — 目标：从同城主备向两地三中心迈进": how the case shows the pattern (its
 * evidence), else its headline figure, labelled by kind unless it is a result.
 */
function caseFigure(library: CaseLibrary, caseId: string, locale: L, patternId?: string): string {
  const record = library.cases.get(caseId);
  if (!record) return '';
  const evidence = patternId ? record.patterns.find((p) => p.pattern === patternId) : undefined;
  if (evidence && evidence.evidence.zh) return ` — ${md(`${pick(kindPrefix(evidence.kind), locale)}${pick(evidence.evidence, locale)}`)}`;
  const headline = keyFigures(record, locale)[0];
  return headline ? ` — ${md(headline)}` : '';
}

function termHover(library: CaseLibrary, match: TermMatch, locale: L): string | undefined {
  const { term } = match;
  if (term.kind === 'pattern') {
    const pattern = library.patterns.get(term.id);
    if (!pattern) return undefined;
    const other: Localized = pattern.name;
    const lines = [
      `### ${md(pick(other, locale))}${pick(other, locale) !== pick(other, locale === 'zh-CN' ? 'en' : 'zh-CN') ? ` · ${md(pick(other, locale === 'zh-CN' ? 'en' : 'zh-CN'))}` : ''}`,
      '',
      md(pick(pattern.summary, locale)),
    ];
    lines.push('', `${t(locale, '**适用**', '**When to apply**')}${colon(locale)}${md(pick(pattern.whenToApply, locale))}`);
    lines.push('', `${t(locale, '**代价**', '**Cost**')}${colon(locale)}${md(pick(pattern.cost, locale))}`);
    if (pattern.cases.length > 0) {
      lines.push('', `${t(locale, '**案例**', '**Cases**')}${heading(locale)}`);
      for (const caseId of pattern.cases)
        lines.push(`- ${caseLink(library, caseId, locale)}${caseFigure(library, caseId, locale, pattern.id)}`);
    }
    lines.push('', `\`${pattern.id}\``);
    return lines.join('\n');
  }
  if (term.kind === 'case') {
    const record = library.cases.get(term.id);
    if (!record) return undefined;
    const lines = [`### ${md(pick(record.customer, locale))} · ${md(pick(record.title, locale))}`, ''];
    lines.push([industryLabel(record.industry, locale), ...(record.year ? [String(record.year)] : [])].join(' · '));
    if (record.outcomes.length > 0) {
      // Labelled phrases, results first: a goal or a testimonial never reads as a measured result.
      lines.push('', `${t(locale, '**关键数据**', '**Key figures**')}${heading(locale)}`);
      for (const figure of keyFigures(record, locale)) lines.push(`- ${md(figure)}`);
    }
    if (record.patterns.length > 0) {
      lines.push(
        '',
        `${t(locale, '**架构模式**', '**Patterns**')}${colon(locale)}${listOf(
          record.patterns.map((p) => md(patternName(library, p.pattern, locale))),
          locale,
        )}`,
      );
    }
    if (record.products.length > 0) {
      lines.push(
        '',
        `${t(locale, '**产品**', '**Products**')}${colon(locale)}${listOf(
          record.products.map((id) => {
            const product = library.products.get(id);
            return md(product ? productName(product, locale) : id);
          }),
          locale,
        )}`,
      );
    }
    if (record.topology && record.illustrative) {
      lines.push('', `${t(locale, '**参考拓扑**', '**Reference topology**')}${colon(locale)}${md(pick(record.illustrative, locale))}`);
    }
    if (!record.builtIn)
      lines.push(
        '',
        t(locale, '_企业案例：依据来自企业自己的资料。_', "_Enterprise case: the evidence comes from the enterprise's own documents._"),
      );
    lines.push('', `[${t(locale, '打开案例', 'Open case')}](${commandUri(OPEN_CASE, [record.id])})`);
    return lines.join('\n');
  }
  const product = library.products.get(term.id);
  if (!product) return undefined;
  const users = [...library.cases.values()].filter((c) => c.products.includes(product.id)).map((c) => c.id);
  const lines = [`### ${md(productName(product, locale))}`, '', md(pick(product.description, locale))];
  if (users.length > 0)
    lines.push(
      '',
      `${t(locale, '**使用它的客户**', '**Customers using it**')}${colon(locale)}${listOf(
        users.map((id) => caseLink(library, id, locale)),
        locale,
      )}`,
    );
  return lines.join('\n');
}
