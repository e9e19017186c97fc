/**
 * What each business-system tier asks of a system's deployment, as the
 * availability rules check it: tier 1 needs 两地三中心 (same-city plus remote
 * recovery, or the stronger 三地五中心); tier 2 needs same-city recovery (two
 * sites); tier 3 asks nothing. Hover and code lens show it; the rules enforce it.
 */
import type { Localized } from '../locale';
import type { Topology, TopologyWord } from '../model';

export interface TierRequirement {
  tier: number;
  text: Localized;
  /** The pattern whose cases show the requirement met. */
  pattern?: TopologyWord;
  meets(topology: Topology): boolean;
}

const REQUIREMENTS: Record<number, TierRequirement> = {
  1: {
    tier: 1,
    text: {
      zh: '两地三中心：同城灾备 + 异地灾备（至少 3 个站点、跨 2 个城市、其中 2 个在同一城市），或更强的三地五中心。',
      en: 'two regions, three DCs: same-city plus remote disaster recovery (at least 3 sites across 2 cities, 2 of them in one city), or the stronger three regions, five DCs.',
    },
    pattern: 'two-regions-three-dcs',
    meets: (t) => t.twoRegionsThreeDcs || t.threeRegionsFiveDcs,
  },
  2: {
    tier: 2,
    text: {
      zh: '同城灾备：至少部署在 2 个站点（同一城市即可，双活或热备）。',
      en: 'same-city disaster recovery: at least 2 sites (one city is enough, active-active or hot standby).',
    },
    pattern: 'same-city-active-active',
    meets: (t) => t.sites.length >= 2,
  },
  3: {
    tier: 3,
    text: { zh: '无强制容灾要求。', en: 'no required disaster recovery.' },
    meets: () => true,
  },
};

export function tierRequirement(tier: number): TierRequirement | undefined {
  return REQUIREMENTS[tier];
}
