/**
 * Extension-host tests: the extension as VS Code runs it, through VS Code's
 * own APIs (commands, executeHoverProvider, diagnostics, tree providers, the
 * preview's messages). The workspace is a copy of examples/.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CasebookApi } from '../../client/src/extension';

const EXTENSION_ID = 'casebook.casebook';
const zh = vscode.env.language.toLowerCase().startsWith('zh');

async function casebook(): Promise<CasebookApi> {
  const extension = vscode.extensions.getExtension<CasebookApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  assert.ok(api, 'the test API is returned in the extension-host test mode');
  await api.serverReady();
  return api;
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves when `probe` returns something, re-checking on each diagnostics change. */
function whenDiagnostics<T>(uri: vscode.Uri, probe: (d: readonly vscode.Diagnostic[]) => T | undefined, timeout = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = probe(vscode.languages.getDiagnostics(uri));
      if (found !== undefined) {
        listener.dispose();
        clearTimeout(timer);
        resolve(found);
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics on ${uri.path} never matched; have: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ')}`));
    }, timeout);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function positionOf(document: vscode.TextDocument, text: string, after = 0): vscode.Position {
  const offset = document.getText().indexOf(text, document.offsetAt(new vscode.Position(after, 0)));
  assert.ok(offset >= 0, `"${text}" is in ${document.uri.path}`);
  return document.positionAt(offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('Casebook in the extension host', function () {
  let api: CasebookApi;

  before(async function () {
    api = await casebook();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives proposals their own language and registers every command', async function () {
    const editor = await open('bank-core.arch.yaml');
    assert.equal(editor.document.languageId, 'casebook');
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'casebook.searchCases',
      'casebook.openCase',
      'casebook.showTopology',
      'casebook.exportTopologySvg',
      'casebook.exportReport',
      'casebook.simulateLoss',
      'casebook.newProposal',
      'casebook.insertReferenceTopology',
      'casebook.checkWorkspace',
      'casebook.restartServer',
      'casebook.showOutput',
      'casebook.openClause',
      'casebook.showCompliance',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('publishes the 两地三中心 finding on the tier line, citing the customers', async function () {
    const editor = await open('bank-core.arch.yaml');
    const tierLine = positionOf(editor.document, 'tier: 1').line;
    const finding = await whenDiagnostics(editor.document.uri, (all) =>
      all.find((d) => codeOf(d) === 'tier1-two-regions-three-dcs' && d.range.start.line === tierLine),
    );
    assert.equal(finding.source, 'casebook');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.match(finding.message, zh ? /两地三中心/ : /two regions, three/i);
    assert.match(finding.message, zh ? /天弘基金/ : /Tianhong/);
    const related = finding.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.path.endsWith('/cases/cases/tianhong-fund.yaml')),
      'related information points into the 天弘基金 case',
    );
  });

  it('hovers tier: 1 with what the tier requires and who did it', async function () {
    const editor = await open('bank-core.arch.yaml');
    const position = positionOf(editor.document, 'tier: 1');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      position.translate(0, 1),
    );
    const text = hoverText(hovers);
    assert.match(text, zh ? /两地三中心/ : /two regions/i);
    assert.match(text, zh ? /天弘基金/ : /Tianhong/);
  });

  it('completes site roles and site ids', async function () {
    const editor = await open('bank-core.arch.yaml');
    const role = positionOf(editor.document, 'role: primary').translate(0, 'role: '.length);
    const roles = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      role,
    );
    const labels = roles.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const expected of ['primary', 'active', 'hot-standby', 'cold-standby'])
      assert.ok(labels.includes(expected), `role completion offers ${expected}: ${labels.join(', ')}`);
  });

  it('goes from a site id in a system to the site', async function () {
    const editor = await open('bank-core.arch.yaml');
    const systems = positionOf(editor.document, 'systems:').line;
    const use = positionOf(editor.document, 'cd-gaoxin', systems);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      use,
    );
    assert.ok(locations.length > 0, 'a definition is found');
    const first = locations[0]!;
    const range = 'range' in first ? first.range : first.targetRange;
    assert.equal(range.start.line, positionOf(editor.document, 'id: cd-gaoxin').line);
  });

  it('applies a quick fix and the finding goes away', async function () {
    const editor = await open('bank-core.arch.yaml');
    const uri = editor.document.uri;
    const release = await whenDiagnostics(uri, (all) => all.find((d) => codeOf(d) === 'downtime-release'));
    // The last argument asks VS Code to resolve the actions' edits, as the light bulb does on pick.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      release.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit && /gray/.test(a.title));
    assert.ok(fix?.edit, `a quick fix edits the file: ${actions.map((a) => a.title).join(' | ')}`);
    const line = release.range.start.line;
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await whenDiagnostics(uri, (all) =>
      all.some((d) => codeOf(d) === 'downtime-release' && d.range.start.line === line) ? undefined : true,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('lists the built-in cases by industry in the Case Browser', async function () {
    const provider = api.caseBrowserProvider;
    const groups = await provider.getChildren();
    const groupLabels = groups.map((g) => labelOf(provider.getTreeItem(g)));
    assert.ok(
      groupLabels.some((l) => (zh ? /银行/ : /Bank/).test(l)),
      `industry groups: ${groupLabels.join(', ')}`,
    );
    const all: string[] = [];
    for (const group of groups) {
      for (const child of await provider.getChildren(group)) all.push(labelOf(provider.getTreeItem(child)));
    }
    for (const customer of zh ? ['南京银行', '网商银行', '浙江农信', '天弘基金'] : ['Bank of Nanjing', 'MYbank', 'Zhejiang', 'Tianhong']) {
      assert.ok(
        all.some((l) => l.includes(customer)),
        `${customer} is listed: ${all.join(', ')}`,
      );
    }
    // Tianhong Fund's figures are plans: the browser labels each one as a goal, never as a result (issue 10).
    const tianhong = (await Promise.all(groups.map(async (g) => provider.getChildren(g))))
      .flat()
      .find((c) => labelOf(provider.getTreeItem(c)).includes(zh ? '天弘基金' : 'Tianhong'));
    assert.ok(tianhong, 'Tianhong Fund is in a group');
    const outcomes = (await provider.getChildren(tianhong)).find((c) => provider.getTreeItem(c).id?.endsWith('/outcomes'));
    assert.ok(outcomes, 'the case has an outcomes node');
    const figures = (await provider.getChildren(outcomes)).map((f) => String(provider.getTreeItem(f).description));
    assert.ok(figures.length > 0 && figures.some((d) => d.startsWith(zh ? '目标 · ' : 'goal · ')), `figures: ${figures.join(' | ')}`);
  });

  it('searches cases by pinyin initials through the server', async function () {
    const client = api.client;
    assert.ok(client);
    const answer = await client.sendRequest<{ results: { id: string }[] }>('casebook/searchCases', { query: 'njyh' });
    assert.equal(answer.results[0]?.id, 'nanjing-bank');
  });

  it('draws the topology preview with every city and site', async function () {
    await open('bank-core.arch.yaml');
    const rendered = api.nextPreviewRender(60_000);
    await vscode.commands.executeCommand('casebook.showTopology');
    const message = await rendered;
    assert.match(message.svg, /<svg/);
    const labels = message.labels.join(' | ');
    for (const expected of ['成都', '重庆', 'cd-gaoxin', 'cd-tianfu', 'cq-liangjiang'])
      assert.ok(labels.includes(expected), `${expected} drawn: ${labels}`);
  });

  it('simulates losing a city in the preview: lost sites grey, systems labelled by what they do', async function () {
    await open('bank-core.arch.yaml');
    const plain = api.nextPreviewRender(60_000);
    await vscode.commands.executeCommand('casebook.showTopology');
    await plain;
    const rendered = api.nextPreviewRender(60_000);
    await vscode.commands.executeCommand('casebook.simulateLoss', '成都');
    const message = await rendered;
    const labels = message.labels.join(' | ');
    assert.ok(labels.includes(zh ? '中断' : 'down'), `a system is down when 成都 is lost: ${labels}`);
    const back = api.nextPreviewRender(60_000);
    await vscode.commands.executeCommand('casebook.simulateLoss', '');
    const restored = (await back).labels.join(' | ');
    assert.ok(!restored.includes(zh ? '中断' : ' · down'), `the plain drawing again: ${restored}`);
  });

  it('renders hostile labels as text', async function () {
    await open('xss.arch.yaml');
    const rendered = api.nextPreviewRender(60_000);
    await vscode.commands.executeCommand('casebook.showTopology');
    const message = await rendered;
    assert.ok(!/<img/i.test(message.svg), 'no <img> element is drawn from a label');
    assert.ok(
      message.labels.some((l) => l.includes('<img src=x onerror=alert(4)>')),
      `the system's name keeps its characters: ${message.labels.join(', ')}`,
    );
    assert.ok(
      message.labels.some((l) => l.includes('<b onmouseover=alert(2)>城市</b>')),
      `the city keeps its characters: ${message.labels.join(', ')}`,
    );
  });

  it('lists regulations → clauses in the Regulations view, counting the findings of the open proposal', async function () {
    const editor = await open('bank-core.arch.yaml');
    await whenDiagnostics(editor.document.uri, (d) => (d.some((x) => codeOf(x) === 'remote-dr-centre-required') ? true : undefined));
    const provider = api.regulationsProvider;
    assert.equal(provider.proposal?.uri.toString(), editor.document.uri.toString(), 'the view follows the active proposal');
    const documents = await provider.getChildren();
    const titles = documents.map((d) => labelOf(provider.getTreeItem(d)));
    assert.ok(
      titles.some((t) => t.includes(zh ? '商业银行数据中心监管指引' : 'Data Centres')),
      `documents: ${titles.join(', ')}`,
    );
    const dc = documents.find((d) => d.kind === 'document' && d.document.id === 'cbrc-2010-114');
    assert.ok(dc);
    const clauses = await provider.getChildren(dc);
    const seventh = clauses.find((c) => c.kind === 'clause' && c.clause.ref === 'cbrc-2010-114#第七条');
    assert.ok(seventh, 'the 第七条 clause is listed');
    const item = provider.getTreeItem(seventh);
    assert.match(String(item.description), zh ? /个问题/ : /finding/, `the clause says findings cite it: ${String(item.description)}`);
    assert.equal(item.command?.command, 'casebook.openClause');
    const gbt = documents.find((d) => d.kind === 'document' && d.document.id === 'gbt-20988-2007');
    assert.ok(gbt);
    const unverified = (await provider.getChildren(gbt)).map((c) => String(provider.getTreeItem(c).description));
    assert.ok(
      unverified.some((d) => d.includes(zh ? '未核实' : 'unverified')),
      `unverified clauses are marked: ${unverified.join(' | ')}`,
    );
  });

  it('opens a clause page with the quoted text, its source and its checks', async function () {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('casebook.openClause', 'cbrc-2011-104#第二十五条');
    assert.ok(panel, 'a page opened');
    assert.equal(api.clausePages.panel('cbrc-2011-104#第二十五条'), panel);
    const html = panel.webview.html;
    assert.ok(html.includes('不得大于4小时'), 'the requirement as quoted');
    assert.ok(html.includes('important-recovery-ceiling'), 'the check it grounds');
    assert.ok(html.includes(zh ? '原文出处' : 'Where the text was found'));
    assert.ok(!/<script(?![^>]*nonce=)/i.test(html), 'no script without the nonce');
    const unverified = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('casebook.openClause', 'gbt-20988-2007#附录A');
    assert.ok(unverified?.webview.html.includes(zh ? '未核实' : 'Unverified'), 'unverified said plainly');
    panel.dispose();
    unverified?.dispose();
  });

  it('shows the compliance matrix beside the editor, and follows the proposal as it changes', async function () {
    const editor = await open('bank-core.arch.yaml');
    const first = api.compliancePage.waitForUpdate(60_000);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('casebook.showCompliance');
    assert.ok(panel);
    const result = await first;
    assert.ok(result, 'a matrix, not a message');
    const seventh = result.rows.find((r) => r.ref === 'cbrc-2010-114#第七条');
    assert.equal(seventh?.status, 'not-met');
    assert.ok(panel.webview.html.includes(`data-line="${seventh.line}"`), 'its line is a link');
    assert.notEqual(panel.viewColumn, editor.viewColumn, 'beside the editor');
    // Marking the core system not important drops the rows about it.
    const important = positionOf(editor.document, 'important: true');
    const next = api.compliancePage.waitForUpdate(60_000);
    await editor.edit((b) => b.replace(new vscode.Range(important, important.translate(0, 'important: true'.length)), 'important: false'));
    let changed = await next;
    // A re-check of the old text may still be on its way: wait for the edited version.
    while (changed && changed.version === result.version) changed = await api.compliancePage.waitForUpdate(60_000);
    assert.ok(
      changed && !changed.rows.some((r) => r.ref === 'cbrc-2010-114#第七条' && r.status === 'not-met'),
      'the matrix follows the edit',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    panel.dispose();
  });
});
