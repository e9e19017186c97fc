/**
 * Inline waivers: an architect accepts a finding, in the file, with a reason.
 *
 *   # casebook-ignore <rule-id>[, <rule-id>…]: <reason> [(owner: <name>, until <YYYY-MM-DD>)]
 *
 * A waiver written at the end of a line covers findings that start on that
 * line; a waiver on a line of its own covers the next line that holds YAML
 * (several waiver lines may be stacked above it). Full-width `：` `，` `（）`
 * are accepted as well, since that is what a Chinese IME types. Findings a
 * waiver covers are kept, marked suppressed with the reason, so reports can
 * still show what was waived and why.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Localized } from './locale';
import type { ProposalModel } from './model';
import type { AnalysisSettings, Finding, RawFinding, RuleMeta } from './types';
import { nodeAtLine, type JsonPath } from './yamlNodes';

const WAIVER_FAMILY = 'waivers';
const SYNTAX = '# casebook-ignore <rule-id>: <reason> (owner: <name>, until <YYYY-MM-DD>)';

/**
 * The reason the "waive" quick fix inserts for the architect to replace.
 * Left as it is, it is no reason: the waiver suppresses nothing and is
 * reported as `waiver-missing-reason`.
 */
export const WAIVER_REASON_PLACEHOLDER: Localized = { zh: '请说明原因', en: 'explain why' };

export const WAIVER_RULES: RuleMeta[] = [
  {
    id: 'waiver-missing-reason',
    family: WAIVER_FAMILY,
    defaultSeverity: 'warning',
    title: { zh: '豁免缺少理由', en: 'Waiver without a reason' },
    description: {
      zh: `豁免必须写明理由，评审者才能判断是否接受：\`${SYNTAX}\`。没有理由的豁免不会生效。`,
      en: `A waiver must say why, so that a reviewer can judge it: \`${SYNTAX}\`. A waiver without a reason suppresses nothing.`,
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'waiver-unknown-rule',
    family: WAIVER_FAMILY,
    defaultSeverity: 'warning',
    title: { zh: '豁免了未知规则', en: 'Waiver names an unknown rule' },
    description: {
      zh: '豁免中的规则 ID 不存在（可能拼写错误或规则已改名），因此它不会豁免任何问题。',
      en: 'The waiver names a rule id that does not exist (a typo, or a renamed rule), so it waives nothing.',
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'waiver-expired',
    family: WAIVER_FAMILY,
    defaultSeverity: 'info',
    title: { zh: '豁免已过期', en: 'Waiver expired' },
    description: {
      zh: '豁免的截止日期（until）已过，被豁免的问题重新报告。请修复问题，或与负责人确认后延期。',
      en: 'The waiver’s `until` date has passed, so the waived findings are reported again. Fix them, or agree a new date with the owner.',
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'waiver-unused',
    family: WAIVER_FAMILY,
    defaultSeverity: 'hint',
    title: { zh: '豁免未生效', en: 'Unused waiver' },
    description: {
      zh: '豁免所在行（或下一行）没有对应规则的问题：问题可能已修复，可以删除该豁免。',
      en: 'No finding of the waived rule starts on the waiver’s line (or the next one): the finding may be fixed, and the waiver can go.',
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'waiver-malformed',
    family: WAIVER_FAMILY,
    defaultSeverity: 'warning',
    title: { zh: '豁免格式错误', en: 'Malformed waiver' },
    description: {
      zh: `豁免注释无法解析（缺少规则 ID，或日期不是 YYYY-MM-DD）。格式：\`${SYNTAX}\`。`,
      en: `The waiver comment cannot be read (no rule id, or a date that is not YYYY-MM-DD). Syntax: \`${SYNTAX}\`.`,
    },
    patterns: [],
    cases: [],
  },
];

/** One rule id as written in a waiver, with where. */
interface WaivedRule {
  id: string;
  range: Range;
}

/** A parsed `casebook-ignore` comment. */
export interface Waiver {
  /** The whole comment, from `#` to the end of the line. */
  range: Range;
  /** The line whose findings it covers. */
  targetLine: number;
  rules: WaivedRule[];
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD, as written. */
  until?: string;
  untilRange?: Range;
  /** An `until` that is not a date: such a waiver does not suppress (a typo must not waive forever). */
  untilInvalid?: boolean;
  /** Problems reading the comment itself (reported as `waiver-malformed`). */
  problems: { message: Localized; range: Range }[];
}

const MARKER = /^(\s*)casebook-ignore(?=[\s:：]|$)/;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads every waiver comment of a document. Pure text work over
 * `tree.comments`; does not look at findings.
 */
export function parseWaivers(model: ProposalModel): Waiver[] {
  const { comments, lineIndex } = model.tree;
  const waivers: Waiver[] = [];
  for (const comment of comments) {
    const marker = MARKER.exec(comment.text);
    if (!marker) continue;
    const lineText = lineIndex.lineText(comment.line);
    const ownLine = lineText.slice(0, comment.character).trim() === '';
    const targetLine = ownLine ? nextContentLine(model, comment.line) : comment.line;
    // Columns in the line of the text following `casebook-ignore`.
    const bodyStart = comment.character + 1 + marker[0].length;
    const body = comment.text.slice(marker[0].length);
    const end = lineEnd(comment.line, lineText);
    const range: Range = { start: { line: comment.line, character: comment.character }, end };
    waivers.push(readBody(body, bodyStart, comment.line, range, targetLine));
  }
  return waivers;
}

function lineEnd(line: number, lineText: string): Range['end'] {
  return { line, character: lineText.replace(/\r?\n$/, '').length };
}

/** The next line after `line` holding YAML (not blank, not only a comment); the line itself at the end of the file. */
function nextContentLine(model: ProposalModel, line: number): number {
  const { lineIndex } = model.tree;
  for (let l = line + 1; l < lineIndex.lineCount; l++) {
    const text = lineIndex.lineText(l).trim();
    if (text !== '' && !text.startsWith('#')) return l;
  }
  return line;
}

function readBody(body: string, bodyStart: number, line: number, range: Range, targetLine: number): Waiver {
  const at = (from: number, to: number): Range => ({
    start: { line, character: bodyStart + from },
    end: { line, character: bodyStart + to },
  });
  const waiver: Waiver = { range, targetLine, rules: [], problems: [] };

  // Rule ids run up to the first colon; the reason follows it.
  const colon = body.search(/[:：]/);
  const idsText = colon >= 0 ? body.slice(0, colon) : body;
  let offset = 0;
  for (const part of idsText.split(/[,，]/)) {
    const leading = part.length - part.trimStart().length;
    const id = part.trim();
    if (id) {
      const from = offset + leading;
      if (RULE_ID.test(id)) waiver.rules.push({ id, range: at(from, from + id.length) });
      else waiver.problems.push({ range: at(from, from + id.length), message: notARuleId(id) });
    }
    offset += part.length + 1;
  }
  if (waiver.rules.length === 0 && waiver.problems.length === 0) {
    waiver.problems.push({
      range,
      message: {
        zh: `豁免没有指明规则：请写成 \`${SYNTAX}\`。`,
        en: `The waiver names no rule: write \`${SYNTAX}\`.`,
      },
    });
  }
  if (colon < 0) return waiver;

  let reasonText = body.slice(colon + 1);
  const reasonStart = colon + 1;
  // An optional trailing `(owner: …, until …)`.
  const trailer = /[(（]([^()（）]*)[)）]\s*$/.exec(reasonText);
  if (trailer && /\b(owner|until)\b|负责人|截止/.test(trailer[1]!)) {
    const innerStart = reasonStart + trailer.index + 1;
    readTrailer(trailer[1]!, innerStart, waiver, at);
    reasonText = reasonText.slice(0, trailer.index);
  }
  const reason = reasonText.trim();
  if (reason && reason !== WAIVER_REASON_PLACEHOLDER.zh && reason !== WAIVER_REASON_PLACEHOLDER.en) waiver.reason = reason;
  return waiver;
}

function notARuleId(text: string): Localized {
  return {
    zh: `“${text}”不是规则 ID（规则 ID 形如 tier1-two-regions-three-dcs），理由请写在冒号之后。`,
    en: `“${text}” is not a rule id (rule ids look like tier1-two-regions-three-dcs); write the reason after a colon.`,
  };
}

/** `owner: 张三, until 2027-06-30` (also `until: …`, full-width punctuation, either order). */
function readTrailer(inner: string, innerStart: number, waiver: Waiver, at: (from: number, to: number) => Range): void {
  let offset = 0;
  for (const part of inner.split(/[,，;；]/)) {
    const field = trailerField(part);
    if (field) {
      const { key, value } = field;
      const from = innerStart + offset + field.valueStart;
      const range = at(from, from + value.length);
      if (key === 'owner' || key === '负责人') {
        if (value) waiver.owner = value;
      } else if (isDate(value)) {
        waiver.until = value;
        waiver.untilRange = range;
      } else {
        waiver.untilInvalid = true;
        waiver.problems.push({
          range,
          message: {
            zh: `截止日期“${value}”不是有效日期，请写成 YYYY-MM-DD，例如 until 2027-06-30。`,
            en: `“${value}” is not a valid date; write YYYY-MM-DD, e.g. until 2027-06-30.`,
          },
        });
      }
    }
    offset += part.length + 1;
  }
}

const TRAILER_KEY = /^(owner|until|负责人|截止)/;

/**
 * `  owner: 张三 ` → key, value and where the value starts in `part`. Trimmed by hand, not by a
 * `\s*(.*?)\s*$` pattern: that backtracks quadratically on a long run of spaces.
 */
function trailerField(part: string): { key: string; value: string; valueStart: number } | undefined {
  const lead = part.length - part.trimStart().length;
  const key = TRAILER_KEY.exec(part.slice(lead))?.[1];
  if (key === undefined) return undefined;
  let start = lead + key.length;
  while (start < part.length && /\s/.test(part[start]!)) start++;
  if (part[start] === ':' || part[start] === '：') start++;
  while (start < part.length && /\s/.test(part[start]!)) start++;
  const value = part.slice(start).trimEnd();
  return { key, value, valueStart: start };
}

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today as YYYY-MM-DD in local time (a waiver "until 2027-06-30" holds through that day where the architect is). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface WaiverOptions {
  /** The rule ids a waiver may name: the analysis passes every rule of the engine (tests pass their own). */
  knownRules: ReadonlySet<string>;
}

const isWaiverRule = (id: string) => id.startsWith('waiver-');

/**
 * Marks the findings that waivers cover as suppressed and adds the findings
 * about the waivers themselves. Waiver findings are never waived.
 */
export function applyWaivers(
  model: ProposalModel,
  findings: RawFinding[],
  settings: AnalysisSettings,
  options: WaiverOptions,
): { finding: RawFinding; suppression?: Finding['suppression'] }[] {
  const waivers = parseWaivers(model);
  if (waivers.length === 0) return findings.map((finding) => ({ finding }));
  const isKnownRule = (id: string) => options.knownRules.has(id);

  const today = settings.today ?? localToday();
  const out: { finding: RawFinding; suppression?: Finding['suppression'] }[] = [];
  const report = (rule: string, message: Localized, range: Range, path: JsonPath) =>
    out.push({ finding: { rule, message, range, path, patterns: [], cases: [] } });

  // Waivers that can suppress, by target line.
  const active = new Map<number, Waiver[]>();
  const used = new Set<string>(); // `${waiverIndex}:${ruleId}`
  const indexOf = new Map<Waiver, number>();
  const pathOf = new Map<Waiver, JsonPath>();
  waivers.forEach((waiver, index) => {
    indexOf.set(waiver, index);
    // Where the waiver points: the deepest node on the line it covers.
    const path = nodeAtLine(model.root, waiver.targetLine)?.path ?? [];
    pathOf.set(waiver, path);
    for (const problem of waiver.problems) report('waiver-malformed', problem.message, problem.range, path);
    for (const rule of waiver.rules) {
      if (!isKnownRule(rule.id)) report('waiver-unknown-rule', unknownRule(rule.id), rule.range, path);
    }
    if (waiver.rules.length === 0) return;
    if (!waiver.reason) {
      report('waiver-missing-reason', missingReason(waiver.rules.map((r) => r.id)), waiver.range, path);
      return;
    }
    if (waiver.untilInvalid) return;
    if (waiver.until && waiver.until < today) {
      report('waiver-expired', expired(waiver.until, today, waiver.owner), waiver.untilRange ?? waiver.range, path);
      return;
    }
    const list = active.get(waiver.targetLine);
    if (list) list.push(waiver);
    else active.set(waiver.targetLine, [waiver]);
  });

  for (const finding of findings) {
    const candidates = isWaiverRule(finding.rule) ? undefined : active.get(finding.range.start.line);
    let suppression: Finding['suppression'] | undefined;
    for (const waiver of candidates ?? []) {
      if (!waiver.rules.some((r) => r.id === finding.rule)) continue;
      used.add(`${indexOf.get(waiver)}:${finding.rule}`);
      suppression ??= {
        reason: waiver.reason!,
        ...(waiver.owner ? { owner: waiver.owner } : {}),
        ...(waiver.until ? { until: waiver.until } : {}),
        range: waiver.range,
      };
    }
    out.push(suppression ? { finding, suppression } : { finding });
  }

  for (const waivers of active.values()) {
    for (const waiver of waivers) {
      const path = pathOf.get(waiver)!;
      for (const rule of waiver.rules) {
        // A rule switched off in settings produces nothing to waive: not the waiver's fault.
        if (!isKnownRule(rule.id) || settings.rules[rule.id] === 'off') continue;
        if (!used.has(`${indexOf.get(waiver)}:${rule.id}`)) report('waiver-unused', unused(rule.id, waiver.targetLine), rule.range, path);
      }
    }
  }
  return out;
}

function unknownRule(id: string): Localized {
  return {
    zh: `豁免中的规则“${id}”不存在，因此不会豁免任何问题。请检查拼写（规则列表见 docs/rules.md）。`,
    en: `The waiver names rule “${id}”, which does not exist, so it waives nothing. Check the spelling (the rules are listed in docs/rules.md).`,
  };
}

function missingReason(ids: string[]): Localized {
  const list = ids.join(', ');
  return {
    zh: `豁免 ${list} 缺少理由，因此没有生效。请在冒号后写明为何接受该风险：# casebook-ignore ${ids[0]}: <理由>`,
    en: `The waiver of ${list} gives no reason, so it suppresses nothing. Say why the risk is accepted after a colon: # casebook-ignore ${ids[0]}: <reason>`,
  };
}

function expired(until: string, today: string, owner: string | undefined): Localized {
  return {
    zh: `豁免已于 ${until} 到期（今天是 ${today}），被豁免的问题重新报告。${owner ? `请与负责人 ${owner} 确认：` : ''}修复问题或更新截止日期。`,
    en: `The waiver expired on ${until} (today is ${today}), so its findings are reported again. ${owner ? `Check with its owner, ${owner}: ` : ''}fix them or agree a new date.`,
  };
}

function unused(id: string, targetLine: number): Localized {
  return {
    zh: `第 ${targetLine + 1} 行没有“${id}”的问题，此豁免未生效；若问题已修复，可删除它。`,
    en: `No “${id}” finding starts on line ${targetLine + 1}, so this waiver suppresses nothing; if the finding was fixed, remove it.`,
  };
}
