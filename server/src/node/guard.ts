/**
 * No exception escapes a handler: a bug in one feature is logged to the
 * client's output channel and the request gets an empty answer, so the
 * editor keeps working. Cancelled requests answer empty without the work;
 * a deliberate `ResponseError` still reaches the client.
 */
import { ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver/node';

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
        if (token?.isCancellationRequested) return fallback;
        try {
          const result = await handler(params, token);
          return token?.isCancellationRequested ? fallback : result;
        } catch (error) {
          // A ResponseError is a deliberate answer (e.g. why a rename is refused), not a bug.
          if (error instanceof ResponseError) throw error;
          report(name, error);
          return fallback;
        }
      };
    },
    event(name, handler) {
      return (params) => {
        try {
          const pending = handler(params);
          if (pending) pending.catch((error: unknown) => report(name, error));
        } catch (error) {
          report(name, error);
        }
      };
    },
  };
}
