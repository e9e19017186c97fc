/**
 * The generated parts of docs/: the rule reference in docs/rules.md (from the
 * rules and the built-in library) and the field reference in docs/format.md
 * (from the schema). `npm run docs` (scripts/docs.mjs) rewrites them; the unit
 * tests fail when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, type CasebookRule } from '../server/src/service/rules';
import { renderRuleReference, RULES_BEGIN, RULES_END } from '../server/src/service/rules/reference';
import { GENERATED_BEGIN, GENERATED_END, renderFieldReference } from '../server/src/service/validation/formatReference';
import { realLibrary } from './fixtures/library';

const ROOT = path.resolve(__dirname, '..');

export interface GeneratedDoc {
  /** Absolute path of the Markdown file. */
  file: string;
  begin: string;
  end: string;
  /** The generated block, markers included. */
  block: string;
}

export function generatedDocs(): GeneratedDoc[] {
  const library = realLibrary();
  return [
    {
      file: path.join(ROOT, 'docs', 'rules.md'),
      begin: RULES_BEGIN,
      end: RULES_END,
      block: `${RULES_BEGIN}\n\n${renderRuleReference(RULES as CasebookRule[], library)}\n\n${RULES_END}`,
    },
    {
      file: path.join(ROOT, 'docs', 'format.md'),
      begin: GENERATED_BEGIN,
      end: GENERATED_END,
      block: `${GENERATED_BEGIN}\n\n${renderFieldReference()}\n\n${GENERATED_END}`,
    },
  ];
}

/** The block between the markers as the file holds it, or undefined when the markers are missing. */
export function currentBlock(doc: GeneratedDoc, text: string = readFileSync(doc.file, 'utf8')): string | undefined {
  const begin = text.indexOf(doc.begin);
  const end = begin < 0 ? -1 : text.indexOf(doc.end, begin);
  return begin >= 0 && end > begin ? text.slice(begin, end + doc.end.length) : undefined;
}

/** The file's text with its generated block replaced (or appended when it has none). */
export function withBlock(doc: GeneratedDoc, text: string): string {
  const current = currentBlock(doc, text);
  if (current === undefined) return `${text.trimEnd()}\n\n${doc.block}\n`;
  const at = text.indexOf(current);
  return text.slice(0, at) + doc.block + text.slice(at + current.length);
}

/** What `npm run docs` does: rewrites each stale file, returning the ones it changed. */
export function writeDocs(): string[] {
  const changed: string[] = [];
  for (const doc of generatedDocs()) {
    const text = readFileSync(doc.file, 'utf8');
    const updated = withBlock(doc, text);
    if (updated !== text) {
      writeFileSync(doc.file, updated);
      changed.push(path.relative(ROOT, doc.file));
    }
  }
  return changed;
}

/** The message a stale doc's test fails with. */
export function staleMessage(doc: GeneratedDoc): string {
  return `${path.relative(ROOT, doc.file)} is stale (its generated part differs from the sources): run \`npm run docs\` and commit the result`;
}
