/**
 * The regulation library (issue 11): every built-in clause records where its
 * text was found; an unverified clause quotes nothing it could not find and
 * grounds no finding; a broken enterprise file is a located problem.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFile } from '../../../server/src/node/config';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import {
  actionable,
  articleInEnglish,
  clauseTitle,
  clausesFor,
  documentsNamedIn,
  drLevelFloorFor,
  profileMatch,
  requirementMatch,
} from '../../../server/src/service/regulations';
import { RULES } from '../../../server/src/service/rules';
import { realLibrary } from '../../fixtures/library';

const BUILT_IN = path.resolve(__dirname, '../../../regulations');
const BANK = path.resolve(__dirname, '../../fixtures/regulations/bank-standards');

describe('regulation library', () => {
  const library = loadRegulations(BUILT_IN, []);

  it('names articles in English the way English text cites them', () => {
    const cases: [string, string][] = [
      ['第二十五条', 'Article 25'],
      ['第三条（四）', 'Article 3 (4)'],
      ['第七条', 'Article 7'],
      ['第十条', 'Article 10'],
      ['第一百零三条', 'Article 103'],
      ['第三级', 'level 3'],
      ['附录A', 'Annex A'],
      ['附录A.1–A.5', 'Annex A.1–A.5'],
      ['第三条（甲）', '第三条（甲）'],
    ];
    for (const [zh, en] of cases) assert.equal(articleInEnglish(zh), en, zh);
    const title = clauseTitle(library, library.clauses.get('cbrc-2011-104#第二十五条')!);
    assert.match(title.en, /\(银监发〔2011〕104号\), Article 25$/);
    assert.match(title.zh, /（银监发〔2011〕104号）第二十五条$/);
  });

  it('has no summary wrapped in stray quotation marks', () => {
    for (const clause of library.clauses.values()) assert.ok(!/^["“]/.test(clause.summary.zh), clause.ref);
  });

  it('loads every built-in document without problems', () => {
    assert.deepEqual(library.problems, []);
    assert.deepEqual([...library.documents.keys()].sort(), ['cbrc-2010-114', 'cbrc-2011-104', 'gbt-20988-2007', 'gbt-22239-2019']);
  });

  it('is loaded beside the built-in cases', () => {
    const cases = realLibrary();
    assert.equal(cases.regulations?.documents.size, 4);
  });

  it('records for every clause where its text was found and when it was read', () => {
    for (const clause of library.clauses.values()) {
      assert.match(clause.source.url ?? '', /^https?:\/\//, `${clause.ref}: source url`);
      assert.match(clause.source.read ?? '', /^\d{4}-\d{2}-\d{2}$/, `${clause.ref}: read date`);
      assert.ok(clause.summary.zh && clause.summary.en, `${clause.ref}: bilingual summary`);
      if (clause.verified) assert.match(clause.text, /[\u4e00-\u9fff]/, `${clause.ref}: a verified clause quotes its Chinese text`);
      else assert.ok(clause.note?.zh && clause.note.en, `${clause.ref}: an unverified clause says what is unverified`);
    }
  });

  it('quotes 114号 第三条（四） as the public text words it', () => {
    const clause = library.clauses.get('cbrc-2010-114#第三条（四）')!;
    assert.ok(clause.verified);
    assert.ok(clause.text.includes('一般距离数十公里'));
    assert.ok(clause.text.includes('一般距离在数百公里以上'));
    assert.equal(clause.source.url, 'https://www.safety-officer.cn/archives/241.html');
  });

  it('quotes 104号 第二十五条 with the 4-hour / half-hour ceiling it states', () => {
    const clause = library.clauses.get('cbrc-2011-104#第二十五条')!;
    assert.ok(actionable(clause));
    assert.ok(clause.text.includes('原则上，重要业务恢复时间目标不得大于4小时，重要业务恢复点目标不得大于半小时'));
    assert.deepEqual(clause.ceiling, { rtoSeconds: 4 * 3600, rpoSeconds: 30 * 60 });
    assert.equal(library.clauses.has('cbrc-2011-104#恢复目标'), false, 'the placeholder is gone');
  });

  it('reads 114号 第七条: a remote-mode centre and level 5 for two kinds of institution, level 4 for other commercial banks', () => {
    const clause = library.clauses.get('cbrc-2010-114#第七条')!;
    assert.ok(actionable(clause) && clause.text.includes('应设立异地模式灾备中心'));
    assert.equal(clause.requires, 'remote-dr-centre');
    const big = { type: 'joint-stock', totalAssets: 1000, crossProvince: true };
    assert.equal(requirementMatch(clause, big), 'yes');
    assert.equal(requirementMatch(clause, { ...big, totalAssets: 999 }), 'no');
    assert.equal(requirementMatch(clause, { type: 'joint-stock', crossProvince: true }), 'unknown');
    assert.equal(requirementMatch(clause, { type: 'rural-credit-union' }), 'yes');
    assert.equal(requirementMatch(clause, { type: 'insurer', totalAssets: 5000, crossProvince: true }), 'no');
    assert.equal(requirementMatch(clause, {}), 'unknown');
    // The clause itself covers every commercial bank in 第二条's scope: the level-4 half is for the others.
    assert.equal(profileMatch(clause, { type: 'city-commercial', totalAssets: 650, crossProvince: false }), 'yes');
    assert.equal(profileMatch(clause, { type: 'insurer' }), 'no');
    assert.equal(drLevelFloorFor(clause, big), 5);
    assert.equal(drLevelFloorFor(clause, { type: 'rural-credit-union' }), 5);
    assert.equal(drLevelFloorFor(clause, { type: 'city-commercial', totalAssets: 650, crossProvince: false }), 4);
    assert.equal(drLevelFloorFor(clause, { type: 'city-commercial' }), 4, 'assets unstated: the level that is certain');
    assert.equal(drLevelFloorFor(clause, { type: 'insurer' }), undefined);
  });

  it('quotes the GB/T 20988 level names, and reads from them what levels 2, 4 and 5 need of a topology', () => {
    const clause = library.clauses.get('gbt-20988-2007#附录A.1–A.5')!;
    assert.ok(actionable(clause));
    for (const name of ['第2级 备用场地支持', '第4级 电子传输及完整设备支持', '第5级 实时数据传输及完整设备支持'])
      assert.ok(clause.text.includes(name), name);
    assert.deepEqual(
      clause.drLevels?.map((r) => `${r.level}:${r.element}`),
      ['2:standby-site', '4:standby-equipment', '5:realtime-transfer'],
    );
    for (const r of clause.drLevels ?? []) assert.ok(clause.text.includes(r.name.zh), r.name.zh);
    assert.deepEqual(clause.appliesTo, { drLevel: true });
    assert.ok(clause.note?.zh.includes('第6级的名称') && clause.note.en.includes("Level 6's name"), 'says level 6 is not quoted');
  });

  it('keeps the GB/T 20988 level table unverified: secondary sources disagree', () => {
    const clause = library.clauses.get('gbt-20988-2007#附录A')!;
    assert.equal(clause.verified, false);
    assert.equal(clause.grounds.length, 0);
  });

  it('records no figure for an unverified clause, and no check acts on one', () => {
    for (const clause of library.clauses.values()) {
      if (clause.verified) continue;
      assert.equal(clause.text, '', `${clause.ref} quotes no text it could not find`);
      assert.equal(clause.ceiling, undefined, `${clause.ref} records no ceiling`);
      assert.equal(actionable(clause), false);
    }
    for (const rule of RULES)
      assert.deepEqual(
        clausesFor(library, { rule: rule.id }).filter((c) => !c.verified),
        [],
      );
  });

  it('every clause grounds only rules that exist, and every regulation rule cites a clause', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const clause of library.clauses.values()) for (const g of clause.grounds) assert.ok(ids.has(g), `${clause.ref} grounds ${g}`);
    for (const rule of RULES.filter((r) => r.family === 'regulation')) assert.ok((rule.regulations ?? []).length > 0, rule.id);
  });

  it('finds documents by number, short number, name or alias', () => {
    const named = (text: string) => documentsNamedIn(library, text).map((m) => m.doc.id);
    assert.deepEqual(named('按 银监发〔2010〕114号 建设'), ['cbrc-2010-114']);
    assert.deepEqual(named('见银监发[2011]104号'), ['cbrc-2011-104']);
    assert.deepEqual(named('GB/T 20988'), ['gbt-20988-2007']);
    assert.deepEqual(named('等保三级'), ['gbt-22239-2019']);
    assert.deepEqual(named('nothing here'), []);
  });

  describe('an enterprise folder', () => {
    const both = loadRegulations(BUILT_IN, [BANK]);

    it('adds its documents and reports each broken file where it is written; the rest load', () => {
      assert.ok(both.documents.has('acme-dr-standard'));
      const files = both.problems.map((p) => path.basename(p.file));
      assert.ok(files.includes('broken.yaml'), 'YAML error located');
      assert.ok(files.includes('no-id.yaml'), 'missing id located');
      const noSource = both.problems.find((p) => p.message.en.includes('acme-dr-standard#第三条'));
      assert.ok(noSource && noSource.range.start.line > 0, 'a clause without a source is reported on its line');
      assert.equal(both.clauses.get('acme-dr-standard#第三条')!.verified, false, 'and loaded as unverified');
      assert.equal(both.documents.size, 5);
    });

    it('cannot replace a built-in document', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regs-'));
      fs.copyFileSync(path.join(BUILT_IN, 'cbrc-2010-114.yaml'), path.join(dir, 'copy.yaml'));
      const lib = loadRegulations(BUILT_IN, [dir]);
      assert.equal(lib.documents.get('cbrc-2010-114')!.builtIn, true);
      assert.ok(lib.problems.some((p) => p.file.endsWith('copy.yaml') && p.message.en.includes('already defined')));
    });

    it('is named in .casebook.yaml under regulations:, resolved against the file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regs-cfg-'));
      fs.mkdirSync(path.join(dir, 'standards'));
      fs.writeFileSync(path.join(dir, '.casebook.yaml'), 'regulations:\n  - ./standards\n  - ./missing\n');
      const config = loadConfigFile(path.join(dir, '.casebook.yaml'));
      assert.deepEqual(config.regulationFolders, [path.join(dir, 'standards')]);
      assert.equal(config.problems.length, 1);
      assert.equal(config.problems[0]!.range.start.line, 2);
    });
  });
});
