import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { contentSecurityPolicy, escapeHtml, makeNonce, mediaUri, webviewHtml, webviewOptions } from '../../../client/src/webviews/html';

const EXT = URI.file('/home/u/.vscode/extensions/casebook');
const webview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (uri: URI) => URI.from({ scheme: 'https', authority: 'res.vscode-cdn.net', path: uri.path }),
};
// `as never`: vscode-uri's URI has the members the builder uses from vscode.Uri (path, with, toString).
const build = (strings: Record<string, string> = {}, nonce = 'NONCE123') =>
  webviewHtml(
    webview,
    EXT,
    { title: '拓扑 <b>', kind: 'preview', lang: 'zh-CN', scripts: ['dist/preview.js'], styles: ['webview.css'], strings },
    nonce,
  );

describe('client: webview HTML', () => {
  it('sets a CSP that allows scripts only with the nonce and nothing remote', () => {
    const csp = contentSecurityPolicy(webview.cspSource, 'N');
    assert.equal(
      csp,
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net 'unsafe-inline'; script-src 'nonce-N'; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
    assert.doesNotMatch(csp, /script-src[^;]*(unsafe|https?:|\*)/);
  });

  it('loads assets from media/ through asWebviewUri, every script with the nonce', () => {
    const html = build();
    assert.ok(html.includes('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;'));
    assert.ok(
      html.includes(
        '<script nonce="NONCE123" src="https://res.vscode-cdn.net/home/u/.vscode/extensions/casebook/media/dist/preview.js"></script>',
      ),
    );
    assert.ok(
      html.includes('<link rel="stylesheet" href="https://res.vscode-cdn.net/home/u/.vscode/extensions/casebook/media/webview.css">'),
    );
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('<main id="root" class="preview">'));
  });

  it('escapes the title and the strings it hands the page', () => {
    const html = build({ waiting: '"><script>alert(1)</script>' });
    assert.ok(html.includes('<title>拓扑 &#60;b&#62;</title>'));
    assert.ok(!html.includes('<script>alert'));
    const attr = /data-strings="([^"]*)"/.exec(html)![1]!;
    const decoded = attr.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(JSON.parse(decoded), { waiting: '"><script>alert(1)</script>' });
  });

  it('limits resources to media/ and makes fresh nonces', () => {
    const options = webviewOptions(EXT);
    assert.equal(options.enableScripts, true);
    assert.deepEqual(options.localResourceRoots?.map(String), [mediaUri(EXT as never).toString()]);
    assert.equal(mediaUri(EXT as never, 'dist', 'x.js').path, '/home/u/.vscode/extensions/casebook/media/dist/x.js');
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{24}$/);
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
