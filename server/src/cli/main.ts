/**
 * `casebook`: parses the command line and dispatches to one module per
 * command. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage
 * errors and unreadable files (message on stderr, in the chosen language).
 */
import path from 'node:path';
import { pick, type Locale, type Localized } from '../service/locale';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/config';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';
import { version } from './about';
import { UsageError, flagValue, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { baselineNotice, readBaseline, toBaseline } from './baseline';
import { libraryNotices, runCheck, type CheckOptions, type FailOn } from './check';
import { formatCase, formatCaseList, formatSearchText, searchCases } from './cases';
import { renderFile } from './render';
import { reportFiles } from './report';
import { localToday } from './waiverPolicy';
import { parseShard } from './shard';
import { isCheckWorker, runWorker } from './workers';
import { YoungGenerationHold, sizeHeapForCheck } from './heap';
import { complianceOf, formatComplianceJson, formatComplianceText } from './compliance';
import { formatSimulateJson, formatSimulateText, simulateFile } from './simulate';
import { colorFor, styleFor, terminalSafeLines } from './text';
import { ReportWriter } from './output';
import type { OutputFormat, OutputSpec } from './fileOutput';
import { getLanguageService } from '../service/languageService';
import type { CaseLibrary } from '../service/types';
import { writeFileSync } from 'node:fs';
import { syncStdout } from './stdout';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

const LOCALES = ['zh-CN', 'en', 'zh', 'zh-cn'] as const;
const COMMON: Record<string, FlagSpec> = {
  locale: { kind: 'value', choices: LOCALES },
  config: { kind: 'value' },
  help: { kind: 'boolean' },
  h: { kind: 'boolean' },
};

export interface Io {
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface Command {
  flags: Record<string, FlagSpec>;
  help: Localized;
  run(args: ParsedArgs, ctx: Context): number;
}

interface Context {
  io: Io;
  locale: Locale;
  config: LoadedConfig | undefined;
  say(text: Localized): void;
  warn(text: Localized): void;
}

const USAGE: Localized = {
  zh: `Casebook：用真实客户案例检查架构方案（*.arch.yaml）。

用法：
  casebook check <文件|文件夹|通配符…> [--format text|json|sarif|github|gitlab|junit] [--fail-on error|warning|info|none]
  casebook baseline <文件|文件夹|通配符…> -o <基线文件>
  casebook cases search <关键词> [--format text|json] [--limit N]
  casebook cases show <案例 ID>
  casebook cases list
  casebook render <文件> --format mermaid
  casebook simulate <文件> [--lose <机房|城市|区域>] [--format text|json]
  casebook report <文件|文件夹…> [--format html|md] [-o <输出文件>]
  casebook compliance <文件> [--format text|json]
  casebook --version

通用选项：--locale zh-CN|en   --config <.casebook.yaml 路径>   --help
运行 casebook <命令> --help 查看命令说明。`,
  en: `Casebook: checks architecture proposals (*.arch.yaml) against real customer cases.

Usage:
  casebook check <files|folders|globs…> [--format text|json|sarif|github|gitlab|junit] [--fail-on error|warning|info|none]
  casebook baseline <files|folders|globs…> -o <baseline file>
  casebook cases search <query> [--format text|json] [--limit N]
  casebook cases show <case-id>
  casebook cases list
  casebook render <file> --format mermaid
  casebook simulate <file> [--lose <site|city|region>] [--format text|json]
  casebook report <files|folders…> [--format html|md] [-o <output file>]
  casebook compliance <file> [--format text|json]
  casebook --version

Common options: --locale zh-CN|en   --config <path to .casebook.yaml>   --help
Run casebook <command> --help for a command's options.`,
};

/** The flags that choose which files are checked and how waivers count: shared by check and baseline. */
const SELECTION: Record<string, FlagSpec> = {
  ...COMMON,
  today: { kind: 'value' },
  'no-inline-waivers': { kind: 'boolean' },
  'waiver-expiry-days': { kind: 'value' },
  shard: { kind: 'value' },
  jobs: { kind: 'value' },
};

/** runCheck's options from the shared flags; usage errors for malformed values. */
function checkOptions(args: ParsedArgs, ctx: Context, command: string): CheckOptions {
  if (args.positionals.length === 0)
    throw new UsageError({
      zh: `${command} 需要至少一个文件、文件夹或通配符。`,
      en: `${command} needs at least one file, folder or glob.`,
    });
  const configFile = flagValue(args, 'config');
  const today = flagValue(args, 'today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError({ zh: '--today 的格式为 YYYY-MM-DD。', en: '--today takes YYYY-MM-DD.' });
  const days = flagValue(args, 'waiver-expiry-days');
  if (days !== undefined && !/^\d+$/.test(days))
    throw new UsageError({ zh: '--waiver-expiry-days 必须是非负整数。', en: '--waiver-expiry-days must be a whole number of days.' });
  const jobs = flagValue(args, 'jobs');
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs))
    throw new UsageError({ zh: '--jobs 必须是正整数。', en: '--jobs must be a positive whole number.' });
  const shardText = flagValue(args, 'shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard && 'error' in shard) throw new UsageError(shard.error);
  const youngGeneration = new YoungGenerationHold();
  return {
    operands: args.positionals,
    locale: ctx.locale,
    cwd: ctx.io.cwd,
    ...(configFile ? { configFile } : {}),
    ...(today ? { today } : {}),
    ...(args.flags.has('no-inline-waivers') ? { inlineWaivers: false } : {}),
    ...(days !== undefined ? { waiverExpiryDays: Number(days) } : {}),
    ...(shard ? { shard } : {}),
    ...(jobs !== undefined ? { jobs: Number(jobs) } : {}),
    afterCheckedHere: () => youngGeneration.afterFile(),
  };
}

const COMMANDS: Record<string, Command> = {
  check: {
    flags: {
      ...SELECTION,
      format: { kind: 'value', choices: ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] },
      'fail-on': { kind: 'value', choices: ['error', 'warning', 'info', 'hint', 'none'] },
      baseline: { kind: 'value' },
    },
    help: {
      zh: `用法：casebook check <文件|文件夹|通配符…> [选项]

检查架构方案。文件夹会递归查找 *.arch.yaml、*.arch.yml 以及首行为 casebook: proposal/v1 的 YAML；
通配符支持 *、** 和 ?（请加引号，例如 'proposals/**/*.arch.yaml'）。跳过 node_modules 和 .git。

  --format text|json|sarif|github|gitlab|junit
                             输出格式（默认 text）：github 为 GitHub Actions 注释，gitlab 为 Code Quality 报告，
                             junit 为 JUnit XML
  --fail-on error|warning|info|none
                             有未豁免的问题达到该级别时退出码为 1（默认 error）
  --baseline <文件>          只报告不在基线中的问题（基线由 casebook baseline 生成）
  --no-inline-waivers        忽略文件中的 # casebook-ignore 豁免（团队策略不能在文件中绕过）
  --waiver-expiry-days N     豁免在 N 天内到期时在 stderr 警告（默认 30）
  --shard i/n                只检查第 i 份（共 n 份，从 1 开始），供 CI 矩阵并行；按路径哈希稳定划分
  --jobs N                   用 N 个工作线程并行检查（默认 CPU 核数；文件少于 16 个时在本线程）；1 为不用线程
  --locale zh-CN|en          输出语言（默认取 .casebook.yaml，其次 LANG/LC_ALL）
  --config <文件>            对所有文件使用此配置，而不是各自最近的 .casebook.yaml
  --today YYYY-MM-DD         判断豁免是否过期所用的日期（默认今天）

CI 用法见 docs/ci.md。

退出码：0 通过；1 有问题达到 --fail-on；2 用法错误或无法读取文件。`,
      en: `Usage: casebook check <files|folders|globs…> [options]

Checks proposals. Folders are searched for *.arch.yaml, *.arch.yml and YAML whose first line is
casebook: proposal/v1; globs support *, ** and ? (quote them: 'proposals/**/*.arch.yaml').
node_modules and .git are skipped.

  --format text|json|sarif|github|gitlab|junit
                             output format (default text): github prints GitHub Actions annotations, gitlab a
                             Code Quality report, junit JUnit XML
  --fail-on error|warning|info|none
                             exit 1 when an unsuppressed finding reaches this severity (default error)
  --baseline <file>          report only findings not in this baseline (written by casebook baseline)
  --no-inline-waivers        ignore # casebook-ignore waivers in the files (a policy the file cannot bypass)
  --waiver-expiry-days N     warn on stderr about waivers expiring within N days (default 30)
  --shard i/n                check only part i of n (1-based), for a CI matrix; split by a stable hash of the path
  --jobs N                   check on N worker threads (default: the CPU count, in this thread below 16 files);
                             1 uses no threads
  --locale zh-CN|en          output language (default: .casebook.yaml, then LANG/LC_ALL)
  --config <file>            use this config for every file instead of each file's nearest .casebook.yaml
  --today YYYY-MM-DD         the date waivers expire against (default: today)

CI usage: see docs/ci.md.

Exit codes: 0 passed; 1 findings reach --fail-on; 2 usage error or unreadable file.`,
    },
    run(args, ctx) {
      const options = checkOptions(args, ctx, 'check');
      const format = flagValue(args, 'format') ?? 'text';
      const failOn = (flagValue(args, 'fail-on') ?? 'error') as FailOn;
      const baselineFile = flagValue(args, 'baseline');
      const baseline = baselineFile === undefined ? undefined : readBaseline(path.resolve(ctx.io.cwd, baselineFile));
      if (baseline && 'error' in baseline) {
        ctx.warn(baseline.error);
        return EXIT_USAGE;
      }
      const spec: OutputSpec = {
        format: format as OutputFormat,
        locale: ctx.locale,
        color: colorFor(ctx.io.stdout, ctx.io.env),
        failOn,
        ...(baseline ? { baseline: [...baseline.fingerprints] } : {}),
      };
      const writer = new ReportWriter(spec, { write: (text) => ctx.io.stdout.write(text), cwd: ctx.io.cwd });
      const report = runCheck(options, { spec, onRendered: (rendered, where) => writer.add(rendered, where) });
      writer.end(report);
      for (const notice of report.notices) ctx.warn(notice);
      for (const error of report.errors) ctx.warn(error);
      if (baseline) ctx.warn(baselineNotice(writer.baselineMatched, baselineFile!));
      if (report.errors.length > 0) return EXIT_USAGE;
      return writer.failing ? EXIT_FINDINGS : EXIT_OK;
    },
  },
  baseline: {
    flags: { ...SELECTION, o: { kind: 'value' }, output: { kind: 'value' } },
    help: {
      zh: `用法：casebook baseline <文件|文件夹|通配符…> -o <基线文件>

记录当前所有未豁免的问题（规则、文件和稳定指纹，不含行号），供已有问题的仓库引入 Casebook：
之后 casebook check --baseline <基线文件> 只报告（并只因）新问题失败。插入行或修改其他系统不会改变指纹。
接受 check 的 --config、--today、--no-inline-waivers、--shard、--jobs 选项。`,
      en: `Usage: casebook baseline <files|folders|globs…> -o <baseline file>

Records today's unsuppressed findings (rule, file and a stable fingerprint, never the line number), so that a
repository with existing findings can adopt Casebook: casebook check --baseline <file> then reports, and fails on,
new findings only. Inserted lines and edits to other systems leave fingerprints unchanged.
Takes check's --config, --today, --no-inline-waivers, --shard and --jobs options.`,
    },
    run(args, ctx) {
      const output = flagValue(args, 'o') ?? flagValue(args, 'output');
      if (!output) throw new UsageError({ zh: 'baseline 需要 -o <基线文件>。', en: 'baseline needs -o <baseline file>.' });
      const report = runCheck(checkOptions(args, ctx, 'baseline'));
      for (const notice of report.notices) ctx.warn(notice);
      for (const error of report.errors) ctx.warn(error);
      if (report.errors.length > 0) return EXIT_USAGE;
      const baseline = toBaseline(report);
      try {
        writeFileSync(path.resolve(ctx.io.cwd, output), JSON.stringify(baseline, null, 2) + '\n');
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        ctx.warn({ zh: `无法写入基线文件 ${output}：${detail}`, en: `Cannot write the baseline ${output}: ${detail}` });
        return EXIT_USAGE;
      }
      const count = baseline.findings.length;
      ctx.warn({
        zh: `已将 ${count} 条问题写入基线 ${output}。`,
        en: `Wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${output}.`,
      });
      return EXIT_OK;
    },
  },
  cases: {
    flags: { ...COMMON, format: { kind: 'value', choices: ['text', 'json'] }, limit: { kind: 'value' } },
    help: {
      zh: `用法：
  casebook cases search <关键词> [--format text|json] [--limit N]   按客户、拼音、首字母、模式或产品搜索
  casebook cases show <案例 ID>                                      查看案例：客户、挑战、方案、成效、模式、产品
  casebook cases list [--format text|json]                           列出全部案例（含 .casebook.yaml 中的企业案例）`,
      en: `Usage:
  casebook cases search <query> [--format text|json] [--limit N]   search by customer, pinyin, initials, pattern or product
  casebook cases show <case-id>                                     a case: customer, challenge, solution, figures, patterns, products
  casebook cases list [--format text|json]                          every case (with enterprise cases from .casebook.yaml)`,
    },
    run(args, ctx) {
      const [sub, ...rest] = args.positionals;
      const format = flagValue(args, 'format') ?? 'text';
      const library = loadCases(ctx);
      const service = getLanguageService({ library: () => library });
      if (sub === 'search') {
        const query = rest.join(' ').trim();
        if (!query) throw new UsageError({ zh: 'cases search 需要一个关键词。', en: 'cases search needs a query.' });
        const limitText = flagValue(args, 'limit');
        const limit = limitText === undefined ? 10 : Number(limitText);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError({ zh: '--limit 必须是正整数。', en: '--limit must be a positive whole number.' });
        const found = searchCases(service.library, query, limit, ctx.locale);
        ctx.io.stdout.write(format === 'json' ? JSON.stringify(found, null, 2) + '\n' : formatSearchText(found, query, ctx.locale));
        return EXIT_OK;
      }
      if (sub === 'show') {
        const [id, ...extra] = rest;
        if (id === undefined || extra.length > 0)
          throw new UsageError({ zh: '用法：casebook cases show <案例 ID>', en: 'Usage: casebook cases show <case-id>' });
        const record = library.cases.get(id);
        if (!record) {
          const near = searchCases(service.library, id, 3, ctx.locale).results.map((r) => r.id);
          throw new UsageError({
            zh: `没有 ID 为 ${id} 的案例。${near.length ? `是否要找：${near.join('、')}？` : '运行 casebook cases list 查看全部案例。'}`,
            en: `No case with id ${id}.${near.length ? ` Did you mean ${near.join(', ')}?` : ' Run casebook cases list to see them all.'}`,
          });
        }
        ctx.io.stdout.write(formatCase(library, record, ctx.locale, ctx.io.cwd));
        return EXIT_OK;
      }
      if (sub === 'list') {
        if (format === 'json') {
          const cases = [...library.cases.values()].map((c) => ({
            id: c.id,
            customer: pick(c.customer, ctx.locale),
            title: pick(c.title, ctx.locale),
            industry: c.industry,
            builtIn: c.builtIn,
          }));
          ctx.io.stdout.write(JSON.stringify({ cases }, null, 2) + '\n');
        } else ctx.io.stdout.write(formatCaseList(library, ctx.locale));
        return EXIT_OK;
      }
      throw new UsageError(
        sub
          ? { zh: `未知子命令 cases ${sub}。可用：search、show、list。`, en: `Unknown command cases ${sub}. Use search, show or list.` }
          : { zh: 'cases 需要子命令：search、show 或 list。', en: 'cases needs a command: search, show or list.' },
      );
    },
  },
  render: {
    flags: { ...COMMON, format: { kind: 'value', choices: ['mermaid'] } },
    help: {
      zh: `用法：casebook render <文件> --format mermaid

以 Mermaid 文本输出方案的拓扑（城市、中心、系统及其部署），可粘贴到文档或 Mermaid 编辑器中。`,
      en: `Usage: casebook render <file> --format mermaid

Prints the proposal's topology (cities, sites, systems and where they run) as Mermaid text, for documents or a Mermaid editor.`,
    },
    run(args, ctx) {
      if (args.positionals.length !== 1) throw new UsageError({ zh: 'render 需要一个文件。', en: 'render needs one file.' });
      if (flagValue(args, 'format') === undefined)
        throw new UsageError({ zh: 'render 需要 --format mermaid。', en: 'render needs --format mermaid.' });
      const configFile = flagValue(args, 'config');
      const result = renderFile(
        path.resolve(ctx.io.cwd, args.positionals[0]!),
        ctx.locale,
        ctx.io.cwd,
        configFile && path.resolve(ctx.io.cwd, configFile),
      );
      if ('error' in result) {
        ctx.warn(result.error);
        return EXIT_USAGE;
      }
      ctx.io.stdout.write(result.mermaid.endsWith('\n') ? result.mermaid : result.mermaid + '\n');
      return EXIT_OK;
    },
  },
  compliance: {
    flags: { ...COMMON, format: { kind: 'value', choices: ['text', 'json'] } },
    help: {
      zh: `用法：casebook compliance <文件> [--format text|json]

列出法规库（regulations/ 及 .casebook.yaml 中 regulations: 的企业规范）中适用于本方案和机构（institution）的每一条款：
满足、不满足、未写明，以及所在行。条款未核实时只标“条款未核实”，不作判断；定义和范围条款标“适用”。

  --format text|json      输出格式（默认 text）`,
      en: `Usage: casebook compliance <file> [--format text|json]

Lists every clause of the regulation library (regulations/, and the enterprise standards named under regulations: in
.casebook.yaml) that applies to the proposal and its institution: met, not met or not stated, with the line. A clause
whose text is unverified is listed as unverified and not judged; definitions and scope clauses as applying.

  --format text|json      output format (default text)`,
    },
    run(args, ctx) {
      if (args.positionals.length !== 1) throw new UsageError({ zh: 'compliance 需要一个文件。', en: 'compliance needs one file.' });
      const file = path.resolve(ctx.io.cwd, args.positionals[0]!);
      const result = complianceOf(file, loadCases(ctx), ctx.locale);
      if ('error' in result) {
        ctx.warn(result.error);
        return EXIT_USAGE;
      }
      const shown = args.positionals[0]!;
      ctx.io.stdout.write(
        flagValue(args, 'format') === 'json'
          ? formatComplianceJson(shown, result.rows, ctx.locale)
          : formatComplianceText(shown, result.rows, ctx.locale),
      );
      return EXIT_OK;
    },
  },
  simulate: {
    flags: { ...COMMON, format: { kind: 'value', choices: ['text', 'json'] }, lose: { kind: 'value' } },
    help: {
      zh: `用法：casebook simulate <文件> [--lose <机房|城市|区域>] [--format text|json]

逐一模拟失去每个机房、每座城市、每个区域（省份或站点写明的 region）时，各系统的结果：存活、降级接管或中断，
由哪个中心接管、接管耗时（双活即时、热备分钟级、冷备小时级）、丢失多少数据（同步 0、异步为链路 lag）。
规则正是按这张表判断一级、二级系统是否满足要求。

  --lose <名称>           只模拟一种故障：机房 ID、城市（上海 = 上海市 = Shanghai）或区域
  --format text|json      输出格式（默认 text）`,
      en: `Usage: casebook simulate <file> [--lose <site|city|region>] [--format text|json]

Simulates losing each site, each city and each region (province, or the sites' own region) in turn, and prints
what happens to every system it touches: survives, degraded or down, which site takes over, how fast (active at
once, hot standby in minutes, cold standby in hours) and how much data is lost (sync none, async the link's lag).
The tier rules judge by exactly this table.

  --lose <name>           simulate one loss only: a site id, a city (上海 = 上海市 = Shanghai) or a region
  --format text|json      output format (default text)`,
    },
    run(args, ctx) {
      if (args.positionals.length !== 1) throw new UsageError({ zh: 'simulate 需要一个文件。', en: 'simulate needs one file.' });
      const file = path.resolve(ctx.io.cwd, args.positionals[0]!);
      const result = simulateFile(file, flagValue(args, 'lose'));
      if ('error' in result) {
        if (result.usage) throw new UsageError(result.error);
        ctx.warn(result.error);
        return EXIT_USAGE;
      }
      ctx.io.stdout.write(
        flagValue(args, 'format') === 'json'
          ? formatSimulateJson(args.positionals[0]!, result.table, ctx.locale)
          : formatSimulateText(result.table, ctx.locale, styleFor(ctx.io.stdout, ctx.io.env)),
      );
      return EXIT_OK;
    },
  },
  report: {
    flags: {
      ...COMMON,
      format: { kind: 'value', choices: ['html', 'md'] },
      o: { kind: 'value' },
      output: { kind: 'value' },
      today: { kind: 'value' },
    },
    help: {
      zh: `用法：casebook report <文件|文件夹|通配符…> [--format html|md] [--locale zh-CN|en] [-o <输出文件>]

生成方案评审材料：方案概要（客户、行业、系统的等级、可用性、RTO/RPO 与拓扑形态）、部署拓扑图、故障场景表、
按级别分组的检查结果（附引用的客户案例与数据及所在行）、豁免登记（已过期与 30 天内到期的会标出）和匹配的参考案例。
HTML 为单个自包含文件（内联 SVG，无脚本、无外部请求，可直接打印为 PDF）；Markdown 可在 GitHub/GitLab 上显示
（拓扑为 mermaid 代码块）。多个文件合成一份材料。

  --format html|md        输出格式（默认 html）
  -o, --output <文件>     写入文件（默认输出到 stdout）
  --locale zh-CN|en       材料语言
  --config <文件>         对所有文件使用此配置
  --today YYYY-MM-DD      判断豁免是否到期所用的日期（默认今天）`,
      en: `Usage: casebook report <files|folders|globs…> [--format html|md] [--locale zh-CN|en] [-o <output file>]

Builds the review dossier: the summary (customer, industry, each system's tier, availability, RTO/RPO and topology
words), the topology drawn, the failure-scenario table, every finding grouped by severity with the customers and
figures that back it and its line, the waiver register (expired and expiring within 30 days marked) and the
matching reference cases. HTML is one self-contained file (inline SVG, no script, no external request; prints to
PDF from the browser); Markdown renders on GitHub and GitLab (the topology as a mermaid block). Several files make
one dossier.

  --format html|md        output format (default html)
  -o, --output <file>     write to this file (default: stdout)
  --locale zh-CN|en       the dossier's language
  --config <file>         use this config for every file
  --today YYYY-MM-DD      the date waivers expire against (default: today)`,
    },
    run(args, ctx) {
      if (args.positionals.length === 0)
        throw new UsageError({ zh: 'report 需要至少一个文件或文件夹。', en: 'report needs at least one file or folder.' });
      const today = flagValue(args, 'today') ?? localToday();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new UsageError({ zh: '--today 的格式为 YYYY-MM-DD。', en: '--today takes YYYY-MM-DD.' });
      const configFile = flagValue(args, 'config');
      const result = reportFiles({
        operands: args.positionals,
        format: flagValue(args, 'format') === 'md' ? 'md' : 'html',
        locale: ctx.locale,
        cwd: ctx.io.cwd,
        today,
        library: loadCases(ctx),
        ...(configFile ? { configFile } : {}),
      });
      for (const error of result.errors) ctx.warn(error);
      if ('error' in result) {
        ctx.warn(result.error);
        return EXIT_USAGE;
      }
      const output = flagValue(args, 'o') ?? flagValue(args, 'output');
      if (output === undefined) ctx.io.stdout.write(result.text);
      else {
        try {
          writeFileSync(path.resolve(ctx.io.cwd, output), result.text);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          ctx.warn({ zh: `无法写入 ${output}：${detail}`, en: `Cannot write ${output}: ${detail}` });
          return EXIT_USAGE;
        }
        ctx.warn({ zh: `评审材料已写入 ${output}。`, en: `Review dossier written to ${output}.` });
      }
      return result.errors.length > 0 ? EXIT_USAGE : EXIT_OK;
    },
  },
};

function loadCases(ctx: Context): CaseLibrary {
  const extraPaths = ctx.config?.caseFolders ?? [];
  const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths, regulationPaths: ctx.config?.regulationFolders ?? [] });
  for (const notice of libraryNotices(library, extraPaths, ctx.io.cwd)) ctx.warn(notice);
  return library;
}

/** --locale, else the config's locale, else LC_ALL / LC_MESSAGES / LANG starting with zh, else English. */
function chooseLocale(flag: string | undefined, config: LoadedConfig | undefined, env: NodeJS.ProcessEnv): Locale {
  if (flag) return flag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  if (config?.config.locale) return config.config.locale;
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return system.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Finds `--locale` and `--config` before the command's own parse, so even usage errors speak the right language. */
function peekFlag(argv: string[], name: string): string | undefined {
  for (const [i, a] of argv.entries()) {
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

function main(argv: string[], io: Io): number {
  const configFlag = peekFlag(argv, 'config');
  let config: LoadedConfig | undefined;
  if (configFlag) config = loadConfigFile(path.resolve(io.cwd, configFlag));
  else {
    const found = findConfigFile(io.cwd, io.cwd);
    if (found) config = loadConfigFile(found);
  }
  const localeFlag = peekFlag(argv, 'locale');
  const locale = chooseLocale(localeFlag && (LOCALES as readonly string[]).includes(localeFlag) ? localeFlag : undefined, config, io.env);
  const ctx: Context = {
    io,
    locale,
    config,
    say: (text) => io.stdout.write(pick(text, locale) + '\n'),
    warn: (text) => io.stderr.write(terminalSafeLines(pick(text, locale)) + '\n'),
  };

  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic ? COMMANDS[topic] : undefined;
      ctx.say(command ? command.help : USAGE);
      if (name === undefined) return EXIT_USAGE;
      return topic && !command ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      io.stdout.write(`casebook ${version()}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS[name];
    if (!command) {
      throw new UsageError(
        name.startsWith('-')
          ? { zh: `未知选项 ${name}。`, en: `Unknown option ${name}.` }
          : {
              zh: `未知命令 ${name}。可用命令：${Object.keys(COMMANDS).join('、')}。`,
              en: `Unknown command ${name}. Commands: ${Object.keys(COMMANDS).join(', ')}.`,
            },
      );
    }
    const args = parseArgs(rest, command.flags);
    if (args.flags.has('help') || args.flags.has('h')) {
      ctx.say(command.help);
      return EXIT_OK;
    }
    // `check` reports each file's config itself; the other commands read only this one.
    if (config && name !== 'check') for (const p of config.problems) ctx.warn(locatedProblem(p));
    return command.run(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.warn(error.text);
      ctx.warn({ zh: '运行 casebook --help 查看用法。', en: 'Run casebook --help for usage.' });
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.warn({ zh: `Casebook 内部错误，请报告此问题：\n${detail}`, en: `Casebook internal error; please report it:\n${detail}` });
    return EXIT_USAGE;
  }
}

function locatedProblem(p: LoadedConfig['problems'][number]): Localized {
  const where = `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
  return { zh: `${where} ${p.message.zh}`, en: `${where} ${p.message.en}` };
}

// The bundle's entry (bin/casebook.js requires dist/cli.js, so `require.main` is not this module).
// exitCode rather than exit(): stderr to a pipe must drain first.
// The same bundle is the worker script of `--jobs` (workers.ts).
// Before the workers start: they inherit the flags (heap.ts).
sizeHeapForCheck();
if (isCheckWorker()) runWorker();
else {
  // A reader that stops early (`casebook check … | head`) closes the pipe: stop quietly, as Unix tools do.
  const closed = (): never => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  // Synchronous: the check loop never yields, so an asynchronous pipe would hold the whole report (stdout.ts).
  const stdout = syncStdout(closed);
  process.exitCode = main(process.argv.slice(2), { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
}
