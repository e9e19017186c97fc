/**
 * Code actions on Casebook diagnostics: the rule's own quick fixes, a waiver
 * comment with a reason to fill in, and "open case" for every case the
 * finding cites.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { ruleMeta } from '../analyze';
import type { FeatureContext } from '../featureContext';
import { rangeContains } from '../lineIndex';
import type { Locale } from '../locale';
import { t, pick } from '../locale';
import type { Finding } from '../types';
import { WAIVER_REASON_PLACEHOLDER } from '../waivers';
import { isDiagnosticData, publishedFindings, toDiagnostic } from './diagnostics';
import { customerLabel, OPEN_CASE } from './labels';

/** A kind under quickfix, so that editors list it with the fixes. */
const OPEN_CASE_KIND = `${CodeActionKind.QuickFix}.casebook.openCase`;

export function getCodeActions(context: FeatureContext, range: Range, actionContext: CodeActionContext): CodeAction[] {
  const { document, library, settings } = context;
  const locale = settings.locale;
  const wants = (kind: string) => !actionContext.only || actionContext.only.some((only) => kind === only || kind.startsWith(`${only}.`));

  const fixes: CodeAction[] = [];
  const waivers: CodeAction[] = [];
  const openCases: CodeAction[] = [];
  const openedCases = new Set<string>();
  for (const { diagnostic, rule, finding } of casebookDiagnostics(context, range, actionContext)) {
    if (wants(CodeActionKind.QuickFix)) {
      finding?.fixes.forEach((fix, i) => {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(i === 0 ? { isPreferred: true } : {}),
          edit: { changes: { [document.uri]: fix.edits } },
        });
      });
      if (!rule.startsWith('waiver-')) {
        waivers.push({
          title: t(locale, `豁免 ${rule}（需写明理由）`, `Waive ${rule} (with a reason)`),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [waiverEdit(context, diagnostic.range, rule, locale)] } },
        });
      }
    }
    if (wants(OPEN_CASE_KIND)) {
      for (const caseId of finding?.cases ?? ruleMeta(rule)?.cases ?? []) {
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

interface ResolvedDiagnostic {
  diagnostic: Diagnostic;
  rule: string;
  /** The finding in the current analysis; absent when the text moved on and it is gone (no fixes then: their edits were for other text). */
  finding?: Finding;
}

/**
 * The Casebook diagnostics the action is for, each with its finding in the
 * cached analysis of the current version: by `data` (version + index) when the
 * diagnostic is of this version, else by rule and range (a client that drops
 * `data`, or diagnostics published for an older version). With no diagnostics
 * sent, the current findings overlapping the range.
 */
function casebookDiagnostics(context: FeatureContext, range: Range, actionContext: CodeActionContext): ResolvedDiagnostic[] {
  const findings = publishedFindings(context.analysis().findings);
  const sent = actionContext.diagnostics.filter((d) => d.source === 'casebook');
  if (sent.length === 0) {
    const version = context.document.version;
    const out: ResolvedDiagnostic[] = [];
    findings.forEach((finding, index) => {
      if (!overlaps(finding.range, range)) return;
      const diagnostic = toDiagnostic(
        finding,
        { rule: finding.rule, version, index },
        context.library,
        context.settings.locale,
        context.ruleDocsBase,
      );
      out.push({ diagnostic, rule: finding.rule, finding });
    });
    return out;
  }
  const out: ResolvedDiagnostic[] = [];
  for (const diagnostic of sent) {
    const data = isDiagnosticData(diagnostic.data) ? diagnostic.data : undefined;
    const rule = data?.rule ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
    if (!rule) continue;
    const byIndex = data && data.version === context.document.version ? findings[data.index] : undefined;
    const finding =
      byIndex && byIndex.rule === rule && sameRange(byIndex.range, diagnostic.range)
        ? byIndex
        : findings.find((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
    // A diagnostic of no rule this engine knows (e.g. document-too-large) has no actions.
    if (finding) out.push({ diagnostic, rule, finding });
    else if (ruleMeta(rule)) out.push({ diagnostic, rule });
  }
  return out;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function overlaps(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start);
}

/**
 * `# casebook-ignore <rule>: 请说明原因` on its own line above the finding,
 * indented like that line. The placeholder is no reason to the waiver engine:
 * until the architect writes one, the finding stays and the waiver is flagged.
 */
function waiverEdit(context: FeatureContext, range: Range, rule: string, locale: Locale): TextEdit {
  const index = context.proposal.model.tree.lineIndex;
  const line = Math.min(range.start.line, index.lineCount - 1);
  const text = index.lineText(line);
  const indent = /^ */.exec(text)![0].length;
  const at = { line, character: 0 };
  return {
    range: { start: at, end: at },
    newText: `${' '.repeat(indent)}# casebook-ignore ${rule}: ${pick(WAIVER_REASON_PLACEHOLDER, locale)}\n`,
  };
}
