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
  return [...checkYamlProblems(model), ...checkDocument(model), ...checkSchema(model.tree), ...checkReferences(model)];
}
