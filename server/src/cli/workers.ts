/**
 * `--jobs N`: checks files on worker threads (worker.ts, bundled on its own as
 * `dist/cliWorker.js`; the CLI bundle itself when that is missing). The main
 * thread stays synchronous: it hands each worker a few files at a time and
 * takes the results back, in file order, with `receiveMessageOnPort`,
 * sleeping on a shared counter the workers bump after each result. A file's
 * document, model and findings live only inside the worker: it answers with
 * the file's output already rendered and encoded (fileOutput.ts), which the
 * main thread writes as it is. At most a bounded window of results waits for
 * its turn.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { OutputSpec } from './fileOutput';
import { WORKER_RESOURCE_LIMITS } from './heap';
import { workerInit, type FileReply, type PoolOptions, type Reply } from './workerProtocol';

export { isCheckWorker } from './workerProtocol';
export { runWorker } from './worker';

/** Below this many files a default run stays in this thread: starting workers would cost more than it saves. */
const MIN_FILES_FOR_DEFAULT_WORKERS = 16;
/** Files handed to a worker before it answers. */
const WINDOW = 4;
/** A worker silent this long has died (an uncatchable crash): fail rather than hang. */
const STALL_MS = 120_000;

/** How many threads check `files` files: `--jobs`, else the CPU count once there are enough files. */
export function workerCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files < MIN_FILES_FOR_DEFAULT_WORKERS) return 1;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cpus, files));
}

/** The lean worker bundle beside this one, else this bundle (which starts a worker too when it is one). */
function workerScript(): string {
  const lean = path.join(__dirname, 'cliWorker.js');
  return path.extname(__filename) === '.js' && existsSync(lean) ? lean : __filename;
}

export class CheckPool {
  private readonly workers: { worker: Worker; port: MessagePort; inFlight: number }[] = [];
  private readonly signal = new SharedArrayBuffer(4);
  private readonly counter = new Int32Array(this.signal);
  private readonly done = new Map<number, FileReply>();
  private sent = 0;
  private taken = 0;

  constructor(
    private readonly files: readonly string[],
    jobs: number,
    options: PoolOptions,
    output: OutputSpec | undefined,
  ) {
    const script = workerScript();
    for (let i = 0; i < jobs; i++) {
      const { port1, port2 } = new MessageChannel();
      const init = workerInit({ options, ...(output ? { output } : {}), port: port2, signal: this.signal });
      const worker = new Worker(script, { workerData: init, transferList: [port2], resourceLimits: WORKER_RESOURCE_LIMITS });
      worker.unref();
      this.workers.push({ worker, port: port1, inFlight: 0 });
    }
    this.dispatch();
  }

  /** The answer for the next file in order (blocks until a worker has it). */
  next(): FileReply {
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
        this.done.set(reply.index, reply);
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
