import * as assert from 'node:assert/strict';
import { baseNameOf, dirnameOf, normalizePath, pathKey, resolvePath } from '../../../server/src/service/library/paths';

describe('library paths', () => {
  it('normalizes separators, dots and doubled slashes', () => {
    assert.equal(normalizePath('/a//b/./c/../d'), '/a/b/d');
    assert.equal(normalizePath('C:\\lib\\cases\\..\\topologies\\x.arch.yaml'), 'C:/lib/topologies/x.arch.yaml');
    assert.equal(normalizePath('../x/y'), '../x/y');
    assert.equal(normalizePath('/../x'), '/x', 'no climbing above the root');
    assert.equal(normalizePath('C:\\..\\x'), 'C:/x', 'no climbing above the drive');
  });

  it('resolves relative to a folder, and keeps absolute paths', () => {
    assert.equal(resolvePath(dirnameOf('/lib/cases/a.yaml'), '../topologies/a.arch.yaml'), '/lib/topologies/a.arch.yaml');
    assert.equal(resolvePath('/lib/cases', '/elsewhere/t.arch.yaml'), '/elsewhere/t.arch.yaml');
    assert.equal(resolvePath('/lib/cases', 'D:\\t.arch.yaml'), 'D:/t.arch.yaml');
  });

  it('names files and compares Windows paths without case', () => {
    assert.equal(baseNameOf('C:\\lib\\patterns\\saga.yaml'), 'saga.yaml');
    assert.equal(dirnameOf('a.yaml'), '.');
    assert.equal(pathKey('C:\\Lib\\X.yaml'), pathKey('c:/lib/x.yaml'));
    assert.notEqual(pathKey('/Lib/X.yaml'), pathKey('/lib/x.yaml'));
  });
});
