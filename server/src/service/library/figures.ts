import type { Localized } from '../locale';
import type { CaseLibrary } from '../types';

/** The customer's name as the library writes it, or the case id when the case is missing. */
export function customerName(library: CaseLibrary, caseId: string): Localized {
  return library.cases.get(caseId)?.customer ?? { zh: caseId, en: caseId };
}

/**
 * One figure of one case, ready to quote in a message: "日结文件 4 小时 → 6 分钟" /
 * "daily settlement file 4 hours → 6 minutes". The library's integrity test
 * checks every (case, outcome) pair that rules quote, so a missing one is a
 * test failure, not a blank in a message.
 */
export function figure(library: CaseLibrary, caseId: string, outcomeId: string): Localized {
  const outcome = library.cases.get(caseId)?.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) return { zh: `${caseId}/${outcomeId}`, en: `${caseId}/${outcomeId}` };
  return { zh: `${outcome.metric.zh} ${outcome.value.zh}`, en: `${outcome.metric.en} ${outcome.value.en}` };
}

/** "浙江农信（从同城主备到两地三中心）" / "Zhejiang RCU (from same-city standby to 2R3DC)". */
export function customerWithFigure(library: CaseLibrary, caseId: string, outcomeId: string): Localized {
  const name = customerName(library, caseId);
  const f = figure(library, caseId, outcomeId);
  return { zh: `${name.zh}（${f.zh}）`, en: `${name.en} (${f.en})` };
}
