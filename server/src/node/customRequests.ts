/**
 * The `casebook/…` requests of shared/src/protocol.ts: the case library
 * (list, search, detail), a proposal's topology and matching cases, and a
 * check of files that are not open. Each answers from the current library and
 * the cached model of the document.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import {
  CaseDetailRequest,
  CheckWorkspaceRequest,
  ListCasesRequest,
  ListPatternsRequest,
  MatchingCasesRequest,
  ReportRequest,
  SearchCasesRequest,
  TopologyRequest,
  type CheckWorkspaceResult,
  type LocaleParams,
} from '../../../shared/src/protocol';
import { caseDetail, caseSummaries, patternSummaries } from '../service/caseViews';
import { matchingCases } from '../service/matching';
import { renderReport } from '../service/report';
import { renderTopology } from '../service/topology';
import { normalizeLocale, pick, type Locale, type Localized } from '../service/locale';
import { searchIndexFor } from '../service/search';
import { readProposalFile, type ReadResult } from './files';
import { isProposalDocument } from './proposals';
import type { Session } from './session';
import { fsPath } from './settings';
import { nextDiskVersion } from './workspaceProposals';

export function registerCustomRequests(connection: Connection, session: Session): void {
  const { guard } = session;
  const localeOf = async (params: LocaleParams | undefined, uri?: string): Promise<Locale> =>
    params?.locale ? normalizeLocale(params.locale) : (await session.settings.get(uri)).analysis.locale;

  connection.onRequest(
    ListCasesRequest.type,
    guard.request('casebook/listCases', [], async (params) => caseSummaries(session.library.library, await localeOf(params))),
  );

  connection.onRequest(
    ListPatternsRequest.type,
    guard.request('casebook/listPatterns', [], async (params) => patternSummaries(session.library.library, await localeOf(params))),
  );

  connection.onRequest(
    CaseDetailRequest.type,
    guard.request('casebook/caseDetail', null, async (params) => {
      const record = session.library.library.cases.get(String(params.id));
      return record ? caseDetail(record, session.library.library, await localeOf(params)) : null;
    }),
  );

  connection.onRequest(
    TopologyRequest.type,
    guard.request('casebook/topology', null, async (params, token) => {
      const target = await session.proposal(params.uri);
      if (!target || token.isCancellationRequested) return null;
      const locale = await localeOf(params, params.uri);
      const settings = { ...target.settings.analysis, locale };
      const { model } = session.service.parse(target.document);
      const { findings } = session.service.analyze(target.document, settings);
      const lose = typeof params.lose === 'string' && params.lose.trim() ? params.lose : undefined;
      const rendered = renderTopology(model, { locale, findings, ...(lose ? { lose } : {}) });
      return {
        uri: params.uri,
        version: target.document.version,
        mermaid: rendered.mermaid,
        nodes: rendered.nodes,
        omittedEdges: rendered.omittedEdges,
        scopes: rendered.scopes,
        ...(rendered.lost ? { lost: rendered.lost } : {}),
      };
    }),
  );

  connection.onRequest(
    MatchingCasesRequest.type,
    guard.request('casebook/matchingCases', { cases: [] }, async (params, token) => {
      const target = await session.proposal(params.uri);
      if (!target || token.isCancellationRequested) return { cases: [] };
      const locale = await localeOf(params, params.uri);
      const settings = { ...target.settings.analysis, locale };
      const { model } = session.service.parse(target.document);
      const { findings } = session.service.analyze(target.document, settings);
      return { cases: matchingCases(model, findings, session.library.library, locale) };
    }),
  );

  connection.onRequest(
    ReportRequest.type,
    guard.request('casebook/report', null, async (params, token) => {
      const target = await session.proposal(params.uri);
      if (!target || token.isCancellationRequested) return null;
      const locale = await localeOf(params, params.uri);
      const today = target.settings.analysis.today ?? localDate();
      const settings = { ...target.settings.analysis, locale, today };
      const { model } = session.service.parse(target.document);
      const { findings } = session.service.analyze(target.document, settings);
      const format = params.format === 'md' ? 'md' : 'html';
      const file = decodeURIComponent(params.uri.slice(params.uri.lastIndexOf('/') + 1));
      const library = session.library.library;
      const text = renderReport({ proposals: [{ file, model, findings }], library, locale, today }, format);
      return { uri: params.uri, version: target.document.version, format, text };
    }),
  );

  connection.onRequest(
    SearchCasesRequest.type,
    guard.request('casebook/searchCases', { results: [] }, async (params) => {
      const locale = await localeOf(params);
      const limit = typeof params.limit === 'number' && params.limit > 0 ? Math.min(params.limit, 100) : 20;
      return searchIndexFor(session.library.library).searchCases(String(params.query ?? ''), { locale, limit });
    }),
  );

  const noCounts: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
  connection.onRequest(
    CheckWorkspaceRequest.type,
    guard.request('casebook/checkWorkspace', noCounts, (params, token) =>
      session.status.busy(() => checkFiles(connection, session, Array.isArray(params.uris) ? params.uris : [], token)),
    ),
  );
}

/**
 * Checks proposals by uri (open ones as the editor has them, others from
 * disk), publishes their diagnostics and counts errors and warnings.
 * Stops between files when cancelled.
 */
async function checkFiles(
  connection: Connection,
  session: Session,
  uris: string[],
  token: CancellationToken,
): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
  for (const uri of uris) {
    if (token.isCancellationRequested) break;
    const open = session.sync.proposal(uri);
    let document = open;
    if (!document) {
      const file = fsPath(uri);
      if (!file) continue;
      // The CLI's reader: regular files only, capped in bytes read (a FIFO or /proc file must not hang the request).
      const read = readProposalFile(file);
      const refusal = refusalOf(read, file);
      if (refusal) {
        // Too large, binary, not UTF-8, a FIFO, a device or no permission: one located finding on the file, never a hang.
        const { locale } = (await session.settings.get(uri)).analysis;
        const at = { line: refusal.line, character: refusal.character };
        const diagnostic = {
          range: { start: at, end: at },
          severity: DiagnosticSeverity.Error,
          code: refusal.rule,
          source: 'casebook',
          message: pick(refusal.message, locale),
        };
        void connection.sendDiagnostics({ uri, diagnostics: [diagnostic] });
        result.files++;
        result.errors++;
        continue;
      }
      if (read.kind !== 'text') continue; // deleted or unreadable
      const candidate = TextDocument.create(uri, 'yaml', nextDiskVersion(), read.text);
      if (!isProposalDocument(candidate)) continue;
      document = candidate;
    }
    const settings = await session.settings.get(uri);
    const diagnostics = session.service.doValidation(document, settings.analysis);
    if (!open) {
      session.service.closeDocument(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    result.files++;
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === DiagnosticSeverity.Error) result.errors++;
      else if (diagnostic.severity === DiagnosticSeverity.Warning) result.warnings++;
    }
  }
  return result;
}

/** Today in the server's time zone, YYYY-MM-DD (waivers expire against it). */
function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a file that cannot be checked is told, at its top: refused files, and proposals that are not regular files or cannot be read. */
function refusalOf(read: ReadResult, file: string): { rule: string; message: Localized; line: number; character: number } | undefined {
  if (!/\.arch\.ya?ml$/i.test(file)) return undefined;
  if (read.kind === 'refused') return read;
  if (read.kind === 'unreadable' && (read.reason === 'not-regular' || read.reason === 'unreadable')) {
    return {
      rule: read.reason === 'not-regular' ? 'document-not-regular' : 'document-unreadable',
      message: read.message,
      line: 0,
      character: 0,
    };
  }
  return undefined;
}
