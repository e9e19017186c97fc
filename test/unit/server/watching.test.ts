/** Sorting watched-file events: config files, proposals coming and going, other files. */
import * as assert from 'node:assert/strict';
import { FileChangeType } from 'vscode-languageserver/node';
import { classifyChanges } from '../../../server/src/node/watching';

describe('server: watched-file events', () => {
  it('tells config changes, proposals created or deleted, and passes files on for the library', () => {
    const changes = classifyChanges([
      { uri: 'file:///w/.casebook.yaml', type: FileChangeType.Changed },
      { uri: 'file:///w/cases/x.yaml', type: FileChangeType.Created },
      { uri: 'untitled:Untitled-1', type: FileChangeType.Created },
    ]);
    assert.deepEqual(changes, { config: true, proposalsAddedOrRemoved: false, files: ['/w/cases/x.yaml'] });
  });

  it('counts a proposal created or deleted, not one merely changed', () => {
    assert.equal(classifyChanges([{ uri: 'file:///w/a.arch.yaml', type: FileChangeType.Changed }]).proposalsAddedOrRemoved, false);
    assert.equal(classifyChanges([{ uri: 'file:///w/a.arch.yml', type: FileChangeType.Created }]).proposalsAddedOrRemoved, true);
    assert.equal(
      classifyChanges([{ uri: 'file:///w/%E6%96%B9%E6%A1%88.ARCH.YAML', type: FileChangeType.Deleted }]).proposalsAddedOrRemoved,
      true,
    );
  });
});
