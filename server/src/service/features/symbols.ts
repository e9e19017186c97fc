/**
 * Document symbols (outline, breadcrumbs): the `systems`, `sites` and `links`
 * blocks with their items; workspace symbols: every site and system of the
 * given documents, filtered by a query.
 */
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import { isSubsequence } from '../locale';
import type { FeatureContext } from '../featureContext';
import type { ProposalModel } from '../model';
import type { YMap } from '../yamlNodes';

const systemName = (id: string, name?: string) => (name ? `${id} — ${name}` : id);

export function findDocumentSymbols(context: FeatureContext): DocumentSymbol[] {
  const { model } = context.proposal;
  const root = model.root;
  if (!root) return [];
  const symbols: DocumentSymbol[] = [];
  for (const entry of root.entries) {
    const range: Range = { start: entry.keyRange.start, end: entry.value.range.end };
    let children: DocumentSymbol[] | undefined;
    if (entry.key === 'systems') children = systemSymbols(model);
    else if (entry.key === 'sites') children = siteSymbols(model);
    else if (entry.key === 'links') children = linkSymbols(model);
    else if (entry.key === 'casebook') continue;
    const detail = children ? String(children.length) : entry.value.kind === 'scalar' ? String(entry.value.value ?? '') : '';
    symbols.push({
      name: symbolName(entry.key),
      ...(detail ? { detail } : {}),
      kind: children ? SymbolKind.Namespace : entry.value.kind === 'map' ? SymbolKind.Object : SymbolKind.Property,
      range: safeRange(range),
      selectionRange: safeRange(entry.keyRange),
      ...(children ? { children } : {}),
    });
  }
  return symbols;
}

/** LSP requires selectionRange ⊆ range and start ≤ end; a broken tree must not break the outline. */
function safeRange(range: Range): Range {
  const { start, end } = range;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return { start, end: start };
  return range;
}

function itemSymbol(node: YMap, name: string, detail: string, kind: SymbolKind, selection: Range | undefined): DocumentSymbol {
  const range = safeRange(node.range);
  const sel = selection && contains(range, selection) ? selection : { start: range.start, end: range.start };
  return { name: symbolName(name), ...(detail ? { detail } : {}), kind, range, selectionRange: sel };
}

/** LSP rejects an empty symbol name (`"": x`, `id: " "`): such a key or id is shown as its quoted text. */
function symbolName(name: string): string {
  return name.trim() ? name : `"${name}"`;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function systemSymbols(model: ProposalModel): DocumentSymbol[] {
  return model.systems.map((s) =>
    itemSymbol(
      s.node,
      systemName(s.id?.value ?? `#${s.index + 1}`, s.name?.value),
      s.tier ? `tier ${s.tier.value}` : '',
      SymbolKind.Class,
      s.id?.range,
    ),
  );
}

function siteSymbols(model: ProposalModel): DocumentSymbol[] {
  return model.sites.map((s) =>
    itemSymbol(s.node, systemName(s.id?.value ?? `#${s.index + 1}`, s.city?.value), s.role?.value ?? '', SymbolKind.Module, s.id?.range),
  );
}

function linkSymbols(model: ProposalModel): DocumentSymbol[] {
  return model.links.map((l) =>
    itemSymbol(l.node, `${l.from?.value ?? '?'} → ${l.to?.value ?? '?'}`, l.mode?.value ?? '', SymbolKind.Event, l.from?.range),
  );
}

export function findWorkspaceSymbols(contexts: FeatureContext[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const context of contexts) {
    const { model, uri } = context.proposal;
    const container = model.name?.value ?? model.customer?.value;
    const push = (raw: string, kind: SymbolKind, range: Range) => {
      const name = symbolName(raw);
      if (isSubsequence(query, name))
        out.push({ name, kind, location: { uri, range }, ...(container ? { containerName: container } : {}) });
    };
    for (const s of model.systems) if (s.id) push(systemName(s.id.value, s.name?.value), SymbolKind.Class, s.id.range);
    for (const s of model.sites) if (s.id) push(systemName(s.id.value, s.city?.value), SymbolKind.Module, s.id.range);
  }
  return out;
}
