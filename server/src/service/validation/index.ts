// PLACEHOLDER — the validation helper replaces this file.
import type { ProposalModel } from '../model';
import type { RawFinding, RuleMeta } from '../types';
export const VALIDATION_RULES: RuleMeta[] = [];
export function validate(_model: ProposalModel): RawFinding[] {
  return [];
}
