/**
 * Reference topologies in one place: the generic shapes completion offers as
 * snippets (同城双活, 两地三中心, 三地五中心, with city slots instead of
 * cities), and how any topology's sites and links are written as proposal
 * YAML — by those snippets and by the client's *Insert Reference Topology*
 * command (a case's own topology). Pure data and string functions: the
 * language service and the client both import it.
 */
import type { ReferenceTopology } from './protocol';

/** Chinese and English text (the service's `Localized`). */
export interface TopologyText {
  zh: string;
  en: string;
}

/** One site and one link, as `ReferenceTopology` (and a proposal) writes them. */
export type TopologySite = ReferenceTopology['sites'][number];
export type TopologyLink = ReferenceTopology['links'][number];

/** A generic reference topology: site roles by city slot (0 = city A, 1 = city B …) and links between sites by index. */
export interface TopologyTemplate {
  id: string;
  name: TopologyText;
  summary: TopologyText;
  sites: { city: number; role: string }[];
  links: { from: number; to: number; mode: 'sync' | 'async' }[];
}

/** What a template's city slots are called until the user types a city. */
export const CITY_SLOTS: readonly TopologyText[] = [
  { zh: '城市A', en: 'City A' },
  { zh: '城市B', en: 'City B' },
  { zh: '城市C', en: 'City C' },
];

export const TOPOLOGY_TEMPLATES: readonly TopologyTemplate[] = [
  {
    id: 'same-city-active-active',
    name: { zh: '同城双活', en: 'Same-city active-active' },
    summary: { zh: '同一城市两个中心同时承载业务（参考：顺德农商）。', en: 'Two DCs in one city both serving traffic (see Shunde RCB).' },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'active' },
    ],
    links: [{ from: 0, to: 1, mode: 'sync' }],
  },
  {
    id: 'two-regions-three-dcs',
    name: { zh: '两地三中心', en: 'Two regions, three DCs' },
    summary: {
      zh: '同城双中心 + 异地灾备中心（参考：天弘基金、浙江农信）。',
      en: 'Two DCs in one city plus a remote DR DC (see Tianhong Fund, Zhejiang RCU).',
    },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'hot-standby' },
      { city: 1, role: 'cold-standby' },
    ],
    links: [
      { from: 0, to: 1, mode: 'sync' },
      { from: 0, to: 2, mode: 'async' },
    ],
  },
  {
    id: 'three-regions-five-dcs',
    name: { zh: '三地五中心', en: 'Three regions, five DCs' },
    summary: {
      zh: '三个城市五个中心，全部承载业务（参考：网商银行）。',
      en: 'Five DCs across three cities, all serving traffic (see MYbank).',
    },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'active' },
      { city: 1, role: 'active' },
      { city: 1, role: 'active' },
      { city: 2, role: 'active' },
    ],
    links: [
      { from: 0, to: 1, mode: 'sync' },
      { from: 2, to: 3, mode: 'sync' },
      { from: 0, to: 2, mode: 'async' },
      { from: 0, to: 4, mode: 'async' },
    ],
  },
];

/** Writes one value; `yamlScalar` unless the caller writes something else (a snippet's placeholder). */
export type ScalarWriter = (value: string) => string;

/** The lines of one `sites:` item without its dash or indentation: `id: …`, `city: …`, `role: …` (and `platform: …`). */
export function siteItemLines(site: TopologySite, write: ScalarWriter = yamlScalar): string[] {
  const lines = [`id: ${write(site.id)}`, `city: ${write(site.city)}`, `role: ${write(site.role)}`];
  if (site.platform) lines.push(`platform: ${write(site.platform)}`);
  return lines;
}

/** One `links:` item without its dash: `{ from: a, to: b, mode: sync }`. */
export function linkItem(link: TopologyLink, write: ScalarWriter = yamlScalar): string {
  return `{ from: ${write(link.from)}, to: ${write(link.to)}, mode: ${write(link.mode)} }`;
}

const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}_\-./]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMERIC = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A scalar that reads back as the same string: plain when safe, else double-quoted (JSON is valid YAML). */
export function yamlScalar(value: string): string {
  return PLAIN.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) ? value : JSON.stringify(value);
}
