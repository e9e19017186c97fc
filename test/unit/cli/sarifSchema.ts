/**
 * SARIF 2.1.0 conformance: the official JSON Schema (vendored in
 * test/fixtures/sarif/, draft-04) compiled by ajv, offline, plus the
 * cross-references the schema cannot express (a result's ruleIndex points at
 * the rule its ruleId names, rule ids are unique, regions do not end before
 * they start). The schema's objects are closed, so a misspelt property fails.
 */
import Ajv from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';

export const SARIF_SCHEMA_FILE = path.resolve(__dirname, '../../fixtures/sarif/sarif-2.1.0-rtm.5.json');

/** RFC 3339 date-time, as JSON Schema's `date-time` format means it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const absoluteUri = (v: string): boolean => !/\s/.test(v) && /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v);
const uriReference = (v: string): boolean => !/\s/.test(v) && URL.canParse(v, 'file:///');

let validate: ((log: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: unknown }[] | null };

function validator(): typeof validate {
  if (!validate) {
    // The three formats the schema uses, checked here rather than ignored (ajv-formats is not a dependency).
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      // The schema's `language` pattern (`…-[a-zA-Z]{2}]?$`) has a stray `]`, an error only under the `u` flag.
      unicodeRegExp: false,
      formats: { uri: absoluteUri, 'uri-reference': uriReference, 'date-time': (v: string) => DATE_TIME.test(v) && !isNaN(Date.parse(v)) },
    });
    validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as object);
  }
  return validate;
}

/** Every way a log breaks SARIF 2.1.0, each with where (a JSON pointer); empty when it conforms. */
export function sarifErrors(log: unknown): string[] {
  const check = validator();
  if (!check(log))
    return (check.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
  const errors: string[] = [];
  (log as Sarif.Log).runs.forEach((run, ri) => {
    const rules = run.tool.driver.rules ?? [];
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      if (ids.has(rule.id)) errors.push(`/runs/${ri}/tool/driver/rules/${i}: duplicate rule id ${rule.id}`);
      ids.add(rule.id);
    });
    (run.results ?? []).forEach((result, i) => {
      const at = `/runs/${ri}/results/${i}`;
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId)
        errors.push(`${at}: ruleIndex ${result.ruleIndex} does not point at ${String(result.ruleId)}`);
      for (const location of result.locations ?? []) {
        const r = location.physicalLocation?.region;
        if (!r || r.startLine === undefined || r.endLine === undefined) continue;
        if (r.endLine < r.startLine || (r.endLine === r.startLine && (r.endColumn ?? 0) < (r.startColumn ?? 0)))
          errors.push(`${at}: region ends before it starts`);
      }
    });
  });
  return errors;
}
