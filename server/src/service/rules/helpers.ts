/**
 * What every rule family shares: citing the case library, locating findings,
 * thresholds, and building quick-fix edits from the model's ranges. Rules
 * stay declarative; anything two families need lives here, once.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { customerName, customerWithFigure, figure } from '../library/figures';
import { zhJoin, zhNamed, type Localized } from '../locale';
import type { Located, ProposalModel, SystemModel } from '../model';
import type { CaseLibrary, RawFinding, RuleDefinition, RuleFix } from '../types';
import { entryOf, type JsonPath, type YMap, type YNode } from '../yamlNodes';

/* ------------------------------------------------------------------------ */
/* Thresholds (documented in docs/rules.md)                                  */
/* ------------------------------------------------------------------------ */

/** 99.99%: what 网商银行 and 人保健康 run at; from here a cold copy cannot keep the promise. */
export const HIGH_AVAILABILITY = 99.99;
/** 30 minutes: a cold standby cannot be started, checked and switched to in less. */
export const FAST_RTO_SECONDS = 30 * 60;
/** 人保健康 issues 1,000 policies a second on a distributed database. */
export const HEAVY_PEAK_TPS = 1000;
/** 南京银行's 鑫云+ handles 1,000,000 orders a day. */
export const HEAVY_DAILY_TRANSACTIONS = 1_000_000;
/** 人保健康: 150 万 at peak vs 80 万 on average is 1.875×; from 1.5× a static fleet idles a third of the time. */
export const PEAK_DAY_RATIO = 1.5;

/* ------------------------------------------------------------------------ */
/* Rules and citations                                                       */
/* ------------------------------------------------------------------------ */

/** One figure of one case that a rule quotes in its messages. */
export interface FigureRef {
  caseId: string;
  outcomeId: string;
}

export const fig = (caseId: string, outcomeId: string): FigureRef => ({ caseId, outcomeId });

/** A rule plus the figures its messages quote (collected into QUOTED_FIGURES for the library's integrity test). */
export interface CasebookRule extends RuleDefinition {
  quotes: readonly FigureRef[];
}

/** "天弘基金（一级业务系统 同城 + 异地容灾）" — name and figure, both from the library. */
export function cite(library: CaseLibrary, ref: FigureRef): Localized {
  return customerWithFigure(library, ref.caseId, ref.outcomeId);
}

/** The figure alone, for a second figure of a customer already named. */
export function figureOf(library: CaseLibrary, ref: FigureRef): Localized {
  return figure(library, ref.caseId, ref.outcomeId);
}

export function nameOf(library: CaseLibrary, caseId: string): Localized {
  return customerName(library, caseId);
}

/**
 * Cites several figures, each customer named once with all of its figures:
 * "网商银行（可用率 99.99%；三地五中心）；四川农信（…）".
 */
export function cites(library: CaseLibrary, refs: readonly FigureRef[]): Localized {
  // The same citation closes every finding of a rule: build it once per library.
  const key = refs.map((ref) => `${ref.caseId}/${ref.outcomeId}`).join('|');
  let known = citations.get(library);
  if (!known) citations.set(library, (known = new Map<string, Localized>()));
  let cited = known.get(key);
  if (!cited) known.set(key, (cited = citeFigures(library, refs)));
  return cited;
}

const citations = new WeakMap<CaseLibrary, Map<string, Localized>>();

function citeFigures(library: CaseLibrary, refs: readonly FigureRef[]): Localized {
  const byCase = new Map<string, Localized[]>();
  for (const ref of refs) {
    const figures = byCase.get(ref.caseId) ?? [];
    figures.push(figureOf(library, ref));
    byCase.set(ref.caseId, figures);
  }
  const parts = [...byCase].map(([caseId, figures]) => {
    const name = nameOf(library, caseId);
    return {
      zh: `${name.zh}（${figures.map((f) => f.zh).join('；')}）`,
      en: `${name.en} (${figures.map((f) => f.en).join('; ')})`,
    };
  });
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

/** The English text with its first letter capitalised, for a label that opens a sentence. */
export function opening(text: Localized): Localized {
  return { zh: text.zh, en: text.en.charAt(0).toUpperCase() + text.en.slice(1) };
}

/* ------------------------------------------------------------------------ */
/* Naming and locating                                                       */
/* ------------------------------------------------------------------------ */

/** How a message names a system: its id, or its position when the id is missing. */
export function systemLabel(system: SystemModel): Localized {
  const id = system.id?.value;
  if (id) return { zh: zhNamed('系统', id), en: `system "${id}"` };
  return { zh: `第 ${system.index + 1} 个系统`, en: `system #${system.index + 1}` };
}

/** The `key: value` span of a field (the tier line for a tier rule), ending at its last character. */
function keyValueRange(field: Located<unknown>): Range {
  return { start: field.keyRange?.start ?? field.range.start, end: contentEnd(field.node) };
}

/** Where a node's text ends: a block collection's range runs on to column 0 of the next line. */
function contentEnd(node: YNode): Range['end'] {
  const last =
    node.kind === 'seq' && !node.flow ? node.items.at(-1) : node.kind === 'map' && !node.flow ? node.entries.at(-1)?.value : undefined;
  return last ? contentEnd(last) : node.range.end;
}

/** An MLPS level as each language says it: "等保三级" / "MLPS level 3" (levels 1–5; others as digits). */
export function mlpsLevel(level: number): Localized {
  const zh = ['一', '二', '三', '四', '五'][level - 1];
  return { zh: `等保${zh ?? ` ${level} `}级`, en: `MLPS level ${level}` };
}

/** A finding on one field: key..value for conditions, value only when `valueOnly`. */
export function on(field: Located<unknown>, valueOnly = false): { range: Range; path: JsonPath } {
  return { range: valueOnly ? field.range : keyValueRange(field), path: field.path };
}

export function formatPercent(value: number): string {
  // Enough digits to show where two availabilities differ, without float noise.
  const text = value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return `${text}%`;
}

// Built once: toLocaleString builds a formatter per call, which shows when 5,000 systems fire.
const COUNT = new Intl.NumberFormat('en-US');
const WAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 2000000 → "200 万" / "2,000,000"; 120000000 → "1.2 亿" (as Chinese counts past ten thousand 万). */
export function formatCount(value: number): Localized {
  const en = COUNT.format(value);
  const zh =
    value >= 100_000_000 && value % 1_000_000 === 0
      ? `${WAN.format(value / 100_000_000)} 亿`
      : value >= 10_000 && value % 100 === 0
        ? `${WAN.format(value / 10_000)} 万`
        : en;
  return { zh, en };
}

/* ------------------------------------------------------------------------ */
/* Shared predicates                                                         */
/* ------------------------------------------------------------------------ */

/** The load figure that makes a system heavy, if any (peak TPS first). */
export function heavyLoad(system: SystemModel): { field: Located<number>; what: Localized } | undefined {
  const peak = system.peakTps;
  if (peak && peak.value >= HEAVY_PEAK_TPS) {
    const n = formatCount(peak.value);
    return { field: peak, what: { zh: `峰值 ${n.zh} TPS`, en: `a peak of ${n.en} TPS` } };
  }
  const daily = system.dailyTransactions;
  if (daily && daily.value >= HEAVY_DAILY_TRANSACTIONS) {
    const n = formatCount(daily.value);
    return { field: daily, what: { zh: zhJoin('日交易量 ', n.zh, '笔'), en: `${n.en} transactions a day` } };
  }
  return undefined;
}

export function finding(rule: CasebookRule, at: { range: Range; path: JsonPath }, message: Localized, fixes?: RuleFix[]): RawFinding {
  // Chinese sets no space against full-width quotes: a quoted Han id (系统“注册登记”) closes up to the words around it.
  const zh = message.zh.includes('“')
    ? message.zh.replace(/” (?=\p{Script=Han})/gu, '”').replace(/(?<=\p{Script=Han}) “/gu, '“')
    : message.zh;
  return {
    rule: rule.id,
    message: { zh, en: message.en },
    range: at.range,
    path: at.path,
    ...(fixes && fixes.length > 0 ? { fixes } : {}),
  };
}

/* ------------------------------------------------------------------------ */
/* Quick-fix edits                                                           */
/* ------------------------------------------------------------------------ */

/** Replaces a scalar value: `release: downtime` → `release: gray`. */
export function replaceValue(field: Located<unknown>, text: string, title: Localized): RuleFix {
  return { title, edits: [{ range: field.range, newText: text }] };
}

function eolOf(model: ProposalModel): string {
  return model.tree.lineIndex.text.includes('\r\n') ? '\r\n' : '\n';
}

/** The last line holding a node's text (a block collection's range ends at column 0 of the next line). */
function lastContentLine(node: YNode): number {
  const { start, end } = node.range;
  return end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
}

function endOfLine(model: ProposalModel, line: number): Range {
  const position = { line, character: model.tree.lineIndex.lineText(line).length };
  return { start: position, end: position };
}

/**
 * Adds `key: value` (already formatted as `text`) as the last entry of a map.
 * Returns undefined for a map it cannot edit safely (an empty or multi-line flow map).
 */
function insertEntry(model: ProposalModel, map: YMap, text: string): TextEdit | undefined {
  const entries = map.entries;
  const [first] = entries;
  const last = entries.at(-1);
  if (!first || !last) return undefined;
  if (map.flow) {
    if (map.range.start.line !== map.range.end.line) return undefined;
    const close = { line: map.range.end.line, character: map.range.end.character - 1 };
    return { range: { start: close, end: close }, newText: `, ${text}` };
  }
  const indent = ' '.repeat(first.keyRange.start.character);
  return {
    range: endOfLine(model, Math.max(lastContentLine(last.value), last.keyRange.end.line)),
    newText: `${eolOf(model)}${indent}${text}`,
  };
}

/**
 * Sets `key: text` on a map: inserts the entry when it is missing, rewrites
 * it when it holds no value or a lone scalar (`merge` receives that scalar,
 * so a list field can keep it). Never adds a duplicate key.
 */
export function setEntry(
  model: ProposalModel,
  map: YMap,
  key: string,
  text: string,
  merge: (existing: string[]) => string = () => text,
): TextEdit | undefined {
  const entry = entryOf(map, key);
  if (!entry) return insertEntry(model, map, `${key}: ${text}`);
  if (entry.value.kind !== 'scalar') return undefined;
  const scalar = entry.value;
  const existing = scalar.value === null || scalar.value === '' ? [] : [String(scalar.value)];
  const line = entry.keyRange.end.line;
  const colon = model.tree.lineIndex.lineText(line).indexOf(':', entry.keyRange.end.character);
  if (colon < 0) return undefined;
  const end = scalar.value === null ? { line, character: colon + 1 } : scalar.range.end;
  return { range: { start: entry.keyRange.end, end }, newText: `: ${merge(existing)}` };
}

/**
 * Adds items to a list field, or creates the field on `owner` when it is missing:
 * `[metrics, logs]` → `[metrics, logs, tracing]`; a block list gets `- tracing` lines.
 */
export function appendToList(
  model: ProposalModel,
  owner: YMap,
  key: string,
  list: Located<Located<string>[]> | undefined,
  items: string[],
): TextEdit | undefined {
  if (!list) return setEntry(model, owner, key, `[${items.join(', ')}]`, (existing) => `[${[...existing, ...items].join(', ')}]`);
  const node = list.node;
  if (node.kind !== 'seq') return undefined;
  if (node.flow) {
    if (node.range.start.line !== node.range.end.line) return undefined;
    const close = { line: node.range.end.line, character: node.range.end.character - 1 };
    const prefix = node.items.length > 0 ? ', ' : '';
    return { range: { start: close, end: close }, newText: `${prefix}${items.join(', ')}` };
  }
  const lastItem = node.items[node.items.length - 1];
  if (!lastItem) return undefined;
  const itemLine = model.tree.lineIndex.lineText(lastItem.range.start.line);
  const dash = /^(\s*)-\s/.exec(itemLine);
  if (!dash) return undefined;
  const eol = eolOf(model);
  return { range: endOfLine(model, lastContentLine(lastItem)), newText: items.map((i) => `${eol}${dash[1]}- ${i}`).join('') };
}
