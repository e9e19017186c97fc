/**
 * A check worker of `casebook check --jobs N` (workers.ts starts it): checks
 * each file it is sent with its config and library, renders it for the
 * output, and answers. Bundled on its own as `dist/cliWorker.js` with only
 * what checking and the streamed formats need.
 */
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { ConfigResolver } from '../node/config';
import { checkFile } from './checkFile';
import { fileRenderer } from './fileOutput';
import { Libraries, libraryNotices } from './libraries';
import { displayPath } from './paths';
import { PROTOCOL, type FileReply, type Reply, type Task, type WorkerInit } from './workerProtocol';

export function runWorker(): void {
  const { options, output, port, signal, protocol } = workerData as WorkerInit;
  const counter = new Int32Array(signal);
  const configs = new ConfigResolver(options.cwd);
  const libraries = new Libraries();
  const render = output ? fileRenderer(output) : undefined;
  const encoder = new TextEncoder();
  port.on('message', (task: Task | { close: true }) => {
    if ('close' in task) {
      port.close();
      return;
    }
    let reply: Reply;
    const transfer: ArrayBuffer[] = [];
    try {
      if (protocol !== PROTOCOL)
        throw new Error(`the check worker bundle is from another build (protocol ${PROTOCOL}, asked ${protocol}); rebuild Casebook`);
      const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(task.absolute);
      const { library, fresh } = libraries.for(config);
      const file = displayPath(task.absolute, options.cwd);
      const outcome = checkFile(task.absolute, file, config, library, options, options.policy);
      const answer: FileReply = { index: task.index, notices: outcome.notices };
      if (fresh) answer.libraryNotices = libraryNotices(library, config.caseFolders, options.cwd);
      if (outcome.error) answer.error = outcome.error;
      else if (render) {
        const rendered = render({ file, absolute: task.absolute, findings: outcome.findings, fingerprints: outcome.fingerprints, library });
        const body = rendered.body.length > 0 ? encoder.encode(rendered.body) : '';
        if (typeof body !== 'string') transfer.push(body.buffer);
        answer.rendered = { ...rendered, body };
      } else {
        answer.findings = outcome.findings;
        answer.fingerprints = outcome.fingerprints;
      }
      reply = answer;
    } catch (error) {
      reply = { index: task.index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, transfer);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}
