/**
 * Navigation over site and system ids: go to definition (a use → its `id:`),
 * find references (every use, and the declaration), and rename (the
 * declaration and every use, refusing positions that hold no id and names
 * that are not valid ids or are taken).
 */
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import type { Locale } from '../locale';
import type { ProposalModel } from '../model';
import { idAt, occurrencesOf, type IdOccurrence } from './indexes';

function declarationOf(model: ProposalModel, occurrence: IdOccurrence): Range | undefined {
  const declared = occurrence.kind === 'site' ? model.siteById.get(occurrence.id)?.id : model.systemById.get(occurrence.id)?.id;
  return declared?.range;
}

export function findDefinition(context: FeatureContext, position: Position): Location[] {
  const { model, uri } = context.proposal;
  const occurrence = idAt(model, position);
  if (!occurrence) return [];
  const range = declarationOf(model, occurrence);
  return range ? [{ uri, range }] : [];
}

export function findReferences(context: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const { model, uri } = context.proposal;
  const occurrence = idAt(model, position);
  if (!occurrence) return [];
  return occurrencesOf(model, occurrence.kind, occurrence.id)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri, range: o.range }));
}

/** The id's text range without quotes (`"cd-1"` renames `cd-1`). */
function innerRange(context: FeatureContext, range: Range): Range {
  const text = context.document.getText(range);
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    return {
      start: { line: range.start.line, character: range.start.character + 1 },
      end: { line: range.end.line, character: range.end.character - 1 },
    };
  }
  return range;
}

export function prepareRename(context: FeatureContext, position: Position): { range: Range; placeholder: string } | null {
  const occurrence = idAt(context.proposal.model, position);
  if (!occurrence) return null;
  return { range: innerRange(context, occurrence.range), placeholder: occurrence.id };
}

/** What the schema allows in an id, and what plain YAML reads back as the same string. */
const VALID_ID = /^[^\s,[\]{}#&*!|>'"%@`]+$/;

export function renameProblem(context: FeatureContext, position: Position, newName: string): string | null {
  const locale: Locale = context.settings.locale;
  const zh = locale === 'zh-CN';
  const { model } = context.proposal;
  const occurrence = idAt(model, position);
  if (!occurrence) return zh ? '这里不是站点或系统 ID，无法重命名。' : 'This is not a site or system id; nothing to rename.';
  if (!VALID_ID.test(newName) || /^[-?:]/.test(newName) || newName.endsWith(':')) {
    return zh
      ? `“${newName}”不是有效的 ID：不能包含空白或 , [ ] { } # & * ! | > ' " % @ \` 等字符，也不能以 - ? : 开头。`
      : `“${newName}” is not a valid id: no whitespace or , [ ] { } # & * ! | > ' " % @ \`, and it cannot start with - ? :.`;
  }
  if (newName === occurrence.id) return null;
  const taken = occurrence.kind === 'site' ? model.siteById.has(newName) : model.systemById.has(newName);
  if (taken) {
    return occurrence.kind === 'site'
      ? zh
        ? `已有站点使用 ID “${newName}”。`
        : `A site with id “${newName}” already exists.`
      : zh
        ? `已有系统使用 ID “${newName}”。`
        : `A system with id “${newName}” already exists.`;
  }
  return null;
}

export function doRename(context: FeatureContext, position: Position, newName: string): WorkspaceEdit | null {
  const { model, uri } = context.proposal;
  if (renameProblem(context, position, newName) !== null) return null;
  const occurrence = idAt(model, position);
  if (!occurrence) return null;
  const edits: TextEdit[] = occurrencesOf(model, occurrence.kind, occurrence.id).map((o) => ({
    range: innerRange(context, o.range),
    newText: newName,
  }));
  return { changes: { [uri]: edits } };
}
