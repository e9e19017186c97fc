/** The casebook/… requests over JSON-RPC, in both languages. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CaseDetailRequest,
  CheckWorkspaceRequest,
  ListCasesRequest,
  ListPatternsRequest,
  MatchingCasesRequest,
  SearchCasesRequest,
  TopologyRequest,
} from '../../shared/src/protocol';
import { LspClient, ROOT, fileUri } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri } from './fixtures';

const CJK = /[\u4e00-\u9fff]/;

describe('LSP: casebook/… requests', function () {
  // Real server processes on a shared 2-core machine: starting one can take seconds.
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'zh-CN' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('lists the eleven customer cases and the patterns, in the requested language', async () => {
    const zh = await client.connection.sendRequest(ListCasesRequest.type, {});
    const en = await client.connection.sendRequest(ListCasesRequest.type, { locale: 'en' });
    assert.ok(zh.length >= 11);
    for (const id of ['nanjing-bank', 'tianhong-fund', 'zhejiang-rcu', 'mybank'])
      assert.ok(
        zh.some((c) => c.id === id),
        id,
      );
    const tianhongZh = zh.find((c) => c.id === 'tianhong-fund')!;
    const tianhongEn = en.find((c) => c.id === 'tianhong-fund')!;
    assert.match(tianhongZh.customer, /天弘基金/);
    assert.match(tianhongEn.customer, /Tianhong/);
    assert.doesNotMatch(tianhongEn.title, CJK);
    const patterns = await client.connection.sendRequest(ListPatternsRequest.type, {});
    const twoRegions = patterns.find((p) => p.id === 'two-regions-three-dcs');
    assert.ok(twoRegions && /两地三中心/.test(twoRegions.name));
  });

  it('searches cases by Chinese, English and pinyin', async () => {
    for (const query of ['南京银行', 'nanjing', 'njyh']) {
      const { results } = await client.connection.sendRequest(SearchCasesRequest.type, { query, limit: 5 });
      assert.equal(results[0]?.id, 'nanjing-bank', `${query}: ${JSON.stringify(results)}`);
    }
    const { results } = await client.connection.sendRequest(SearchCasesRequest.type, { query: '' });
    assert.deepEqual(results, []);
  });

  it('answers a case page, and null for an unknown case', async () => {
    const detail = await client.connection.sendRequest(CaseDetailRequest.type, { id: 'mybank', locale: 'en' });
    assert.ok(detail);
    assert.ok(detail.outcomes.length > 0 && detail.patternEvidence.length > 0);
    assert.ok(path.isAbsolute(detail.file) && detail.file.startsWith(path.join(ROOT, 'cases')), detail.file);
    assert.equal(await client.connection.sendRequest(CaseDetailRequest.type, { id: 'no-such-case' }), null);
  });

  it("renders an open proposal's topology with nodes that point into the document", async () => {
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const topology = await client.connection.sendRequest(TopologyRequest.type, { uri });
    assert.ok(topology);
    assert.equal(topology.version, 1);
    assert.match(topology.mermaid, /^flowchart/);
    assert.match(topology.mermaid, /成都/);
    const core = topology.nodes.find((n) => n.kind === 'system' && /核心账务|core/.test(n.label));
    assert.ok(core, JSON.stringify(topology.nodes));
    assert.equal(CORE_TEXT.split('\n')[core.line]!.trim(), '- id: core');
    assert.ok(core.hasFindings);

    const matching = await client.connection.sendRequest(MatchingCasesRequest.type, { uri });
    assert.ok(matching.cases.length > 0);
    assert.ok(matching.cases[0]!.reasons.length > 0);
    assert.equal(await client.connection.sendRequest(TopologyRequest.type, { uri: 'file:///not/open.arch.yaml' }), null);
    await client.close(uri);
  });

  it('checks files that are not open, counts errors and warnings, and publishes their diagnostics', async () => {
    const examples = ['bank-core.arch.yaml', 'fund-hybrid-cloud.arch.yaml'].map((f) => fileUri(path.join(ROOT, 'examples', f)));
    const notAProposal = fileUri(path.join(ROOT, 'package.json'));
    const mark = client.mark();
    const result = await client.connection.sendRequest(CheckWorkspaceRequest.type, {
      uris: [...examples, notAProposal, fileUri('/no/such/file.arch.yaml')],
    });
    assert.equal(result.files, 2);
    const published = await Promise.all(examples.map((uri) => client.nextDiagnostics(uri, mark)));
    const errors = published.flatMap((p) => p.diagnostics).filter((d) => d.severity === 1).length;
    const warnings = published.flatMap((p) => p.diagnostics).filter((d) => d.severity === 2).length;
    assert.deepEqual({ errors, warnings }, { errors: result.errors, warnings: result.warnings });
  });
});
