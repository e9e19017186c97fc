/** What a value or list item can be: an enum value (with what it means) or a declared site or system id. */
import { CompletionItemKind } from 'vscode-languageserver-types';
import { t, pick, type Locale } from '../../locale';
import type { ProposalModel } from '../../model';
import type { FieldInfo } from '../../schemaInfo';
import type { JsonPath } from '../../yamlNodes';
import { memo } from '../indexes';
import { colon, ROLE_LABELS, TIER_LABELS } from '../labels';
import { tierRequirement } from '../tiers';
import { doc, firstSentence, type Candidate } from './at';

/** The schema's values of a field; a tier says what it requires, a role its label. */
export function enumCandidates(field: FieldInfo | undefined, locale: Locale, key?: string): Candidate[] {
  if (!field?.enum) return [];
  return field.enum.map((value) => {
    const valueDoc = field.valueDocs?.[value];
    if (key === 'tier') {
      const tier = Number(value);
      const label = TIER_LABELS[tier];
      const requirement = tierRequirement(tier);
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: label ? pick(label, locale) : value,
        documentation: doc(
          [
            valueDoc ? pick(valueDoc, locale) : '',
            requirement ? `${t(locale, '要求', 'Requires')}${colon(locale)}${pick(requirement.text, locale)}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
        ),
      };
    }
    const role = key === 'role' ? ROLE_LABELS[value] : undefined;
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      ...(valueDoc
        ? { detail: firstSentence(pick(valueDoc, locale)), documentation: doc(pick(valueDoc, locale)) }
        : role
          ? { detail: pick(role, locale) }
          : {}),
    };
  });
}

/** Site or system ids for a reference field, leaving out those `written`, or undefined when the field holds no reference. */
export function idCandidates(
  model: ProposalModel,
  field: FieldInfo | undefined,
  path: JsonPath,
  written: string[],
): Candidate[] | undefined {
  if (!field) return undefined;
  const kind = field.kind;
  if (kind === 'site-ref') {
    return model.sites
      .filter((s) => s.id && !written.includes(s.id.value))
      .filter((s, i, all) => all.findIndex((o) => o.id!.value === s.id!.value) === i)
      .map((s) => ({
        label: s.id!.value,
        kind: CompletionItemKind.Reference,
        detail: [s.city?.value, s.role?.value].filter(Boolean).join(' · '),
      }));
  }
  if (kind === 'system-ref') {
    const self =
      path[0] === 'systems' && typeof path[1] === 'number' ? model.systems.find((s) => s.index === path[1])?.id?.value : undefined;
    const excluded = new Set(written);
    if (self !== undefined) excluded.add(self);
    return systemCandidates(model).filter((c) => !excluded.has(c.label));
  }
  return undefined;
}

/** Every declared system as a candidate, built once per model: a 1,000-system file asks for them on each keystroke in `dependsOn`. */
function systemCandidates(model: ProposalModel): readonly Candidate[] {
  return memo(model, 'systemCandidates', () =>
    [...model.systemById.values()].map((s): Candidate =>
      Object.freeze({ label: s.id!.value, kind: CompletionItemKind.Reference, ...(s.name ? { detail: s.name.value } : {}) }),
    ),
  );
}
