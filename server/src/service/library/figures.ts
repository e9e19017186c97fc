import type { Locale, Localized } from '../locale';
import type { CaseLibrary, EvidenceKind, OutcomeFigure, ProductRecord } from '../types';

/** The customer's name as the library writes it, or the case id when the case is missing. */
export function customerName(library: CaseLibrary, caseId: string): Localized {
  return library.cases.get(caseId)?.customer ?? { zh: caseId, en: caseId };
}

/**
 * How a claim that is not a reported result is labelled wherever it is quoted
 * (issue 10): a goal is never quoted as done, a testimonial never as a metric.
 */
export const KIND_LABELS: Record<EvidenceKind, Localized> = {
  result: { zh: '成果', en: 'result' },
  goal: { zh: '目标', en: 'goal' },
  advantage: { zh: '方案优势', en: 'advertised advantage' },
  testimonial: { zh: '客户证言', en: 'testimonial' },
  anecdote: { zh: '一位客户的案例', en: "one customer's case" },
};

/** The label to put before a quoted claim: none for a result (or an enterprise figure that does not say). */
export function kindPrefix(kind: EvidenceKind | undefined): Localized {
  if (!kind || kind === 'result') return { zh: '', en: '' };
  return { zh: `${KIND_LABELS[kind].zh}：`, en: `${KIND_LABELS[kind].en}: ` };
}

/** The figure as one phrase, without its label: its `phrase`, else "metric value". */
export function figurePhrase(outcome: OutcomeFigure): Localized {
  return outcome.phrase ?? { zh: `${outcome.metric.zh} ${outcome.value.zh}`, en: `${outcome.metric.en} ${outcome.value.en}` };
}

/**
 * One figure of one case, ready to quote in a message, labelled by its kind:
 * "日结文件处理从 4 小时缩短至 6 分钟" / "目标：两地三中心异地多活". The library's
 * integrity test checks every (case, outcome) pair that rules quote, so a
 * missing one is a test failure, not a blank in a message.
 */
export function figure(library: CaseLibrary, caseId: string, outcomeId: string): Localized {
  const outcome = library.cases.get(caseId)?.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) return { zh: `${caseId}/${outcomeId}`, en: `${caseId}/${outcomeId}` };
  const label = kindPrefix(outcome.kind);
  const phrase = figurePhrase(outcome);
  return { zh: `${label.zh}${phrase.zh}`, en: `${label.en}${phrase.en}` };
}

/** "浙江农信（从同城主备向两地三中心迈进）" / "Zhejiang RCU (moving from …)". */
export function customerWithFigure(library: CaseLibrary, caseId: string, outcomeId: string): Localized {
  const name = customerName(library, caseId);
  const f = figure(library, caseId, outcomeId);
  return { zh: `${name.zh}（${f.zh}）`, en: `${name.en} (${f.en})` };
}

/** A product as the UI names it: its Chinese name in the zh UI where it has one, else its brand name. */
export function productName(product: ProductRecord, locale: Locale): string {
  return locale === 'zh-CN' && product.zhName ? product.zhName : product.name;
}
