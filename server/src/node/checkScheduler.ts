/**
 * The main thread's side of the check worker (checkWorker.ts): one worker
 * thread, one job in it at a time, and per document only the latest job
 * waiting — a job superseded before it started resolves `undefined` without
 * ever running, so an edit storm costs the worker one check at a time, each
 * of the newest version. Which results get published is DocumentSync's call.
 *
 * The worker's findings stay here as JSON, per document its latest result,
 * for the code actions and code lenses of that version (parsed on demand):
 * the main thread never re-runs an analysis the worker has done.
 *
 * No worker (the bundle is missing, as when the sources run under tsx, or
 * `CASEBOOK_CHECK_WORKER=0`), or a worker that died: `start` answers
 * undefined or `available` turns false, and DocumentSync checks in-process.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisSettings, Finding } from '../service/types';
import type { CheckJob, CheckResult, FromWorker, LibrarySource, ToWorker } from './checkProtocol';

export type { CheckJob, CheckResult, LibrarySource } from './checkProtocol';

/** What DocumentSync needs of a checker elsewhere (a stand-in in unit tests). */
export interface Checker {
  readonly available: boolean;
  /** Its library is loaded and its engine warm: before that, a small document is better checked where it is. */
  readonly ready: boolean;
  /** Checks one version; undefined when a newer job for the document superseded it before it ran; rejects when the worker failed. */
  check(job: Omit<CheckJob, 'id'>): Promise<CheckResult | undefined>;
  /** The document was closed: drop what the worker caches for it. */
  close(uri: string): void;
}

interface Pending {
  job: CheckJob;
  resolve: (result: CheckResult | undefined) => void;
  reject: (error: Error) => void;
}

interface Kept {
  version: number;
  settings: string;
  generation: number;
  json: string;
  parsed?: Finding[];
}

export const WORKER_SCRIPT = 'checkWorker.js';

export class WorkerChecker implements Checker {
  /** Created on first need (spawn): a thread loading its bundle and library beside the first check slows that check. */
  private worker: Worker | undefined;
  /** What was posted before the thread existed: the latest library only (each load replaces the one before). */
  private queuedLibrary: ToWorker | undefined;
  private running: Pending | undefined;
  /** The next job per document, in the order they were posted. */
  private readonly waiting = new Map<string, Pending>();
  private readonly kept = new Map<string, Kept>();
  private nextId = 1;
  private alive = true;
  private warm = false;

  /** A checker over the bundled worker beside this bundle, or undefined when there is none. Its thread starts on `spawn` or the first job. */
  static start(options: { ruleDocsBase?: string; log: (message: string) => void; script?: string }): WorkerChecker | undefined {
    if (process.env['CASEBOOK_CHECK_WORKER'] === '0') return undefined;
    const script = options.script ?? path.join(__dirname, WORKER_SCRIPT);
    if (!existsSync(script)) return undefined;
    return new WorkerChecker(() => new Worker(script, { workerData: { ruleDocsBase: options.ruleDocsBase } }), options.log);
  }

  private constructor(
    private readonly create: () => Worker,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts the thread if it is not running yet (idempotent): the session calls it once the first checks are out. */
  spawn(): void {
    if (this.worker || !this.alive) return;
    let worker: Worker;
    try {
      worker = this.create();
    } catch (error) {
      this.fail(new Error(`starting the check worker failed: ${String(error)}`));
      return;
    }
    this.worker = worker;
    // The server's exit ends it; it must not keep a process alive on its own.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the check worker exited (code ${code})`)));
    const library = this.queuedLibrary;
    this.queuedLibrary = undefined;
    if (library) worker.postMessage(library);
  }

  get available(): boolean {
    return this.alive;
  }

  get ready(): boolean {
    return this.alive && this.warm;
  }

  /** Loads the library in the worker; posted before any job that is to use it. */
  library(source: LibrarySource): void {
    this.post({ type: 'library', ...source });
  }

  check(job: Omit<CheckJob, 'id'>): Promise<CheckResult | undefined> {
    this.spawn();
    if (!this.alive) return Promise.reject(new Error('the check worker is not running'));
    return new Promise((resolve, reject) => {
      const superseded = this.waiting.get(job.uri);
      this.waiting.delete(job.uri);
      superseded?.resolve(undefined);
      this.waiting.set(job.uri, { job: { ...job, id: this.nextId++ }, resolve, reject });
      this.next();
    });
  }

  close(uri: string): void {
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
    this.kept.delete(uri);
    this.post({ type: 'close', uri });
  }

  /** The worker's findings for exactly this version, settings and library generation, if it checked them. */
  findings(uri: string, version: number, settings: AnalysisSettings, generation: number): Finding[] | undefined {
    const kept = this.kept.get(uri);
    if (!kept || kept.version !== version || kept.generation !== generation || kept.settings !== JSON.stringify(settings)) return undefined;
    kept.parsed ??= JSON.parse(kept.json) as Finding[];
    return kept.parsed;
  }

  private next(): void {
    if (this.running || !this.alive) return;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [uri, pending] = first.value;
    this.waiting.delete(uri);
    this.running = pending;
    this.post({ type: 'check', ...pending.job });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.warm = true;
      return;
    }
    const running = this.running;
    if (!running || running.job.id !== message.id) return;
    this.running = undefined;
    if (message.type === 'failed') {
      running.reject(new Error(message.error));
    } else {
      const { job } = running;
      this.kept.set(job.uri, {
        version: job.version,
        settings: JSON.stringify(job.settings),
        generation: message.generation,
        json: message.findings,
      });
      running.resolve(message);
    }
    this.next();
  }

  private post(message: ToWorker): void {
    if (!this.alive) return;
    if (this.worker) this.worker.postMessage(message);
    // Before the thread exists only the library matters; it has no documents to close.
    else if (message.type === 'library') this.queuedLibrary = message;
  }

  private fail(error: Error): void {
    if (!this.alive) return;
    this.alive = false;
    this.log(`the check worker stopped, checking on the main thread from now on: ${error.message}`);
    const pending = [...(this.running ? [this.running] : []), ...this.waiting.values()];
    this.running = undefined;
    this.waiting.clear();
    for (const p of pending) p.reject(error);
  }
}
