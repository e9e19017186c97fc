/**
 * In a document with nothing in it yet: the file marker, and a whole skeleton
 * (marker, name, customer, industry, a site, a system) whose choices are the
 * schema's values.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { t } from '../../locale';
import type { ProposalModel } from '../../model';
import { enumValuesAt } from '../../schemaInfo';
import { choice, doc, type CompletionSource } from './at';

const MARKER = 'casebook: proposal/v1';

export const markerCompletion: CompletionSource = {
  name: 'marker',
  answer: ({ model, position, lineText, locale }) => {
    if (!isEmptyDocument(model)) return undefined;
    const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } };
    const items: CompletionItem[] = [
      {
        label: MARKER,
        kind: CompletionItemKind.Keyword,
        detail: t(locale, 'Casebook 方案标记（第一行）', 'Casebook proposal marker (first line)'),
        documentation: doc(
          t(locale, '标记此文件为 Casebook 架构方案，格式版本 v1。', 'Marks this file as a Casebook architecture proposal, format v1.'),
        ),
        textEdit: { range, newText: MARKER },
        sortText: '0',
        filterText: `casebook ${lineText.trim()}`,
      },
      {
        label: t(locale, '新方案（骨架）', 'New proposal (skeleton)'),
        kind: CompletionItemKind.Snippet,
        detail: MARKER,
        documentation: doc(
          t(
            locale,
            '方案标记、名称、客户、行业、站点与系统的骨架。',
            'The marker, name, customer, industry, sites and systems, ready to fill in.',
          ),
        ),
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        textEdit: {
          range,
          newText: [
            MARKER,
            `name: \${1:${t(locale, '方案名称', 'Proposal name')}}`,
            `customer: \${2:${t(locale, '客户名称', 'Customer')}}`,
            `industry: ${choice(3, enumValuesAt(['industry']))}`,
            'sites:',
            `  - id: \${4:dc-1}`,
            `    city: \${5:${t(locale, '城市', 'City')}}`,
            '    role: primary',
            'systems:',
            `  - id: \${6:core}`,
            `    name: \${7:${t(locale, '核心系统', 'Core system')}}`,
            `    tier: ${choice(8, enumValuesAt(['systems', 0, 'tier']))}`,
            '    sites: [${4:dc-1}]',
            '',
          ].join('\n'),
        },
        sortText: '1',
        filterText: `casebook ${lineText.trim()}`,
      },
    ];
    return { isIncomplete: false, items };
  },
};

/** Nothing but blank lines and comments. */
function isEmptyDocument(model: ProposalModel): boolean {
  return !/^[ \t]*[^\s#]/m.test(model.tree.lineIndex.text);
}
