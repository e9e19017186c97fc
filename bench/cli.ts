/**
 * `casebook check` at repository scale (issues 12 and 13): a generated
 * repository of proposals (bench/repository.ts: 2,000 by default, 10–40
 * systems each; `CASEBOOK_BENCH_FILES` scales it down), checked by the built
 * CLI with one worker and with every core, against the peer measured in the
 * same run on the same files: Spectral 6 (`spectral lint`, the proposal's
 * JSON Schema plus 15 given/then rules, bench/spectralRuleset.ts), one
 * process over all files, both writing a JSON report to a file. Also a bare
 * `yaml` parseDocument of each text in this thread, the least any YAML linter
 * must do.
 *
 * For each run: files per second (wall clock), CPU seconds of the process
 * tree, and its peak resident memory (worker threads share the process; any
 * child process is added in). Memory flatness: the peak over every file
 * against the peak for one file. Wall time on a shared machine also measures
 * the neighbours: the load average is printed before and after.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { generateRepositoryProposal } from './repository';
import { spectralRuleset } from './spectralRuleset';

const FILES = Math.max(1, Number(process.env.CASEBOOK_BENCH_FILES ?? 2000) || 2000);
/** Targets from issue 12 (speed against Spectral) and issue 13 (memory against one file). */
const TARGET_ONE_WORKER = 2;
const TARGET_ALL_CORES = 3;
const TARGET_MEMORY = 1.5;

interface Run {
  seconds: number;
  cpuSeconds: number;
  /** CPU seconds of the process's main thread alone (with --jobs N it should only write what the workers render). */
  mainCpuSeconds: number;
  peakMb: number;
  /** Occurrences of the report's per-finding key in the report file. */
  findings: number;
}

const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(out.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** `root` and every process below it (threads are not processes: a worker thread is inside its process). */
function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

interface Sample {
  rssKb: number;
  hwmKb: number;
  cpuTicks: number;
}

function sample(pid: number): Sample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined;
  }
}

/**
 * Runs `node script args`, stdout through a pipe into `report` (as a CI runner reads it: a tool that buffers its
 * output for a pipe shows it in its peak memory), polling the process tree's
 * resident memory and CPU time until it exits. `ok` says which exit codes
 * mean the tool ran (a linter exits 1 when it finds something).
 */
function measure(script: string, args: string[], report: string, key: string, ok: (code: number) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(report);
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
    });
    child.stdout.pipe(out);
    const written = new Promise<void>((done) => out.on('finish', done));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    let peakKb = 0;
    let mainTicks = 0;
    const cpu = new Map<number, number>();
    const poll = () => {
      let rss = 0;
      for (const pid of processTree(child.pid!)) {
        const s = sample(pid);
        if (!s) continue;
        rss += s.rssKb;
        if (pid === child.pid) peakKb = Math.max(peakKb, s.hwmKb);
        cpu.set(pid, s.cpuTicks);
      }
      mainTicks = mainThreadTicks(child.pid!) ?? mainTicks;
      peakKb = Math.max(peakKb, rss);
    };
    const timer = setInterval(poll, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      void written.then(() => finish(code, seconds));
    });
    const finish = (code: number | null, seconds: number) => {
      if (code === null || !ok(code)) {
        reject(new Error(`${path.basename(script)} ${args[0]} exited ${code}: ${stderr.trim().slice(0, 2000)}`));
        return;
      }
      const cpuSeconds = [...cpu.values()].reduce((a, b) => a + b, 0) / CLOCK_TICKS;
      resolve({
        seconds,
        cpuSeconds,
        mainCpuSeconds: mainTicks / CLOCK_TICKS,
        peakMb: peakKb / 1024,
        findings: countOccurrences(report, key),
      });
    };
  });
}

/** utime + stime of a process's main thread (its task whose id is the pid). */
function mainThreadTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** How often `needle` occurs in a (possibly large) file, read in chunks. */
function countOccurrences(file: string, needle: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let count = 0;
  let carry = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = carry + buffer.toString('latin1', 0, n);
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
      carry = text.slice(Math.max(0, text.length - needle.length + 1));
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'casebook-bench-cli-'));
  try {
    const repo = path.join(dir, 'proposals');
    const files: string[] = [];
    const texts: string[] = [];
    let bytes = 0;
    let systems = 0;
    mkdirSync(repo);
    for (let i = 0; i < FILES; i++) {
      const text = generateRepositoryProposal(i);
      const file = path.join(repo, `p${String(i).padStart(4, '0')}.arch.yaml`);
      writeFileSync(file, text);
      files.push(file);
      texts.push(text);
      bytes += Buffer.byteLength(text);
      systems += (text.match(/^ {2}- id: sys-/gm) ?? []).length;
    }
    const ruleset = path.join(dir, 'casebook.spectral.json');
    writeFileSync(ruleset, spectralRuleset(path.join(__dirname, '..', 'schema', 'proposal.schema.json')));

    // The floor: a bare parse of the same texts in this thread, after a warm-up pass.
    for (const text of texts.slice(0, 20)) parseDocument(text);
    const t0 = process.hrtime.bigint();
    for (const text of texts) parseDocument(text);
    const parseSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    texts.length = 0;

    const cli = path.join(__dirname, 'cli.js');
    const spectralCli = require.resolve('@stoplight/spectral-cli/dist/index.js');
    const cores = availableParallelism();
    const check = (operand: string, jobs: number, name: string) =>
      measure(
        cli,
        ['check', operand, '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs)],
        path.join(dir, name),
        '"rule": ',
        (code) => code === 0,
      );
    const loadBefore = loadavg();
    const spectral = await measure(
      spectralCli,
      ['lint', path.join(repo, '*.arch.yaml'), '--ruleset', ruleset, '--format', 'json', '--quiet'],
      path.join(dir, 'spectral.json'),
      '"code": ',
      (code) => code === 0 || code === 1,
    );
    const one = await check(repo, 1, 'check-1.json');
    const all = await check(repo, cores, `check-${cores}.json`);
    const single = await check(files[0]!, 1, 'check-single.json');
    const loadAfter = loadavg();

    const rate = (seconds: number) => FILES / seconds;
    const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      `  ${FILES} generated proposals, ${systems} systems (${(systems / FILES).toFixed(0)} per file), ${(bytes / 1e6).toFixed(1)} MB; ${cores} cores`,
    );
    console.log(
      `  load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`,
    );
    console.log('  run                                   files/s   × Spectral   CPU s   main thread   peak RSS   findings');
    const row = (name: string, run: Pick<Run, 'seconds'> & Partial<Run>) =>
      console.log(
        `  ${name.padEnd(37)} ${rate(run.seconds).toFixed(1).padStart(7)}   ${times(rate(run.seconds), rate(spectral.seconds)).padStart(10)}   ${
          run.cpuSeconds === undefined ? '    —' : run.cpuSeconds.toFixed(1).padStart(5)
        }   ${run.mainCpuSeconds === undefined ? '          —' : `${run.mainCpuSeconds.toFixed(1).padStart(9)} s`}   ${run.peakMb === undefined ? '       —' : `${run.peakMb.toFixed(0).padStart(5)} MB`}   ${run.findings === undefined ? '—' : String(run.findings).padStart(8)}`,
      );
    row('yaml parseDocument (this thread)', { seconds: parseSeconds });
    row('spectral lint (15 rules + schema)', spectral);
    row('casebook check --jobs 1', one);
    row(`casebook check --jobs ${cores}`, all);
    const verdict = (ratio: number, target: number, atMost = false) =>
      (atMost ? ratio <= target : ratio >= target)
        ? `target ${atMost ? '≤' : '≥'} ${target}× met`
        : `target ${atMost ? '≤' : '≥'} ${target}× NOT met`;
    const oneRatio = rate(one.seconds) / rate(spectral.seconds);
    const allRatio = rate(all.seconds) / rate(spectral.seconds);
    console.log(`  one worker against Spectral: ${oneRatio.toFixed(2)}× (${verdict(oneRatio, TARGET_ONE_WORKER)})`);
    console.log(`  ${cores} workers against Spectral: ${allRatio.toFixed(2)}× (${verdict(allRatio, TARGET_ALL_CORES)})`);
    console.log(
      `  speed-up with ${cores} workers: ${(one.seconds / all.seconds).toFixed(2)}× (wall), against the bare parse: ${times(rate(one.seconds), rate(parseSeconds))}`,
    );
    const memory = one.peakMb / single.peakMb;
    console.log(
      `  memory, ${FILES} files vs 1 file (--jobs 1): ${one.peakMb.toFixed(0)} MB vs ${single.peakMb.toFixed(0)} MB = ${memory.toFixed(2)}× (${verdict(memory, TARGET_MEMORY, true)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
