/** Small helpers over VS Code events. */
import type * as vscode from 'vscode';

/** The event's next value, or a rejection with `timeoutMessage` after `timeoutMs` (the tests' waits for a render). */
export function nextEvent<T>(event: vscode.Event<T>, timeoutMs: number, timeoutMessage: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(timeoutMessage));
    }, timeoutMs);
    const sub = event((value) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}
