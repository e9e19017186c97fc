/** `casebook/report`: the review dossier of an open proposal, as the Export Review Report command asks for it. */
import * as assert from 'node:assert/strict';
import { ReportRequest } from '../../shared/src/protocol';
import { LspClient } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri } from './fixtures';

describe('LSP: casebook/report', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'zh-CN' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('answers the HTML dossier of an open proposal in the requested language, Markdown on request, null when not open', async () => {
    const uri = freshUri('report.arch.yaml');
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const html = await client.connection.sendRequest(ReportRequest.type, { uri });
    assert.ok(html);
    assert.equal(html.format, 'html');
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /方案评审材料/);
    assert.match(html.text, /<svg /);
    assert.doesNotMatch(html.text, /<script/i);
    const md = await client.connection.sendRequest(ReportRequest.type, { uri, format: 'md', locale: 'en' });
    assert.ok(md);
    assert.match(md.text, /^# Architecture review dossier/);
    assert.match(md.text, /```mermaid/);
    assert.equal(await client.connection.sendRequest(ReportRequest.type, { uri: 'file:///not/open.arch.yaml' }), null);
    await client.close(uri);
  });
});
