// Renders icons/casebook.svg to the 128×128 PNG the marketplace needs (vsce refuses SVG icons),
// with the Chromium the end-to-end tests use: `node icons/render-png.mjs`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(dir, 'casebook.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CASEBOOK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: path.join(dir, 'casebook.png'), omitBackground: true });
await browser.close();
console.log('wrote icons/casebook.png');
