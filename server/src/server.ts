/**
 * The Casebook language server: the connection (stdio, node-ipc or socket, as
 * the command line says), open documents with incremental sync, the
 * capabilities, and each LSP message routed to the language service through
 * the session. Nothing else lives here.
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
connection.onRequest(
  HoverRequest.type,
  guard.request('hover', null, async ({ textDocument, position }) => {
    const target = await current().proposal(textDocument.uri);
    return target ? current().service.doHover(target.document, position, target.settings.analysis) : null;
  }),
);

connection.onRequest(
  CompletionRequest.type,
  guard.request('completion', { isIncomplete: false, items: [] }, async ({ textDocument, position }) => {
    const target = await current().proposal(textDocument.uri);
    return target ? current().service.doComplete(target.document, position, target.settings.analysis) : { isIncomplete: false, items: [] };
  }),
);

connection.onRequest(
  CodeActionRequest.type,
  guard.request('codeAction', [], async ({ textDocument, range, context }) => {
    const target = await current().proposal(textDocument.uri);
    return target ? current().service.getCodeActions(target.document, range, context, target.settings.analysis) : [];
  }),
);

connection.onRequest(
  CodeLensRequest.type,
  guard.request('codeLens', [], async ({ textDocument }) => {
    const target = await current().proposal(textDocument.uri);
    return target ? current().service.getCodeLenses(target.document, target.settings.analysis) : [];
  }),
);

connection.onRequest(
  DocumentSymbolRequest.type,
  guard.request('documentSymbol', [], ({ textDocument }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.findDocumentSymbols(document) : [];
  }),
);

connection.onRequest(
  WorkspaceSymbolRequest.type,
  guard.request('workspaceSymbol', [], ({ query }) => current().service.findWorkspaceSymbols(current().workspaceProposals(), query)),
);

connection.onRequest(
  DefinitionRequest.type,
  guard.request('definition', [], ({ textDocument, position }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.findDefinition(document, position) : [];
  }),
);

connection.onRequest(
  ReferencesRequest.type,
  guard.request('references', [], ({ textDocument, position, context }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.findReferences(document, position, context.includeDeclaration) : [];
  }),
);

connection.onRequest(
  PrepareRenameRequest.type,
  guard.request('prepareRename', null, ({ textDocument, position }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.prepareRename(document, position) : null;
  }),
);

connection.onRequest(
  RenameRequest.type,
  guard.request('rename', null, async ({ textDocument, position, newName }) => {
    const target = await current().proposal(textDocument.uri);
    if (!target) return null;
    // A clash or an invalid id is the user's to fix: answer with the reason, which the editor shows.
    const problem = current().service.renameProblem(target.document, position, newName, target.settings.analysis);
    if (problem) throw new ResponseError(-32803 /* RequestFailed */, problem);
    return current().service.doRename(target.document, position, newName);
  }),
);

connection.onRequest(
  FoldingRangeRequest.type,
  guard.request('foldingRange', [], ({ textDocument }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.getFoldingRanges(document) : [];
  }),
);

connection.onRequest(
  DocumentLinkRequest.type,
  guard.request('documentLink', [], ({ textDocument }) => {
    const document = current().sync.proposal(textDocument.uri);
    return document ? current().service.findDocumentLinks(document) : [];
  }),
);

documents.listen(connection);
connection.listen();
