// `npm run docs`: rewrites the generated parts of docs/rules.md (the rule reference, from the
// rules and the built-in case library) and docs/format.md (the field reference, from the schema).
// The unit tests fail, naming this command, when either is stale.
import { require as tsxRequire } from 'tsx/cjs/api';

const { writeDocs } = tsxRequire('../test/generatedDocs.ts', import.meta.url);
const changed = writeDocs();
console.log(changed.length > 0 ? `docs: rewrote ${changed.join(', ')}` : 'docs: up to date');
