/**
 * The schema part of validation: ajv checks the plain value of the tree against
 * schema/proposal.schema.json; each ajv error is mapped back to the node it is
 * about (a key error on the key, a value error on the value) and gets a message
 * written here in both languages.
 */
import type { ErrorObject } from 'ajv';
import type { Localized } from '../locale';
import { describeField, keysAt, type FieldInfo, type FieldType, type NumericRange } from '../schemaInfo';
import type { RawFinding, RuleFix } from '../types';
import type { YamlTree } from '../yamlTree';
import { entryOf, toPlain, type JsonPath, type YEntry, type YMap, type YNode } from '../yamlNodes';
import { headRange, removeItemEdit, replaceFix, show, textAt, writtenAt } from './located';
import { MARKER_KEY } from './document';
import { RULE } from './rules';
import { suggest } from '../suggest';
import { validateProposal } from './proposalValidator';

/** ajv keywords that only combine others: their sub-errors say what is wrong. */
const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'not', '$ref']);

export function checkSchema(tree: YamlTree): RawFinding[] {
  const root = tree.root;
  // An empty file or a file that is not a map gets one finding from the document check instead.
  if (!root || root.kind !== 'map') return [];
  if (validateProposal(toPlain(root))) return [];
  const errors = (validateProposal.errors ?? []).filter((error) => !isOtherFormError(root, error) && !isDependencyDuplicate(error));
  const typeErrorAt = new Set<string>();
  for (const error of errors) if (error.keyword === 'type') typeErrorAt.add(error.instancePath);

  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (COMBINATORS.has(error.keyword)) continue;
    const node = nodeAtInstancePath(root, error.instancePath);
    if (!node) continue;
    const field = describeField(node.path);
    const key = keyOf(error, field);
    if (seen.has(key)) continue;
    // A value of the wrong type gets one finding; its enum / range errors would only repeat it.
    if (error.keyword !== 'type' && typeErrorAt.has(error.instancePath) && !isKeyError(error) && field?.kind !== 'duration') continue;
    seen.add(key);
    const finding = toFinding(tree, error, node, field);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * A type error from the branch of another form: a `dependsOn` item written as a
 * map fails the id branch on its type, and the map branch's errors say what is
 * wrong. The value's own type is one the field takes, so this error says nothing.
 */
function isOtherFormError(root: YNode, error: ErrorObject): boolean {
  if (error.keyword !== 'type') return false;
  const node = nodeAtInstancePath(root, error.instancePath);
  const field = node && describeField(node.path);
  if (!node || !field) return false;
  const written = jsonTypeOf(node);
  return (written !== 'null' && field.types.includes(written)) || (written === 'integer' && field.types.includes('number'));
}

function jsonTypeOf(node: YNode): FieldType | 'null' {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'array';
  const { value } = node;
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

/** `dependsOn` items are compared by the id they name, in either form, by the reference checks (references.ts). */
const isDependencyDuplicate = (error: ErrorObject) => error.keyword === 'uniqueItems' && /\/dependsOn$/.test(error.instancePath);

const isKeyError = (error: ErrorObject) => error.keyword === 'additionalProperties' || error.keyword === 'required';

/** One finding per value, except key errors (one per key) and duplicate items (one per item). */
function keyOf(error: ErrorObject, field: FieldInfo | undefined): string {
  if (field?.kind === 'duration') return `duration@${error.instancePath}`;
  if (error.keyword === 'additionalProperties') return `key@${error.instancePath}/${String(error.params.additionalProperty)}`;
  if (error.keyword === 'required') return `required@${error.instancePath}/${String(error.params.missingProperty)}`;
  if (error.keyword === 'uniqueItems') return `unique@${error.instancePath}/${Math.max(Number(error.params.i), Number(error.params.j))}`;
  return `value@${error.instancePath}`;
}

function nodeAtInstancePath(root: YNode, instancePath: string): YNode | undefined {
  if (instancePath === '') return root;
  let node: YNode | undefined = root;
  for (const raw of instancePath.slice(1).split('/')) {
    if (!node) return undefined;
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.kind === 'seq') node = node.items[Number(segment)];
    else if (node.kind === 'map') node = lastEntry(node, segment)?.value;
    else return undefined;
  }
  return node;
}

/** The entry that wins in the plain value: with a duplicate key, the last. */
function lastEntry(map: YMap, key: string): YEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const entry = map.entries[i];
    if (entry?.key === key) return entry;
  }
  return undefined;
}

function toFinding(tree: YamlTree, error: ErrorObject, node: YNode, field: FieldInfo | undefined): RawFinding | undefined {
  if (field?.kind === 'duration') return durationFinding(tree, node, fieldName(node.path));
  switch (error.keyword) {
    case 'additionalProperties':
      return node.kind === 'map' ? unknownKeyFinding(tree, node, String(error.params.additionalProperty)) : undefined;
    case 'required':
      return requiredFinding(node, String(error.params.missingProperty));
    case 'type':
      return wrongTypeFinding(tree, node, field);
    case 'const':
      // The marker has its own check with its own message.
      return node.path.length === 1 && node.path[0] === MARKER_KEY ? undefined : unknownValueFinding(tree, node, field);
    case 'enum':
      return unknownValueFinding(tree, node, field);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return outOfRangeFinding(node, field);
    case 'pattern':
      return field?.kind === 'site-id' || field?.kind === 'system-id' ? invalidIdFinding(node) : undefined;
    case 'minLength':
      return emptyValueFinding(node);
    case 'uniqueItems':
      if (node.kind !== 'seq') return undefined;
      // ajv names the two equal items in either order.
      return duplicateItemFinding(
        tree,
        node,
        Math.max(Number(error.params.i), Number(error.params.j)),
        Math.min(Number(error.params.i), Number(error.params.j)),
      );
    default:
      return genericFinding(node, error.keyword);
  }
}

/* ------------------------------------------------------------------------ */
/* Describing fields and values in both languages                            */
/* ------------------------------------------------------------------------ */

/** `tier`, `sites[]` for a list item, `(file)` for the root. */
function fieldName(path: JsonPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return '(file)';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return typeof parent === 'string' ? `${parent}[]` : 'item';
  }
  return last;
}

/** What the user wrote, in words: `the text "one"`, `an empty value`. */
function describeWritten(node: YNode): Localized {
  if (node.kind === 'map') return { zh: '映射', en: 'a mapping' };
  if (node.kind === 'seq') return { zh: '列表', en: 'a list' };
  const value = node.value;
  if (value === null) return { zh: '空值', en: 'an empty value' };
  if (typeof value === 'string') return { zh: `文本 ${show(value)}`, en: `the text ${show(value)}` };
  if (typeof value === 'number') return { zh: `数字 ${value}`, en: `the number ${value}` };
  return { zh: `布尔值 ${value}`, en: `the boolean ${value}` };
}

const TYPE_WORDS: Record<FieldType, Localized> = {
  object: { zh: '映射（键: 值）', en: 'a mapping (key: value lines)' },
  array: { zh: '列表', en: 'a list' },
  string: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
};

function rangeText(range: NumericRange): Localized {
  const { minimum: min, maximum: max, exclusiveMinimum: exclusive } = range;
  if (min !== undefined && max !== undefined) {
    return exclusive
      ? { zh: `大于 ${min} 且不超过 ${max}，即 (${min}, ${max}]`, en: `greater than ${min} and at most ${max}, i.e. (${min}, ${max}]` }
      : { zh: `在 ${min} 到 ${max} 之间`, en: `from ${min} to ${max}` };
  }
  if (min !== undefined)
    return exclusive ? { zh: `大于 ${min}`, en: `greater than ${min}` } : { zh: `不小于 ${min}`, en: `${min} or more` };
  if (max !== undefined) return { zh: `不超过 ${max}`, en: `at most ${max}` };
  return { zh: '', en: '' };
}

/** What the field takes: `a whole number from 1 to 3`, `one of primary, active, …`. */
function expectation(field: FieldInfo | undefined): Localized {
  if (!field) return { zh: '其他类型的值', en: 'another kind of value' };
  // Ids and references accept numbers too, but are text to the reader.
  const main: FieldType = field.types.includes('string') ? 'string' : (field.types[0] ?? 'string');
  if (main === 'string' && field.types.includes('object') && field.kind === 'system-ref')
    return { zh: '系统 id，或映射 `{ id, mode, critical }`', en: 'a system id, or a map `{ id, mode, critical }`' };
  const word = TYPE_WORDS[main];
  if (field.enum && !field.openEnum && main !== 'boolean') {
    return { zh: `${word.zh}，取值为 ${field.enum.join('、')} 之一`, en: `${word.en}, one of ${field.enum.join(', ')}` };
  }
  if (field.range) {
    const range = rangeText(field.range);
    return { zh: `${word.zh}，${range.zh}`, en: `${word.en} ${range.en}` };
  }
  return word;
}

/* ------------------------------------------------------------------------ */
/* Findings                                                                  */
/* ------------------------------------------------------------------------ */

const changeTo = (to: string): Localized => ({ zh: `改为 \`${to}\``, en: `Change to \`${to}\`` });

/** Where a map is, for "unknown key … in a system": takes the map's path. */
function where(mapPath: JsonPath): Localized {
  const owner = mapPath[0];
  if (owner === undefined) return { zh: '方案顶层', en: 'at the top level' };
  const inner = mapPath.length > 2 ? String(mapPath[2]) : undefined;
  const item: Record<string, Localized> = {
    systems: { zh: '系统', en: 'a system' },
    sites: { zh: '站点', en: 'a site' },
    links: { zh: '复制链路', en: 'a link' },
  };
  const thing = item[String(owner)];
  if (!thing) return { zh: `\`${String(owner)}\` 中`, en: `in \`${String(owner)}\`` };
  return inner
    ? { zh: `${thing.zh}的 \`${inner}\` 中`, en: `in ${thing.en}'s \`${inner}\`` }
    : { zh: `${thing.zh}中`, en: `in ${thing.en}` };
}

function unknownKeyFinding(tree: YamlTree, map: YMap, key: string): RawFinding | undefined {
  const entry = lastEntry(map, key);
  if (!entry) return undefined;
  const allowed = keysAt(map.path).map((k) => k.key);
  const suggestion = suggest(key, allowed);
  const place = where(map.path);
  const existing = suggestion ? entryOf(map, suggestion) : undefined;
  // `tire` next to an existing `tier`: say so, and do not offer to write a duplicate key.
  const fixes: RuleFix[] =
    suggestion && !existing && writtenAt(tree, entry.keyRange, key) ? [replaceFix(changeTo(suggestion), entry.keyRange, suggestion)] : [];
  const already = existing
    ? {
        zh: `（\`${suggestion}\` 已在第 ${existing.keyRange.start.line + 1} 行写过）`,
        en: ` (\`${suggestion}\` is already set on line ${existing.keyRange.start.line + 1})`,
      }
    : { zh: '', en: '' };
  return {
    rule: RULE.unknownKey,
    range: entry.keyRange,
    path: [...map.path, key],
    message: suggestion
      ? {
          zh: `未知的键 \`${key}\`（${place.zh}）。是否想写 \`${suggestion}\`？${already.zh}`,
          en: `Unknown key \`${key}\` ${place.en}. Did you mean \`${suggestion}\`?${already.en}`,
        }
      : {
          zh: `未知的键 \`${key}\`（${place.zh}）。可用的键：${allowed.join('、')}。自定义内容请用 \`x-\` 开头的键，任何映射中都可以写。`,
          en: `Unknown key \`${key}\` ${place.en}. Known keys: ${allowed.join(', ')}. Keys of your own start with \`x-\`, in any map.`,
        },
    fixes,
  };
}

function requiredFinding(node: YNode, missing: string): RawFinding {
  const owner: Localized =
    node.path[0] === 'systems' && node.path[2] === 'dependsOn'
      ? { zh: '依赖项', en: 'A dependency' }
      : node.path[0] === 'sites'
        ? { zh: '站点', en: 'A site' }
        : node.path[0] === 'systems'
          ? { zh: '系统', en: 'A system' }
          : node.path[0] === 'links'
            ? { zh: '复制链路', en: 'A link' }
            : { zh: '此处', en: 'This map' };
  const doc = describeField([...node.path, missing])?.doc;
  return {
    rule: RULE.missingRequired,
    range: headRange(node),
    path: node.path,
    message: {
      zh: `${owner.zh}缺少必填的 \`${missing}\`${doc ? `：${doc.zh}` : '。'}`,
      en: `${owner.en} needs \`${missing}\`${doc ? `: ${doc.en}` : '.'}`,
    },
  };
}

function wrongTypeFinding(tree: YamlTree, node: YNode, field: FieldInfo | undefined): RawFinding {
  const name = fieldName(node.path);
  const expected = expectation(field);
  const written = describeWritten(node);
  const fixes: RuleFix[] = [];
  if (node.kind === 'scalar' && node.value !== null) {
    const raw = textAt(tree, node.range);
    const wantsNumber = field?.types.some((t) => t === 'number' || t === 'integer') && !field.types.includes('string');
    if (wantsNumber && typeof node.value === 'string' && /^-?\d+(\.\d+)?$/.test(node.value.trim()) && node.quoted) {
      // `tier: "1"`: the quotes make it text.
      fixes.push(replaceFix({ zh: '去掉引号', en: 'Remove the quotes' }, node.range, node.value.trim()));
    } else if (field?.types[0] === 'array' && raw && !/[\n[\]{}]/.test(raw)) {
      // `sites: cd-1`: one value where a list belongs.
      fixes.push(replaceFix({ zh: `改为列表 [${raw}]`, en: `Make it a list: [${raw}]` }, node.range, `[${raw}]`));
    }
  }
  return {
    rule: RULE.wrongType,
    range: node.range,
    path: node.path,
    message: {
      zh: `\`${name}\` 应为${expected.zh}，而这里是${written.zh}。`,
      en: `\`${name}\` must be ${expected.en}, not ${written.en}.`,
    },
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

function unknownValueFinding(tree: YamlTree, node: YNode, field: FieldInfo | undefined): RawFinding | undefined {
  if (node.kind !== 'scalar') return undefined;
  const allowed = field?.enum ?? [];
  const value = String(node.value);
  const suggestion = suggest(value, allowed);
  const name = fieldName(node.path);
  const fixes: RuleFix[] =
    suggestion && writtenAt(tree, node.range, value) ? [replaceFix(changeTo(suggestion), node.range, suggestion)] : [];
  const hint = suggestion ? { zh: `是否想写 \`${suggestion}\`？`, en: ` Did you mean \`${suggestion}\`?` } : { zh: '', en: '' };
  return {
    rule: RULE.unknownValue,
    range: node.range,
    path: node.path,
    message: {
      zh: `\`${name}\` 不接受 \`${value}\`，可选值：${allowed.join('、')}。${hint.zh}`,
      en: `\`${value}\` is not allowed for \`${name}\`; allowed: ${allowed.join(', ')}.${hint.en}`,
    },
    fixes,
  };
}

function outOfRangeFinding(node: YNode, field: FieldInfo | undefined): RawFinding | undefined {
  if (node.kind !== 'scalar' || !field?.range) return undefined;
  const name = fieldName(node.path);
  const range = rangeText(field.range);
  return {
    rule: RULE.valueOutOfRange,
    range: node.range,
    path: node.path,
    message: {
      zh: `\`${name}\` 的取值应${range.zh}，${show(node.value)} 超出范围。`,
      en: `\`${name}\` must be ${range.en}; ${show(node.value)} is out of range.`,
    },
  };
}

/** Units people write, mapped to the format's (`2 hours` → `2h`, `30分钟` → `30m`). */
const UNIT_WORDS: [RegExp, string][] = [
  [/^(s|sec|secs|second|seconds|秒|秒钟)$/i, 's'],
  [/^(m|min|mins|minute|minutes|分|分钟)$/i, 'm'],
  [/^(h|hr|hrs|hour|hours|时|小时|个小时)$/i, 'h'],
  [/^(d|day|days|天|日)$/i, 'd'],
];

/** `2 hours` → `2h`; undefined when the text is not a duration in other words. */
export function normalizeDuration(text: string): string | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([^\d\s.]+)\s*$/.exec(text);
  if (!match) return undefined;
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(match[2]!))?.[1];
  return unit ? `${match[1]}${unit}` : undefined;
}

function durationFinding(tree: YamlTree, node: YNode, name: string): RawFinding {
  const forms = { zh: '0，或数字加单位 s、m、h、d（如 30s、5m、2h、1d）', en: '0, or a number with a unit s, m, h or d (30s, 5m, 2h, 1d)' };
  const written = node.kind === 'scalar' ? textAt(tree, node.range) : '';
  const base = {
    zh: `\`${name}\` 应为时长：${forms.zh}；而这里是${describeWritten(node).zh}。`,
    en: `\`${name}\` must be a duration: ${forms.en}; not ${describeWritten(node).en}.`,
  };
  const finding: RawFinding = { rule: RULE.invalidDuration, range: node.range, path: node.path, message: base };
  if (node.kind !== 'scalar') return finding;
  if (typeof node.value === 'number') {
    finding.message = {
      zh: `\`${name}\` 的 ${node.value} 缺少单位：请写成 ${node.value}s、${node.value}m、${node.value}h 或 ${node.value}d（只有 0 可以不带单位）。`,
      en: `\`${name}\`: ${node.value} has no unit; write ${node.value}s, ${node.value}m, ${node.value}h or ${node.value}d (only 0 goes without one).`,
    };
    return finding;
  }
  const normalized = typeof node.value === 'string' ? normalizeDuration(node.value) : undefined;
  if (normalized) {
    finding.message = {
      zh: `${base.zh}是否想写 \`${normalized}\`？`,
      en: `${base.en} Did you mean \`${normalized}\`?`,
    };
    if (written) finding.fixes = [replaceFix(changeTo(normalized), node.range, normalized)];
  }
  return finding;
}

function invalidIdFinding(node: YNode): RawFinding {
  const value = node.kind === 'scalar' ? String(node.value) : '';
  return {
    rule: RULE.invalidId,
    range: node.range,
    path: node.path,
    message: {
      zh: `id \`${value}\` 不能包含空格或 YAML 标点（, [ ] { } # & * ! | > ' " % @ \`）；可用字母、数字、中文、- 和 _。`,
      en: `The id \`${value}\` cannot contain spaces or YAML punctuation (, [ ] { } # & * ! | > ' " % @ \`); use letters, digits, Chinese, - and _.`,
    },
  };
}

function emptyValueFinding(node: YNode): RawFinding {
  const name = fieldName(node.path);
  return {
    rule: RULE.emptyValue,
    range: node.range,
    path: node.path,
    message: { zh: `\`${name}\` 不能为空文本。`, en: `\`${name}\` cannot be empty text.` },
  };
}

function duplicateItemFinding(
  tree: YamlTree,
  seq: Extract<YNode, { kind: 'seq' }>,
  later: number,
  earlier: number,
): RawFinding | undefined {
  const item = seq.items[later];
  const first = seq.items[earlier];
  if (!item || !first) return undefined;
  const name = fieldName(seq.path);
  const value = item.kind === 'scalar' ? String(item.value) : textAt(tree, item.range);
  const edit = removeItemEdit(tree, seq, later);
  return {
    rule: RULE.duplicateItem,
    range: item.range,
    path: item.path,
    message: {
      zh: `\`${name}\` 中 \`${value}\` 重复（已作为第 ${earlier + 1} 项写在第 ${first.range.start.line + 1} 行）。`,
      en: `\`${value}\` is listed twice in \`${name}\` (first as item ${earlier + 1}, on line ${first.range.start.line + 1}).`,
    },
    ...(edit ? { fixes: [{ title: { zh: '删除重复项', en: 'Remove the duplicate' }, edits: [edit] }] } : {}),
  };
}

/** A schema constraint without a message of its own (the schema grew one this code does not know). */
function genericFinding(node: YNode, keyword: string): RawFinding {
  const name = fieldName(node.path);
  return {
    rule: RULE.wrongType,
    range: node.range,
    path: node.path,
    message: {
      zh: `\`${name}\` 的值不符合格式要求（${keyword}），见 docs/format.md。`,
      en: `\`${name}\` does not match the format (${keyword}); see docs/format.md.`,
    },
  };
}
