/**
 * The standalone code of the proposal validator (https://ajv.js.org/standalone.html), generated at
 * build time by scripts/build.mjs in place of proposalValidator.ts. A CommonJS module exporting
 * `validateProposal`, like that module; it requires only ajv's small run-time helpers
 * (`ajv/dist/runtime/…`), never its compiler.
 */
import standaloneCode from 'ajv/dist/standalone';
import { PROPOSAL_SCHEMA } from '../schemaInfo';
import { proposalAjv } from './proposalAjv';

export function proposalValidatorCode(): string {
  const ajv = proposalAjv({ code: { source: true } });
  // Compiled under the schema's $id, so the export can name it (the multi-export form keeps the export's name).
  ajv.compile(PROPOSAL_SCHEMA);
  const id = PROPOSAL_SCHEMA.$id;
  if (typeof id !== 'string') throw new Error('schema/proposal.schema.json has no $id');
  return standaloneCode(ajv, { validateProposal: id });
}
