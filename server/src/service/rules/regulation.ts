/**
 * Regulation: checks grounded in clauses of the regulation library (issue 11).
 * A check reads its figures from the clause (`ceiling`, `requires`), never
 * from code, and acts only on verified clauses: a clause whose text or figure
 * could not be confirmed in public text grounds no finding at all.
 */
import { distanceKm, lookupCity } from '../geo';
import type { Localized } from '../locale';
import type { SystemModel } from '../model';
import { clausesFor, clauseTitle, coversInstitution } from '../regulations';
import type { RawFinding, RegulationClause, RegulationLibrary } from '../types';
import { REMOTE_MIN_KM, REMOTE_MODE_CLAUSE } from './geography';
import { finding, on, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'regulation';

/** The clauses named in the issue; both are unverified in the built-in library (see regulations/). */
const RECOVERY_CLAUSE = 'cbrc-2011-104#恢复目标';
const REMOTE_CENTRE_CLAUSE = 'cbrc-2010-114#第七条';

function durationText(seconds: number): Localized {
  if (seconds % 3600 === 0) return { zh: `${seconds / 3600} 小时`, en: `${seconds / 3600} h` };
  if (seconds % 60 === 0) return { zh: `${seconds / 60} 分钟`, en: `${seconds / 60} min` };
  return { zh: `${seconds} 秒`, en: `${seconds} s` };
}

function quote(library: RegulationLibrary, clause: RegulationClause): Localized {
  const title = clauseTitle(library, clause);
  return { zh: `${title.zh}：“${clause.text}”`, en: `${title.en}: “${clause.text}”` };
}

const isImportant = (system: SystemModel) => system.important?.value === true;

export const importantRecoveryCeiling: CasebookRule = {
  id: 'important-recovery-ceiling',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '重要系统的恢复目标超过监管上限', en: 'Important system’s recovery objectives above the ceiling' },
  description: {
    zh: '标为 important: true（支撑重要业务 / 重要信息系统）的系统，其 rto 或 rpo 超过已核实条款规定的上限（条款的 ceiling）。只依据已核实的条款：《商业银行业务连续性监管指引》（银监发〔2011〕104号）中重要业务恢复目标的条号和原文尚未核实，内置法规库不写入上限，因此本检查只在企业法规目录（行内规范）给出已核实的上限时触发。',
    en: 'A system marked important: true (supports 重要业务 / is a 重要信息系统) states an rto or rpo above the ceiling of a verified clause (its `ceiling`). Only verified clauses count: the article and wording of the recovery objectives for important business in the CBRC business-continuity guidelines (银监发〔2011〕104号) are not verified, so the built-in library records no ceiling, and this check fires only where an enterprise regulation folder (行内规范) gives a verified one.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [RECOVERY_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const type = model.institution?.type?.value;
    for (const clause of clausesFor(regs, { rule: importantRecoveryCeiling.id, ceiling: true })) {
      if (!coversInstitution(clause, type)) continue;
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
              zh: `${label.zh} 是重要系统，${what.zh} ${field.value.text} 超过 ${limit.zh} 的上限。${cited.zh}`,
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
    zh: `已核实条款要求本机构（institution.type）设立异地模式灾备中心（条款的 requires: remote-dr-centre），而一个 important: true 的系统没有任何站点离主中心城市 ${REMOTE_MIN_KM} 公里以上。异地模式的距离依据《商业银行数据中心监管指引》（银监发〔2010〕114号）第三条（四）“一般距离在数百公里以上”。哪些机构须设异地灾备中心（是否为该指引第七条）尚未核实，内置法规库不作要求，因此本检查只在企业法规目录给出已核实的条款时触发。城市无法识别时不检查。`,
    en: `A verified clause requires this institution (institution.type) to run a remote-mode DR centre (the clause's requires: remote-dr-centre), and a system marked important: true has no site ${REMOTE_MIN_KM} km or more from its primary city. The remote mode's distance is Article 3 (4) of the CBRC data-centre guidelines (银监发〔2010〕114号): "generally hundreds of kilometres or more". Which institutions must run one (whether Article 7 of those guidelines says so) is not verified, so the built-in library requires nothing, and this check fires only where an enterprise regulation folder gives a verified clause. Unknown cities are not checked.`,
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [REMOTE_CENTRE_CLAUSE, REMOTE_MODE_CLAUSE],
  check({ model, library }) {
    const regs = library.regulations;
    const out: RawFinding[] = [];
    if (!regs) return out;
    const type = model.institution?.type?.value;
    const clauses = clausesFor(regs, { rule: remoteDrCentreRequired.id, requires: 'remote-dr-centre' }).filter((c) =>
      coversInstitution(c, type),
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
          zh: `${label.zh} 是重要系统，但没有离主中心（${home.name.short}）${REMOTE_MIN_KM} 公里以上的站点，即没有异地模式灾备（银监发〔2010〕114号第三条（四）：“一般距离在数百公里以上”）。${cited.zh}`,
          en: `${label.en} is an important system with no site ${REMOTE_MIN_KM} km or more from its primary (${home.name.en}): no remote-mode DR (银监发〔2010〕114号, Article 3 (4): "generally hundreds of kilometres or more"). ${cited.en}`,
        }),
        regulations: [...new Set([clause.ref, REMOTE_MODE_CLAUSE])],
      });
    }
    return out;
  },
};

export const REGULATION_RULES: CasebookRule[] = [importantRecoveryCeiling, remoteDrCentreRequired];
