/**
 * What the main thread of `casebook check --jobs N` and its check workers say
 * to each other (workers.ts, worker.ts). The main thread sends file indices
 * and paths; a worker answers each file once, in the order it was sent, with
 * the file's rendered output (UTF-8 bytes, transferred, not copied) or, when
 * no output is streamed (`casebook baseline`), its findings.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import type { Localized } from '../service/locale';
import type { Finding } from '../service/types';
import type { CheckOptions, FileCheckOptions } from './checkFile';
import type { OutputSpec, WrittenFile } from './fileOutput';

/** Bumped whenever these messages change: a worker bundle from another build refuses to run rather than misread them. */
export const PROTOCOL = 2;
const ROLE = 'casebook-check-worker';

export type PoolOptions = FileCheckOptions & Pick<CheckOptions, 'cwd' | 'configFile'>;

export interface WorkerInit {
  role: typeof ROLE;
  protocol: number;
  options: PoolOptions;
  /** Render each file for this output; absent: answer with the findings. */
  output?: OutputSpec;
  port: MessagePort;
  /** A counter the worker bumps after each answer (the main thread sleeps on it). */
  signal: SharedArrayBuffer;
}

export interface Task {
  index: number;
  absolute: string;
}

export interface FileReply {
  index: number;
  notices: Localized[];
  error?: Localized;
  /** The notices of a library this worker loaded for this file, its first with that library. */
  libraryNotices?: Localized[];
  /** With an output: the file rendered, its body encoded as UTF-8. */
  rendered?: WrittenFile;
  /** Without one: the findings and fingerprints. */
  findings?: Finding[];
  fingerprints?: string[];
}

export type Reply = FileReply | { index: number; crash: string };

export function workerInit(init: Omit<WorkerInit, 'role' | 'protocol'>): WorkerInit {
  return { role: ROLE, protocol: PROTOCOL, ...init };
}

/** True in a thread started by CheckPool. */
export function isCheckWorker(): boolean {
  return (workerData as Partial<WorkerInit> | null)?.role === ROLE;
}
