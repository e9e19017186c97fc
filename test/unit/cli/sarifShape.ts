/**
 * A structural check of the parts of SARIF 2.1.0 Casebook writes: required
 * properties, types, enums, 1-based regions, rule references — and no
 * property the schema does not define (its objects are closed), so a typo
 * in a property name is caught. Offline: no schema fetch.
 */
type Json = unknown;

interface Shape {
  required?: string[];
  /** Property name → check. Properties not listed are errors. */
  props: Record<string, Check>;
}
type Check = (value: Json, at: string, errors: string[]) => void;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(shape: Shape): Check {
  return (value, at, errors) => {
    if (!isObject(value)) return void errors.push(`${at}: expected an object`);
    for (const key of shape.required ?? []) if (!(key in value)) errors.push(`${at}: missing required "${key}"`);
    for (const [key, v] of Object.entries(value)) {
      const check = shape.props[key];
      if (!check) errors.push(`${at}: property "${key}" is not defined by SARIF 2.1.0 here`);
      else check(v, `${at}.${key}`, errors);
    }
  };
}
const string: Check = (v, at, errors) => void (typeof v !== 'string' && errors.push(`${at}: expected a string`));
const uri: Check = (v, at, errors) => {
  if (typeof v !== 'string' || v === '') return void errors.push(`${at}: expected a URI string`);
  if (/\s/.test(v)) errors.push(`${at}: a URI cannot contain whitespace: ${v}`);
};
const absoluteUri: Check = (v, at, errors) => {
  uri(v, at, errors);
  if (typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(v)) errors.push(`${at}: expected an absolute URI: ${v}`);
};
const oneOf =
  (...values: string[]): Check =>
  (v, at, errors) =>
    void (!values.includes(v as string) && errors.push(`${at}: expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`));
const integer =
  (min: number): Check =>
  (v, at, errors) =>
    void (
      (typeof v !== 'number' || !Number.isInteger(v) || v < min) &&
      errors.push(`${at}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`)
    );
const arrayOf =
  (item: Check): Check =>
  (v, at, errors) => {
    if (!Array.isArray(v)) return void errors.push(`${at}: expected an array`);
    v.forEach((x, i) => item(x, `${at}[${i}]`, errors));
  };
const bag: Check = (v, at, errors) => void (!isObject(v) && errors.push(`${at}: expected a property bag (object)`));

const message = object({ props: { text: string, markdown: string, id: string, arguments: arrayOf(string) } });
const multiformat = object({ required: ['text'], props: { text: string, markdown: string } });
const level = oneOf('none', 'note', 'warning', 'error');

const reportingDescriptor = object({
  required: ['id'],
  props: {
    id: string,
    name: string,
    shortDescription: multiformat,
    fullDescription: multiformat,
    help: multiformat,
    helpUri: absoluteUri,
    defaultConfiguration: object({
      props: {
        level,
        enabled: (v, at, e) => void (typeof v !== 'boolean' && e.push(`${at}: expected a boolean`)),
        rank: integer(-1),
        parameters: bag,
      },
    }),
    properties: bag,
  },
});

const region = object({
  props: {
    startLine: integer(1),
    startColumn: integer(1),
    endLine: integer(1),
    endColumn: integer(1),
    charOffset: integer(0),
    charLength: integer(0),
  },
});
const artifactLocation = object({ props: { uri, uriBaseId: string, index: integer(-1), description: message } });
const location = object({ props: { physicalLocation: object({ props: { artifactLocation, region } }), message } });
const suppression = object({
  required: ['kind'],
  props: { kind: oneOf('inSource', 'external'), status: oneOf('accepted', 'underReview', 'rejected'), justification: string, guid: string },
});

const result = object({
  required: ['message'],
  props: {
    ruleId: string,
    ruleIndex: integer(-1),
    level,
    kind: oneOf('notApplicable', 'pass', 'fail', 'review', 'open', 'informational'),
    message,
    locations: arrayOf(location),
    suppressions: arrayOf(suppression),
    properties: bag,
    partialFingerprints: bag,
  },
});

const run = object({
  required: ['tool'],
  props: {
    tool: object({
      required: ['driver'],
      props: {
        driver: object({
          required: ['name'],
          props: {
            name: string,
            version: string,
            semanticVersion: string,
            informationUri: absoluteUri,
            language: string,
            rules: arrayOf(reportingDescriptor),
            properties: bag,
          },
        }),
      },
    }),
    originalUriBaseIds: (v, at, errors) => {
      if (!isObject(v)) return void errors.push(`${at}: expected an object`);
      for (const [k, base] of Object.entries(v))
        object({ props: { uri: absoluteUri, uriBaseId: string, description: message } })(base, `${at}.${k}`, errors);
    },
    columnKind: oneOf('utf16CodeUnits', 'unicodeCodePoints'),
    results: arrayOf(result),
    properties: bag,
  },
});

const sarifLog = object({
  required: ['version', 'runs'],
  props: { $schema: absoluteUri, version: oneOf('2.1.0'), runs: arrayOf(run), properties: bag },
});

/** Every structural error in a SARIF log, with where; empty when it conforms. */
export function sarifErrors(log: Json): string[] {
  const errors: string[] = [];
  sarifLog(log, '$', errors);
  if (errors.length > 0) return errors;
  // Cross-references the schema cannot express: ruleIndex points at the rule named by ruleId; regions do not end before they start.
  const runs = (log as { runs: { tool: { driver: { rules?: { id: string }[] } }; results?: Record<string, Json>[] }[] }).runs;
  runs.forEach((r, ri) => {
    const rules = r.tool.driver.rules ?? [];
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      if (ids.has(rule.id)) errors.push(`$.runs[${ri}].tool.driver.rules[${i}]: duplicate rule id ${rule.id}`);
      ids.add(rule.id);
    });
    (r.results ?? []).forEach((res, i) => {
      const at = `$.runs[${ri}].results[${i}]`;
      if (typeof res.ruleIndex === 'number' && rules[res.ruleIndex]?.id !== res.ruleId)
        errors.push(`${at}: ruleIndex ${res.ruleIndex} does not point at ${String(res.ruleId)}`);
      for (const loc of (res.locations as { physicalLocation?: { region?: Record<string, number> } }[] | undefined) ?? []) {
        const g = loc.physicalLocation?.region;
        if (g && (g.endLine! < g.startLine! || (g.endLine === g.startLine && g.endColumn! < g.startColumn!)))
          errors.push(`${at}: region ends before it starts`);
      }
    });
  });
  return errors;
}
