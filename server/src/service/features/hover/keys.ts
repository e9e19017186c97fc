/** Hover on a key: the schema's documentation of the field (type, values, range, example). */
import { t, pick, type Locale } from '../../locale';
import { rangeContains } from '../../lineIndex';
import { describeField } from '../../schemaInfo';
import type { JsonPath } from '../../yamlNodes';
import { code, colon, md } from '../labels';
import { markdown, type HoverSource } from './at';

/** In the indentation or the `- ` before a key, the pointer is over nothing: a hover there would name a range it is not in. */
export const outsideKeyHover: HoverSource = ({ key, position }) => (key?.range && !rangeContains(key.range, position) ? null : undefined);

/** Any key the schema knows; a key it does not know stops the chain (a key is never a value). */
export const keyDocHover: HoverSource = ({ key, locale }) => {
  if (!key) return undefined;
  const text = fieldHover(key.path, locale);
  return text ? markdown(text, key.range) : null;
};

function fieldHover(path: JsonPath, locale: Locale): string | undefined {
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
