/**
 * Markdown and HTML in proposal and case text show as literal text in every
 * hover and code lens: names, cities, roles and platforms written as
 * `**bold**`, `[l](javascript:alert(1))`, `<b>`, a line break starting a list,
 * and the failure-scenario lines built from them.
 */
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { code, md } from '../../../server/src/service/features/labels';
import { doc, fixture, service, settings } from './helpers';
import { testLibrary } from '../../fixtures/library';

const EVIL = '**bold** [l](javascript:alert(1)) <b>x</b> <img src=x onerror=alert(1)> https://evil.example &lt;i&gt;';
const BANK = fixture('bank.arch.yaml')
  .replace('name: 核心账务', `name: "${EVIL}\\n- injected item\\n# heading"`)
  .replace('city: 重庆', `city: "**重庆** <b>[x](javascript:alert(1))</b>"`)
  .replace('role: cold-standby', 'role: "**r** `tick`"')
  .replace('platform: vm', 'platform: "<script>alert(1)</script>"');

/** Nothing in the Markdown can open emphasis, a link, HTML or a new block. */
function assertLiteral(markdown: string, where: string): void {
  // What is inside a code span is shown as written: only the rest can be markup.
  const value = markdown.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, '');
  for (const [pattern, what] of [
    [/(?<!\\)\*\*bold/, 'emphasis'],
    [/(?<!\\)\*\*重庆/, 'emphasis'],
    [/(?<!\\)\]\((?!command:)/, 'a link to anything but a command'],
    [/(?<!\\)<(b|img|script|i)\b/, 'HTML'],
    [/(?<!\\)&lt;/, 'an entity'],
    [/https:\/\/evil/, 'an autolink'],
    [/\n- injected|\n# heading/, 'a new block from a line break'],
  ] as const) {
    assert.doesNotMatch(value, pattern, `${where}: ${what} in\n${value}`);
  }
}

describe('features: Markdown injection', () => {
  const ls = service();
  const document = doc(BANK);
  const at = (needle: string, offset = 1, nth = 0) => {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = BANK.indexOf(needle, index + 1);
    assert.ok(index >= 0, needle);
    return document.positionAt(index + offset);
  };
  const hoverAt = (needle: string, offset?: number, nth?: number) => {
    const result = ls.doHover(document, at(needle, offset, nth), settings('en'));
    assert.ok(result, `no hover at ${needle}`);
    return (result.contents as MarkupContent).value;
  };

  it('a system hover (name, deployment, failure scenarios, dependents) shows the text literally', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const result = ls.doHover(document, at('id: core', 5), settings(locale));
      const value = (result!.contents as MarkupContent).value;
      assertLiteral(value, `system hover (${locale})`);
      assert.match(value, /\\\*\\\*bold\\\*\\\*/, 'the name is there, escaped');
      assert.ok(value.includes('**If a loss happens**') || value.includes('**故障场景**'), 'the failure-scenario lines are built');
    }
  });

  it('a site hover shows the city, the role and the platform literally, code spans exactly as written', () => {
    const value = hoverAt('id: cq-1', 5);
    assertLiteral(value, 'site hover');
    assert.ok(value.includes('`` **r** `tick` ``'), `the role as a code span, unescaped inside: ${value}`);
    const platform = hoverAt('id: cd-1', 5);
    assertLiteral(platform, 'site hover');
    assert.ok(platform.includes('`<script>alert(1)</script>`'), platform);
  });

  it('a tier hover and the hovers over ids in lists show the text literally', () => {
    assertLiteral(hoverAt('tier: 1', 7), 'tier hover');
    assertLiteral(hoverAt('sites: [cd-1, cd-2, cq-1]', 22), 'site id in a list');
    assertLiteral(hoverAt('dependsOn: [user-center]', 13), 'system id in a list');
  });

  it('code lenses show the text literally (no $(icon) from proposal or case text, one line)', () => {
    const lib = testLibrary();
    const tianhong = lib.cases.get('tianhong-fund')!;
    lib.cases.set('tianhong-fund', { ...tianhong, customer: { zh: '$(alert) 天弘\n基金', en: '$(alert) Tianhong\nFund' } });
    const text = fixture('bank.arch.yaml').replace(/city: 成都/g, 'city: "$(alert) 成都"');
    const lenses = service({ lib }).getCodeLenses(doc(text), settings('en'));
    const titles = lenses.map((l) => l.command!.title);
    assert.ok(titles.some((t) => t.includes('Tianhong')) && titles.some((t) => t.includes('成都')), titles.join('\n'));
    for (const title of titles) {
      assert.doesNotMatch(title, /(?<!\\)\$\(alert\)/, title);
      assert.doesNotMatch(title, /\n/, title);
    }
  });

  it('md and code: escapes for Markdown text, exact text in a code span', () => {
    assert.equal(md('**a** [l](javascript:x) <b> &amp;'), '\\*\\*a\\*\\* \\[l\\]\\(javascript:x\\) \\<b\\> \\&amp;');
    assert.equal(md('- item'), '\\- item');
    assert.equal(md('1. item'), '1\\. item');
    assert.equal(md('a\nb\r\nc'), 'a b c');
    assert.equal(md('see https://x'), 'see https\\://x');
    assert.equal(code('a*b'), '`a*b`');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x`'), '`` `x` ``');
  });
});
