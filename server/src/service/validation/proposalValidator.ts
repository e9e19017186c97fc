/**
 * The proposal schema's validator, compiled by ajv when the module loads: the sources (tsx, the
 * tests) run this. The bundles never do — scripts/build.mjs loads the standalone code of the same
 * validator in its place (proposalValidatorCode.ts), so a cold start neither loads ajv's compiler
 * nor compiles the schema. Keep this module's only export in step with that code's.
 */
import type { ValidateFunction } from 'ajv';
import { PROPOSAL_SCHEMA } from '../schemaInfo';
import { proposalAjv } from './proposalAjv';

export const validateProposal: ValidateFunction = proposalAjv().compile(PROPOSAL_SCHEMA);
