/**
 * The one ajv set-up for the proposal schema, shared by the validator compiled at run time
 * (proposalValidator.ts, what the sources and the tests run) and the standalone code the build
 * generates in its place (proposalValidatorCode.ts): one set of options, so both give the same errors.
 */
import Ajv, { type Options } from 'ajv';

export const PROPOSAL_AJV_OPTIONS: Readonly<Options> = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  allowUnionTypes: true,
  messages: false,
};

/** Documentation keywords of our own, for hover and completion; ajv only needs to know they are not typos. */
export const DOC_KEYWORDS: readonly string[] = ['x-description-zh', 'x-value-docs', 'x-kind'];

/** An ajv with those options; `extra` only adds what code generation needs (`code.source`). */
export function proposalAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...PROPOSAL_AJV_OPTIONS, ...extra });
  ajv.addVocabulary([...DOC_KEYWORDS]);
  return ajv;
}
