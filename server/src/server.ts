/**
 * The Casebook language server: the connection (stdio, node-ipc or socket, as
 * the command line says), open documents with incremental sync, the
 * capabilities, and each LSP message routed to the language service through
 * the session: the notifications one by one, the requests through one table
 * (`ROUTES`; the `casebook/…` ones in node/customRequests.ts). Nothing else
 * lives here.
 */
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { SafeTextDocument } from './node/textModel';
import { registerCustomRequests } from './node/customRequests';
import { NotInitializedError, createGuard } from './node/guard';
import { documentRoute, registerRoutes, sessionRoute, targetRoute, type Route } from './node/routes';
import { Session } from './node/session';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(SafeTextDocument);
const guard = createGuard(connection.console);
let session: Session | undefined;

/** Requests before `initialize` completes have nothing to answer with. */
const current = (): Session => {
  if (!session) throw new NotInitializedError();
  return session;
};

connection.onInitialize((params): InitializeResult => {
  session = new Session(connection, documents, guard, params);
  registerCustomRequests(connection, session);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-', '[', ','], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'casebook-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(
  guard.event('initialized', () => {
    // Only a client that announced workspace folders may be asked for their changes.
    if (current().capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard.event('didChangeWorkspaceFolders', (event) => current().changeWorkspaceFolders(event.added, event.removed)),
      );
    }
    return current().start();
  }),
);
connection.onDidChangeConfiguration(guard.event('didChangeConfiguration', (params) => current().changeConfiguration(params.settings)));
connection.onDidChangeWatchedFiles(guard.event('didChangeWatchedFiles', (params) => current().changeWatchedFiles(params.changes)));
documents.onDidOpen(guard.event('didOpen', (event) => current().sync.opened(event.document)));
documents.onDidChangeContent(guard.event('didChange', (event) => current().sync.changed(event.document)));
documents.onDidClose(guard.event('didClose', (event) => current().sync.closed(event.document)));

// Registered by request type rather than through `connection.onHover` and the like: those read
// `params.workDoneToken` before the guard sees the params, so a null answered an internal error.
const byTextDocument = (params: { textDocument: { uri: string } }): string => params.textDocument.uri;

/** Every standard request: its type, the name it is logged under, the answer when there is none, and what its handler needs. */
const ROUTES: readonly Route[] = [
  targetRoute(HoverRequest.type, 'hover', null, byTextDocument, ({ service }, { document, settings }, { position }) =>
    service.doHover(document, position, settings.analysis),
  ),
  targetRoute(
    CompletionRequest.type,
    'completion',
    { isIncomplete: false, items: [] },
    byTextDocument,
    ({ service }, { document, settings }, { position }) => service.doComplete(document, position, settings.analysis),
  ),
  targetRoute(CodeActionRequest.type, 'codeAction', [], byTextDocument, ({ service }, { document, settings }, { range, context }) =>
    service.getCodeActions(document, range, context, settings.analysis),
  ),
  targetRoute(CodeLensRequest.type, 'codeLens', [], byTextDocument, ({ service }, { document, settings }) =>
    service.getCodeLenses(document, settings.analysis),
  ),
  documentRoute(DocumentSymbolRequest.type, 'documentSymbol', [], byTextDocument, ({ service }, document) =>
    service.findDocumentSymbols(document),
  ),
  sessionRoute(WorkspaceSymbolRequest.type, 'workspaceSymbol', [], (session, { query }) =>
    session.service.findWorkspaceSymbols(session.workspaceProposals(), query),
  ),
  documentRoute(DefinitionRequest.type, 'definition', [], byTextDocument, ({ service }, document, { position }) =>
    service.findDefinition(document, position),
  ),
  documentRoute(ReferencesRequest.type, 'references', [], byTextDocument, ({ service }, document, { position, context }) =>
    service.findReferences(document, position, context.includeDeclaration),
  ),
  documentRoute(PrepareRenameRequest.type, 'prepareRename', null, byTextDocument, ({ service }, document, { position }) =>
    service.prepareRename(document, position),
  ),
  targetRoute(RenameRequest.type, 'rename', null, byTextDocument, ({ service }, { document, settings }, { position, newName }) => {
    // A clash or an invalid id is the user's to fix: answer with the reason, which the editor shows.
    const problem = service.renameProblem(document, position, newName, settings.analysis);
    if (problem) throw new ResponseError(-32803 /* RequestFailed */, problem);
    return service.doRename(document, position, newName);
  }),
  documentRoute(FoldingRangeRequest.type, 'foldingRange', [], byTextDocument, ({ service }, document) =>
    service.getFoldingRanges(document),
  ),
  documentRoute(DocumentLinkRequest.type, 'documentLink', [], byTextDocument, ({ service }, document) =>
    service.findDocumentLinks(document),
  ),
];
registerRoutes(connection, guard, current, ROUTES);

documents.listen(connection);
connection.listen();
