/**
 * `casebook check` at repository scale (issue 12): files per second with one
 * worker and with every core, peak memory, and memory for one file against
 * all of them, on generated proposals of 10–40 systems. The peer, measured in
 * the same run on the same texts, is a bare `yaml` parseDocument of each file
 * in one thread: the least any YAML-reading linter must do. (Spectral is not
 * installed here; see the closing note.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { generateAnalysisProposal } from './analysis';

const FILES = Number(process.env.CASEBOOK_BENCH_FILES ?? 400);

interface Run {
  seconds: number;
  peakMb: number;
}

/** Runs the built CLI on `operands`, polling the child's peak resident set (VmHWM) until it exits. */
function runCli(operands: string[], jobs: number): Promise<Run> {
  const cli = path.join(__dirname, 'cli.js');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'check', ...operands, '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the child has just exited
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`casebook check exited ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peakKb / 1024 });
    });
  });
}

export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'casebook-bench-cli-'));
  try {
    const files: string[] = [];
    const texts: string[] = [];
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = `${generateAnalysisProposal(10 + ((i * 7) % 31))}# file ${i}\n`;
      const file = path.join(dir, `p${String(i).padStart(4, '0')}.arch.yaml`);
      writeFileSync(file, text);
      files.push(file);
      texts.push(text);
      bytes += Buffer.byteLength(text);
    }
    // Peer: the bare parse, same texts, one thread, after one warm-up pass.
    for (const text of texts.slice(0, 20)) parseDocument(text);
    const t0 = process.hrtime.bigint();
    for (const text of texts) parseDocument(text);
    const parseSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    const cores = availableParallelism();
    const one = await runCli([dir], 1);
    const all = await runCli([dir], cores);
    const single = await runCli([files[0]!], 1);
    const rate = (seconds: number) => FILES / seconds;
    console.log(`  ${FILES} generated proposals, 10–40 systems each, ${(bytes / 1e6).toFixed(1)} MB; ${cores} cores`);
    console.log('  run                              files/s   × bare parse   peak RSS');
    const row = (name: string, seconds: number, peak?: number) =>
      console.log(
        `  ${name.padEnd(32)} ${rate(seconds).toFixed(0).padStart(7)}   ${(rate(seconds) / rate(parseSeconds)).toFixed(2).padStart(11)}   ${peak === undefined ? '     —' : `${peak.toFixed(0).padStart(5)} MB`}`,
      );
    row('yaml parseDocument (in-process)', parseSeconds);
    row('casebook check --jobs 1', one.seconds, one.peakMb);
    row(`casebook check --jobs ${cores}`, all.seconds, all.peakMb);
    console.log(`  speed-up with ${cores} workers: ${(one.seconds / all.seconds).toFixed(2)}×`);
    console.log(
      `  memory, ${FILES} files vs 1 file (--jobs 1): ${one.peakMb.toFixed(0)} MB vs ${single.peakMb.toFixed(0)} MB = ${(one.peakMb / single.peakMb).toFixed(2)}× (target ≤ 1.5×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
