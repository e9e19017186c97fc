/**
 * No exception escapes a handler: a bug in one feature is logged to the
 * client's output channel and the request gets an empty answer, so the
 * editor keeps working. Cancelled requests answer empty without the work;
 * a deliberate `ResponseError` still reaches the client.
 *
 * Protocol abuse gets the protocol's answers, not a logged failure: a request
 * whose params are not an object answers InvalidParams; before `initialize`
 * (a handler throws `NotInitializedError`) a request answers
 * ServerNotInitialized and a notification is ignored quietly.
 */
import { ErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver/node';

/** Thrown by a handler that needs the session before `initialize` created it. */
export class NotInitializedError extends Error {
  constructor() {
    super('the server is not initialized');
    this.name = 'NotInitializedError';
  }
}

export interface Guard {
  /** Wraps a request handler: cancelled → fallback; throws or rejects → logged, fallback. */
  request<P, R, F>(
    name: string,
    fallback: F,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R | F>;
  /** Wraps a notification or event handler: throws or rejects → logged. */
  event<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void;
  /** Logs an unexpected error with the place it happened. */
  report(name: string, error: unknown): void;
}

export function createGuard(console: RemoteConsole): Guard {
  const report = (name: string, error: unknown): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[casebook] ${name} failed: ${detail}`);
  };
  return {
    report,
    request(name, fallback, handler) {
      return async (params, token) => {
        // Every request this guards takes an object (textDocument, position, query…): null or a scalar is the client's error.
        if (params === null || (params !== undefined && typeof params !== 'object')) {
          throw new ResponseError(ErrorCodes.InvalidParams, `${name}: params must be an object`);
        }
        if (token?.isCancellationRequested) return fallback;
        try {
          const result = await handler(params, token);
          return token?.isCancellationRequested ? fallback : result;
        } catch (error) {
          // A ResponseError is a deliberate answer (e.g. why a rename is refused), not a bug.
          if (error instanceof ResponseError) throw error;
          if (error instanceof NotInitializedError) throw new ResponseError(ErrorCodes.ServerNotInitialized, error.message);
          // A malformed object (no textDocument, a position of strings) fails inside the handler with a TypeError.
          if (error instanceof TypeError && (params === undefined || !isWellFormed(params))) {
            throw new ResponseError(ErrorCodes.InvalidParams, `${name}: ${error.message}`);
          }
          report(name, error);
          return fallback;
        }
      };
    },
    event(name, handler) {
      const failed = (error: unknown): void => {
        // A notification before `initialize` has nobody to act on it: not a failure.
        if (!(error instanceof NotInitializedError)) report(name, error);
      };
      return (params) => {
        try {
          const pending = handler(params);
          if (pending) pending.catch(failed);
        } catch (error) {
          failed(error);
        }
      };
    },
  };
}

/** The shapes the guarded requests share: a `textDocument` with a string uri, a `position` of numbers, when present. */
function isWellFormed(params: object): boolean {
  const { textDocument, position } = params as { textDocument?: unknown; position?: { line?: unknown; character?: unknown } | null };
  if (textDocument !== undefined && (textDocument === null || typeof (textDocument as { uri?: unknown }).uri !== 'string')) return false;
  if (position !== undefined) {
    if (position === null || typeof position.line !== 'number' || typeof position.character !== 'number') return false;
  }
  return true;
}
