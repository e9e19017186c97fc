/**
 * Regulation: checks grounded in clauses of the regulation library (issue 11).
 * A check reads its figures from the clause (`ceiling`, `requires`), never
 * from code, and acts only on verified clauses: a clause whose text or figure
 * could not be confirmed in public text grounds no finding at all.
 */
import { distanceKm, lookupCity } from '../geo';
import type { Localized } from '../locale';
import type { ProposalModel, SystemModel } from '../model';
import { clausesFor, clauseTitle, profileMatch, type InstitutionFacts } from '../regulations';
import type { RawFinding, RegulationClause, RegulationLibrary } from '../types';
import { REMOTE_MIN_KM, REMOTE_MODE_CLAUSE } from './geography';
import { finding, mlpsLevel, on, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'regulation';

/** The built-in clauses these checks cite (see regulations/: each records where its text was found). */
const RECOVERY_CLAUSE = 'cbrc-2011-104#第二十五条';
const REMOTE_CENTRE_CLAUSE = 'cbrc-2010-114#第七条';
const MLPS3_CLAUSE = 'gbt-22239-2019#第三级';
const MLPS4_CLAUSE = 'gbt-22239-2019#第四级';

function factsOf(model: ProposalModel): InstitutionFacts {
  const i = model.institution;
  return {
    ...(i?.type ? { type: i.type.value } : {}),
    ...(i?.totalAssets ? { totalAssets: i.totalAssets.value } : {}),
    ...(i?.crossProvince ? { crossProvince: i.crossProvince.value } : {}),
  };
}

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
    zh: '标为 important: true（支撑重要业务 / 重要信息系统）的系统，其 rto 或 rpo 超过已核实条款规定的上限（条款的 ceiling）。内置依据：《商业银行业务连续性监管指引》（银监发〔2011〕104号）第二十五条“原则上，重要业务恢复时间目标不得大于4小时，重要业务恢复点目标不得大于半小时”；第二十七条由业务恢复目标确定信息系统恢复目标。条款按机构类型适用（第九十七条），未写 institution.type 时不检查。企业法规目录（行内规范）可给出更严的已核实上限。',
    en: 'A system marked important: true (supports 重要业务 / is a 重要信息系统) states an rto or rpo above the ceiling of a verified clause (its `ceiling`). Built in: Article 25 of the CBRC business-continuity guidelines (银监发〔2011〕104号), "in principle, the RTO of important business shall not exceed 4 hours and its RPO half an hour"; Article 27 derives system objectives from the business ones. The clause applies by institution type (Article 97), so without institution.type nothing is checked. An enterprise regulation folder (行内规范) can add a stricter verified ceiling.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [RECOVERY_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const facts = factsOf(model);
    for (const clause of clausesFor(regs, { rule: importantRecoveryCeiling.id, ceiling: true })) {
      if (profileMatch(clause, facts) !== 'yes') continue;
      const cited = quote(regs, clause);
      for (const system of model.systems.filter(isImportant)) {
        const label = opening(systemLabel(system));
        const checks = [
          { field: system.rto, max: clause.ceiling?.rtoSeconds, what: { zh: 'RTO', en: 'RTO' } },
          { field: system.rpo, max: clause.ceiling?.rpoSeconds, what: { zh: 'RPO', en: 'RPO' } },
        ];
        for (const { field, max, what } of checks) {
          if (!field || max === undefined || field.value.seconds <= max) continue;
          const limit = durationText(max);
          out.push({
            ...finding(importantRecoveryCeiling, on(field, true), {
              zh: `${label.zh} 是重要系统，${what.zh} ${field.value.text} 超过 ${limit.zh}的上限。${cited.zh}`,
              en: `${label.en} is an important system, and its ${what.en} of ${field.value.text} is above the ceiling of ${limit.en}. ${cited.en}`,
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
    const facts = factsOf(model);
    const clauses = clausesFor(regs, { rule: remoteDrCentreRequired.id, requires: 'remote-dr-centre' }).filter(
      (c) => profileMatch(c, facts) === 'yes',
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
    const facts = factsOf(model);
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
    return !t.sites.some((s) => s.cityKey !== t.primaryCityKey && HOT_ROLES.has(s.role?.value ?? ''));
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

export const REGULATION_RULES: CasebookRule[] = [importantRecoveryCeiling, remoteDrCentreRequired, mlpsBackupRedundancy];
