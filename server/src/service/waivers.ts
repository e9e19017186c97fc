// PLACEHOLDER — the engine/CLI helper replaces this file.
import type { ProposalModel } from './model';
import type { AnalysisSettings, Finding, RawFinding, RuleMeta } from './types';
export const WAIVER_RULES: RuleMeta[] = [];
export function applyWaivers(_model: ProposalModel, findings: RawFinding[], _settings: AnalysisSettings): { finding: RawFinding; suppression?: Finding['suppression'] }[] {
  return findings.map((finding) => ({ finding }));
}
