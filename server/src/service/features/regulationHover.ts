/**
 * Hover on a regulation's number or name in a value or comment
 * (银监发〔2010〕114号, 104号, GB/T 20988, 等保三级): the document and its
 * clauses, each with its text as found (or what is unverified) and its source.
 */
import { pick, type Locale } from '../locale';
import type { CaseLibrary, RegulationDocument } from '../types';
import { md } from './labels';

export interface RegulationHover {
  text: string;
  start: number;
  end: number;
}

/** 〔〕［］ are written [] as often as not: compare them alike, character for character. */
const fold = (text: string) =>
  text
    .replace(/[〔［]/g, '[')
    .replace(/[〕］]/g, ']')
    .toLowerCase();

/** The document named at `character` (cursor inside the name or right after it), longest name first. */
export function regulationHover(library: CaseLibrary, line: string, character: number, locale: Locale): RegulationHover | undefined {
  const regs = library.regulations;
  if (!regs) return undefined;
  const folded = fold(line);
  let best: { doc: RegulationDocument; start: number; end: number } | undefined;
  for (const doc of regs.documents.values()) {
    for (const name of [doc.number, doc.title.zh, ...doc.aliases]) {
      const needle = fold(name.trim());
      if (needle.length < 3) continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (character < at || character > end) continue;
        if (!best || end - at > best.end - best.start) best = { doc, start: at, end };
      }
    }
  }
  if (!best) return undefined;
  return { text: documentMarkdown(best.doc, locale), start: best.start, end: best.end };
}

function documentMarkdown(doc: RegulationDocument, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const status =
    doc.status === 'replaced'
      ? zh
        ? `已被 ${doc.replacedBy ?? '新版'} 替代`
        : `replaced by ${doc.replacedBy ?? 'a newer edition'}`
      : doc.status === 'in-force'
        ? zh
          ? '现行'
          : 'in force'
        : zh
          ? '现行状态未核实'
          : 'status unverified';
  const lines = [
    `### ${md(zh ? `《${doc.title.zh}》（${doc.number}）` : `${doc.title.en} (${doc.number})`)}`,
    '',
    [pick(doc.issuer, locale), ...(doc.year ? [String(doc.year)] : []), status].map(md).join(' · '),
  ];
  if (doc.statusNote) lines.push('', `_${md(pick(doc.statusNote, locale))}_`);
  for (const clause of doc.clauses) {
    lines.push('', `**${md(clause.article)}** · ${clause.verified ? (zh ? '已核实' : 'verified') : zh ? '**未核实**' : '**unverified**'}`);
    if (clause.verified) lines.push('', `> ${md(clause.text)}`, '', md(pick(clause.summary, locale)));
    else lines.push('', md(pick(clause.note ?? clause.summary, locale)));
    const source = [clause.source.url, clause.source.read ? (zh ? `${clause.source.read} 读取` : `read ${clause.source.read}`) : '']
      .filter(Boolean)
      .join(' · ');
    if (source) lines.push('', `${zh ? '出处' : 'Source'}: ${md(source)}`);
  }
  if (!doc.builtIn)
    lines.push('', zh ? '_企业规范：来自企业自己的法规目录。_' : "_Enterprise standard: from the enterprise's own regulation folder._");
  return lines.join('\n');
}
