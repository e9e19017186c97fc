/**
 * The one place that builds webview HTML. Every page gets the same strict
 * Content-Security-Policy: scripts only with this render's nonce, resources
 * only from the extension's media/ folder, nothing remote.
 *
 * style-src allows 'unsafe-inline' (and therefore no nonce, which would
 * disable it): Mermaid writes a <style> element into each SVG and sets
 * `style` attributes on shapes. Inline styles cannot run code; scripts stay
 * nonce-only.
 *
 * Only types come from `vscode` so the builder is unit-tested in plain Node.
 */
import type { Uri, Webview, WebviewOptions } from 'vscode';
import { randomBytes } from 'node:crypto';

const MEDIA_FOLDER = 'media';

export interface WebviewPage {
  title: string;
  /** Class of the page's <main>, for page-specific CSS. */
  kind: 'preview' | 'case-page' | 'clause-page' | 'compliance';
  /** BCP-47 language of the page (`zh-CN`, `en`). */
  lang: string;
  /** Paths under media/, e.g. `dist/preview.js`. */
  scripts: string[];
  styles: string[];
  /** Localised strings for the page script, read from `document.body.dataset.strings`. */
  strings: Record<string, string>;
  /** The page's content, already HTML with every text escaped (regulationHtml.ts); absent: the page script draws it. */
  body?: string;
}

export function webviewOptions(extensionUri: Uri): WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaUri(extensionUri)] };
}

export function mediaUri(extensionUri: Uri, ...segments: string[]): Uri {
  const base = extensionUri.path.replace(/\/+$/, '');
  return extensionUri.with({ path: [base, MEDIA_FOLDER, ...segments].join('/') });
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function webviewHtml(
  webview: Pick<Webview, 'cspSource' | 'asWebviewUri'>,
  extensionUri: Uri,
  page: WebviewPage,
  nonce: string = makeNonce(),
): string {
  const asset = (rel: string) => escapeHtml(webview.asWebviewUri(mediaUri(extensionUri, ...rel.split('/'))).toString());
  const styles = page.styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`);
  const scripts = page.scripts.map((s) => `<script nonce="${nonce}" src="${asset(s)}"></script>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...styles,
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    `<body data-strings="${escapeHtml(JSON.stringify(page.strings))}">`,
    `<main id="root" class="${page.kind}">`,
    ...(page.body !== undefined ? [page.body] : []),
    '</main>',
    ...scripts,
    '</body>',
    '</html>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
