/**
 * Regulation: checks grounded in clauses of the regulation library (issue 11).
 * A check reads its figures from the clause (`ceiling`, `requires`), never
 * from code, and acts only on verified clauses: a clause whose text or figure
 * could not be confirmed in public text grounds no finding at all.
 */
import { distanceKm, lookupCity } from '../geo';
import { zhId, zhJoin, type Localized } from '../locale';
import { roleFor, type LinkModel, type ProposalModel, type SystemModel } from '../model';
import { clausesFor, clauseTitle, drLevelFloorFor, institutionFacts, profileMatch, requirementMatch } from '../regulations';
import type { DrLevelRequirement, RawFinding, RegulationClause, RegulationLibrary } from '../types';
import { REMOTE_CENTRE_CLAUSE, REMOTE_MIN_KM, REMOTE_MODE_CLAUSE } from './geography';
import { finding, mlpsLevel, on, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'regulation';

/** The built-in clauses these checks cite (see regulations/: each records where its text was found). */
const RECOVERY_CLAUSE = 'cbrc-2011-104#第二十五条';
const MLPS3_CLAUSE = 'gbt-22239-2019#第三级';
const MLPS4_CLAUSE = 'gbt-22239-2019#第四级';
const DR_LEVEL_NAMES_CLAUSE = 'gbt-20988-2007#附录A.1–A.5';

function durationText(seconds: number): Localized {
  if (seconds % 3600 === 0) return { zh: `${seconds / 3600} 小时`, en: `${seconds / 3600} h` };
  if (seconds % 60 === 0) return { zh: `${seconds / 60} 分钟`, en: `${seconds / 60} min` };
  return { zh: `${seconds} 秒`, en: `${seconds} s` };
}

function quote(library: RegulationLibrary, clause: RegulationClause): Localized {
  const title = clauseTitle(library, clause);
  // English readers get the summary; the article's own words stay beside it, as the text they can check.
  return { zh: `${title.zh}：“${clause.text}”`, en: `${title.en}: ${clause.summary.en} (“${clause.text}”)` };
}

const isImportant = (system: SystemModel) => system.important?.value === true;

export const importantRecoveryCeiling: CasebookRule = {
  id: 'important-recovery-ceiling',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '重要系统的恢复目标超过监管上限', en: 'Important system’s recovery objectives above the ceiling' },
  description: {
    zh: '标为 important: true（支撑重要业务 / 重要信息系统）的系统，其 rto、rpo 或城市级故障的目标（cityLoss.rto、cityLoss.rpo）超过已核实条款规定的上限（条款的 ceiling）：上限针对的是业务，不分故障范围。内置依据：《商业银行业务连续性监管指引》（银监发〔2011〕104号）第二十五条“原则上，重要业务恢复时间目标不得大于4小时，重要业务恢复点目标不得大于半小时”；第二十七条由业务恢复目标确定信息系统恢复目标。条款按机构类型适用（第九十七条），未写 institution.type 时不检查。企业法规目录（行内规范）可给出更严的已核实上限。',
    en: 'A system marked important: true (supports 重要业务 / is a 重要信息系统) states an rto, rpo or city-loss objective (cityLoss.rto, cityLoss.rpo) above the ceiling of a verified clause (its `ceiling`): the ceiling is the business’s, whatever the scope of the loss. Built in: Article 25 of the CBRC business-continuity guidelines (银监发〔2011〕104号), "in principle, the RTO of important business shall not exceed 4 hours and its RPO half an hour"; Article 27 derives system objectives from the business ones. The clause applies by institution type (Article 97), so without institution.type nothing is checked. An enterprise regulation folder (行内规范) can add a stricter verified ceiling.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [RECOVERY_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = institutionFacts(model);
    for (const clause of clausesFor(regs, { rule: importantRecoveryCeiling.id, ceiling: true })) {
      if (profileMatch(clause, facts) !== 'yes') continue;
      const cited = quote(regs, clause);
      for (const system of model.systems.filter(isImportant)) {
        const label = opening(systemLabel(system));
        // The ceiling is the business's, whatever the disaster: the objectives for losing the whole city count too.
        const checks = [
          { field: system.rto, max: clause.ceiling?.rtoSeconds, what: { zh: 'RTO', en: 'RTO' } },
          { field: system.rpo, max: clause.ceiling?.rpoSeconds, what: { zh: 'RPO', en: 'RPO' } },
          { field: system.cityLossRto, max: clause.ceiling?.rtoSeconds, what: { zh: '城市级故障的 RTO', en: 'city-loss RTO' } },
          { field: system.cityLossRpo, max: clause.ceiling?.rpoSeconds, what: { zh: '城市级故障的 RPO', en: 'city-loss RPO' } },
        ];
        for (const { field, max, what } of checks) {
          if (!field || max === undefined || field.value.seconds <= max) continue;
          const limit = durationText(max);
          out.push({
            ...finding(importantRecoveryCeiling, on(field, true), {
              zh: `${label.zh} 是重要系统，${what.zh} ${durationText(field.value.seconds).zh}超过 ${limit.zh}的上限。${cited.zh}`,
              en: `${label.en} is an important system, and its ${what.en} of ${durationText(field.value.seconds).en} is above the ceiling of ${limit.en}. ${cited.en}`,
            }),
            regulations: [clause.ref],
          });
        }
      }
    }
    return out;
  },
};

export const remoteDrCentreRequired: CasebookRule = {
  id: 'remote-dr-centre-required',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '须设异地灾备中心的机构，重要系统没有异地站点', en: 'Remote-mode DR centre required, none for an important system' },
  description: {
    zh: `已核实条款要求本机构设立异地模式灾备中心（条款的 requires: remote-dr-centre），而一个 important: true 的系统没有任何站点离主中心城市 ${REMOTE_MIN_KM} 公里以上。内置依据：《商业银行数据中心监管指引》（银监发〔2010〕114号）第七条“总资产规模一千亿元人民币以上且跨省设立分支机构的法人商业银行，及省级农村信用联合社应设立异地模式灾备中心”（institution.type、totalAssets（亿元）、crossProvince 未写明时不检查）；异地模式的距离依据第三条（四）“一般距离在数百公里以上”。城市无法识别时不检查。`,
    en: `A verified clause requires this institution to run a remote-mode DR centre (the clause's requires: remote-dr-centre), and a system marked important: true has no site ${REMOTE_MIN_KM} km or more from its primary city. Built in: Article 7 of the CBRC data-centre guidelines (银监发〔2010〕114号), legal-person commercial banks with total assets of RMB 100 billion or more and branches in more than one province, and provincial rural credit unions, "shall set up a remote-mode DR centre" (not checked while institution.type, totalAssets (亿元) or crossProvince is unstated); the remote mode's distance is Article 3 (4), "generally hundreds of kilometres or more". Unknown cities are not checked.`,
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [REMOTE_CENTRE_CLAUSE, REMOTE_MODE_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = institutionFacts(model);
    const clauses = clausesFor(regs, { rule: remoteDrCentreRequired.id, requires: 'remote-dr-centre' }).filter(
      (c) => profileMatch(c, facts) === 'yes' && requirementMatch(c, facts) === 'yes',
    );
    const clause = clauses[0];
    if (!clause) return out;
    const cited = quote(regs, clause);
    for (const system of model.systems.filter(isImportant)) {
      if (!system.sites) continue;
      const t = system.topology;
      const primary = t.sites.find((s) => s.cityKey === t.primaryCityKey);
      const home = primary?.city ? lookupCity(primary.city.value) : undefined;
      if (!home) continue;
      const others = t.sites.filter((s) => s !== primary);
      const cities = others.map((s) => (s.city ? lookupCity(s.city.value) : undefined));
      if (cities.some((c) => !c)) continue;
      const far = cities.some((c) => {
        const km = distanceKm(home, c!);
        return km === undefined || km >= REMOTE_MIN_KM;
      });
      if (far) continue;
      const label = opening(systemLabel(system));
      out.push({
        ...finding(remoteDrCentreRequired, on(system.sites), {
          zh: `${label.zh} 是重要系统，但没有离主中心（${home.name.short}）${REMOTE_MIN_KM} 公里以上的站点，即没有异地模式灾备（银监发〔2010〕114号第三条（四）：“一般距离在数百公里以上”；${REMOTE_MIN_KM} 公里是 Casebook 取的下限，不是条文数字）。${cited.zh}`,
          en: `${label.en} is an important system with no site ${REMOTE_MIN_KM} km or more from its primary (${home.name.en}): no remote-mode DR (银监发〔2010〕114号, Article 3 (4): "generally hundreds of kilometres or more"; ${REMOTE_MIN_KM} km is Casebook's lower bound, not a figure of the text). ${cited.en}`,
        }),
        regulations: [...new Set([clause.ref, REMOTE_MODE_CLAUSE])],
      });
    }
    return out;
  },
};

const HOT_ROLES = new Set(['primary', 'active', 'hot-standby']);

export const mlpsBackupRedundancy: CasebookRule = {
  id: 'mlps-backup-redundancy',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '等保级别要求的备份与冗余，拓扑没有做到', en: 'Backup or redundancy the MLPS level requires is missing' },
  description: {
    zh: '系统的等保级别（系统的 mlps，否则 compliance.mlps）适用一条已核实条款，而拓扑明显不满足它。内置依据 GB/T 22239-2019（引自公开转录，见 regulations/gbt-22239-2019.yaml）：第三级“应提供异地实时备份功能，利用通信网络将重要数据实时备份至备份场地”——系统只有一个站点时方案看不到备份场地（备份去向不在拓扑中，故只作提示 info）；第四级“应建立异地灾难备份中心，提供业务应用的实时切换”——系统没有主中心城市之外的热备或活动站点（冷备不能实时切换）。只判断拓扑上看得出的缺失；站点城市未写全时不检查第四级。第四级只在系统自己写明 mlps 时为 warning，同一系统两级都不满足时只报一次（引两条）。只由 compliance.mlps 得出级别时为提示 info，并说明级别来自方案（方案整体的等保级别不一定是每个系统的定级）。',
    en: "The system's MLPS level (its own mlps, else compliance.mlps) brings in a verified clause that its topology plainly does not meet. Built in, GB/T 22239-2019 (quoted from public transcriptions, see regulations/gbt-22239-2019.yaml): level 3, \"provide real-time off-site backup, backing important data up in real time to a backup site over the network\" — a system with a single site shows no backup site (where backups go is not in the topology, so this is an info); level 4, \"set up an off-site disaster recovery centre providing real-time switchover of business applications\" — a system with no hot-standby or active site outside its primary city (a cold standby cannot switch over in real time). Only what the topology shows is judged; level 4 is not checked while a site's city is unstated. Level 4 warns only where the system states its own mlps, and a system missing both levels gets one finding citing both. A level taken from compliance.mlps gives an info that says the level is the proposal's (the proposal's level is not necessarily each system's grading).",
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [MLPS3_CLAUSE, MLPS4_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = institutionFacts(model);
    const clauses = clausesFor(regs, { rule: mlpsBackupRedundancy.id }).filter((c) => profileMatch(c, facts) === 'yes');
    for (const system of model.systems) {
      const level = system.mlps?.value ?? model.mlps?.value;
      if (level === undefined || !system.sites) continue;
      const missed = clauses.filter((c) => c.appliesTo.mlps?.includes(level) && missesMlpsClause(system, c));
      if (missed.length === 0) continue;
      // A level-4 miss (no hot site outside the city) already says what the level-3 one would: one finding citing both.
      const strongest = missed.find((c) => c.requires === 'remote-dr-realtime-switch') ?? missed[0]!;
      // compliance.mlps is the proposal's level; a system may be graded lower, so only its own mlps warns.
      const own = system.mlps !== undefined;
      out.push({
        ...finding(mlpsBackupRedundancy, on(system.sites), mlpsMessage(regs, strongest, level, opening(systemLabel(system)), own)),
        // Where backups go is not in the topology: a single site alone is a note, not a warning.
        ...(own && strongest.requires === 'remote-dr-realtime-switch' ? {} : { severity: 'info' as const }),
        regulations: missed.map((c) => c.ref),
      });
    }
    return out;
  },
};

/** Whether the system's topology plainly misses what the clause requires (only what the topology can show). */
function missesMlpsClause(system: SystemModel, clause: RegulationClause): boolean {
  const t = system.topology;
  if (clause.requires === 'offsite-backup') return t.sites.length === 1;
  if (clause.requires === 'remote-dr-realtime-switch') {
    if (t.sites.length === 0 || !t.sites.every((s) => s.city)) return false;
    return !t.sites.some((s) => s.cityKey !== t.primaryCityKey && HOT_ROLES.has(roleFor(system, s)?.value ?? ''));
  }
  return false;
}

function mlpsMessage(regs: RegulationLibrary, clause: RegulationClause, level: number, label: Localized, own: boolean): Localized {
  const cited = quote(regs, clause);
  const name = mlpsLevel(level);
  // A level from compliance.mlps is the proposal's: say so rather than call it the system's grading.
  const is: Localized = own
    ? { zh: `${label.zh} 为${name.zh}`, en: `${label.en} is at ${name.en}` }
    : { zh: `${label.zh} 按方案的${name.zh}（compliance.mlps）`, en: `${label.en}, at the proposal's ${name.en} (compliance.mlps),` };
  const lower: Localized = own
    ? { zh: '', en: '' }
    : { zh: '若它的定级更低，请写明它自己的 mlps。', en: ' If it is graded lower, state its own mlps.' };
  return clause.requires === 'offsite-backup'
    ? {
        zh: `${is.zh}，只部署在一个站点，方案里看不到异地实时备份的备份场地（若备份送往其他场地，请把它列入 sites）。${lower.zh}${cited.zh}`,
        en: `${is.en} ${own ? 'and runs' : 'runs'} at a single site: the proposal shows no backup site for real-time off-site backup (if backups go to another site, list it in sites).${lower.en} ${cited.en}`,
      }
    : {
        zh: `${is.zh}，但没有主中心城市之外的热备或活动站点，无法实时切换到异地灾难备份中心。${lower.zh}${cited.zh}`,
        en: `${is.en} ${own ? 'but has' : 'has'} no hot-standby or active site outside its primary city, so it cannot switch over in real time to an off-site DR centre.${lower.en} ${cited.en}`,
      };
}

export const drLevelBelowRequired: CasebookRule = {
  id: 'dr-level-below-required',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '重要系统声称的灾难恢复等级低于监管要求', en: 'Important system’s claimed DR level below the required one' },
  description: {
    zh: '标为 important: true 的系统写了 drLevel（声称的 GB/T 20988 灾难恢复能力等级），而它低于已核实条款对本机构重要信息系统要求的等级（条款的 drLevelFloor）。内置依据：《商业银行数据中心监管指引》（银监发〔2010〕114号）第七条：总资产一千亿元以上且跨省设立分支机构的法人商业银行、省级农村信用联合社，重要信息系统“应达到……灾难恢复等级第5级（含）以上”；其他法人商业银行“第4级（含）以上”。institution.type 未写时不检查；资产或跨省未写明时按能确定的下限（第4级）判断。未写 drLevel 的系统不检查（合规矩阵中为“未写明”）。',
    en: 'A system marked important: true states a drLevel (the GB/T 20988 DR capability level it claims) below the level a verified clause requires of this institution’s important systems (the clause’s drLevelFloor). Built in: Article 7 of the CBRC data-centre guidelines (银监发〔2010〕114号): legal-person commercial banks with total assets of RMB 100 billion or more and branches in more than one province, and provincial rural credit unions, need level 5 or above for important systems; other legal-person commercial banks level 4 or above. Not checked without institution.type; with total assets or cross-province branches unstated, the level that is certain (4) is used. A system without drLevel is not checked (the compliance matrix shows it as not stated).',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [REMOTE_CENTRE_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = institutionFacts(model);
    for (const clause of clausesFor(regs, { rule: drLevelBelowRequired.id })) {
      if (profileMatch(clause, facts) !== 'yes') continue;
      const floor = drLevelFloorFor(clause, facts);
      if (floor === undefined) continue;
      const cited = quote(regs, clause);
      for (const system of model.systems.filter(isImportant)) {
        const claimed = system.drLevel;
        if (!claimed || claimed.value >= floor) continue;
        const label = opening(systemLabel(system));
        out.push({
          ...finding(drLevelBelowRequired, on(claimed, true), {
            zh: `${label.zh} 是重要系统，声称的灾难恢复能力第${claimed.value}级低于本机构重要信息系统须达到的第${floor}级。${cited.zh}`,
            en: `${label.en} is an important system, and the DR capability level it claims, ${claimed.value}, is below the level ${floor} this institution’s important systems must reach. ${cited.en}`,
          }),
          regulations: [clause.ref],
        });
      }
    }
    return out;
  },
};

export const drLevelUnreachable: CasebookRule = {
  id: 'dr-level-unreachable',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '声称的灾难恢复等级，拓扑达不到', en: 'Claimed DR level the topology cannot reach' },
  description: {
    zh: '系统写了 drLevel，而拓扑缺少该等级名称本身所说的条件（条款的 drLevels；各级按累进理解，高级别至少具备低级别名称所含的条件）。内置依据：GB/T 20988-2007 附录A 的等级名称（引自征求意见稿目录，另两处来源一致，见 regulations/gbt-20988-2007.yaml）：第2级“备用场地支持”——系统只有一个站点；第4级“电子传输及完整设备支持”——主站点之外只有冷备站点（role: cold-standby，仅存数据副本），看不到备用数据处理设备；第5级“实时数据传输及完整设备支持”——系统的站点之间没有实时的复制链路（links：同步，或异步且写明的滞后 lag 不到 5 分钟；滞后 5 分钟及以上按批量传输计，这是 Casebook 的界定），且不是分布式数据库（database.mode: distributed 自身跨站点复制）。方案完全没写 links 时只作提示 info（复制可能只是没写）。各级详细要求与 RTO/RPO 表未核实，不据此判断；第6级的名称未找到，声称第6级的按第5级名称所含条件检查。每个系统只报最低一级缺失的条件。',
    en: 'A system states a drLevel, and its topology lacks what that level’s own name says (the clause’s drLevels; the levels are read as cumulative, so a higher level has at least what the lower names say). Built in, the level names of GB/T 20988-2007 Annex A (quoted from a draft’s table of contents, two other sources agreeing; see regulations/gbt-20988-2007.yaml): level 2, “standby site support” — the system has one site; level 4, “electronic transmission and complete equipment support” — outside its primary site it has only cold-standby sites (role: cold-standby, a data copy only), so no standby processing equipment shows; level 5, “real-time data transmission and complete equipment support” — no real-time replication link (links: synchronous, or asynchronous with a stated lag under 5 minutes; a lag of 5 minutes or more counts as batch transfer, Casebook’s reading) joins two of its sites, and its database is not distributed (database.mode: distributed replicates across sites itself). A proposal with no links at all gets an info (the replication may simply be unwritten). The levels’ detailed requirements and RTO/RPO table are unverified and not used; level 6’s name was not found, so a level-6 claim is checked for what the level-5 name includes. One finding per system, for the lowest level whose condition is missing.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [DR_LEVEL_NAMES_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = institutionFacts(model);
    for (const clause of clausesFor(regs, { rule: drLevelUnreachable.id })) {
      if (profileMatch(clause, facts) !== 'yes' || !clause.drLevels) continue;
      const ladder = [...clause.drLevels].sort((a, b) => a.level - b.level);
      const title = clauseTitle(regs, clause);
      for (const system of model.systems) {
        const claimed = system.drLevel;
        if (!claimed || !system.sites || system.topology.sites.length === 0) continue;
        for (const requirement of ladder.filter((r) => r.level <= claimed.value)) {
          const gap = missingElement(system, model, requirement);
          if (!gap) continue;
          const label = opening(systemLabel(system));
          const name = requirement.name;
          out.push({
            ...finding(drLevelUnreachable, on(claimed, true), {
              zh: `${label.zh} 声称灾难恢复能力第${claimed.value}级，但${gap.zh}；第${requirement.level}级“${name.zh}”起即需要${ELEMENT_WORDS[requirement.element].zh}（${title.zh}）。`,
              en: `${label.en} claims DR capability level ${claimed.value}, but ${gap.en}; from level ${requirement.level}, “${name.en}”, it needs ${ELEMENT_WORDS[requirement.element].en} (${title.en}).`,
            }),
            ...(gap.unwritten ? { severity: 'info' as const } : {}),
            regulations: [clause.ref],
          });
          break;
        }
      }
    }
    return out;
  },
};

const ELEMENT_WORDS: Record<DrLevelRequirement['element'], Localized> = {
  'standby-site': { zh: '备用场地', en: 'a standby site' },
  'standby-equipment': { zh: '备用站点上完整的数据处理设备', en: 'complete processing equipment at a standby site' },
  'realtime-transfer': { zh: '向备用站点实时传输数据', en: 'real-time data transmission to a standby site' },
};

/**
 * From this stated lag on, a link is read as periodic (batch) transfer — archive logs shipped every quarter hour, a
 * nightly copy — not the 实时数据传输 of level 5's name. Casebook's reading: GB/T 20988's own figures are unverified.
 */
const BATCH_LAG_SECONDS = 5 * 60;

/** A link that moves data as it is written: synchronous, or asynchronous trailing by less than the batch lag. */
function isRealTime(link: LinkModel): boolean {
  return link.mode?.value === 'sync' || !link.lag || link.lag.value.seconds < BATCH_LAG_SECONDS;
}

/** What the system's topology lacks of one level's element, or undefined when it shows it (or cannot tell). */
function missingElement(
  system: SystemModel,
  model: ProposalModel,
  requirement: DrLevelRequirement,
): (Localized & { unwritten?: boolean }) | undefined {
  const sites = system.topology.sites;
  const ids = (list: typeof sites) => list.map((s) => s.id?.value ?? '?');
  if (requirement.element === 'standby-site')
    return sites.length === 1
      ? { zh: `只部署在 ${zhId(ids(sites)[0]!)}，没有备用场地`, en: `it runs only at ${ids(sites)[0]}, with no standby site` }
      : undefined;
  const standby = sites.filter((s) => s !== system.topology.mainSite);
  if (standby.length === 0) return undefined;
  if (requirement.element === 'standby-equipment') {
    if (!standby.every((s) => roleFor(system, s)?.value === 'cold-standby')) return undefined;
    const cold = ids(standby);
    return {
      zh: `主站点之外只有冷备 ${cold.map(zhId).join('、')}（仅存数据副本，灾难时启用），看不到备用数据处理设备`,
      en: `outside its primary site it has only the cold standby ${cold.join(', ')} (a data copy, started on disaster), so no standby processing equipment shows`,
    };
  }
  // A distributed database replicates across the system's sites itself: no link need be drawn.
  if (system.databaseMode?.value === 'distributed') return undefined;
  const mine = new Set(ids(sites));
  const joining = model.links.filter((l) => l.from && l.to && mine.has(l.from.value) && mine.has(l.to.value));
  if (joining.some(isRealTime)) return undefined;
  if (joining.length > 0) {
    const described = joining.map((l) => ({
      zh: `${zhId(l.from!.value)}→${zhId(l.to!.value)}（滞后 ${l.lag!.value.text}）`,
      en: `${l.from!.value}→${l.to!.value} (lag ${l.lag!.value.text})`,
    }));
    return {
      zh: `${zhJoin('它的站点之间只有', described.map((d) => d.zh).join('、'), '这样的批量复制')}，看不到实时数据传输（滞后 ${durationText(BATCH_LAG_SECONDS).zh}及以上按批量传输计，这是 Casebook 的界定，标准的数字未核实）`,
      en: `its sites are joined only by batch replication, ${described.map((d) => d.en).join(', ')}, so no real-time data transmission shows (a lag of ${durationText(BATCH_LAG_SECONDS).en} or more counts as batch transfer: Casebook’s reading, the standard’s own figures unverified)`,
    };
  }
  return model.links.length === 0
    ? {
        zh: '方案没有写复制链路（links），看不到实时数据传输（若数据实时复制到备用站点，请写入 links）',
        en: 'the proposal lists no replication links, so no real-time data transmission shows (if data is replicated to a standby site in real time, add it to links)',
        unwritten: true,
      }
    : {
        zh: `它的站点（${[...mine].map(zhId).join('、')}）之间没有复制链路，看不到实时数据传输`,
        en: `no replication link joins its sites (${[...mine].join(', ')}), so no real-time data transmission shows`,
      };
}

export const REGULATION_RULES: CasebookRule[] = [
  importantRecoveryCeiling,
  remoteDrCentreRequired,
  mlpsBackupRedundancy,
  drLevelBelowRequired,
  drLevelUnreachable,
];
