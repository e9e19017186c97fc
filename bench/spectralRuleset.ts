/**
 * The peer of `casebook check` in the CLI benchmark (issue 12): a Spectral
 * ruleset of the proposal's JSON Schema (schema/proposal.schema.json, inlined
 * so the ruleset is one file that needs no resolver) plus 15 given/then rules,
 * each mirroring one of Casebook's checks as far as a JSONPath and a core
 * function can. Fewer and simpler than Casebook's rules (no topology words,
 * no cases, no geography): the peer does less work, which favours it.
 */
import { readFileSync } from 'node:fs';

type Then = { field?: string; function: string; functionOptions?: Record<string, unknown> };
interface Rule {
  description: string;
  severity: 'error' | 'warn' | 'info' | 'hint';
  given: string;
  then: Then;
}

const tier = (n: number) => `$.systems[?(@.tier == ${n})]`;
const modern = "$.systems[?(@.architecture == 'microservices' || @.architecture == 'unitized')]";
const heavy = '$.systems[?(@.load && @.load.peakTps > 5000)]';
const notMatch = (regex: string) => ({ function: 'pattern', functionOptions: { notMatch: regex } });

/** The 15 given/then rules, named after the Casebook rule each one mirrors. */
export const SPECTRAL_RULES: Record<string, Rule> = {
  'tier1-two-regions-three-dcs': {
    description: 'A tier-1 system runs in at least three sites.',
    severity: 'error',
    given: `${tier(1)}.sites`,
    then: { function: 'length', functionOptions: { min: 3 } },
  },
  'tier2-same-city-dr': {
    description: 'A tier-2 system runs in at least two sites.',
    severity: 'warn',
    given: `${tier(2)}.sites`,
    then: { function: 'length', functionOptions: { min: 2 } },
  },
  'tier1-missing-rto': {
    description: 'A tier-1 system states its RTO.',
    severity: 'warn',
    given: tier(1),
    then: { field: 'rto', function: 'truthy' },
  },
  'tier1-missing-rpo': {
    description: 'A tier-1 system states its RPO.',
    severity: 'warn',
    given: tier(1),
    then: { field: 'rpo', function: 'defined' },
  },
  'availability-single-site': {
    description: 'Four nines or more needs more than one site.',
    severity: 'warn',
    given: '$.systems[?(@.availability >= 99.99)].sites',
    then: { function: 'length', functionOptions: { min: 2 } },
  },
  'sensitive-data-public-cloud': {
    description: 'Sensitive data stays off the public cloud.',
    severity: 'error',
    given: '$.systems[?(@.sensitive == true)].cloud',
    then: notMatch('^public$'),
  },
  'security-zones-incomplete': {
    description: 'The three security zones (一云三区) are all present.',
    severity: 'info',
    given: '$.zones',
    then: {
      function: 'schema',
      functionOptions: { schema: { allOf: ['dev-test', 'dmz', 'intranet'].map((zone) => ({ contains: { const: zone } })) } },
    },
  },
  'downtime-release': {
    description: 'A tier-1 system is released without downtime.',
    severity: 'warn',
    given: `${tier(1)}.release`,
    then: notMatch('^downtime$'),
  },
  'distributed-without-tracing': {
    description: 'Distributed systems have full-link tracing.',
    severity: 'warn',
    given: `${modern}.observability`,
    then: { function: 'schema', functionOptions: { schema: { contains: { const: 'tracing' } } } },
  },
  'esb-to-service-mesh': {
    description: 'Distributed systems do not integrate through an ESB.',
    severity: 'info',
    given: `${modern}.integration`,
    then: notMatch('^esb$'),
  },
  'vm-runtime-containers': {
    description: 'Distributed systems run in containers.',
    severity: 'info',
    given: `${modern}.runtime`,
    then: { function: 'enumeration', functionOptions: { values: ['container'] } },
  },
  'heavy-load-centralized-database': {
    description: 'Above 5,000 TPS the database is distributed.',
    severity: 'warn',
    given: `${heavy}.database.mode`,
    then: { function: 'enumeration', functionOptions: { values: ['distributed'] } },
  },
  'heavy-load-monolith': {
    description: 'Above 5,000 TPS the system is not a monolith.',
    severity: 'info',
    given: `${heavy}.architecture`,
    then: notMatch('^monolith$'),
  },
  'rpo-zero-async-replication': {
    description: 'An asynchronous link states its lag.',
    severity: 'warn',
    given: "$.links[?(@.mode == 'async')]",
    then: { field: 'lag', function: 'truthy' },
  },
  'mainframe-downsizing': {
    description: 'No new system on the mainframe.',
    severity: 'info',
    given: '$.systems[*].runtime',
    then: notMatch('^mainframe$'),
  },
};

/** The ruleset file's text: the JSON Schema as rule `proposal-schema`, then the 15 rules. */
export function spectralRuleset(schemaFile: string): string {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const rules = {
    'proposal-schema': {
      description: 'The proposal matches schema/proposal.schema.json.',
      severity: 'error',
      given: '$',
      then: { function: 'schema', functionOptions: { schema } },
    },
    ...SPECTRAL_RULES,
  };
  return JSON.stringify({ rules }, null, 2) + '\n';
}
