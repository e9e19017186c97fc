/**
 * Builds one CaseLibrary from every library file (built-in and enterprise):
 * parses each, merges them, resolves reference topologies and checks every
 * cross-reference. The result is always internally consistent — a dangling
 * id is dropped and reported, never handed to the rules — and a broken file
 * costs only itself.
 */
import { suggest } from '../suggest';
import type { Localized } from '../locale';
import type { CaseLibrary, CaseRecord, LibraryProblem, PatternRecord, ProductRecord, SourceLocation } from '../types';
import { messages, WHAT } from './messages';
import { parseCaseFile, parsePatternFile, parseProductsFile, type LibraryReference, type ParsedCase, type ParsedPattern } from './parse';
import { baseNameOf, dirnameOf, normalizePath, pathKey, resolvePath } from './paths';

export type LibraryFileKind = 'case' | 'pattern' | 'products' | 'topology';

export interface LibraryFile {
  /** Absolute path: problems and source locations name it. */
  path: string;
  text: string;
  builtIn: boolean;
  /** Inferred from the path when absent (see libraryFileKind). */
  kind?: LibraryFileKind;
  /**
   * The file already parsed (a case or pattern file, from the parsed-library cache the build writes for the
   * built-in cases): what `parseLibraryFile` gives for this text. Used instead of parsing the text again.
   */
  parsed?: ParsedCase | ParsedPattern;
}

const TOPOLOGY_FILE = /\.arch\.ya?ml$/i;
const YAML_FILE = /\.ya?ml$/i;

/**
 * What a file is, from where it sits (the layout cases/README.md documents):
 * `*.arch.yaml` → reference topology, `products.yaml` → product catalogue,
 * `*.yaml` in a `patterns/` folder → pattern, any other `*.yaml` → case.
 */
export function libraryFileKind(path: string): LibraryFileKind | undefined {
  const name = baseNameOf(path);
  if (TOPOLOGY_FILE.test(name)) return 'topology';
  if (!YAML_FILE.test(name)) return undefined;
  if (/^products\.ya?ml$/i.test(name)) return 'products';
  if (baseNameOf(dirnameOf(path)) === 'patterns') return 'pattern';
  return 'case';
}

/**
 * A case or pattern file parsed on its own, before the files are merged: what the parsed-library cache holds
 * (undefined for the other kinds, which are not cached: topologies are kept as text, products are one small file).
 */
export function parseLibraryFile(file: LibraryFile): ParsedCase | ParsedPattern | undefined {
  const kind = file.kind ?? libraryFileKind(file.path);
  if (kind === 'case') return parseCaseFile(file.text, file.path, file.builtIn);
  if (kind === 'pattern') return parsePatternFile(file.text, file.path, file.builtIn);
  return undefined;
}

/** Records of one kind, keyed by id; built-in ones win and enterprise ones cannot replace them. */
class Registry<T extends { id: string; builtIn: boolean; file: string }> {
  readonly records = new Map<T['id'], T>();
  /** References of the records that were accepted (a rejected duplicate's references are not checked). */
  readonly references: LibraryReference[] = [];

  constructor(
    private readonly what: Localized,
    private readonly problems: LibraryProblem[],
  ) {}

  add(record: T, idLocation: SourceLocation, references: LibraryReference[]): boolean {
    const existing = this.records.get(record.id);
    if (existing) {
      const message =
        existing.builtIn && !record.builtIn
          ? messages.builtInOverride(this.what, record.id, existing.file)
          : messages.duplicateId(this.what, record.id, existing.file);
      this.problems.push({ file: idLocation.file, range: idLocation.range, message });
      return false;
    }
    this.records.set(record.id, record);
    this.references.push(...references);
    return true;
  }
}

export function buildLibrary(files: readonly LibraryFile[]): CaseLibrary {
  const problems: LibraryProblem[] = [];
  // Built-in files first, whatever order they came in, so that they always win an id.
  const ordered = [...files.filter((f) => f.builtIn), ...files.filter((f) => !f.builtIn)];

  const products = new Map<string, ProductRecord>();
  const productFiles = new Map<string, string>();
  const patterns = new Registry<PatternRecord>(WHAT.pattern, problems);
  const cases = new Registry<CaseRecord>(WHAT.case, problems);
  const builtInProducts = new Set<string>();
  const topologies = new Map<string, LibraryFile>();
  const topologyRefs: { record: CaseRecord; ref: NonNullable<ParsedCase['topologyRef']> }[] = [];

  for (const file of ordered) {
    const kind = file.kind ?? libraryFileKind(file.path);
    if (kind === 'topology') {
      topologies.set(pathKey(file.path), file);
    } else if (kind === 'products') {
      const parsed = parseProductsFile(file.text, file.path);
      problems.push(...parsed.problems);
      for (const product of parsed.value ?? []) {
        const location = parsed.idLocations.get(product.id)!;
        const first = productFiles.get(product.id);
        if (first !== undefined) {
          const message =
            builtInProducts.has(product.id) && !file.builtIn
              ? messages.builtInOverride(WHAT.product, product.id, first)
              : messages.duplicateId(WHAT.product, product.id, first);
          problems.push({ file: location.file, range: location.range, message });
          continue;
        }
        products.set(product.id, product);
        productFiles.set(product.id, file.path);
        if (file.builtIn) builtInProducts.add(product.id);
      }
    } else if (kind === 'pattern') {
      const parsed = (file.parsed as ParsedPattern | undefined) ?? parsePatternFile(file.text, file.path, file.builtIn);
      problems.push(...parsed.problems);
      if (parsed.value && parsed.idLocation) patterns.add(parsed.value, parsed.idLocation, parsed.references);
    } else if (kind === 'case') {
      const parsed = (file.parsed as ParsedCase | undefined) ?? parseCaseFile(file.text, file.path, file.builtIn);
      problems.push(...parsed.problems);
      if (parsed.value && parsed.idLocation && cases.add(parsed.value, parsed.idLocation, parsed.references) && parsed.topologyRef) {
        topologyRefs.push({ record: parsed.value, ref: parsed.topologyRef });
      }
    }
  }

  for (const { record, ref } of topologyRefs) {
    const report = (message: Localized) => problems.push({ file: ref.location.file, range: ref.location.range, message });
    if (!TOPOLOGY_FILE.test(ref.path)) {
      report(messages.notATopology(ref.path));
      continue;
    }
    const target = topologies.get(pathKey(resolvePath(dirnameOf(record.file), ref.path)));
    if (target) record.topology = { file: target.path, text: target.text };
    else report(messages.missingTopology(normalizePath(ref.path)));
  }

  const known = { pattern: patterns.records, product: products, case: cases.records };
  const what = { pattern: WHAT.pattern, product: WHAT.product, case: WHAT.case };
  const dangling = new Set<string>();
  for (const ref of [...cases.references, ...patterns.references]) {
    if (known[ref.kind].has(ref.id)) continue;
    dangling.add(`${ref.kind}:${ref.from}:${ref.id}`);
    const suggestion = suggest(ref.id, known[ref.kind].keys());
    problems.push({
      file: ref.location.file,
      range: ref.location.range,
      message: messages.unknownReference(what[ref.kind], ref.id, suggestion),
    });
  }
  // Dangling ids are dropped so that every id a consumer finds resolves.
  for (const record of cases.records.values()) {
    record.patterns = record.patterns.filter((p) => !dangling.has(`pattern:${record.id}:${p.pattern}`));
    record.products = record.products.filter((p) => !dangling.has(`product:${record.id}:${p}`));
  }
  for (const pattern of patterns.records.values()) pattern.cases = pattern.cases.filter((c) => !dangling.has(`case:${pattern.id}:${c}`));

  linkPatternsAndCases(cases, patterns, problems);
  return { cases: cases.records, patterns: patterns.records, products, problems };
}

/**
 * A pattern's `cases` and each case's `patterns` say the same thing from two
 * sides. Where one author wrote both sides (both built-in, or both enterprise),
 * a disagreement is a mistake and is reported; an enterprise case citing a
 * built-in pattern is simply added to the pattern's cases.
 */
function linkPatternsAndCases(cases: Registry<CaseRecord>, patterns: Registry<PatternRecord>, problems: LibraryProblem[]): void {
  const citedAt = new Map<string, SourceLocation>();
  for (const ref of cases.references) if (ref.kind === 'pattern') citedAt.set(`${ref.id}:${ref.from}`, ref.location);
  const listedAt = new Map<string, SourceLocation>();
  for (const ref of patterns.references) if (ref.kind === 'case') listedAt.set(`${ref.from}:${ref.id}`, ref.location);

  for (const pattern of patterns.records.values()) {
    for (const caseId of pattern.cases) {
      const record = cases.records.get(caseId)!;
      if (record.builtIn !== pattern.builtIn || record.patterns.some((p) => p.pattern === pattern.id)) continue;
      const at = listedAt.get(`${pattern.id}:${caseId}`)!;
      problems.push({ file: at.file, range: at.range, message: messages.caseMissesPattern(pattern.id, caseId) });
    }
  }
  for (const record of cases.records.values()) {
    for (const { pattern: patternId } of record.patterns) {
      const pattern = patterns.records.get(patternId)!;
      if (pattern.cases.includes(record.id)) continue;
      if (record.builtIn === pattern.builtIn) {
        const at = citedAt.get(`${patternId}:${record.id}`)!;
        problems.push({ file: at.file, range: at.range, message: messages.patternMissesCase(patternId, record.id) });
      }
      pattern.cases.push(record.id);
    }
  }
}
