/**
 * The layering DEVELOPERS.md describes, checked over the import graph: the
 * language service (server/src/service) is a pure library — no Node built-ins,
 * no `vscode`, nothing from the Node host, the CLI or the client — and
 * server/src has no import cycles, type-only imports included.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

interface Import {
  /** As written. */
  specifier: string;
  /** The repository-relative file a relative specifier names, when it exists. */
  target: string | undefined;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return rel(candidate);
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Every module specifier of a file: imports and `import type`, `export … from`, `import x = require()`, `import()`. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (literal: ts.Node | undefined) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    found.push({ specifier: literal.text, target: resolve(file, literal.text), line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const graph = new Map<string, Import[]>();
for (const dir of ['server/src', 'client/src', 'shared/src'])
  for (const file of sourceFiles(path.join(ROOT, dir))) graph.set(rel(file), importsOf(file));

const NODE_BUILTINS = new Set(builtinModules);

/** Why `spec` may not be imported by the language service, or undefined. */
function forbiddenInService(imp: Import): string | undefined {
  if (imp.specifier.startsWith('node:') || NODE_BUILTINS.has(imp.specifier.split('/')[0] ?? ''))
    return 'a Node built-in (the service runs in a browser too)';
  if (imp.specifier === 'vscode') return 'the VS Code API';
  if (imp.specifier === 'vscode-languageserver' || imp.specifier.startsWith('vscode-languageserver/'))
    return 'the LSP connection (types come from vscode-languageserver-types)';
  const target = imp.target ?? '';
  if (target.startsWith('server/src/node/')) return 'the Node host (server/src/node)';
  if (target.startsWith('server/src/cli/')) return 'the CLI (server/src/cli)';
  if (target.startsWith('client/')) return 'the client';
  return undefined;
}

/** Every elementary cycle's representative: one per strongly connected component, walked from its first file. */
function cycles(files: string[], edges: (file: string) => string[]): string[][] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) components.push(component);
    }
  };
  for (const file of files) if (!index.has(file)) strongConnect(file);
  // A concrete cycle through each component, for the message: a shortest way back to its first file.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0] ?? '';
    const previous = new Map<string, string>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] ?? '';
      for (const w of edges(v)) {
        if (!members.has(w)) continue;
        if (w === start) {
          const loop = [v];
          for (let at = v; at !== start;) {
            at = previous.get(at) ?? start;
            loop.unshift(at);
          }
          return [...loop, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...component, start];
  });
}

describe('architecture', () => {
  it('finds the imports it checks', () => {
    // Guards the guard: a parser that saw nothing would pass everything below.
    const service = graph.get('server/src/service/languageService.ts') ?? [];
    assert.ok(service.length > 5, 'languageService.ts has imports');
    assert.ok(
      [...graph.values()].flat().some((i) => i.target?.startsWith('server/src/service/')),
      'relative imports resolve to files',
    );
    const all = [...graph.values()].flat();
    assert.ok(
      all.some((i) => i.specifier === 'vscode'),
      'the client imports vscode',
    );
    assert.ok(
      all.some((i) => i.specifier.startsWith('node:')),
      'the Node host imports node: built-ins',
    );
  });

  it('keeps the language service free of Node, vscode, the connection, the host, the CLI and the client', () => {
    const offences = [...graph]
      .filter(([file]) => file.startsWith('server/src/service/'))
      .flatMap(([file, imports]) =>
        imports.flatMap((imp) => {
          const why = forbiddenInService(imp);
          return why ? [`${file}:${imp.line} imports '${imp.specifier}': ${why}`] : [];
        }),
      );
    assert.deepEqual(offences, [], `the language service must stay a pure library:\n  ${offences.join('\n  ')}`);
  });

  it('has no import cycles in server/src, type-only imports included', () => {
    const files = [...graph.keys()].filter((f) => f.startsWith('server/src/'));
    const edges = (file: string) => [
      ...new Set((graph.get(file) ?? []).flatMap((i) => (i.target?.startsWith('server/src/') ? [i.target] : []))),
    ];
    const found = cycles(files, edges).map((loop) => loop.join(' → '));
    assert.deepEqual(found, [], `import cycles (move what both sides share into a module of its own):\n  ${found.join('\n  ')}`);
  });
});
