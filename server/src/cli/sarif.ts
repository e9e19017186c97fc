/**
 * `casebook check --format sarif`: SARIF 2.1.0 for code-scanning services.
 * One run; the driver lists every rule with its description and the patterns
 * and customer cases behind it; waived findings carry an in-source
 * suppression with the waiver's reason as justification.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ALL_RULES } from '../service/analyze';
import { customerName } from '../service/library/figures';
import { listOf, pick, type Locale } from '../service/locale';
import { clauseTitle } from '../service/regulations';
import type { CaseLibrary, Finding, RuleMeta, Severity } from '../service/types';
import { FILE_RULES } from '../node/files';
import { homepage, ruleHelpUri, version } from './about';
import type { CheckReport } from './checkFile';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** The levels Casebook writes (never `none`). */
type SarifLevel = Exclude<Sarif.Result.level, 'none'>;
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/*
 * The official SARIF types (@types/sarif), narrowed to what Casebook always
 * writes, so a consumer (and the tests) can rely on it.
 */

export interface SarifRule extends Sarif.ReportingDescriptor {
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  /** `regulations`: the clauses the rule rests on (`<doc-id>#<article>`, issue 11). */
  properties: Sarif.PropertyBag & { family: string; patterns: string[]; cases: string[]; regulations: string[] };
}

type ArtifactLocation = Sarif.ArtifactLocation & { uri: string };

export interface SarifResult extends Sarif.Result {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: ArtifactLocation;
      region: Required<Pick<Sarif.Region, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>>;
    };
  }[];
  suppressions?: (Sarif.Suppression & { kind: 'inSource'; status: 'accepted'; justification: string })[];
  properties: Sarif.PropertyBag & { path: (string | number)[]; patterns: string[]; cases: string[]; regulations: string[] };
}

export interface SarifDriver extends Sarif.ToolComponent {
  version: string;
  semanticVersion: string;
  informationUri: string;
  language: string;
  rules: SarifRule[];
}

export interface SarifRun extends Sarif.Run {
  tool: { driver: SarifDriver };
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifLog extends Sarif.Log {
  $schema: string;
  runs: SarifRun[];
}

function toSarif(report: CheckReport, locale: Locale, cwd: string, library?: CaseLibrary): SarifLog {
  const lib = library ?? report.files[0]?.library;
  const metas: RuleMeta[] = [...ALL_RULES, ...FILE_RULES];
  const rules = metas.map((meta) => describeRule(meta, locale, lib));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = [];
  for (const file of report.files) {
    const artifactLocation = artifact(file.absolute, cwd);
    for (const finding of file.findings) {
      let ruleIndex = index.get(finding.rule);
      if (ruleIndex === undefined) {
        // A finding from a rule with no metadata still needs a driver entry to point at.
        ruleIndex = rules.push(describeRule(bareMeta(finding), locale, lib)) - 1;
        index.set(finding.rule, ruleIndex);
      }
      results.push(toResult(finding, ruleIndex, artifactLocation));
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'Casebook', version: version(), semanticVersion: version(), informationUri: homepage(), language: locale, rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: CheckReport, locale: Locale, cwd: string): string {
  return JSON.stringify(toSarif(report, locale, cwd), null, 2) + '\n';
}

function toResult(finding: Finding, ruleIndex: number, artifactLocation: ArtifactLocation): SarifResult {
  const { start, end } = finding.range;
  const result: SarifResult = {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          // SARIF lines and columns are 1-based; endColumn is the column just past the region.
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
    properties: {
      path: [...finding.path],
      patterns: [...finding.patterns],
      cases: [...finding.cases],
      regulations: [...finding.regulations],
    },
  };
  if (finding.suppressed) {
    const s = finding.suppression;
    const who = [s?.owner ? `owner: ${s.owner}` : '', s?.until ? `until ${s.until}` : ''].filter(Boolean).join(', ');
    result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: `${s?.reason ?? ''}${who ? ` (${who})` : ''}` }];
  }
  return result;
}

/** Relative to the working directory (percent-encoded, `/`) when inside it, else an absolute file URI. */
function artifact(absolute: string, cwd: string): ArtifactLocation {
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function bareMeta(finding: Finding): RuleMeta {
  return {
    id: finding.rule,
    family: 'other',
    defaultSeverity: finding.severity,
    title: { zh: finding.rule, en: finding.rule },
    description: { zh: finding.rule, en: finding.rule },
    patterns: finding.patterns,
    cases: finding.cases,
    regulations: finding.regulations,
  };
}

function describeRule(meta: RuleMeta, locale: Locale, library: CaseLibrary | undefined): SarifRule {
  const title = pick(meta.title, locale);
  const description = pick(meta.description, locale);
  const zh = locale === 'zh-CN';
  const patternNames = meta.patterns.map((id) => {
    const name = library?.patterns.get(id)?.name;
    return name ? `${pick(name, locale)} (${id})` : id;
  });
  const caseNames = meta.cases.map((id) => (library ? pick(customerName(library, id), locale) : id));
  const textLines = [description];
  const mdLines = [`**${title}**`, '', description];
  if (patternNames.length) {
    textLines.push(`${zh ? '推荐模式：' : 'Patterns: '}${listOf(patternNames, locale)}`);
    mdLines.push(
      '',
      `${zh ? '**推荐模式：**' : '**Patterns:**'} ${listOf(
        patternNames.map((n) => `\`${n}\``),
        locale,
      )}`,
    );
  }
  if (caseNames.length) {
    textLines.push(`${zh ? '参考案例：' : 'Cases: '}${listOf(caseNames, locale)}`);
    mdLines.push('', `${zh ? '**参考案例：**' : '**Cases:**'} ${listOf(caseNames, locale)}`);
  }
  const clauses = regulationNames(meta.regulations ?? [], locale, library);
  if (clauses.length) {
    textLines.push(`${zh ? '依据条款：' : 'Regulations: '}${clauses.map((c) => c.text).join(zh ? '；' : '; ')}`);
    mdLines.push('', zh ? '**依据条款：**' : '**Regulations:**', '', ...clauses.map((c) => `- ${c.markdown}`));
  }
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: { text: textLines.join('\n'), markdown: mdLines.join('\n') },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { family: meta.family, patterns: [...meta.patterns], cases: [...meta.cases], regulations: [...(meta.regulations ?? [])] },
  };
}

/** Each clause a rule cites, named, with its text, or what is unverified about it. */
function regulationNames(refs: readonly string[], locale: Locale, library: CaseLibrary | undefined): { text: string; markdown: string }[] {
  const zh = locale === 'zh-CN';
  return refs.map((ref) => {
    const regs = library?.regulations;
    const clause = regs?.clauses.get(ref);
    if (!regs || !clause) return { text: ref, markdown: `\`${ref}\`` };
    const name = pick(clauseTitle(regs, clause), locale);
    const body = clause.verified
      ? `“${clause.text}”`
      : `${zh ? '未核实' : 'unverified'}${clause.note ? `: ${pick(clause.note, locale)}` : ''}`;
    return { text: `${name} ${body}`, markdown: `${name} (\`${ref}\`): ${body}` };
  });
}

/** SARIF `name` is an identifier-like string: tier1-two-regions → Tier1TwoRegions. */
function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
