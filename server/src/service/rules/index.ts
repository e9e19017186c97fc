/**
 * Every rule the engine runs, by family. Each rule cites the patterns it
 * recommends and the customer cases that show them working; its messages
 * quote the case library's figures (QUOTED_FIGURES lists them, so the
 * library's integrity test can check each one exists).
 */
import type { RuleDefinition } from '../types';
import { AVAILABILITY_RULES } from './availability';
import { CLOUD_RULES } from './cloud';
import { CONSISTENCY_RULES } from './consistency';
import { DATA_RULES } from './data';
import { DELIVERY_RULES } from './delivery';
import type { CasebookRule } from './helpers';
import { GEOGRAPHY_RULES } from './geography';
import { INTEGRATION_RULES } from './integration';
import { LEGACY_RULES } from './legacy';
import { REGULATION_RULES } from './regulation';

const CASEBOOK_RULES: readonly CasebookRule[] = [
  ...AVAILABILITY_RULES,
  ...GEOGRAPHY_RULES,
  ...CONSISTENCY_RULES,
  ...DATA_RULES,
  ...INTEGRATION_RULES,
  ...DELIVERY_RULES,
  ...CLOUD_RULES,
  ...LEGACY_RULES,
  ...REGULATION_RULES,
];

export const RULES: RuleDefinition[] = [...CASEBOOK_RULES];

/** Every (case id, outcome id) pair some rule's message quotes, without duplicates. */
export const QUOTED_FIGURES: [string, string][] = [
  ...new Map(
    CASEBOOK_RULES.flatMap((r) =>
      r.quotes.map((q) => [`${q.caseId}/${q.outcomeId}`, [q.caseId, q.outcomeId] as [string, string]] as const),
    ),
  ).values(),
];

export type { CasebookRule, FigureRef } from './helpers';
export { FAST_RTO_SECONDS, HEAVY_DAILY_TRANSACTIONS, HEAVY_PEAK_TPS, HIGH_AVAILABILITY, PEAK_DAY_RATIO } from './helpers';
