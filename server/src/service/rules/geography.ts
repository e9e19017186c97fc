/**
 * Geography: what the distance between sites means for replication and for
 * recovery. Cities are identities with coordinates (./geo); a city the data
 * does not know is reported once as advice and every distance check skips it.
 */
import { zhId, zhJoin, zhNamed } from '../locale';
import { actionable, coversInstitution, institutionFacts, requirementMatch } from '../regulations';
import { cityCandidates, distanceKm, lookupCity, type CityInfo } from '../geo';
import type { SiteModel } from '../model';
import type { RawFinding } from '../types';
import { finding, formatCount, on, opening, replaceValue, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'geography';

/** Above this great-circle distance a synchronous commit waits ≥ 3 ms more per round trip (fibre runs longer still). */
const SYNC_MAX_KM = 300;
/** 银监发〔2010〕114号 第三条（四）: 同城模式 "一般距离数十公里", 异地模式 "一般距离在数百公里以上". */
export const REMOTE_MIN_KM = 100;
/** The clause of the regulation library that defines the two modes (regulations/cbrc-2010-114.yaml). */
export const REMOTE_MODE_CLAUSE = 'cbrc-2010-114#第三条（四）';
/** 114号 第七条: which banks need a remote-mode DR centre, and that the others need a same-city one and remote data backup. */
export const REMOTE_CENTRE_CLAUSE = 'cbrc-2010-114#第七条';
/** A rural commercial bank is outside 114号's scope (第二条) and follows it by reference ("参照本指引执行"). */
const BY_REFERENCE = 'rural-commercial';
/** Light in fibre: about 1 ms of round trip per 100 km. */
const KM_PER_MS_ROUND_TRIP = 100;

function cityOf(site: SiteModel | undefined): CityInfo | undefined {
  return site?.city ? lookupCity(site.city.value) : undefined;
}

const kmText = (km: number) => formatCount(Math.round(km / 10) * 10);

export const syncReplicationLongDistance: CasebookRule = {
  id: 'sync-replication-long-distance',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '远距离同步复制', en: 'Synchronous replication over a long distance' },
  description: {
    zh: `同步复制（mode: sync）在每次提交时等待远端确认。两个中心所在城市直线距离超过 ${SYNC_MAX_KM} 公里时，光在光纤中往返约每 100 公里 1 毫秒，每次提交至少多等 ${SYNC_MAX_KM / KM_PER_MS_ROUND_TRIP} 毫秒（实际光纤路径更长），吞吐和时延都受影响，链路抖动还会拖住生产。距离按城市中心计算；城市无法识别时不检查。`,
    en: `A synchronous link (mode: sync) waits for the far side at every commit. Beyond ${SYNC_MAX_KM} km between the two cities (great circle), light in fibre takes about 1 ms of round trip per 100 km, so every commit waits at least ${SYNC_MAX_KM / KM_PER_MS_ROUND_TRIP} ms more (real fibre runs longer), and any jitter on the link stalls production. Distances are between city seats; unknown cities are not checked.`,
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    for (const link of model.links) {
      if (link.mode?.value !== 'sync' || !link.from || !link.to) continue;
      const from = model.siteById.get(link.from.value);
      const to = model.siteById.get(link.to.value);
      const a = cityOf(from);
      const b = cityOf(to);
      if (!a || !b || a.id === b.id) continue;
      const km = distanceKm(a, b);
      if (km === undefined || km <= SYNC_MAX_KM) continue;
      const d = kmText(km);
      const ms = Math.round(km / KM_PER_MS_ROUND_TRIP);
      out.push(
        finding(
          syncReplicationLongDistance,
          on(link.mode, true),
          {
            zh: `${zhNamed('链路', `${link.from.value}→${link.to.value}`)} 是同步复制，两地（${a.name.short}—${b.name.short}）直线距离约 ${d.zh} 公里：每次提交至少多等约 ${ms} 毫秒的往返，实际光纤更长。同步复制通常只用于同城；异地建议异步复制，并在 cityLoss 中写明可接受的 RPO。`,
            en: `${link.from.value}→${link.to.value} replicates synchronously across about ${d.en} km (${a.name.en}–${b.name.en}, great circle): every commit waits at least about ${ms} ms more for the round trip, and real fibre runs longer. Synchronous replication belongs within a city; replicate asynchronously between cities and state the RPO you accept in cityLoss.`,
          },
          [replaceValue(link.mode, 'async', { zh: '改为异步复制（async）', en: 'Replicate asynchronously' })],
        ),
      );
    }
    return out;
  },
};

export const remoteDrTooClose: CasebookRule = {
  id: 'remote-dr-too-close',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '异地灾备离生产中心太近', en: 'Remote DR too close to production' },
  description: {
    zh: `一级系统在主中心所在城市之外的每个中心，离主中心城市都不到 ${REMOTE_MIN_KM} 公里。《商业银行数据中心监管指引》（银监发〔2010〕114号）第三条（四）：同城模式“一般距离数十公里”，可防范火灾、建筑物破坏、电力或通信中断；异地模式“一般距离在数百公里以上，不会同时面临同类区域性灾难风险，如地震、台风和洪水等”。相距数十公里的两座城市按此属于同城模式，不是异地灾备。第七条只要求部分银行设立异地模式灾备中心（一千亿元以上且跨省的法人商业银行、省级农村信用联合社）；对其他法人商业银行（含参照执行的农商行），只要求同城模式灾备中心并实现数据异地备份：这类机构（institution 写明）的系统没有写 cityLoss 时只给提示。`,
    en: `Every site of a tier-1 system outside its primary city lies less than ${REMOTE_MIN_KM} km from that city. The CBRC Guidelines on Data Centres of Commercial Banks (银监发〔2010〕114号), Article 3(4): the same-city mode is "generally tens of kilometres" apart and guards against fire, building damage, power or communication failure; the remote mode is "generally hundreds of kilometres or more" apart and does not face the same regional disasters (earthquake, typhoon, flood). Two cities tens of kilometres apart are the same-city mode by that measure, not remote DR. Article 7 asks only some banks for a remote-mode centre (legal-person commercial banks with ≥ 100 billion yuan and branches in more than one province, provincial rural credit unions); the other legal-person commercial banks (rural commercial banks following the guidelines by reference among them) need a same-city centre with remote data backup, so for those (as institution states) a system that states no cityLoss gets advice only.`,
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  regulations: [REMOTE_MODE_CLAUSE],
  check({ model, library }) {
    const out: RawFinding[] = [];
    // A bank that 第七条 asks only for a same-city DR centre and remote data backup may keep its backup within 100 km.
    const facts = institutionFacts(model);
    const centreClause = library.regulations?.clauses.get(REMOTE_CENTRE_CLAUSE);
    const remoteCentreNotRequired =
      actionable(centreClause) &&
      (coversInstitution(centreClause, facts.type) || facts.type === BY_REFERENCE) &&
      requirementMatch(centreClause, facts) === 'no';
    for (const system of model.systems) {
      if (system.tier?.value !== 1 || !system.sites) continue;
      const t = system.topology;
      const primary = t.sites.find((s) => s.cityKey === t.primaryCityKey);
      const home = cityOf(primary);
      if (!home) continue;
      const remote = t.sites.filter((s) => s.cityKey !== t.primaryCityKey);
      if (remote.length === 0) continue;
      const distances = remote.map((s) => {
        const city = cityOf(s);
        return { site: s, city, km: city ? distanceKm(home, city) : undefined };
      });
      if (distances.some((d) => d.km === undefined || d.km >= REMOTE_MIN_KM)) continue;
      const label = opening(systemLabel(system));
      const list = distances.map((d) => ({
        zh: `${zhId(d.site.id?.value ?? '?')}（${d.city!.name.short}，城市中心直线约 ${kmText(d.km!).zh} 公里）`,
        en: `${d.site.id?.value ?? '?'} (${d.city!.name.en}, about ${kmText(d.km!).en} km between city centres)`,
      }));
      const sites = {
        zh: zhJoin(
          '主中心所在城市之外的中心',
          list.map((l) => l.zh).join('、'),
          `离它${list.length > 1 ? '都' : ''}不到 ${REMOTE_MIN_KM} 公里`,
        ),
        en: `${list.length > 1 ? `every site outside that city, ${list.map((l) => l.en).join(', ')}, lies` : `its only site outside that city, ${list.map((l) => l.en).join('')}, lies`} within ${REMOTE_MIN_KM} km of it`,
      };
      // Not asked for a remote-mode centre, and promising nothing for the loss of its city: a nearby backup is what
      // 第七条 asks of this bank, so the distance is worth knowing, not a flaw.
      if (remoteCentreNotRequired && !system.cityLossRto && !system.cityLossRpo) {
        out.push({
          ...finding(remoteDrTooClose, on(system.sites), {
            zh: `${label.zh} 的主中心在${home.name.short}，${sites.zh}。按 114号第三条（四）的定义，这是同城模式的距离（一般距离数十公里），挡不住同时波及两地的地震、台风、洪水等区域性灾难。按第七条，本机构应设立同城模式灾备中心并实现数据异地备份，不要求异地模式灾备中心，此处仅作提示；若要承诺城市级故障后的恢复（cityLoss），需要数百公里外的中心。`,
            en: `${label.en} has its primary in ${home.name.en}, and ${sites.en}. By the definition in Article 3(4) of 银监发〔2010〕114号 that is a same-city distance (generally tens of kilometres), which does not withstand a regional disaster (earthquake, typhoon, flood) reaching both. Article 7 asks this institution for a same-city DR centre with remote data backup, not a remote-mode centre, so this is advice only; promising recovery from the loss of the city (cityLoss) would need a centre hundreds of kilometres away.`,
          }),
          severity: 'info',
          regulations: [REMOTE_MODE_CLAUSE, REMOTE_CENTRE_CLAUSE],
        });
        continue;
      }
      out.push(
        finding(remoteDrTooClose, on(system.sites), {
          zh: `${label.zh} 的主中心在${home.name.short}，${sites.zh}。按《商业银行数据中心监管指引》（银监发〔2010〕114号）第三条（四），这属于同城模式（一般距离数十公里），不是异地模式（一般距离在数百公里以上），挡不住地震、台风、洪水等区域性灾难。建议在数百公里外的城市建设异地灾备。`,
          en: `${label.en} has its primary in ${home.name.en}, and ${sites.en}. By Article 3(4) of the CBRC data-centre guidelines (银监发〔2010〕114号) that is the same-city mode (generally tens of kilometres), not the remote mode (generally hundreds of kilometres or more), and it does not withstand regional disasters such as earthquakes, typhoons or floods. Put the remote DR site in a city hundreds of kilometres away.`,
        }),
      );
    }
    return out;
  },
};

export const unknownCity: CasebookRule = {
  id: 'unknown-city',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '无法识别的城市', en: 'City not recognised' },
  description: {
    zh: '站点的 city 不是已知的地级市、直辖市、特别行政区或县级市名称（可写 上海、上海市 或 Shanghai），或者是多个城市共用的英文名（Suzhou 可能是苏州或宿州），或者城市已识别但数据中没有它的坐标。距离类检查会跳过它，无法识别的城市也不计入区域级故障场景；请改用城市的中文名称。',
    en: 'The site’s city is not a known prefecture-level city, municipality, SAR or county-level city (上海, 上海市 and Shanghai all work), or it is an English name several cities share (Suzhou is 苏州 or 宿州), or the city is known but the data has no position for it. Distance checks skip it, and an unknown city is in no region scenario; write the city’s Chinese name.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    for (const site of model.sites) {
      const city = site.city;
      if (!city || city.value.trim() === '') continue;
      const known = lookupCity(city.value);
      if (known) {
        // Recognised, but the data has no position for its seat: say that distances are not checked, never guess one.
        if (known.lat !== undefined) continue;
        out.push(
          finding(unknownCity, on(city, true), {
            zh: `已识别城市「${city.value}」（${known.name.zh}，${known.province.zh}），但数据中没有它的坐标：距离类检查（远距离同步复制、异地灾备距离）会跳过站点 ${site.id?.value ?? `#${site.index + 1}`}。请自行核对它与其他中心的距离。`,
            en: `"${city.value}" is recognised (${known.name.zh}, ${known.province.en}), but the data has no position for it: distance checks (long-distance sync replication, remote DR distance) skip site ${site.id?.value ?? `#${site.index + 1}`}. Check its distance to the other sites yourself.`,
          }),
        );
        continue;
      }
      const candidates = cityCandidates(city.value);
      const which =
        candidates.length > 1
          ? {
              zh: `「${city.value}」可能指 ${candidates.map((c) => `${c.name.zh}（${c.province.zh}）`).join('或')}，无法确定。`,
              en: `"${city.value}" could be ${candidates.map((c) => `${c.name.zh} (${c.province.en})`).join(' or ')}.`,
            }
          : { zh: `无法识别城市「${city.value}」。`, en: `The city "${city.value}" is not recognised.` };
      out.push(
        finding(unknownCity, on(city, true), {
          zh: `${which.zh}距离类检查（远距离同步复制、异地灾备距离）会跳过站点 ${site.id?.value ?? `#${site.index + 1}`}。请写城市的中文名称，如 上海、佛山。`,
          en: `${which.en} Distance checks (long-distance sync replication, remote DR distance) skip site ${site.id?.value ?? `#${site.index + 1}`}. Write the city’s Chinese name, e.g. 上海 or 佛山.`,
        }),
      );
    }
    return out;
  },
};

export const GEOGRAPHY_RULES: CasebookRule[] = [syncReplicationLongDistance, remoteDrTooClose, unknownCity];
