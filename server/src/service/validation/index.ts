/**
 * Format validation: YAML problems, the marker, the JSON Schema (via ajv) and
 * the cross-references between ids. Every finding is located on the key or
 * value at fault and carries its message in zh-CN and en.
 */
import type { ProposalModel } from '../model';
import type { RawFinding } from '../types';
import { checkDocument, checkYamlProblems } from './document';
import { checkReferences } from './references';
import { checkSchema } from './schema';

export { VALIDATION_RULES, RULE as VALIDATION_RULE_IDS } from './rules';

export function validate(model: ProposalModel): RawFinding[] {
  return once([...checkYamlProblems(model), ...checkDocument(model), ...checkSchema(model.tree), ...checkReferences(model)]);
}

/**
 * One finding per problem: a value merged into several maps (`<<: *defaults`)
 * is checked in each, and each finding lands where it is written, in the anchor.
 */
function once(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const { start, end } = finding.range;
    const key = `${finding.rule}@${start.line}:${start.character}-${end.line}:${end.character}@${finding.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
