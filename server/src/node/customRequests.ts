/**
 * The `casebook/…` requests of shared/src/protocol.ts, as one table of routes
 * (node/routes.ts): the case library (list, search, detail), the regulation
 * library (documents, clauses), a proposal's topology, matching cases,
 * compliance matrix and review dossier, and a check of files that are not
 * open. Each is answered by the language service from the current library
 * and the cached parse and analysis of the document.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import {
  CaseDetailRequest,
  CheckWorkspaceRequest,
  ComplianceRequest,
  ListCasesRequest,
  ListPatternsRequest,
  MatchingCasesRequest,
  RegulationRequest,
  RegulationsRequest,
  ReportRequest,
  SearchCasesRequest,
  TopologyRequest,
  type CheckWorkspaceResult,
  type DocumentParams,
  type LocaleParams,
} from '../../../shared/src/protocol';
import { normalizeLocale, pick, type Locale, type Localized } from '../service/locale';
import type { ReportFormat } from '../service/report';
import type { AnalysisSettings } from '../service/types';
import { complianceRowViews } from '../service/regulationViews';
import { readProposalFile, type ReadResult } from './files';
import { isProposalDocument } from './proposals';
import { registerRoutes, sessionRoute, targetRoute, type Route } from './routes';
import type { ProposalTarget, Session } from './session';
import { fsPath } from './settings';
import { nextDiskVersion } from './workspaceProposals';

/** The locale a request asks for (a string; anything else is not asking), else the server's. */
async function localeOf(session: Session, params: LocaleParams | undefined): Promise<Locale> {
  return typeof params?.locale === 'string' && params.locale
    ? normalizeLocale(params.locale)
    : (await session.settings.get(undefined)).analysis.locale;
}

/** A proposal's settings in the locale its request asks for, else in its own. */
function settingsFor(params: LocaleParams, target: ProposalTarget): AnalysisSettings {
  const { analysis } = target.settings;
  return typeof params.locale === 'string' && params.locale ? { ...analysis, locale: normalizeLocale(params.locale) } : analysis;
}

const byUri = (params: DocumentParams): string => params.uri;
const noCounts: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0 };

/**
 * Every `casebook/…` request, one route each, answered by the language service: `service.library` for the case
 * library, its document methods for a proposal. A new request is one route here (in its group), its type declared
 * in shared/src/protocol.ts.
 */
function customRoutes(connection: Connection): Route[] {
  return [
    // The case library.
    sessionRoute(ListCasesRequest.type, 'casebook/listCases', [], async (session, params) =>
      session.service.library.list(await localeOf(session, params)),
    ),
    sessionRoute(ListPatternsRequest.type, 'casebook/listPatterns', [], async (session, params) =>
      session.service.library.patterns(await localeOf(session, params)),
    ),
    sessionRoute(CaseDetailRequest.type, 'casebook/caseDetail', null, async (session, params) =>
      session.service.library.detail(String(params.id), await localeOf(session, params)),
    ),
    sessionRoute(SearchCasesRequest.type, 'casebook/searchCases', { results: [] }, async (session, params) => {
      const locale = await localeOf(session, params);
      const limit = typeof params.limit === 'number' && params.limit > 0 ? Math.min(params.limit, 100) : 20;
      const query = String(params.query ?? '');
      const { results } = session.service.library.search(query, { locale, limit });
      // Regulation clauses after the cases (issue 11).
      return { results: [...results, ...session.service.library.searchClauses(query, { locale, limit })] };
    }),

    // The regulation library (issue 11): the Regulations view, with how many findings of a proposal cite each clause, and clause pages.
    sessionRoute(RegulationsRequest.type, 'casebook/regulations', { documents: [] }, async (session, params, token) => {
      const target = typeof params.uri === 'string' ? await session.target(params.uri) : undefined;
      if (token.isCancellationRequested) return { documents: [] };
      if (!target) return { documents: session.service.library.regulations(await localeOf(session, params)) };
      const settings = settingsFor(params, target);
      return {
        documents: session.service.library.regulations(settings.locale, session.service.analyze(target.document, settings).findings),
      };
    }),
    sessionRoute(RegulationRequest.type, 'casebook/regulation', null, async (session, params) =>
      session.service.library.clause(String(params.ref ?? ''), await localeOf(session, params)),
    ),

    // One open proposal.
    targetRoute(TopologyRequest.type, 'casebook/topology', null, byUri, ({ service }, target, params) => ({
      ...service.topology(target.document, settingsFor(params, target), typeof params.lose === 'string' ? { lose: params.lose } : {}),
      uri: params.uri,
    })),
    targetRoute(MatchingCasesRequest.type, 'casebook/matchingCases', { cases: [] }, byUri, ({ service }, target, params) => ({
      cases: service.matchingCases(target.document, settingsFor(params, target)),
    })),
    targetRoute(ComplianceRequest.type, 'casebook/compliance', null, byUri, ({ service }, target, params) => {
      const settings = settingsFor(params, target);
      // Analysed through `analyze` first: the session's façade takes the check worker's findings for this version when it has them.
      service.analyze(target.document, settings);
      const rows = complianceRowViews(service.compliance(target.document, settings), settings.locale);
      return { uri: params.uri, version: target.document.version, rows };
    }),
    targetRoute(ReportRequest.type, 'casebook/report', null, byUri, ({ service }, target, params) => {
      const settings = settingsFor(params, target);
      const today = settings.today ?? localDate();
      const format: ReportFormat = params.format === 'md' ? 'md' : 'html';
      const file = decodeURIComponent(params.uri.slice(params.uri.lastIndexOf('/') + 1));
      const text = service.report([{ document: target.document, file, settings: { ...settings, today } }], {
        locale: settings.locale,
        today,
        format,
      });
      return { uri: params.uri, version: target.document.version, format, text };
    }),

    // Files that need not be open.
    sessionRoute(CheckWorkspaceRequest.type, 'casebook/checkWorkspace', noCounts, (session, params, token) =>
      session.status.busy(() => checkFiles(connection, session, Array.isArray(params.uris) ? params.uris : [], token)),
    ),
  ];
}

export function registerCustomRequests(connection: Connection, session: Session): void {
  registerRoutes(connection, session.guard, () => session, customRoutes(connection));
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
    const open = session.sync.document(uri);
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
      if (read.kind === 'unreadable' && read.reason === 'folder') {
        // A folder named like a proposal has no place in the Problems panel: say so in the log, naming it.
        const { locale } = (await session.settings.get(uri)).analysis;
        connection.console.warn(
          `[casebook] ${pick({ zh: `检查工作区：已跳过 ${file}，它是文件夹。`, en: `Check Workspace: skipped ${file}, a folder.` }, locale)}`,
        );
        continue;
      }
      if (read.kind !== 'text') continue; // deleted since it was found
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
  if (read.kind === 'unreadable' && (read.reason === 'not-regular' || read.reason === 'link-loop' || read.reason === 'unreadable')) {
    return {
      rule: read.reason === 'not-regular' ? 'document-not-regular' : 'document-unreadable',
      message: read.message,
      line: 0,
      character: 0,
    };
  }
  return undefined;
}
