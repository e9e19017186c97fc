/**
 * The guard around every handler: protocol abuse gets the protocol's answers
 * (InvalidParams, ServerNotInitialized), a notification before `initialize` is
 * ignored quietly, and a real bug is logged with an empty answer.
 */
import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver/node';
import { NotInitializedError, createGuard } from '../../../server/src/node/guard';

function guarded() {
  const logged: string[] = [];
  const console = { error: (message: string) => logged.push(message) } as unknown as RemoteConsole;
  return { guard: createGuard(console), logged };
}

const token = { isCancellationRequested: false } as CancellationToken;

async function codeOf(pending: Promise<unknown>): Promise<number | undefined> {
  try {
    await pending;
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error.code;
  }
}

describe('server: guard', () => {
  it('answers InvalidParams to a request with null, scalar or malformed params, and logs nothing', async () => {
    const { guard, logged } = guarded();
    const hover = guard.request(
      'hover',
      null,
      ({ textDocument, position }: { textDocument: { uri: string }; position: { line: number } }) =>
        textDocument.uri.length + position.line,
    );
    assert.equal(await codeOf(hover(null as never, token)), ErrorCodes.InvalidParams);
    assert.equal(await codeOf(hover(42 as never, token)), ErrorCodes.InvalidParams);
    assert.equal(await codeOf(hover(undefined as never, token)), ErrorCodes.InvalidParams);
    assert.equal(await codeOf(hover({ textDocument: null } as never, token)), ErrorCodes.InvalidParams);
    assert.equal(await hover({ textDocument: { uri: 'file:///a' }, position: { line: 2 } }, token), 11);
    assert.deepEqual(logged, []);
  });

  it('still logs a real bug and answers the fallback', async () => {
    const { guard, logged } = guarded();
    const broken = guard.request('hover', 'fallback', (_: { textDocument: { uri: string } }) => {
      throw new TypeError('a bug');
    });
    assert.equal(await broken({ textDocument: { uri: 'file:///a' } }, token), 'fallback');
    assert.equal(logged.length, 1);
  });

  it('answers ServerNotInitialized to a request before initialize', async () => {
    const { guard, logged } = guarded();
    const early = guard.request('hover', null, () => {
      throw new NotInitializedError();
    });
    assert.equal(await codeOf(early({}, token)), ErrorCodes.ServerNotInitialized);
    assert.deepEqual(logged, []);
  });

  it('ignores a notification before initialize quietly, sync or async', async () => {
    const { guard, logged } = guarded();
    guard.event('didOpen', () => {
      throw new NotInitializedError();
    })({});
    guard.event('didChange', () => Promise.reject(new NotInitializedError()))({});
    guard.event('didClose', () => {
      throw new Error('a bug');
    })({});
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0]!, /didClose failed/);
  });
});
