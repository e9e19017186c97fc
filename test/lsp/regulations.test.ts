/** The regulation requests over JSON-RPC (issue 11): the Regulations view, clause pages, clauses in search, the compliance matrix. */
import * as assert from 'node:assert/strict';
import { ComplianceRequest, RegulationRequest, RegulationsRequest, SearchCasesRequest } from '../../shared/src/protocol';
import { LspClient } from './harness';
import { WORKSPACE, freshUri } from './fixtures';
import { cityCommercialCore } from '../fixtures/regulations/proposal';

/** An important system of a city commercial bank above the 104号 ceiling (rto 6h), with its line. */
const PROPOSAL = cityCommercialCore({ rto: '6h' });
const CEILING = 'cbrc-2011-104#第二十五条';

describe('LSP: regulation requests', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'zh-CN' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('lists documents → clauses, counting the findings of an open proposal that cite each', async () => {
    const none = await client.connection.sendRequest(RegulationsRequest.type, {});
    const clause = (docs: typeof none.documents, ref: string) => docs.flatMap((d) => d.clauses).find((c) => c.ref === ref);
    assert.ok(none.documents.some((d) => d.id === 'cbrc-2011-104'));
    assert.equal(clause(none.documents, CEILING)?.findings, 0);
    const uri = freshUri();
    await client.open(uri, PROPOSAL);
    await client.diagnostics(uri, 1);
    const cited = await client.connection.sendRequest(RegulationsRequest.type, { uri, locale: 'en' });
    assert.equal(clause(cited.documents, CEILING)?.findings, 1, JSON.stringify(clause(cited.documents, CEILING)));
    assert.ok(cited.documents[0]!.title.startsWith('Guidelines'), 'in the locale asked for');
    const unverified = cited.documents.flatMap((d) => d.clauses).filter((c) => !c.verified);
    assert.ok(unverified.length > 0, 'unverified clauses are listed, marked');
    // A uri that is not open counts nothing, rather than failing.
    const closed = await client.connection.sendRequest(RegulationsRequest.type, { uri: 'file:///not/open.arch.yaml' });
    assert.equal(clause(closed.documents, CEILING)?.findings, 0);
  });

  it('answers a clause page, and null for an unknown ref', async () => {
    const page = await client.connection.sendRequest(RegulationRequest.type, { ref: CEILING });
    assert.ok(page);
    assert.equal(page.number, '银监发〔2011〕104号');
    assert.ok(page.text.includes('不得大于4小时'));
    assert.ok(page.verified && page.source.url);
    assert.deepEqual(
      page.grounds.map((g) => g.id),
      ['important-recovery-ceiling'],
    );
    assert.equal(await client.connection.sendRequest(RegulationRequest.type, { ref: 'no-such#第一条' }), null);
  });

  it('Search Cases lists clauses after the cases', async () => {
    const { results } = await client.connection.sendRequest(SearchCasesRequest.type, { query: '104号 第二十五条', limit: 5 });
    const first = results.findIndex((r) => r.kind === 'clause');
    assert.ok(first >= 0, JSON.stringify(results));
    assert.equal(results[first]!.id, CEILING);
    assert.ok(
      results.slice(first).every((r) => r.kind === 'clause'),
      'clauses come after every case',
    );
  });

  it('answers the compliance matrix of an open proposal, null for one that is not', async () => {
    const uri = freshUri();
    await client.open(uri, PROPOSAL);
    await client.diagnostics(uri, 1);
    const zh = await client.connection.sendRequest(ComplianceRequest.type, { uri });
    assert.ok(zh);
    assert.equal(zh.uri, uri);
    assert.equal(zh.version, 1);
    const row = zh.rows.find((r) => r.ref === CEILING && r.system === 'deposit');
    assert.ok(row, JSON.stringify(zh.rows));
    assert.equal(row.status, 'not-met');
    assert.equal(row.statusLabel, '不满足');
    assert.equal(PROPOSAL.split('\n')[row.line]!.trim(), 'rto: 6h');
    const en = await client.connection.sendRequest(ComplianceRequest.type, { uri, locale: 'en' });
    assert.equal(en!.rows.find((r) => r.ref === CEILING && r.system === 'deposit')!.statusLabel, 'not met');
    assert.equal(await client.connection.sendRequest(ComplianceRequest.type, { uri: 'file:///not/open.arch.yaml' }), null);
  });

  it('odd params answer the empty answer, never an error', async () => {
    const send = (method: string, params: unknown) => client.connection.sendRequest(method, params);
    assert.equal(await send(RegulationRequest.method, { ref: 42 }), null);
    assert.equal(await send(RegulationRequest.method, {}), null);
    const docs = (await send(RegulationsRequest.method, { uri: 42, locale: ['en'] })) as {
      documents: { clauses: { findings: number }[] }[];
    };
    assert.ok(docs.documents.length > 0 && docs.documents.every((d) => d.clauses.every((c) => c.findings === 0)));
    assert.equal(await send(ComplianceRequest.method, { uri: 7 }), null);
    assert.equal(await send(ComplianceRequest.method, {}), null);
    const { results } = (await send(SearchCasesRequest.method, { query: '第七条 '.repeat(100) })) as { results: unknown[] };
    assert.deepEqual(results, []);
  });
});
