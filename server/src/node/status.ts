/**
 * The `casebook/status` notification: starting → ready, and busy while the
 * library loads or many documents are re-checked. Only transitions are sent.
 */
import type { Connection } from 'vscode-languageserver/node';
import { StatusNotification, type ServerStatus } from '../../../shared/src/protocol';

export class StatusReporter {
  private state: ServerStatus['state'] = 'starting';
  private busyDepth = 0;
  private last: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly counts: () => { cases: number; libraryProblems: number },
  ) {}

  /** Marks the server ready (after the first library load). */
  ready(): void {
    this.state = 'ready';
    this.send();
  }

  /** Runs work with the status `busy`; nested calls stay busy until the outermost ends. */
  async busy<T>(work: () => Promise<T> | T): Promise<T> {
    this.busyDepth++;
    this.send();
    try {
      return await work();
    } finally {
      this.busyDepth--;
      this.send();
    }
  }

  /** Sends the current status even if unchanged (the library counts may have changed). */
  refresh(): void {
    this.last = undefined;
    this.send();
  }

  current(): ServerStatus {
    const state = this.state === 'starting' ? 'starting' : this.busyDepth > 0 ? 'busy' : 'ready';
    return { state, ...this.counts() };
  }

  private send(): void {
    const status = this.current();
    const key = JSON.stringify(status);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(StatusNotification.type, status);
  }
}
