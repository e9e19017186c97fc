/**
 * `--jobs N`: checks files on worker threads. The bundle is its own worker
 * script (main.ts starts `runWorker` off the main thread). The main thread
 * stays synchronous: it hands each worker a few files at a time and takes the
 * results back, in file order, with `receiveMessageOnPort`, sleeping on a
 * shared counter the workers bump after each result. A file's document and
 * model live only inside the worker while it is checked; at most a bounded
 * window of results waits for its turn.
 */
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CaseLibrary } from '../service/types';
import { ConfigResolver } from '../node/config';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';
import { displayPath } from './paths';
import { checkFile, type CheckOptions, type FileCheckOptions, type FileOutcome } from './checkFile';

/** Below this many files a default run stays in this thread: starting workers would cost more than it saves. */
const MIN_FILES_FOR_DEFAULT_WORKERS = 16;
/** Files handed to a worker before it answers. */
const WINDOW = 4;
/** A worker silent this long has died (an uncatchable crash): fail rather than hang. */
const STALL_MS = 120_000;

type PoolOptions = FileCheckOptions & Pick<CheckOptions, 'cwd' | 'configFile'>;

interface WorkerInit {
  role: 'casebook-check-worker';
  options: PoolOptions;
  port: MessagePort;
  signal: SharedArrayBuffer;
}

type Reply = { index: number; outcome: FileOutcome } | { index: number; crash: string };

/** How many threads check `files` files: `--jobs`, else the CPU count once there are enough files. */
export function workerCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files < MIN_FILES_FOR_DEFAULT_WORKERS) return 1;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cpus, files));
}

export class CheckPool {
  private readonly workers: { worker: Worker; port: MessagePort; inFlight: number }[] = [];
  private readonly signal = new SharedArrayBuffer(4);
  private readonly counter = new Int32Array(this.signal);
  private readonly done = new Map<number, FileOutcome>();
  private sent = 0;
  private taken = 0;

  constructor(
    private readonly files: readonly string[],
    jobs: number,
    options: PoolOptions,
  ) {
    for (let i = 0; i < jobs; i++) {
      const { port1, port2 } = new MessageChannel();
      const init: WorkerInit = { role: 'casebook-check-worker', options, port: port2, signal: this.signal };
      const worker = new Worker(__filename, { workerData: init, transferList: [port2] });
      worker.unref();
      this.workers.push({ worker, port: port1, inFlight: 0 });
    }
    this.dispatch();
  }

  /** The outcome of the next file in order (blocks until a worker has it). */
  next(): FileOutcome {
    const index = this.taken;
    let quietSince = Date.now();
    for (;;) {
      const found = this.done.get(index);
      if (found) {
        this.done.delete(index);
        this.taken++;
        this.dispatch();
        return found;
      }
      const seen = Atomics.load(this.counter, 0);
      if (this.drain()) {
        quietSince = Date.now();
        continue;
      }
      if (Atomics.wait(this.counter, 0, seen, 1_000) === 'timed-out' && Date.now() - quietSince > STALL_MS)
        throw new Error(`a check worker stopped answering (file ${this.files[index]})`);
    }
  }

  close(): void {
    for (const w of this.workers) {
      w.port.postMessage({ close: true });
      w.port.close();
    }
  }

  /** Takes every waiting reply; true when there was one. */
  private drain(): boolean {
    let any = false;
    for (const w of this.workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const reply = m.message as Reply;
        w.inFlight--;
        any = true;
        if ('crash' in reply) throw new Error(`checking ${this.files[reply.index]} failed in a worker: ${reply.crash}`);
        this.done.set(reply.index, reply.outcome);
      }
    }
    if (any) this.dispatch();
    return any;
  }

  /** Keeps each worker a few files ahead, and never more than a bounded window past the file being taken. */
  private dispatch(): void {
    const limit = this.taken + this.workers.length * WINDOW * 2;
    for (const w of this.workers) {
      while (w.inFlight < WINDOW && this.sent < this.files.length && this.sent < limit) {
        w.port.postMessage({ index: this.sent, absolute: this.files[this.sent] });
        this.sent++;
        w.inFlight++;
      }
    }
  }
}

/** True in a thread started by CheckPool. */
export function isCheckWorker(): boolean {
  return (workerData as Partial<WorkerInit> | null)?.role === 'casebook-check-worker';
}

/** A worker's loop: check each file it is sent with its config and library, answer, bump the counter. */
export function runWorker(): void {
  const { options, port, signal } = workerData as WorkerInit;
  const counter = new Int32Array(signal);
  const configs = new ConfigResolver(options.cwd);
  const libraries = new Map<string, CaseLibrary>();
  port.on('message', (task: { index: number; absolute: string } | { close: true }) => {
    if ('close' in task) {
      port.close();
      return;
    }
    let reply: Reply;
    try {
      const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(task.absolute);
      const key = [...config.caseFolders, '#', ...config.regulationFolders].join('\n');
      let library = libraries.get(key);
      if (!library) {
        library = loadLibrary({
          builtInPath: builtInCasesPath(),
          extraPaths: config.caseFolders,
          regulationPaths: config.regulationFolders,
        });
        libraries.set(key, library);
      }
      const file = displayPath(task.absolute, options.cwd);
      reply = { index: task.index, outcome: checkFile(task.absolute, file, config, library, options, options.policy) };
    } catch (error) {
      reply = { index: task.index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}
