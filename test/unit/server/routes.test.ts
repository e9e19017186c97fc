import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ErrorCodes,
  RequestType,
  ResponseError,
  type CancellationToken,
  type Connection,
  type RemoteConsole,
} from 'vscode-languageserver/node';
import { NotInitializedError, createGuard } from '../../../server/src/node/guard';
import { documentRoute, registerRoutes, sessionRoute, targetRoute } from '../../../server/src/node/routes';
import type { ProposalTarget, Session } from '../../../server/src/node/session';

type Handler = (params: unknown, token: CancellationToken) => Promise<unknown>;

const Echo = new RequestType<{ uri: string }, string | null, void>('test/echo');
const OPEN = TextDocument.create('file:///w/open.arch.yaml', 'yaml', 3, 'casebook: proposal/v1\n');

function setUp(session: (() => Session) | Session) {
  const handlers = new Map<string, Handler>();
  const errors: string[] = [];
  const connection = {
    onRequest: (type: { method: string }, handler: Handler) => handlers.set(type.method, handler),
  } as unknown as Connection;
  const guard = createGuard({ error: (m: string) => errors.push(m) } as unknown as RemoteConsole);
  const calls: string[] = [];
  const routes = [
    sessionRoute(new RequestType<object, string, void>('test/session'), 'session', 'none', () => {
      calls.push('session');
      return 'answered';
    }),
    documentRoute(
      Echo,
      'document',
      null,
      (p) => p.uri,
      (_s, document) => {
        calls.push('document');
        return `v${document.version}`;
      },
    ),
    targetRoute(
      new RequestType<{ uri: string }, string | null, void>('test/target'),
      'target',
      null,
      (p) => p.uri,
      (_s, target) => {
        calls.push('target');
        return target.settings.key;
      },
    ),
    sessionRoute(new RequestType<object, string, void>('test/throws'), 'throws', 'fallback', () => {
      throw new Error('boom');
    }),
  ];
  registerRoutes(connection, guard, typeof session === 'function' ? session : () => session, routes);
  const send = (method: string, params: unknown, cancelled = false) =>
    handlers.get(method)!(params, { isCancellationRequested: cancelled } as CancellationToken);
  return { send, calls, errors, methods: [...handlers.keys()] };
}

function fakeSession(onTarget?: () => void): Session {
  return {
    sync: { document: (uri: string) => (uri === OPEN.uri ? OPEN : undefined) },
    target: (uri: string): Promise<ProposalTarget | undefined> => {
      onTarget?.();
      return Promise.resolve(uri === OPEN.uri ? ({ document: OPEN, settings: { key: 'k1' } } as unknown as ProposalTarget) : undefined);
    },
  } as unknown as Session;
}

const code = async (answer: Promise<unknown>): Promise<number | undefined> => {
  try {
    await answer;
    return undefined;
  } catch (error) {
    return error instanceof ResponseError ? error.code : -1;
  }
};

describe('server: request routes', () => {
  it('registers every route under its method', () => {
    assert.deepEqual(setUp(fakeSession()).methods, ['test/session', 'test/echo', 'test/target', 'test/throws']);
  });

  it('answers an open proposal from its document, or its document and settings; anything else the fallback', async () => {
    const { send, calls } = setUp(fakeSession());
    assert.equal(await send('test/echo', { uri: OPEN.uri }), 'v3');
    assert.equal(await send('test/echo', { uri: 'file:///w/other.yaml' }), null);
    assert.equal(await send('test/target', { uri: OPEN.uri }), 'k1');
    assert.equal(await send('test/target', { uri: 'file:///w/other.yaml' }), null);
    assert.deepEqual(calls, ['document', 'target']);
  });

  it('does not do the work of a request cancelled while its settings came', async () => {
    const token = { isCancellationRequested: false };
    const handlers = new Map<string, Handler>();
    const connection = { onRequest: (t: { method: string }, h: Handler) => handlers.set(t.method, h) } as unknown as Connection;
    let answered = 0;
    // The client cancels while the settings are on their way.
    const session = fakeSession(() => (token.isCancellationRequested = true));
    registerRoutes(connection, createGuard({ error: () => undefined } as unknown as RemoteConsole), () => session, [
      targetRoute(
        Echo,
        'target',
        null,
        (p) => p.uri,
        () => {
          answered++;
          return 'work';
        },
      ),
    ]);
    assert.equal(await handlers.get(Echo.method)!({ uri: OPEN.uri }, token as CancellationToken), null);
    assert.equal(answered, 0);
  });

  it('keeps the guard: InvalidParams for params that are not an object or lack the uri, ServerNotInitialized before initialize', async () => {
    const { send } = setUp(fakeSession());
    assert.equal(await code(send('test/echo', null)), ErrorCodes.InvalidParams);
    assert.equal(await code(send('test/echo', 3)), ErrorCodes.InvalidParams);
    assert.equal(await code(send('test/echo', undefined)), ErrorCodes.InvalidParams);
    const early = setUp(() => {
      throw new NotInitializedError();
    });
    assert.equal(await code(early.send('test/echo', { uri: OPEN.uri })), ErrorCodes.ServerNotInitialized);
    assert.equal(await code(early.send('test/session', {})), ErrorCodes.ServerNotInitialized);
    assert.equal(await code(early.send('test/echo', null)), ErrorCodes.InvalidParams, 'null params are the client’s error first');
  });

  it('logs a handler that throws and answers its fallback', async () => {
    const { send, errors } = setUp(fakeSession());
    assert.equal(await send('test/throws', {}), 'fallback');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /throws failed: Error: boom/);
  });
});
