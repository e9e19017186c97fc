/**
 * Every problem the library parser and builder report, in both languages.
 * Kept in one place so the wording stays consistent and translators see it all.
 */
import type { Localized } from '../locale';

/** What a field should hold, as both languages say it in "should be …". */
const EXPECTED = {
  map: { zh: '映射（key: value）', en: 'a mapping (key: value)' },
  list: { zh: '列表', en: 'a list' },
  text: { zh: '文本', en: 'text' },
  localized: { zh: '包含 zh 和 en 的映射，如 { zh: 中文, en: English }', en: 'a mapping with zh and en, e.g. { zh: 中文, en: English }' },
  id: {
    zh: '小写字母、数字和连字符组成的 id（如 two-regions-three-dcs）',
    en: 'an id of lowercase letters, digits and hyphens (e.g. two-regions-three-dcs)',
  },
  number: { zh: '数字', en: 'a number' },
  year: { zh: '四位年份（如 2017）', en: 'a four-digit year (e.g. 2017)' },
  quantity: { zh: '形如 { amount: 4, unit: h } 的映射', en: 'a mapping like { amount: 4, unit: h }' },
} satisfies Record<string, Localized>;

export type Expected = keyof typeof EXPECTED;

export const messages = {
  tooLong: (key: string, length: number, limit: number): Localized => ({
    zh: `“${key}”过长（${length} 个字符，上限 ${limit}），只读取前 ${limit} 个字符。`,
    en: `"${key}" is too long (${length} characters; the limit is ${limit}), so only its first ${limit} characters are read.`,
  }),
  missingField: (key: string): Localized => ({
    zh: `缺少必填字段“${key}”。`,
    en: `Missing required field "${key}".`,
  }),
  wrongType: (key: string, expected: Expected): Localized => ({
    zh: `“${key}”应为${EXPECTED[expected].zh}。`,
    en: `"${key}" should be ${EXPECTED[expected].en}.`,
  }),
  unknownField: (key: string, allowed: readonly string[]): Localized => ({
    zh: `未知字段“${key}”；可用字段：${allowed.join('、')}。`,
    en: `Unknown field "${key}"; expected one of: ${allowed.join(', ')}.`,
  }),
  missingLanguage: (key: string, language: 'zh' | 'en'): Localized => ({
    zh: `“${key}”缺少${language === 'zh' ? '中文（zh）' : '英文（en）'}文本；每段文字都要有中英两种语言。`,
    en: `"${key}" has no ${language === 'zh' ? 'Chinese (zh)' : 'English (en)'} text; every text needs both languages.`,
  }),
  badIndustry: (value: string, allowed: readonly string[]): Localized => ({
    zh: `未知行业“${value}”；可选：${allowed.join('、')}。`,
    en: `Unknown industry "${value}"; expected one of: ${allowed.join(', ')}.`,
  }),
  duplicateInFile: (what: Localized, id: string): Localized => ({
    zh: `${what.zh} id“${id}”在本文件中重复出现。`,
    en: `${what.en} id "${id}" appears twice in this file.`,
  }),
  unknownReference: (what: Localized, id: string, suggestion: string | undefined): Localized => ({
    zh: `未知的${what.zh}“${id}”。${suggestion ? `是否是“${suggestion}”？` : ''}`,
    en: `Unknown ${what.en} "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  }),
  missingTopology: (path: string): Localized => ({
    zh: `找不到参考拓扑文件“${path}”（路径相对于本案例文件所在目录，文件须在案例库目录内）。`,
    en: `Reference topology "${path}" not found (the path is relative to this case file's folder and must stay inside the library folder).`,
  }),
  notATopology: (path: string): Localized => ({
    zh: `参考拓扑“${path}”应是方案格式文件（*.arch.yaml）。`,
    en: `Reference topology "${path}" should be a proposal file (*.arch.yaml).`,
  }),
  builtInOverride: (what: Localized, id: string, builtInFile: string): Localized => ({
    zh: `${what.zh}“${id}”已是内置${what.zh}（${builtInFile}）；企业案例不能替换内置内容，请换一个 id。本文件未加载。`,
    en: `${what.en} "${id}" is already a built-in ${what.en} (${builtInFile}); enterprise files cannot replace built-in ones, so choose another id. This file was not loaded.`,
  }),
  duplicateId: (what: Localized, id: string, firstFile: string): Localized => ({
    zh: `${what.zh} id“${id}”已在 ${firstFile} 中定义；本文件未加载。`,
    en: `${what.en} id "${id}" is already defined in ${firstFile}; this file was not loaded.`,
  }),
  patternMissesCase: (patternId: string, caseId: string): Localized => ({
    zh: `案例“${caseId}”引用了模式“${patternId}”，但该模式的 cases 列表中没有它；两边需一致。`,
    en: `Case "${caseId}" cites pattern "${patternId}", but the pattern's cases list does not include it; both sides must agree.`,
  }),
  caseMissesPattern: (patternId: string, caseId: string): Localized => ({
    zh: `模式“${patternId}”列出了案例“${caseId}”，但该案例的 patterns 中没有这个模式；两边需一致。`,
    en: `Pattern "${patternId}" lists case "${caseId}", but the case's patterns do not include it; both sides must agree.`,
  }),
  badKind: (value: string, allowed: readonly string[]): Localized => ({
    zh: `未知的依据类型“${value}”；可选：${allowed.join('、')}（结果、目标、方案优势、客户证言、单个客户案例）。`,
    en: `Unknown evidence kind "${value}"; expected one of: ${allowed.join(', ')}.`,
  }),
  duplicateOutcome: (id: string): Localized => ({
    zh: `成果 id“${id}”在本案例中重复。`,
    en: `Outcome id "${id}" appears twice in this case.`,
  }),
  emptyFile: (what: Localized): Localized => ({
    zh: `${what.zh}文件为空。`,
    en: `The ${what.en} file is empty.`,
  }),
  yamlErrors: {
    zh: 'YAML 语法错误，本文件未加载（见上方定位的错误）。',
    en: 'YAML syntax errors; this file was not loaded (see the located errors).',
  } satisfies Localized,
  unreadableFolder: (path: string, reason: Localized): Localized => ({
    zh: `无法读取案例库目录“${path}”：${reason.zh}。`,
    en: `Cannot read the case library folder "${path}": ${reason.en}.`,
  }),
  unreadableFile: (path: string, reason: Localized): Localized => ({
    zh: `无法读取文件“${path}”：${reason.zh}。`,
    en: `Cannot read the file "${path}": ${reason.en}.`,
  }),
  emptyFolder: (path: string): Localized => ({
    zh: `案例库目录“${path}”中没有找到案例、模式或产品文件（见 cases/README.md 中的目录结构）。`,
    en: `No case, pattern or product files found in the case library folder "${path}" (see the layout in cases/README.md).`,
  }),
};

/** Names of the things the library holds, for messages. */
export const WHAT = {
  case: { zh: '案例', en: 'case' },
  pattern: { zh: '架构模式', en: 'pattern' },
  product: { zh: '产品', en: 'product' },
  outcome: { zh: '成果', en: 'outcome' },
} satisfies Record<string, Localized>;
