/**
 * A real VS Code (code-server 4.100.3, VS Code 1.100) in headless Chromium,
 * with the packaged VSIX installed and a copy of examples/ open — what an
 * architect sees. Every helper waits for what should appear; none sleeps a
 * fixed time.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';

import type * as WorkbenchModule from '../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };

type WorkbenchLib = typeof WorkbenchModule;
let lib: WorkbenchLib | undefined;
export async function workbenchLib(): Promise<WorkbenchLib> {
  lib ??= await import('../../scripts/lib/workbench.mjs');
  return lib;
}

export const RESULTS = path.resolve(__dirname, '..', '..', 'test-results', 'e2e');

let vsixPath: string | undefined;
/** Packages the extension once per run. */
export async function vsix(): Promise<string> {
  vsixPath ??= (await workbenchLib()).packageExtension();
  return vsixPath;
}

export interface LaunchOptions {
  /** `zh-cn` switches the display language (with the test language pack). */
  locale?: 'zh-cn' | 'en';
  /** Extra user settings. */
  settings?: Record<string, unknown>;
}

export class Workbench {
  /** The file last opened with openFile (relative to the workspace). */
  private currentFile = '';

  private constructor(
    readonly page: Page,
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly stopServer: () => void,
    private readonly home: string,
  ) {}

  static async launch(name: string, options: LaunchOptions = {}): Promise<Workbench> {
    const wb = await workbenchLib();
    const packaged = await vsix();
    const home = mkdtempSync(path.join(os.tmpdir(), `casebook-e2e-${name}-`));
    const workspace = path.join(home, 'workspace');
    cpSync(path.resolve(__dirname, '..', '..', 'examples'), workspace, { recursive: true });
    const profile = wb.prepareProfile(home, {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.hover.delay': 100,
      ...options.settings,
    });
    wb.installVsix(packaged, profile);
    if (options.locale === 'zh-cn') wb.installZhCnLanguagePack(profile);
    const server = await wb.startCodeServer({ ...profile, workspace, ...(options.locale ? { locale: options.locale } : {}) });
    const browser = await wb.launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    mkdirSync(RESULTS, { recursive: true });
    return new Workbench(page, workspace, browser, () => server.stop(), home);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    this.stopServer();
    rmSync(this.home, { recursive: true, force: true });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
  }

  /**
   * Opens a file by clicking its Explorer row (more reliable than Quick Open here). The Explorer may not come
   * up on the first try (focus still moving from a webview, a palette entry chosen before the list settled),
   * so it is shown again before giving up; a row scrolled out of the virtual list is reached by Quick Open.
   */
  async openFile(name: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    let shown = false;
    for (let attempt = 0; attempt < 3 && !shown; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.runCommand('workbench.view.explorer', 'View: Show Explorer');
      shown = await row.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
    }
    if (shown) await row.click();
    else {
      const input = await this.quickInput(() => this.page.keyboard.press('Control+p'), name);
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
      await input.press('Enter');
    }
    // By resource name: a preview of the same file ("Topology: name") may be the active tab of another group.
    await this.page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 30_000 });
    await this.page.locator('.editor-instance .view-lines').first().waitFor();
    this.currentFile = name;
  }

  /**
   * Scrolls the editor to the first line containing `text` (Go to Line):
   * the editor renders only the lines in view.
   */
  async revealLine(text: string): Promise<Locator> {
    const lines = readFileSync(path.join(this.workspace, this.currentFile), 'utf8').split('\n');
    const index = lines.findIndex((l) => l.includes(text));
    if (index < 0) throw new Error(`"${text}" is not in ${this.currentFile}`);
    // Focus the editor through its tab (clicking into the text could hit a fold or scroll it).
    const input = await this.quickInput(
      async () => {
        await this.page.locator('.tab.active').first().click();
        await this.page.keyboard.press('Control+g');
      },
      `:${index + 1}`,
    );
    await input.press('Enter');
    const line = this.editorLine(text);
    await line.waitFor({ timeout: 15_000 });
    return line;
  }

  /**
   * Opens the quick input with `open` and types `text` into it. The widget
   * closes when it loses focus, and focus can still move just after it opens
   * (a panel, a webview or a notification settling, more often on a slow CI
   * machine): then open it again rather than wait on a hidden input.
   */
  async quickInput(open: () => Promise<void>, text: string, attempts = 4): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await open();
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(text, { timeout: 5_000 });
        return input;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Runs a command through the palette, by its title as the user types it. */
  async runCommand(_id: string, title: string, attempts = 3): Promise<void> {
    const item = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page
        .locator('.monaco-workbench')
        .click({ position: { x: 5, y: 500 }, force: true })
        .catch(() => undefined);
      const input = await this.quickInput(() => this.page.keyboard.press('F1'), `>${title}`);
      try {
        // The palette can lose its list to a webview taking focus as it opens: the row is there but hidden. Reopen.
        await item.waitFor({ timeout: 15_000 });
        await input.press('Enter');
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }
    await this.page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 15_000 })
      .catch(() => undefined);
  }

  /** Rows of the Problems panel, as text, once at least `atLeast` are there. */
  async problems(atLeast = 1, timeout = 60_000): Promise<string[]> {
    const panel = this.page.locator('div[id="workbench.panel.markers"]');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ timeout: 15_000 });
    }
    const rows = panel.locator('.monaco-tl-contents');
    await this.page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector as string).length >= (n as number),
      ['div[id="workbench.panel.markers"] .monaco-tl-contents', atLeast],
      { timeout },
    );
    return rows.allInnerTexts();
  }

  /** Waits until no Problems row contains `text`. */
  async problemGone(text: string, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(
      (t) =>
        ![...document.querySelectorAll('div[id="workbench.panel.markers"] .monaco-tl-contents')].some((r) =>
          (r.textContent ?? '').includes(t),
        ),
      text,
      { timeout },
    );
  }

  /** The editor line that contains `text` (tokens split a line into many spans). */
  editorLine(text: string): Locator {
    return this.page.locator('.editor-instance .view-line', { hasText: text }).first();
  }

  /** Hovers `word` on the editor line containing `lineText` and returns the hover's text once it matches. */
  async hover(lineText: string, word: string, expect: RegExp, timeout = 60_000): Promise<string> {
    await this.revealLine(lineText);
    const hover = this.page.locator('.monaco-hover-content');
    const deadline = Date.now() + timeout;
    // Move in and out until the hover shows what we expect (the server may still
    // be starting; code lenses arriving shift lines, so find the word each time).
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      const box = await this.editorLine(lineText).locator('span span', { hasText: word }).first().boundingBox();
      if (!box) throw new Error(`"${word}" is not visible on the line "${lineText}"`);
      // Monaco shows a hover on movement within a word, not on a single jump into it.
      await this.page.mouse.move(box.x + 1, box.y + box.height / 2);
      await this.page.mouse.move(box.x + Math.min(box.width - 2, 3 + (attempt % 4)), box.y + box.height / 2, { steps: 3 });
      // The hover fills in as its providers answer (diagnostics first, then ours): wait on the word for it.
      const matched = await this.page
        .waitForFunction(
          ([source, flags]) =>
            [...document.querySelectorAll('.monaco-hover-content')].some((h) =>
              new RegExp(source, flags).test((h as HTMLElement).innerText),
            ),
          [expect.source, expect.flags] as const,
          { timeout: 5_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (matched) return (await hover.allInnerTexts()).join('\n');
      await this.page.mouse.move(0, 0);
    }
    throw new Error(`hover on "${word}" never matched ${expect}; last seen: ${(await hover.allInnerTexts()).join(' | ').slice(0, 300)}`);
  }

  /** Shows one view of a container with room to spare: its other panes (`others`) are collapsed. */
  async showView(containerLabel: string, title: string, others: string[]): Promise<void> {
    await this.page.locator(`.activitybar .action-label[aria-label^="${containerLabel}"]`).first().click();
    const header = (name: string) => this.page.locator('.pane-header', { hasText: name }).first();
    await header(title).waitFor({ timeout: 30_000 });
    for (const other of others) {
      if ((await header(other).getAttribute('aria-expanded')) === 'true') await header(other).click();
    }
    if ((await header(title).getAttribute('aria-expanded')) === 'false') await header(title).click();
  }

  /** The number on the Problems tab's badge. */
  async problemCount(): Promise<number> {
    await this.problems(1);
    const badge = this.page
      .locator('.composite-bar .action-item', { hasText: /problems|问题/i })
      .locator('.badge-content')
      .first();
    return Number((await badge.innerText()).replace(/\D/g, ''));
  }

  /** Waits until the Problems tab's badge shows `count`. */
  async problemCountIs(count: number, timeout = 30_000): Promise<void> {
    const badge = this.page
      .locator('.composite-bar .action-item', { hasText: /problems|问题/i })
      .locator('.badge-content', { hasText: new RegExp(`^${count}$`) });
    await badge.first().waitFor({ timeout });
  }

  /** Rows of one of Casebook's tree views, by the view's title. */
  viewRows(title: string): Locator {
    return this.page.locator(`.pane:has(.pane-header:has-text("${title}")) .monaco-list-row`);
  }

  /** The text of every row of a tree view, scrolling through it (a list renders only the rows in view). */
  async viewTexts(title: string): Promise<string[]> {
    const rows = this.viewRows(title);
    await rows.first().waitFor({ timeout: 30_000 });
    const seen = new Set<string>();
    await rows.first().hover();
    for (let step = 0; step < 20; step++) {
      const before = seen.size;
      for (const text of await rows.allInnerTexts()) seen.add(text);
      if (step > 0 && seen.size === before) break;
      const first = await rows.first().textContent();
      await this.page.mouse.wheel(0, 300);
      // Wait for the list to re-render scrolled (at the end it will not: then stop).
      const moved = await this.page
        .waitForFunction(
          ([paneTitle, text]) => {
            const pane = [...document.querySelectorAll('.pane')].find((p) =>
              p.querySelector('.pane-header')?.textContent?.includes(paneTitle),
            );
            return pane?.querySelector('.monaco-list-row')?.textContent !== text;
          },
          [title, first ?? ''] as const,
          { timeout: 2_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!moved) {
        for (const text of await rows.allInnerTexts()) seen.add(text);
        break;
      }
    }
    await this.page.mouse.wheel(0, -10_000);
    return [...seen];
  }

  /** The active webview's content frame. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }
}
