import * as assert from 'node:assert/strict';
import { fixture, runCli } from './helpers';

describe('casebook simulate (process)', function () {
  this.timeout(60_000);
  const file = fixture('simulate.arch.yaml');

  it('prints every loss with what each touched system does, and marks a tier it breaks', () => {
    const { status, stdout, stderr } = runCli(['simulate', file, '--locale', 'zh-CN']);
    assert.equal(status, 0, stderr);
    const blocks = stdout.trim().split('\n\n');
    assert.deepEqual(
      blocks.map((b) => b.split('\n')[0]),
      // 浙江省 holds only hz-1 and 上海 is its own province: no scope is repeated.
      ['失去机房 sh-1', '失去机房 sh-2', '失去机房 hz-1', '失去上海（sh-1、sh-2）'],
    );
    assert.match(blocks[0]!, /pay +降级接管：sh-2 分钟级（热备）接管，不丢数据/);
    // 上海 and 上海市 are one city: losing it leaves pay on the cold copy in 杭州, 30s behind, but acct has no copy.
    assert.match(blocks[3]!, /pay +中断：依赖的 acct 没有副本 · 支付 \[一级业务系统\]  ← 不满足分级要求/);
    assert.match(blocks[3]!, /acct +中断：没有可接管的副本/);
    // An async dependency never takes its caller down.
    assert.ok(!/依赖的 sms/.test(stdout), stdout);
    // Control characters from the file are shown, never sent to the terminal.
    assert.ok(!stdout.includes('\u001b'), 'no raw escape');
    assert.match(stdout, /短信\\u\{1b\}\[2J/);
  });

  it('simulates one named loss: a city by any of its names, in English', () => {
    const { status, stdout } = runCli(['simulate', file, '--lose', 'Shanghai']);
    assert.equal(status, 0);
    assert.match(stdout, /^Lose 上海市 \(sh-1, sh-2\)\n/);
    assert.match(stdout, /acct +down: no copy left to take over/);
    const site = runCli(['simulate', file, '--lose', 'sh-2']);
    assert.match(site.stdout, /^Lose site sh-2\n {2}pay +survives: sh-1 keeps serving/);
  });

  it('answers JSON with the takeover, the data loss and the chains', () => {
    const { status, stdout } = runCli(['simulate', file, '--lose', '上海', '--format', 'json']);
    assert.equal(status, 0);
    const json = JSON.parse(stdout) as { scopes: { kind: string; sites: string[]; systems: Record<string, unknown>[] }[] };
    assert.equal(json.scopes.length, 1);
    assert.deepEqual(json.scopes[0]!.sites, ['sh-1', 'sh-2']);
    const pay = json.scopes[0]!.systems.find((s) => s.id === 'pay')!;
    assert.deepEqual([pay.status, pay.breaksTier, pay.lostDependencies], ['down', true, [['acct']]]);
    const lose1 = JSON.parse(runCli(['simulate', file, '--lose', 'sh-1', '--format', 'json']).stdout) as typeof json;
    const payOnSite = lose1.scopes[0]!.systems.find((s) => s.id === 'pay')!;
    assert.deepEqual(
      [payOnSite.status, payOnSite.takeover, payOnSite.takeoverSite, payOnSite.dataLoss],
      ['degraded', 'minutes', 'sh-2', { kind: 'none' }],
    );
  });

  it('names the choices when the loss is unknown, and locates a YAML error (exit 2)', () => {
    const unknown = runCli(['simulate', file, '--lose', '北京']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /No site, city or region called "北京" in the proposal\. Choose from: sh-1, sh-2, hz-1, 上海市/);
    const broken = runCli(['simulate', fixture('malformed.arch.yaml')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /malformed\.arch\.yaml:\d+:\d+ /);
  });
});
