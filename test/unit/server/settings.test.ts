/**
 * SettingsStore.likely: the settings work may start on before a document's
 * own are pulled, and how a change of configuration withdraws them.
 */
import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { SettingsStore } from '../../../server/src/node/settings';

function store(pullTimeoutMs?: number, onLateAnswer?: () => void) {
  const pulls: { scopeUri?: string; answer: (value: unknown) => void }[] = [];
  const connection = {
    workspace: { getConfiguration: (item: { scopeUri?: string }) => new Promise((answer) => pulls.push({ ...item, answer })) },
    sendDiagnostics: () => Promise.resolve(),
  } as unknown as Connection; // only workspace/configuration is used
  const settings = new SettingsStore(connection, {
    displayLocale: 'en',
    pullConfiguration: true,
    workspaceFolders: () => [],
    lookupConfig: () => ({ problems: [] }) as never,
    log: () => {},
    ...(pullTimeoutMs === undefined ? {} : { pullTimeoutMs }),
    ...(onLateAnswer ? { onLateAnswer } : {}),
  });
  return { settings, pulls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('server: settings work may start on', () => {
  it('knows none before the first pull, then a document its own and another the latest', async () => {
    const { settings, pulls } = store();
    assert.equal(settings.likely('file:///w/a.arch.yaml'), undefined);
    const a = settings.get('file:///w/a.arch.yaml');
    assert.equal(settings.likely('file:///w/a.arch.yaml'), undefined, 'still being pulled');
    pulls[0]!.answer({ rules: { 'downtime-release': 'off' } });
    const resolved = await a;
    await settle();
    assert.equal(settings.likely('file:///w/a.arch.yaml'), resolved);
    assert.equal(settings.likely('file:///w/b.arch.yaml'), resolved, 'a new document most likely shares them');
    assert.equal(resolved.analysis.rules['downtime-release'], 'off');
  });

  it('withdraws them when the configuration changes, even when a pull was in flight', async () => {
    const { settings, pulls } = store();
    const a = settings.get('file:///w/a.arch.yaml');
    pulls[0]!.answer({});
    await a;
    await settle();
    const b = settings.get('file:///w/b.arch.yaml');
    settings.changeConfiguration({});
    assert.equal(settings.likely('file:///w/a.arch.yaml'), undefined);
    pulls[1]!.answer({ locale: 'zh-CN' }); // answered for the old configuration
    await b;
    await settle();
    assert.equal(settings.likely('file:///w/b.arch.yaml'), undefined, 'an answer to a withdrawn pull is not taken up');
  });
  it('uses the defaults when the client never answers workspace/configuration', async () => {
    const { settings, pulls } = store(30);
    const started = Date.now();
    const resolved = await settings.get('file:///w/a.arch.yaml'); // never answered: would hang without the timeout
    assert.equal(pulls.length, 1);
    assert.ok(Date.now() - started < 5_000);
    assert.deepEqual(resolved.analysis.rules, {});
    assert.equal(resolved.analysis.locale, 'en', 'the display locale');
    await settle();
    assert.equal(settings.likely('file:///w/a.arch.yaml'), resolved);
  });
  it('takes up an answer that came after the timeout, without pulling again', async () => {
    let late = 0;
    const { settings, pulls } = store(30, () => late++);
    const first = await settings.get('file:///w/a.arch.yaml');
    assert.equal(first.analysis.rules['downtime-release'], undefined, 'the defaults');
    pulls[0]!.answer({ rules: { 'downtime-release': 'off' } });
    for (let i = 0; i < 10 && late === 0; i++) await settle();
    assert.equal(late, 1, 'told once, so that open documents are re-checked');
    const now = await settings.get('file:///w/a.arch.yaml');
    assert.equal(now.analysis.rules['downtime-release'], 'off');
    assert.notEqual(now.key, first.key);
    assert.equal(pulls.length, 1, 'no second pull for a slow client to let time out');
  });
});
