/**
 * WorkspaceProposals on a real temporary folder: which files it finds, that
 * open files are left to the editor, that a changed file is read again and a
 * deleted one forgotten, and when the folder is walked again.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { WorkspaceProposals } from '../../../server/src/node/workspaceProposals';

const proposal = (id: string) => `casebook: proposal/v1\nname: ${id}\nsystems:\n  - id: ${id}\n`;

describe('server: proposals on disk for workspace symbols', () => {
  let folder: string;
  let forgotten: string[];
  let watched: boolean;
  let proposals: WorkspaceProposals;
  const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
  const texts = (isOpen: (uri: string) => boolean = () => false) =>
    proposals
      .closedDocuments(isOpen)
      .map((d) => d.getText())
      .sort();

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'casebook-workspace-'));
    mkdirSync(path.join(folder, 'team'));
    mkdirSync(path.join(folder, 'node_modules'));
    writeFileSync(path.join(folder, 'a.arch.yaml'), proposal('a'));
    writeFileSync(path.join(folder, 'team', 'b.yaml'), proposal('b')); // found by its marker
    writeFileSync(path.join(folder, 'team', 'notes.yaml'), 'title: not a proposal\n');
    writeFileSync(path.join(folder, 'node_modules', 'c.arch.yaml'), proposal('c'));
    forgotten = [];
    watched = true;
    proposals = new WorkspaceProposals({ folders: () => [folder], watched: () => watched, forget: (uri) => forgotten.push(uri) });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('finds the proposals below the folders, by name or by marker, outside node_modules', () => {
    assert.deepEqual(texts(), [proposal('a'), proposal('b')]);
  });

  it('leaves open files to the editor', () => {
    assert.deepEqual(
      texts((uri) => uri === uriOf('a.arch.yaml')),
      [proposal('b')],
    );
    assert.deepEqual(forgotten, [], 'the open document belongs to the editor: nothing of it is forgotten');
  });

  it('reads a file again once it changed, and hands back the same document while it has not', () => {
    const [first] = proposals.closedDocuments(() => false);
    assert.equal(proposals.closedDocuments(() => false)[0], first, 'an unchanged file is not read again');
    writeFileSync(path.join(folder, 'a.arch.yaml'), proposal('a2'));
    utimesSync(path.join(folder, 'a.arch.yaml'), new Date(), new Date(Date.now() + 5_000)); // a distinct mtime even on a coarse clock
    assert.deepEqual(texts(), [proposal('a2'), proposal('b')]);
    assert.deepEqual(forgotten, [uriOf('a.arch.yaml')], 'the old read is dropped from the service');
    assert.ok(proposals.closedDocuments(() => false)[0]!.version < first!.version, 'disk versions count down, away from editor versions');
  });

  it('keeps its list while file events are watched until told, and walks again per request when they are not', () => {
    texts();
    writeFileSync(path.join(folder, 'new.arch.yaml'), proposal('n'));
    assert.deepEqual(texts(), [proposal('a'), proposal('b')], 'the watched list waits for the file event');
    proposals.invalidate();
    assert.deepEqual(texts(), [proposal('a'), proposal('b'), proposal('n')]);
    rmSync(path.join(folder, 'new.arch.yaml'));
    watched = false;
    assert.deepEqual(texts(), [proposal('a'), proposal('b')]);
    assert.deepEqual(forgotten, [uriOf('new.arch.yaml')], 'a deleted proposal is forgotten');
  });
});
