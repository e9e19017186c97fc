/**
 * Code actions on Casebook diagnostics: the rule's own quick fixes, a waiver
 * comment with a reason to fill in, and "open case" for every case the
 * finding cites.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { rangeContains } from '../lineIndex';
import type { Locale } from '../locale';
import { pick } from '../locale';
import { WAIVER_REASON_PLACEHOLDER } from '../waivers';
import { isDiagnosticData, toDiagnostic, type DiagnosticData } from './diagnostics';
import { customerLabel, OPEN_CASE } from './labels';

/** A kind under quickfix, so that editors list it with the fixes. */
export const OPEN_CASE_KIND = `${CodeActionKind.QuickFix}.casebook.openCase`;

const t = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

export function getCodeActions(context: FeatureContext, range: Range, actionContext: CodeActionContext): CodeAction[] {
  const { document, library, settings } = context;
  const locale = settings.locale;
  const diagnostics = casebookDiagnostics(context, range, actionContext);
  const wants = (kind: string) => !actionContext.only || actionContext.only.some((only) => kind === only || kind.startsWith(`${only}.`));

  const fixes: CodeAction[] = [];
  const waivers: CodeAction[] = [];
  const openCases: CodeAction[] = [];
  const openedCases = new Set<string>();
  for (const { diagnostic, data } of diagnostics) {
    if (wants(CodeActionKind.QuickFix)) {
      data.fixes.forEach((fix, i) => {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(i === 0 ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: fix.edits } },
        });
      });
      if (!data.rule.startsWith('waiver-')) {
        waivers.push({
          title: t(locale, `豁免 ${data.rule}（需写明理由）`, `Waive ${data.rule} (with a reason)`),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [waiverEdit(context, diagnostic.range, data.rule, locale)] } },
        });
      }
    }
    if (wants(OPEN_CASE_KIND)) {
      for (const caseId of data.cases) {
        if (openedCases.has(caseId) || !library.cases.has(caseId)) continue;
        openedCases.add(caseId);
        const name = customerLabel(library, caseId, locale);
        openCases.push({
          title: t(locale, `打开案例：${name}`, `Open case: ${name}`),
          kind: OPEN_CASE_KIND,
          diagnostics: [diagnostic],
          command: { title: t(locale, '打开案例', 'Open case'), command: OPEN_CASE, arguments: [caseId] },
        });
      }
    }
  }
  return [...fixes, ...waivers, ...openCases];
}

/**
 * The Casebook diagnostics the action is for: those the client sent (their
 * `data` carries the fixes), else the current findings overlapping the range
 * (a client that drops `data`).
 */
function casebookDiagnostics(context: FeatureContext, range: Range, actionContext: CodeActionContext): { diagnostic: Diagnostic; data: DiagnosticData }[] {
  const sent = actionContext.diagnostics.filter((d) => d.source === 'casebook');
  const out: { diagnostic: Diagnostic; data: DiagnosticData }[] = [];
  const findings = sent.some((d) => !isDiagnosticData(d.data)) || sent.length === 0 ? context.analysis().findings.filter((f) => !f.suppressed) : [];
  for (const diagnostic of sent) {
    if (isDiagnosticData(diagnostic.data)) out.push({ diagnostic, data: diagnostic.data });
    else {
      const finding = findings.find((f) => f.rule === diagnostic.code && sameRange(f.range, diagnostic.range));
      if (finding) out.push({ diagnostic, data: { rule: finding.rule, fixes: finding.fixes, cases: finding.cases, patterns: finding.patterns } });
    }
  }
  if (sent.length === 0) {
    for (const finding of findings) {
      if (!overlaps(finding.range, range)) continue;
      const diagnostic = toDiagnostic(finding, context.library, context.settings.locale, context.ruleDocsBase);
      out.push({ diagnostic, data: diagnostic.data as DiagnosticData });
    }
  }
  return out;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function overlaps(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start);
}

/**
 * `# casebook-ignore <rule>: 请说明原因` on its own line above the finding,
 * indented like that line. The placeholder is no reason to the waiver engine:
 * until the architect writes one, the finding stays and the waiver is flagged.
 */
export function waiverEdit(context: FeatureContext, range: Range, rule: string, locale: Locale): TextEdit {
  const index = context.proposal.model.tree.lineIndex;
  const line = Math.min(range.start.line, index.lineCount - 1);
  const text = index.lineText(line);
  const indent = /^ */.exec(text)![0].length;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${' '.repeat(indent)}# casebook-ignore ${rule}: ${pick(WAIVER_REASON_PLACEHOLDER, locale)}\n` };
}
