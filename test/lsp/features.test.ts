/**
 * Editor features over JSON-RPC: hover, completion, code actions (applied
 * and re-checked), code lenses, symbols, definition, references, rename,
 * folding and links.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri, rangeOf, rules } from './fixtures';

const COLD_TEXT = readFileSync(path.join(WORKSPACE, 'cold.arch.yaml'), 'utf8');

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  return (hover.contents as MarkupContent).value;
}

/** Edits of a WorkspaceEdit for one uri, whichever shape the server chose. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? [])
    .filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri)
    .flatMap((c) => c.edits as TextEdit[]);
  return [...fromChanges, ...fromDocumentChanges];
}

/** Edits as one didChange: last in the document first, so earlier ranges stay valid. */
function asChanges(edits: TextEdit[]) {
  return [...edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .map((e) => ({ range: e.range, text: e.newText }));
}

describe('LSP: features', function () {
  // Real server processes on a shared 2-core machine: starting one can take seconds.
  this.timeout(60_000);
  let client: LspClient;
  let core: string;

  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'zh-CN' }, configuration: { casebook: {} } });
    core = freshUri('core.arch.yaml');
    await client.open(core, CORE_TEXT);
    await client.diagnostics(core, 1);
  });
  after(() => client.stop());

  const at = (uri: string) => ({ textDocument: { uri } });

  it('hovers a system id with what it is', async () => {
    const position = rangeOf(CORE_TEXT, 'core', 'dependsOn').start;
    const hover = await client.connection.sendRequest(HoverRequest.type, { ...at(core), position });
    assert.match(hoverText(hover), /核心账务/);
  });

  it('hovers the tier key with who did it, in Chinese', async () => {
    const position = rangeOf(CORE_TEXT, 'tier').start;
    const text = hoverText(await client.connection.sendRequest(HoverRequest.type, { ...at(core), position }));
    assert.match(text, /[\u4e00-\u9fff]/);
  });

  it('completes a site role with the four roles', async () => {
    const uri = freshUri();
    const text = CORE_TEXT.replace('role: hot-standby', 'role: ');
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l === '    role: ');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      ...at(uri),
      position: { line, character: 10 },
    })) as CompletionList;
    const labels = list.items.map((i) => i.label);
    for (const role of ['primary', 'active', 'hot-standby', 'cold-standby'])
      assert.ok(labels.includes(role), `${role} missing from ${labels.join(', ')}`);
    await client.close(uri);
  });

  it("applies a finding's quick fix, and the re-check is quiet for that rule", async () => {
    const uri = freshUri('cold.arch.yaml');
    await client.open(uri, COLD_TEXT);
    const published = await client.diagnostics(uri, 1);
    const finding = published.diagnostics.find((d) => d.code === 'high-availability-cold-standby');
    assert.ok(finding, `no cold-standby finding among ${rules(published).join(', ')}`);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      ...at(uri),
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && a.isPreferred);
    assert.ok(fix, `no preferred quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(
      fix.diagnostics?.map((d) => d.code),
      ['high-availability-cold-standby'],
    );
    const version = await client.change(uri, asChanges(editsFor(fix.edit!, uri)));
    assert.match(client.text(uri), /id: tj-1\n {4}city: 天津\n {4}role: hot-standby/);
    const after = await client.diagnostics(uri, version);
    assert.ok(!rules(after).includes('high-availability-cold-standby'), `still reported: ${rules(after).join(', ')}`);
    await client.close(uri);
  });

  it('offers a waiver with a reason to fill in', async () => {
    const published = client.allDiagnostics(core)[0]!;
    const finding = published.diagnostics.find((d) => d.code === 'tier1-two-regions-three-dcs')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      ...at(core),
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const waiver = actions.find((a) => JSON.stringify(a.edit ?? {}).includes('casebook-ignore tier1-two-regions-three-dcs'));
    assert.ok(waiver, `no waiver among ${actions.map((a) => a.title).join(' | ')}`);
  });

  it('shows code lenses inside the document', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, at(core));
    assert.ok(lenses && lenses.length > 0, 'no code lens');
    const lines = CORE_TEXT.split('\n').length;
    for (const lens of lenses) {
      assert.ok(lens.range.start.line >= 0 && lens.range.end.line < lines, JSON.stringify(lens.range));
      assert.ok(lens.command?.title, 'a lens without a title');
    }
  });

  it('lists document symbols for sites and systems, and workspace symbols across open proposals and those on disk', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, at(core))) as DocumentSymbol[];
    const names = JSON.stringify(symbols);
    for (const id of ['cd-1', 'cd-2', 'core', 'channel']) assert.ok(names.includes(id), `${id} not among the symbols`);
    const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'channel' });
    assert.ok(Array.isArray(found) && found.some((s) => 'location' in s && s.location.uri === core), JSON.stringify(found));
    // cold.arch.yaml is in the workspace but not open: its sites come from the disk.
    const cold = fileUri(path.join(WORKSPACE, 'cold.arch.yaml'));
    const onDisk = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'bj-1' });
    const bj = Array.isArray(onDisk) ? onDisk.find((s) => 'location' in s && s.location.uri === cold) : undefined;
    assert.ok(bj && 'location' in bj && 'range' in bj.location, JSON.stringify(onDisk));
    assert.deepEqual(bj.location.range, rangeOf(COLD_TEXT, 'bj-1', 'id: '));
  });

  it('goes to the definition of a system id and finds the references of a site', async () => {
    const definition = await client.connection.sendRequest(DefinitionRequest.type, {
      ...at(core),
      position: rangeOf(CORE_TEXT, 'core', 'dependsOn').start,
    });
    const locations = Array.isArray(definition) ? definition : definition ? [definition] : [];
    assert.equal(locations.length, 1);
    assert.deepEqual('range' in locations[0]! ? locations[0].range : undefined, rangeOf(CORE_TEXT, 'core', '- id: core'));

    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      ...at(core),
      position: rangeOf(CORE_TEXT, 'cd-1').start,
      context: { includeDeclaration: true },
    });
    // Declared once, used in the link and by both systems.
    assert.equal(references?.length, 4, JSON.stringify(references));
  });

  it('renames a site id everywhere, and refuses a clash with a reason', async () => {
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const position = rangeOf(CORE_TEXT, 'cd-1').start;
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { ...at(uri), position });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === 'cd-1', JSON.stringify(prepared));

    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...at(uri), position, newName: 'cd-2' }), (error: Error) =>
      /cd-2/.test(error.message),
    );

    const edit = await client.connection.sendRequest(RenameRequest.type, { ...at(uri), position, newName: 'chengdu-1' });
    assert.ok(edit);
    const version = await client.change(uri, asChanges(editsFor(edit, uri)));
    assert.ok(!client.text(uri).includes('cd-1'));
    assert.equal(client.text(uri).split('chengdu-1').length - 1, 4);
    const after = await client.diagnostics(uri, version);
    const before = client.allDiagnostics(uri)[0]!;
    assert.deepEqual(rules(after), rules(before), 'the rename changed the findings');
    await client.close(uri);
  });

  it('folds the sections', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, at(core));
    const sites = rangeOf(CORE_TEXT, 'sites:').start.line;
    assert.ok(
      ranges?.some((r) => r.startLine === sites && r.endLine > sites),
      JSON.stringify(ranges),
    );
  });
});
