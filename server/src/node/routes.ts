/**
 * Requests routed to the session, declared as tables: server.ts holds the
 * standard LSP requests, customRequests.ts the `casebook/…` ones. A route
 * names its request type, the name the guard logs it under, the answer when
 * there is nothing to answer (not an open proposal, cancelled, or failed) and
 * a handler that receives what it needs: the open document, the document with
 * its settings, or the session alone. Every handler runs inside
 * `guard.request`: params that are not an object answer InvalidParams, a
 * request before `initialize` ServerNotInitialized (the session getter
 * throws), an exception the fallback, logged.
 */
import type { CancellationToken, Connection, RequestType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Guard } from './guard';
import type { ProposalTarget, Session } from './session';

export interface Route {
  readonly method: string;
  register(connection: Connection, guard: Guard, session: () => Session): void;
}

type Answer<R> = R | Promise<R>;

/** A request answered from the session alone (the library, the workspace). */
export function sessionRoute<P, R, E>(
  type: RequestType<P, R, E>,
  name: string,
  fallback: R,
  answer: (session: Session, params: P, token: CancellationToken) => Answer<R>,
): Route {
  return {
    method: type.method,
    register(connection, guard, session) {
      // The session first: before `initialize` the getter throws, which the guard answers ServerNotInitialized.
      connection.onRequest(
        type,
        guard.request(name, fallback, (params: P, token) => answer(session(), params, token)),
      );
    },
  };
}

/** A request about one open proposal that needs only its text: not an open proposal → the fallback. */
export function documentRoute<P, R, E>(
  type: RequestType<P, R, E>,
  name: string,
  fallback: R,
  uriOf: (params: P) => string,
  answer: (session: Session, document: TextDocument, params: P) => Answer<R>,
): Route {
  return sessionRoute(type, name, fallback, (session, params) => {
    const document = session.sync.document(uriOf(params));
    return document ? answer(session, document, params) : fallback;
  });
}

/**
 * A request about one open proposal that needs its settings too (on a first request, a round trip to the client):
 * not an open proposal, or cancelled while the settings came, → the fallback without the work.
 */
export function targetRoute<P, R, E>(
  type: RequestType<P, R, E>,
  name: string,
  fallback: R,
  uriOf: (params: P) => string,
  answer: (session: Session, target: ProposalTarget, params: P, token: CancellationToken) => Answer<R>,
): Route {
  return sessionRoute(type, name, fallback, async (session, params, token) => {
    const target = await session.target(uriOf(params));
    return target && !token.isCancellationRequested ? answer(session, target, params, token) : fallback;
  });
}

export function registerRoutes(connection: Connection, guard: Guard, session: () => Session, routes: readonly Route[]): void {
  for (const route of routes) route.register(connection, guard, session);
}
