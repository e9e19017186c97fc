/**
 * The regulation library (issue 11): parsing one document file per
 * regulation or standard, merging them, and the queries hover, the rules and
 * the compliance command ask. Pure: the files come in as text (see
 * node/libraryLoader.ts). A broken file is one located problem; the rest load.
 *
 * A clause is `verified: false` when its text or figure could not be found in
 * public text; no check may act on it (see `actionable`).
 */
import type { Localized } from './locale';
import type { ProposalModel } from './model';
import {
  CLAUSE_REQUIREMENTS,
  DR_LEVEL_ELEMENTS,
  INSTITUTION_TYPES,
  type ClauseRequirement,
  type DrLevelElement,
  type DrLevelFloor,
  type DrLevelRequirement,
  type InstitutionProfile,
  type InstitutionType,
  type LibraryProblem,
  type RegulationClause,
  type RegulationDocument,
  type RegulationLibrary,
  type SourceLocation,
} from './types';
import { parseYamlTree } from './yamlTree';
import { entryOf, toPlain, type YNode } from './yamlNodes';

export interface RegulationFile {
  path: string;
  text: string;
  builtIn: boolean;
  /** The file already parsed (from the parsed-library cache): what `parseRegulation` gives for this text. */
  parsed?: ParsedRegulation;
}

/** One regulation file parsed on its own: its document, when it could be read, and its problems. */
export interface ParsedRegulation {
  document?: RegulationDocument;
  problems: LibraryProblem[];
}

export function parseRegulation(file: RegulationFile): ParsedRegulation {
  const problems: LibraryProblem[] = [];
  const document = parseRegulationFile(file, problems);
  return document ? { document, problems } : { problems };
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ID = /^[a-z0-9][a-z0-9-]*$/;
const DURATION = /^(\d+(?:\.\d+)?)\s*([smhd])$/;
const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function emptyRegulationLibrary(): RegulationLibrary {
  return { documents: new Map(), clauses: new Map(), problems: [] };
}

/** Builds the library from every file; built-in documents win, an enterprise file cannot replace one. */
export function buildRegulationLibrary(files: readonly RegulationFile[]): RegulationLibrary {
  const library = emptyRegulationLibrary();
  for (const file of files) {
    const { document: doc, problems } = file.parsed ?? parseRegulation(file);
    library.problems.push(...problems);
    if (!doc) continue;
    const existing = library.documents.get(doc.id);
    if (existing) {
      library.problems.push({
        file: file.path,
        range: doc.source.range,
        message: {
          zh: `法规文档 ${doc.id} 已在 ${existing.file} 中定义，本文件未加载。`,
          en: `Regulation document ${doc.id} is already defined in ${existing.file}; this file was not loaded.`,
        },
      });
      continue;
    }
    library.documents.set(doc.id, doc);
    for (const clause of doc.clauses) library.clauses.set(clause.ref, clause);
  }
  return library;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function localized(value: unknown): Localized | undefined {
  if (typeof value === 'string') return { zh: value, en: value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const zh = str(v.zh);
  const en = str(v.en);
  if (zh === undefined && en === undefined) return undefined;
  return { zh: zh ?? en ?? '', en: en ?? zh ?? '' };
}

function duration(value: unknown): number | undefined {
  if (value === 0 || value === '0') return 0;
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value.trim());
  return m ? Number(m[1]) * UNIT[m[2]!]! : undefined;
}

/** One document; undefined (and a located problem) when it cannot be read. */
export function parseRegulationFile(file: RegulationFile, problems: LibraryProblem[]): RegulationDocument | undefined {
  const tree = parseYamlTree(file.text.replace(/^\uFEFF/, ''));
  const report = (range: SourceLocation['range'], message: Localized) => problems.push({ file: file.path, range, message });
  if (tree.problems.length > 0) {
    for (const p of tree.problems)
      report(p.range, { zh: `${p.message.zh}（本文件未加载）`, en: `${p.message.en} (this file was not loaded)` });
    return undefined;
  }
  const root = tree.root;
  if (!root || root.kind !== 'map') {
    report(root?.range ?? ORIGIN, {
      zh: '法规文件的顶层应为映射（id、title、number、clauses…），本文件未加载。',
      en: 'The top level of a regulation file should be a mapping (id, title, number, clauses…); this file was not loaded.',
    });
    return undefined;
  }
  const at = (node: YNode | undefined, key: string) => entryOf(node, key)?.keyRange ?? node?.range ?? ORIGIN;
  const plain = toPlain(root) as Record<string, unknown>;
  const id = str(plain.id);
  if (!id || !ID.test(id)) {
    report(at(root, 'id'), {
      zh: '法规文件缺少 id 或 id 不是小写短横线格式（如 cbrc-2010-114），本文件未加载。',
      en: 'The regulation file has no id, or it is not lowercase kebab-case (e.g. cbrc-2010-114); this file was not loaded.',
    });
    return undefined;
  }
  const title = localized(plain.title);
  const number = str(plain.number);
  if (!title || !number) {
    report(at(root, title ? 'number' : 'title'), {
      zh: `法规 ${id} 缺少 title 或 number，本文件未加载。`,
      en: `Regulation ${id} has no title or number; this file was not loaded.`,
    });
    return undefined;
  }
  const source: SourceLocation = { file: file.path, range: at(root, 'id') };
  const clausesNode = entryOf(root, 'clauses')?.value;
  const clauses: RegulationClause[] = [];
  const seen = new Set<string>();
  const items = clausesNode?.kind === 'seq' ? clausesNode.items : [];
  if (!clausesNode || clausesNode.kind !== 'seq')
    report(at(root, 'clauses'), { zh: `法规 ${id} 缺少 clauses 列表。`, en: `Regulation ${id} has no clauses list.` });
  for (const item of items) {
    const clause = parseClause(id, item, file.path, report);
    if (!clause) continue;
    if (seen.has(clause.ref)) {
      report(item.range, { zh: `条款 ${clause.ref} 重复，已跳过。`, en: `Clause ${clause.ref} is repeated; skipped.` });
      continue;
    }
    seen.add(clause.ref);
    clauses.push(clause);
  }
  const year = typeof plain.year === 'number' ? plain.year : undefined;
  const statusNote = localized(plain.statusNote);
  const replacedBy = str(plain.replacedBy);
  return {
    id,
    builtIn: file.builtIn,
    file: file.path,
    title,
    number,
    aliases: Array.isArray(plain.aliases) ? plain.aliases.map(str).filter((a): a is string => !!a) : [],
    issuer: localized(plain.issuer) ?? { zh: '', en: '' },
    ...(year !== undefined ? { year } : {}),
    status: str(plain.status) ?? 'unverified',
    ...(replacedBy ? { replacedBy } : {}),
    ...(statusNote ? { statusNote } : {}),
    clauses,
    source,
  };
}

function parseClause(
  docId: string,
  item: YNode,
  file: string,
  report: (range: SourceLocation['range'], message: Localized) => void,
): RegulationClause | undefined {
  if (item.kind !== 'map') {
    report(item.range, { zh: 'clauses 的每一项应为映射。', en: 'Each item of clauses should be a mapping.' });
    return undefined;
  }
  const p = toPlain(item) as Record<string, unknown>;
  const article = str(p.article);
  if (!article) {
    report(item.range, { zh: `法规 ${docId} 的条款缺少 article，已跳过。`, en: `A clause of ${docId} has no article; skipped.` });
    return undefined;
  }
  const ref = `${docId}#${article}`;
  const src = (p.source ?? {}) as Record<string, unknown>;
  const url = str(src.url);
  const also = str(src.also);
  const read = str(src.read);
  // A clause without a source is never verified, whatever it says.
  let verified = p.verified === true;
  if (!url) {
    report(entryOf(item, 'source')?.keyRange ?? item.range, {
      zh: `条款 ${ref} 没有 source.url（原文出处），按未核实处理。`,
      en: `Clause ${ref} has no source.url (where its text was found); treated as unverified.`,
    });
    verified = false;
  }
  const text = str(p.text) ?? '';
  if (verified && text === '') {
    report(entryOf(item, 'text')?.keyRange ?? item.range, {
      zh: `条款 ${ref} 标为已核实但没有原文 text，按未核实处理。`,
      en: `Clause ${ref} is marked verified but quotes no text; treated as unverified.`,
    });
    verified = false;
  }
  const applies = (p.appliesTo ?? {}) as Record<string, unknown>;
  const institutions = institutionList(applies.institutions);
  const profiles = Array.isArray(applies.profiles)
    ? applies.profiles.map(profileOf).filter((x): x is InstitutionProfile => !!x)
    : undefined;
  const mlps = Array.isArray(applies.mlps) ? applies.mlps.filter((n): n is number => typeof n === 'number') : undefined;
  const ceilingPlain = (p.ceiling ?? undefined) as Record<string, unknown> | undefined;
  const rtoSeconds = duration(ceilingPlain?.rto);
  const rpoSeconds = duration(ceilingPlain?.rpo);
  const requires = (CLAUSE_REQUIREMENTS as readonly unknown[]).includes(p.requires) ? (p.requires as ClauseRequirement) : undefined;
  const requiresWhen = Array.isArray(p.requiresWhen)
    ? p.requiresWhen.map(profileOf).filter((x): x is InstitutionProfile => !!x)
    : undefined;
  const drLevels = Array.isArray(p.drLevels) ? p.drLevels.map(drLevelRequirementOf).filter((x): x is DrLevelRequirement => !!x) : [];
  const drLevelFloor = Array.isArray(p.drLevelFloor) ? p.drLevelFloor.map(drLevelFloorOf).filter((x): x is DrLevelFloor => !!x) : [];
  const summary = localized(p.summary) ?? { zh: '', en: '' };
  const note = localized(p.note);
  return {
    ref,
    docId,
    article,
    text,
    summary,
    appliesTo: {
      ...(institutions ? { institutions } : {}),
      ...(applies.important === true ? { important: true } : {}),
      ...(applies.drLevel === true ? { drLevel: true } : {}),
      ...(mlps ? { mlps } : {}),
      ...(profiles && profiles.length > 0 ? { profiles } : {}),
    },
    grounds: Array.isArray(p.grounds) ? p.grounds.map(str).filter((g): g is string => !!g) : [],
    source: { ...(url ? { url } : {}), ...(also ? { also } : {}), ...(read ? { read } : {}) },
    verified,
    ...(note ? { note } : {}),
    ...(rtoSeconds !== undefined || rpoSeconds !== undefined
      ? { ceiling: { ...(rtoSeconds !== undefined ? { rtoSeconds } : {}), ...(rpoSeconds !== undefined ? { rpoSeconds } : {}) } }
      : {}),
    ...(requires ? { requires } : {}),
    ...(requiresWhen && requiresWhen.length > 0 ? { requiresWhen } : {}),
    ...(drLevels.length > 0 ? { drLevels } : {}),
    ...(drLevelFloor.length > 0 ? { drLevelFloor } : {}),
    location: { file, range: entryOf(item, 'article')?.keyRange ?? item.range },
  };
}

function institutionList(value: unknown): InstitutionType[] | undefined {
  return Array.isArray(value)
    ? value.filter((i): i is InstitutionType => (INSTITUTION_TYPES as readonly unknown[]).includes(i))
    : undefined;
}

function profileOf(value: unknown): InstitutionProfile | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const institutions = institutionList(v.institutions);
  return {
    ...(institutions ? { institutions } : {}),
    ...(typeof v.minTotalAssets === 'number' ? { minTotalAssets: v.minTotalAssets } : {}),
    ...(typeof v.crossProvince === 'boolean' ? { crossProvince: v.crossProvince } : {}),
  };
}

const isDrLevel = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 6;

function drLevelRequirementOf(value: unknown): DrLevelRequirement | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const name = localized(v.name);
  if (!isDrLevel(v.level) || !(DR_LEVEL_ELEMENTS as readonly unknown[]).includes(v.element) || !name) return undefined;
  return { level: v.level, element: v.element as DrLevelElement, name };
}

function drLevelFloorOf(value: unknown): DrLevelFloor | undefined {
  const profile = profileOf(value);
  const level = (value as Record<string, unknown> | undefined)?.level;
  return profile && isDrLevel(level) ? { ...profile, level } : undefined;
}

/* ------------------------------------------------------------------------ */
/* Queries                                                                   */
/* ------------------------------------------------------------------------ */

/** Whether a clause may ground a check at all: verified, with its text quoted. */
export const actionable = (clause: RegulationClause | undefined): clause is RegulationClause =>
  !!clause && clause.verified && clause.text !== '';

/** Whether a clause's institution scope covers this institution (no scope: every institution; no type: unknown, so no). */
export function coversInstitution(clause: RegulationClause, type: string | undefined): boolean {
  const scope = clause.appliesTo.institutions;
  if (!scope) return true;
  return type !== undefined && (scope as readonly string[]).includes(type);
}

/** What a proposal states of its institution, as a clause's profiles read it. */
export interface InstitutionFacts {
  type?: string;
  totalAssets?: number;
  crossProvince?: boolean;
}

export function institutionFacts(model: ProposalModel): InstitutionFacts {
  const i = model.institution;
  return {
    ...(i?.type ? { type: i.type.value } : {}),
    ...(i?.totalAssets ? { totalAssets: i.totalAssets.value } : {}),
    ...(i?.crossProvince ? { crossProvince: i.crossProvince.value } : {}),
  };
}

/**
 * Whether the institution falls in one of the clause's profiles (114号 第七条:
 * 1000亿 and cross-province banks, or provincial rural credit unions):
 * `yes`, `no`, or `unknown` when a condition that could make it apply is not
 * stated. A clause without profiles: its institution scope alone decides.
 */
export function profileMatch(clause: RegulationClause, facts: InstitutionFacts): 'yes' | 'no' | 'unknown' {
  const profiles = clause.appliesTo.profiles;
  if (!profiles)
    return facts.type === undefined && clause.appliesTo.institutions ? 'unknown' : coversInstitution(clause, facts.type) ? 'yes' : 'no';
  return anyProfileMatch(profiles, facts);
}

/** Whether the institution falls in one of these profiles: `unknown` when an unstated fact could make one match. */
export function anyProfileMatch(profiles: readonly InstitutionProfile[], facts: InstitutionFacts): 'yes' | 'no' | 'unknown' {
  let unknown = false;
  for (const p of profiles) {
    const checks: (boolean | undefined)[] = [
      p.institutions ? (facts.type === undefined ? undefined : (p.institutions as readonly string[]).includes(facts.type)) : true,
      p.minTotalAssets !== undefined ? (facts.totalAssets === undefined ? undefined : facts.totalAssets >= p.minTotalAssets) : true,
      p.crossProvince !== undefined ? (facts.crossProvince === undefined ? undefined : facts.crossProvince === p.crossProvince) : true,
    ];
    if (checks.every((c) => c === true)) return 'yes';
    if (!checks.includes(false)) unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

/** Whether the clause's `requires` holds for this institution (its `requiresWhen`, else its whole scope). */
export function requirementMatch(clause: RegulationClause, facts: InstitutionFacts): 'yes' | 'no' | 'unknown' {
  return clause.requiresWhen ? anyProfileMatch(clause.requiresWhen, facts) : profileMatch(clause, facts);
}

/**
 * The DR level the clause requires of this institution's important systems: the highest floor whose profile
 * certainly matches (a 1000亿 bank matches both 114号 第七条 floors, 5 and 4), undefined when none does.
 */
export function drLevelFloorFor(clause: RegulationClause, facts: InstitutionFacts): number | undefined {
  const levels = (clause.drLevelFloor ?? []).filter((f) => anyProfileMatch([f], facts) === 'yes').map((f) => f.level);
  return levels.length > 0 ? Math.max(...levels) : undefined;
}

/** Verified clauses a check may act on: they ground `ruleId`, or carry the requirement asked for. */
export function clausesFor(
  library: RegulationLibrary | undefined,
  want: { rule: string; requires?: ClauseRequirement; ceiling?: boolean },
): RegulationClause[] {
  if (!library) return [];
  return [...library.clauses.values()].filter(
    (c) =>
      actionable(c) &&
      c.grounds.includes(want.rule) &&
      (want.requires === undefined || c.requires === want.requires) &&
      (!want.ceiling || c.ceiling !== undefined),
  );
}

/** The document a clause belongs to. */
export function documentOf(library: RegulationLibrary, clause: RegulationClause): RegulationDocument | undefined {
  return library.documents.get(clause.docId);
}

/** "《商业银行数据中心监管指引》（银监发〔2010〕114号）第三条（四）" / "… (银监发〔2010〕114号), 第三条（四）". */
export function clauseTitle(library: RegulationLibrary, clause: RegulationClause): Localized {
  const doc = documentOf(library, clause);
  if (!doc) return { zh: clause.ref, en: clause.ref };
  return {
    zh: `《${doc.title.zh}》（${doc.number}）${clause.article}`,
    en: `${doc.title.en} (${doc.number}), ${articleInEnglish(clause.article)}`,
  };
}

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十五 → 25, 一百零三 → 103, 十 → 10 (up to 999); undefined for anything else. */
function hanNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in HAN_DIGITS) digit = HAN_DIGITS[ch];
    else if (ch === '十' || ch === '百') {
      total += (digit ?? 1) * (ch === '十' ? 10 : 100);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const ARTICLE_UNITS: Record<string, string> = { 条: 'Article', 级: 'level', 章: 'Chapter', 节: 'Section' };

/** How an English sentence names an article: 第二十五条 → Article 25, 第三条（四）→ Article 3 (4), 第三级 → level 3; others as written. */
export function articleInEnglish(article: string): string {
  const annex = /^附录([A-Z])(.*)$/.exec(article);
  if (annex) return `Annex ${annex[1]}${annex[2]}`;
  const m = /^第([〇零一二三四五六七八九十百]+)([条级章节])((?:（[〇零一二三四五六七八九十百]+）)*)$/.exec(article);
  const n = m ? hanNumber(m[1]!) : undefined;
  if (!m || n === undefined) return article;
  const items = [...m[3]!.matchAll(/（([^）]+)）/g)].map((x) => hanNumber(x[1]!));
  if (items.some((x) => x === undefined)) return article;
  return [`${ARTICLE_UNITS[m[2]!]} ${n}`, ...items.map((x) => `(${x})`)].join(' ');
}

/**
 * The documents a phrase names: its number (银监发〔2010〕114号, 104号,
 * GB/T 20988), title or an alias (等保三级). Longest match wins per document.
 */
export function documentsNamedIn(library: RegulationLibrary, text: string): { doc: RegulationDocument; name: string; start: number }[] {
  const norm = normalizeName(text);
  const out: { doc: RegulationDocument; name: string; start: number }[] = [];
  for (const doc of library.documents.values()) {
    const names = [doc.number, doc.title.zh, ...doc.aliases].filter((n) => n.length >= 3);
    let best: { name: string; start: number } | undefined;
    for (const name of names) {
      const start = norm.indexOf(normalizeName(name));
      if (start >= 0 && (!best || name.length > best.name.length)) best = { name, start };
    }
    if (best) out.push({ doc, ...best });
  }
  return out;
}

/** 〔〕 and [] and full-width spaces written any way compare equal; case and spaces are ignored. */
function normalizeName(text: string): string {
  return text
    .replace(/[〔［[]/g, '[')
    .replace(/[〕］\]]/g, ']')
    .replace(/\s+/g, '')
    .toLowerCase();
}
