/**
 * Parsers for the three kinds of library file: a case, a pattern, the product
 * catalogue. Pure: text in, records with source locations out. Cross-file
 * checks (does this pattern exist?) happen in build.ts, from the references
 * each parser hands back.
 */
import type { Localized } from '../locale';
import { INDUSTRIES, type Industry } from '../model';
import type {
  CasePatternEvidence,
  CaseRecord,
  EvidenceKind,
  LibraryProblem,
  OutcomeFigure,
  PatternRecord,
  ProductRecord,
  SourceLocation,
} from '../types';
import { EVIDENCE_KINDS } from '../types';
import { parseYamlTree, type YamlTree } from '../yamlTree';
import type { YMap, YNode } from '../yamlNodes';
import { FieldReader, type Read } from './fields';
import { messages, WHAT } from './messages';

const CASE_FIELDS = [
  'id',
  'customer',
  'aliases',
  'industry',
  'year',
  'title',
  'challenge',
  'solution',
  'products',
  'outcomes',
  'patterns',
  'topology',
  'illustrative',
] as const;
const OUTCOME_FIELDS = ['id', 'metric', 'value', 'phrase', 'kind', 'source', 'before', 'after'] as const;
const EVIDENCE_FIELDS = ['pattern', 'evidence', 'kind', 'source'] as const;
const PATTERN_FIELDS = ['id', 'name', 'aliases', 'summary', 'whenToApply', 'cost', 'cases'] as const;
const PRODUCT_FIELDS = ['id', 'name', 'zhName', 'aliases', 'description'] as const;

/** An id one library record cites, checked once every file is parsed. */
export interface LibraryReference {
  kind: 'pattern' | 'product' | 'case';
  id: string;
  /** The id of the record that cites it. */
  from: string;
  location: SourceLocation;
}

export interface Parsed<T> {
  /** Undefined when the file could not be read as a record (YAML errors, no id). */
  value?: T;
  problems: LibraryProblem[];
  references: LibraryReference[];
}

export interface ParsedCase extends Parsed<CaseRecord> {
  /** Where the case's own id is written (duplicate ids are reported there). */
  idLocation?: SourceLocation;
  /** The `topology:` path as written, resolved by build.ts against the file list. */
  topologyRef?: { path: string; location: SourceLocation };
}

export interface ParsedPattern extends Parsed<PatternRecord> {
  idLocation?: SourceLocation;
}

export interface ParsedProducts extends Parsed<ProductRecord[]> {
  idLocations: Map<string, SourceLocation>;
}

/** Parses the YAML; the root mapping is undefined when the file cannot be read (problems recorded). */
function open(text: string, file: string, what: Localized): { reader: FieldReader; root: YMap | undefined } {
  const tree = parseYamlTree(text.replace(/^\uFEFF/, ''));
  const reader = new FieldReader(file, tree.lineIndex);
  return { reader, root: rootOf(tree, reader, what) };
}

function rootOf(tree: YamlTree, reader: FieldReader, what: Localized): YMap | undefined {
  if (tree.problems.length > 0) {
    // A file with syntax errors is not loaded at all: half-read data would mislead rules.
    for (const p of tree.problems) {
      reader.report(p.range, { zh: `${p.message.zh}（本文件未加载）`, en: `${p.message.en} (this file was not loaded)` });
    }
    return undefined;
  }
  if (!tree.root) {
    reader.report({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, messages.emptyFile(what));
    return undefined;
  }
  if (tree.root.kind !== 'map') {
    reader.report(reader.firstLine(tree.root), {
      zh: `${what.zh}文件的顶层应为映射（key: value）。`,
      en: `The top level of a ${what.en} file should be a mapping (key: value).`,
    });
    return undefined;
  }
  return tree.root;
}

function maps(items: YNode[], key: string, reader: FieldReader): YMap[] {
  return items.filter((item): item is YMap => {
    if (item.kind === 'map') return true;
    reader.report(item.range, messages.wrongType(key, 'map'));
    return false;
  });
}

/** Plain strings: 中华保险 / 中华财险, 2R3DC, … */
function aliasesOf(map: YMap, reader: FieldReader): string[] {
  return [...new Set(reader.textList(map, 'aliases').map((a) => a.value))];
}

/** Ids cited in a list, each once; a repeat is reported where it is written. */
function uniqueIds(items: Read<string>[], what: Localized, reader: FieldReader): Read<string>[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.value)) return (seen.add(item.value), true);
    reader.report(item.node.range, messages.duplicateInFile(what, item.value));
    return false;
  });
}

const EMPTY: Localized = { zh: '', en: '' };

/** `kind:` and `source:` of an outcome or evidence item: what kind of claim, and the seed sentence it rests on. */
function provenanceOf(item: YMap, reader: FieldReader): { kind?: EvidenceKind; seedSentence?: string } {
  const out: { kind?: EvidenceKind; seedSentence?: string } = {};
  const kind = reader.text(item, 'kind');
  if (kind) {
    if ((EVIDENCE_KINDS as readonly string[]).includes(kind.value)) out.kind = kind.value as EvidenceKind;
    else reader.report(kind.node.range, messages.badKind(kind.value, EVIDENCE_KINDS));
  }
  const sentence = reader.text(item, 'source');
  if (sentence) out.seedSentence = sentence.value;
  return out;
}

/** One customer case: `cases/<id>.yaml`. */
export function parseCaseFile(text: string, file: string, builtIn: boolean): ParsedCase {
  const { reader, root } = open(text, file, WHAT.case);
  if (!root) return { problems: reader.problems, references: [] };
  reader.checkKeys(root, CASE_FIELDS);

  const id = reader.id(root, 'id', true);
  const customer = reader.localized(root, 'customer');
  const industryText = reader.text(root, 'industry', true);
  let industry: Industry = 'other';
  if (industryText) {
    if ((INDUSTRIES as readonly string[]).includes(industryText.value)) industry = industryText.value as Industry;
    else reader.report(industryText.node.range, messages.badIndustry(industryText.value, INDUSTRIES));
  }
  const yearRead = reader.number(root, 'year', 'year');
  let year: number | undefined;
  if (yearRead) {
    if (Number.isInteger(yearRead.value) && yearRead.value >= 1900 && yearRead.value <= 2100) year = yearRead.value;
    else reader.report(yearRead.node.range, messages.wrongType('year', 'year'));
  }
  const title = reader.localized(root, 'title');
  const challenge = reader.localized(root, 'challenge');
  const solution = reader.localized(root, 'solution');
  const caseId = id?.value ?? '';
  const references: LibraryReference[] = [];

  const products = uniqueIds(reader.idList(root, 'products'), WHAT.product, reader);
  for (const p of products) references.push({ kind: 'product', id: p.value, from: caseId, location: reader.at(p.node) });

  const outcomes: OutcomeFigure[] = [];
  for (const item of maps(reader.list(root, 'outcomes'), 'outcomes', reader)) {
    reader.checkKeys(item, OUTCOME_FIELDS);
    const outcomeId = reader.id(item, 'id', true);
    const metric = reader.localized(item, 'metric');
    const value = reader.localized(item, 'value');
    const phrase = reader.localized(item, 'phrase', false);
    const provenance = provenanceOf(item, reader);
    const before = reader.quantity(item, 'before');
    const after = reader.quantity(item, 'after');
    if (!outcomeId || !metric || !value) continue;
    if (outcomes.some((o) => o.id === outcomeId.value)) {
      reader.report(outcomeId.node.range, messages.duplicateOutcome(outcomeId.value));
      continue;
    }
    outcomes.push({
      id: outcomeId.value,
      metric: metric.value,
      value: value.value,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(phrase ? { phrase: phrase.value } : {}),
      ...provenance,
      source: reader.at(outcomeId.node),
    });
  }

  const patterns: CasePatternEvidence[] = [];
  for (const item of maps(reader.list(root, 'patterns'), 'patterns', reader)) {
    reader.checkKeys(item, EVIDENCE_FIELDS);
    const pattern = reader.id(item, 'pattern', true);
    const evidence = reader.localized(item, 'evidence');
    const provenance = provenanceOf(item, reader);
    if (!pattern) continue;
    if (patterns.some((p) => p.pattern === pattern.value)) {
      reader.report(pattern.node.range, messages.duplicateInFile(WHAT.pattern, pattern.value));
      continue;
    }
    references.push({ kind: 'pattern', id: pattern.value, from: caseId, location: reader.at(pattern.node) });
    // Without evidence the pattern is still cited, pointing at the pattern id (the problem is reported).
    patterns.push({
      pattern: pattern.value,
      evidence: evidence?.value ?? EMPTY,
      ...provenance,
      source: reader.at(evidence?.node ?? pattern.node),
    });
  }

  const topology = reader.text(root, 'topology');
  const illustrative = reader.localized(root, 'illustrative', false);
  const result: ParsedCase = { problems: reader.problems, references };
  if (topology) result.topologyRef = { path: topology.value, location: reader.at(topology.node) };
  if (!id) return result;
  result.idLocation = reader.at(id.node);
  const record: CaseRecord = {
    id: id.value,
    builtIn,
    file,
    customer: customer?.value ?? { zh: id.value, en: id.value },
    aliases: aliasesOf(root, reader),
    industry,
    title: title?.value ?? customer?.value ?? { zh: id.value, en: id.value },
    challenge: challenge?.value ?? EMPTY,
    solution: solution?.value ?? EMPTY,
    products: products.map((p) => p.value),
    outcomes,
    patterns,
    source: reader.at(customer?.node ?? id.node),
  };
  if (year !== undefined) record.year = year;
  if (illustrative) record.illustrative = illustrative.value;
  result.value = record;
  return result;
}

/** One architecture pattern: `patterns/<id>.yaml`. */
export function parsePatternFile(text: string, file: string, builtIn: boolean): ParsedPattern {
  const { reader, root } = open(text, file, WHAT.pattern);
  if (!root) return { problems: reader.problems, references: [] };
  reader.checkKeys(root, PATTERN_FIELDS);
  const id = reader.id(root, 'id', true);
  const name = reader.localized(root, 'name');
  const summary = reader.localized(root, 'summary');
  const whenToApply = reader.localized(root, 'whenToApply');
  const cost = reader.localized(root, 'cost');
  const aliases = aliasesOf(root, reader);
  const cases = uniqueIds(reader.idList(root, 'cases'), WHAT.case, reader);
  const patternId = id?.value ?? '';
  const references: LibraryReference[] = cases.map((c) => ({ kind: 'case', id: c.value, from: patternId, location: reader.at(c.node) }));
  if (!id) return { problems: reader.problems, references };
  return {
    value: {
      id: id.value,
      builtIn,
      file,
      name: name?.value ?? { zh: id.value, en: id.value },
      aliases,
      summary: summary?.value ?? EMPTY,
      whenToApply: whenToApply?.value ?? EMPTY,
      cost: cost?.value ?? EMPTY,
      cases: cases.map((c) => c.value),
      source: reader.at(name?.node ?? id.node),
    },
    problems: reader.problems,
    references,
    idLocation: reader.at(id.node),
  };
}

/** The product catalogue: `products.yaml` with a `products:` list. */
export function parseProductsFile(text: string, file: string): ParsedProducts {
  const idLocations = new Map<string, SourceLocation>();
  const { reader, root } = open(text, file, WHAT.product);
  if (!root) return { problems: reader.problems, references: [], idLocations };
  reader.checkKeys(root, ['products']);
  const products: ProductRecord[] = [];
  for (const item of maps(reader.list(root, 'products', true), 'products', reader)) {
    reader.checkKeys(item, PRODUCT_FIELDS);
    const id = reader.id(item, 'id', true);
    const name = reader.text(item, 'name', true);
    const zhName = reader.text(item, 'zhName');
    const description = reader.localized(item, 'description');
    const aliases = aliasesOf(item, reader);
    if (!id) continue;
    if (idLocations.has(id.value)) {
      reader.report(id.node.range, messages.duplicateInFile(WHAT.product, id.value));
      continue;
    }
    idLocations.set(id.value, reader.at(id.node));
    products.push({
      id: id.value,
      name: name?.value ?? id.value,
      ...(zhName ? { zhName: zhName.value } : {}),
      aliases,
      description: description?.value ?? EMPTY,
      source: reader.at(name?.node ?? id.node),
    });
  }
  return { value: products, problems: reader.problems, references: [], idLocations };
}
