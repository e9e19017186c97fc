/**
 * The check worker (bundled as dist/checkWorker.js): a worker thread with its
 * own language service and its own copy of the case library, which parses,
 * analyses and converts one document version at a time and posts back the
 * capped diagnostics and the findings. The main thread stays free for hover,
 * completion and the next edit while a large proposal is checked; it decides
 * what is current and what gets published (checkScheduler.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../service/languageService';
import type { CaseLibrary } from '../service/types';
import type { FromWorker, ToWorker } from './checkProtocol';
import { loadLibrary } from './libraryLoader';
import { capDiagnostics } from './limits';
import { warmUp } from './warmUp';

const EMPTY_LIBRARY: CaseLibrary = { cases: new Map(), patterns: new Map(), products: new Map(), problems: [] };

let library = EMPTY_LIBRARY;
let generation = 0;
let warm = false;
const { ruleDocsBase } = (workerData ?? {}) as { ruleDocsBase?: string };
const service = getLanguageService({ library: () => library, ...(ruleDocsBase !== undefined ? { ruleDocsBase } : {}) });

const post = (message: FromWorker): void => parentPort!.postMessage(message);

parentPort?.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'library':
      // A loader that throws is a bug there: keep the previous library, as LibraryState does.
      try {
        library = loadLibrary({
          builtInPath: message.builtInPath,
          extraPaths: message.extraPaths,
          regulationPaths: message.regulationPaths,
        });
      } catch {
        // The main thread's own load logs the same failure.
      }
      generation = message.generation;
      if (!warm) {
        // Warm up before saying so: until then the main thread checks small documents itself (a cold open is not kept waiting).
        warm = true;
        try {
          warmUp(service, { locale: 'zh-CN', rules: {} });
        } catch {
          // Only a head start.
        }
        post({ type: 'ready' });
      }
      break;
    case 'close':
      service.closeDocument(message.uri);
      break;
    case 'check': {
      const checker = service;
      try {
        const document = TextDocument.create(message.uri, 'yaml', message.version, message.text);
        const started = performance.now();
        const parsed = checker.parse(document);
        const parsedAt = performance.now();
        let findings = '[]';
        try {
          findings = JSON.stringify(checker.analyze(document, message.settings).findings);
        } catch {
          // doValidation meets the same error, reports it and answers no findings.
        }
        const analysedAt = performance.now();
        const diagnostics = capDiagnostics(checker.doValidation(document, message.settings), message.settings.locale);
        const { mode, chunks, reparsed } = parsed.model.tree.stats;
        post({
          type: 'result',
          id: message.id,
          uri: message.uri,
          version: message.version,
          generation,
          diagnostics,
          findings,
          parseMs: parsedAt - started,
          analysisMs: analysedAt - parsedAt,
          convertMs: performance.now() - analysedAt,
          stats: { mode, chunks, reparsed },
        });
      } catch (error) {
        post({ type: 'failed', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      break;
    }
  }
});
