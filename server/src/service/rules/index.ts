// PLACEHOLDER — the rules helper replaces this file.
import type { RuleDefinition } from '../types';
export const RULES: RuleDefinition[] = [];
