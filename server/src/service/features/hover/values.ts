/** Hover on an enum value: what the schema says the value means (`role: hot-standby`, `zones: [dmz]`). */
import { pick } from '../../locale';
import { describeField } from '../../schemaInfo';
import { code, colon } from '../labels';
import { markdown, type HoverSource } from './at';

/** The value of a key: `kind: batch`. */
export const enumValueHover: HoverSource = ({ hit, locale }) => {
  if (!hit || hit.node.kind !== 'scalar' || !hit.entry) return undefined;
  const value = hit.node.value === null ? '' : String(hit.node.value);
  const valueDoc = describeField(hit.node.path)?.valueDocs?.[value];
  return valueDoc ? markdown(`${code(`${hit.entry.key}: ${value}`)}${colon(locale)}${pick(valueDoc, locale)}`, hit.node.range) : undefined;
};

/** A list item: `observability: [metrics, tracing]`, `zones: [dmz]`. */
export const enumItemHover: HoverSource = ({ hit, locale }) => {
  if (!hit || hit.node.kind !== 'scalar' || hit.entry) return undefined;
  const value = String(hit.node.value ?? '');
  const valueDoc = describeField(hit.node.path)?.valueDocs?.[value];
  return valueDoc ? markdown(`${code(value)}${colon(locale)}${pick(valueDoc, locale)}`, hit.node.range) : undefined;
};
