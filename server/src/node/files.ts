/**
 * What the CLI checks: operands (files, folders, globs) expanded to proposal
 * files, and each file read as text — or refused with a located finding when
 * it is too large, binary or not UTF-8, so one bad file never stops a run.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Localized } from '../service/locale';
import type { RuleMeta } from '../service/types';
import { readCapped } from './fileReader';
import { MAX_DOCUMENT_BYTES, TOO_LARGE_CODE } from './limits';
import { startsWithMarker } from './proposals';

/* ------------------------------------------------------------------------ */
/* Expanding operands                                                        */
/* ------------------------------------------------------------------------ */

const PROPOSAL_NAME = /\.arch\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** How much of a `.yaml` file is read to look for the `casebook: proposal/v1` marker. */
const MARKER_HEAD_BYTES = 4096;

export interface ExpandedOperands {
  /** Absolute paths, in operand order, each once. */
  files: string[];
  /** Operands that name nothing: the CLI's usage errors. */
  problems: { operand: string; message: Localized }[];
}

/**
 * Files are taken as named; folders yield every proposal below them
 * (`*.arch.yaml`, `*.arch.yml`, or YAML starting with the marker); globs
 * (picomatch: `*`, `**`, `?`, `[…]`, `{a,b}`, extglobs) yield the proposals
 * they match. An operand that names an existing file or folder is taken
 * literally even when it has glob characters (`方案(一期).arch.yaml`).
 * `node_modules` and `.git` are never entered.
 */
export function expandOperands(operands: string[], cwd: string = process.cwd()): ExpandedOperands {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: ExpandedOperands['problems'] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    const stat = statOrUndefined(absolute);
    if (!stat && isLinkLoop(absolute)) {
      // It exists, but never reaches a file: reading it says so, located, rather than "does not exist".
      add(absolute);
      continue;
    }
    if (!stat && isGlob(operand)) {
      const matches = expandGlob(operand, cwd);
      if (matches.length === 0)
        problems.push({ operand, message: { zh: `没有与 ${operand} 匹配的方案文件。`, en: `No proposal files match ${operand}.` } });
      matches.forEach(add);
      continue;
    }
    if (!stat) {
      problems.push({ operand, message: { zh: `找不到 ${operand}。`, en: `${operand} does not exist.` } });
    } else if (stat.isDirectory()) {
      const found = walk(absolute).filter(isProposalFile);
      if (found.length === 0)
        problems.push({
          operand,
          message: { zh: `${operand} 中没有方案文件（*.arch.yaml）。`, en: `No proposal files (*.arch.yaml) in ${operand}.` },
        });
      found.forEach(add);
    } else {
      add(absolute);
    }
  }
  return { files, problems };
}

/** Backslashes are folder separators in an operand (Windows shells), as in VS Code's globs. */
function slashes(operand: string): string {
  return operand.replace(/\\/g, '/');
}

function isGlob(operand: string): boolean {
  return picomatch.scan(slashes(operand)).isGlob;
}

/** The proposals a glob matches, relative to `cwd` unless the glob is absolute. */
function expandGlob(pattern: string, cwd: string): string[] {
  // Walk only from the longest folder prefix without wildcards.
  const { base, glob } = picomatch.scan(slashes(pattern));
  const root = path.resolve(cwd, base || '.');
  const matches = globMatcher(glob);
  return walk(root).filter((file) => matches(toSlashes(path.relative(root, file))) && isProposalFile(file));
}

/**
 * A matcher for `/`-separated relative paths (picomatch): `**` any folders
 * (including none), `*` any characters but `/`, `?` one character but `/`,
 * `{yaml,yml}` either. Like shells, wildcards do not match a leading `.`.
 */
export function globMatcher(glob: string): (relative: string) => boolean {
  return picomatch(slashes(glob), { dot: false });
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** Every regular file below `dir`, sorted, skipping node_modules, .git and symlinked folders (no cycles). */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (current: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile())) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out;
}

/** `*.arch.yaml` / `*.arch.yml`, or a `.yaml` file whose first key is the marker. */
function isProposalFile(file: string): boolean {
  const name = path.basename(file);
  if (PROPOSAL_NAME.test(name)) return true;
  if (!YAML_NAME.test(name)) return false;
  return startsWithMarker(readHead(file, MARKER_HEAD_BYTES));
}

function readHead(file: string, bytes: number): string {
  let fd: number | undefined;
  try {
    // Non-blocking: a FIFO named *.yaml must not hang the walk; only regular files have a head to read.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A symbolic link that never reaches a file (a loop, or a chain longer than the system follows). */
function isLinkLoop(p: string): boolean {
  try {
    statSync(p);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------------ */
/* Reading one file                                                          */
/* ------------------------------------------------------------------------ */

/** Findings about a file as a whole, made before any parsing. */
export const FILE_RULES: RuleMeta[] = [
  {
    id: TOO_LARGE_CODE,
    family: 'files',
    defaultSeverity: 'error',
    title: { zh: '文件过大', en: 'File too large' },
    description: {
      zh: `超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的文件不做检查，以免拖慢编辑器和流水线。请把方案拆分为多个 *.arch.yaml 文件。`,
      en: `Files over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB are not checked, so that the editor and CI stay fast. Split the proposal into several *.arch.yaml files.`,
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'document-binary',
    family: 'files',
    defaultSeverity: 'error',
    title: { zh: '不是文本文件', en: 'Not a text file' },
    description: {
      zh: '文件包含 NUL 字节，是二进制文件而不是 YAML 方案。',
      en: 'The file contains NUL bytes: it is binary, not a YAML proposal.',
    },
    patterns: [],
    cases: [],
  },
  {
    id: 'document-encoding',
    family: 'files',
    defaultSeverity: 'error',
    title: { zh: '不是 UTF-8 编码', en: 'Not UTF-8' },
    description: {
      zh: '方案文件必须是 UTF-8 编码。GBK/GB18030 编码的文件请在编辑器中“以 UTF-8 编码保存”。',
      en: 'Proposal files must be UTF-8. Re-save a GBK/GB18030 file as UTF-8 in the editor.',
    },
    patterns: [],
    cases: [],
  },
];

export type ReadResult =
  | { kind: 'text'; text: string }
  /** Read, but not checkable: one located finding explains why. */
  | { kind: 'refused'; rule: string; message: Localized; line: number; character: number }
  /** Could not be read at all (missing, a folder, a device or FIFO, no permission): a usage error for the CLI. */
  | { kind: 'unreadable'; message: Localized; reason: 'not-found' | 'folder' | 'not-regular' | 'link-loop' | 'unreadable' };

export function readProposalFile(file: string, maxBytes: number = MAX_DOCUMENT_BYTES): ReadResult {
  const read = readCapped(file, maxBytes);
  switch (read.kind) {
    case 'not-found':
      return { kind: 'unreadable', reason: 'not-found', message: { zh: `找不到文件 ${file}。`, en: `File not found: ${file}.` } };
    case 'folder':
      return { kind: 'unreadable', reason: 'folder', message: { zh: `${file} 是文件夹。`, en: `${file} is a folder.` } };
    case 'not-regular':
      return {
        kind: 'unreadable',
        reason: 'not-regular',
        message: {
          zh: `${file} 不是普通文件（设备、FIFO 或套接字），未读取。`,
          en: `${file} is not a regular file (a device, FIFO or socket), so it is not read.`,
        },
      };
    case 'unreadable':
      if (read.code === 'ELOOP')
        return {
          kind: 'unreadable',
          reason: 'link-loop',
          message: {
            zh: `${file} 是循环的符号链接，指不到任何文件，未读取。`,
            en: `${file} is a symbolic link that loops and never reaches a file, so it is not read.`,
          },
        };
      return {
        kind: 'unreadable',
        reason: 'unreadable',
        message: { zh: `无法读取 ${file}（${read.code}）。`, en: `Cannot read ${file} (${read.code}).` },
      };
    case 'too-large': {
      const limit = (maxBytes / 1024 / 1024).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
      const size = read.size === undefined ? undefined : (read.size / 1024 / 1024).toFixed(1);
      return {
        kind: 'refused',
        rule: TOO_LARGE_CODE,
        line: 0,
        character: 0,
        message: {
          zh: `文件过大（${size === undefined ? `超过 ${limit} MB` : `${size} MB，上限 ${limit} MB`}），未检查。请把方案拆分为多个 *.arch.yaml 文件。`,
          en: `File too large (${size === undefined ? `over ${limit} MB` : `${size} MB; the limit is ${limit} MB`}), not checked. Split the proposal into several *.arch.yaml files.`,
        },
      };
    }
  }
  const { bytes } = read;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOfByte(bytes, nul);
    return {
      kind: 'refused',
      rule: 'document-binary',
      ...at,
      message: {
        zh: '这是二进制文件（含 NUL 字节），不是 YAML 方案。',
        en: 'This is a binary file (it contains NUL bytes), not a YAML proposal.',
      },
    };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const invalid = Math.max(0, firstInvalidUtf8(bytes));
    const at = positionOfByte(bytes, invalid);
    return {
      kind: 'refused',
      rule: 'document-encoding',
      ...at,
      message: {
        zh: `文件不是 UTF-8 编码（第 ${at.line + 1} 行有无效字节），可能是 GBK。请以 UTF-8 编码保存。`,
        en: `The file is not UTF-8 (an invalid byte on line ${at.line + 1}); it may be GBK. Save it as UTF-8.`,
      },
    };
  }
  return { kind: 'text', text: text.replace(/^\uFEFF/, '') };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or undefined when the bytes are not UTF-8 (the native decoder; the scanner below only locates the fault). */
function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Zero-based line and UTF-16 column of a byte offset (the bytes before it are valid UTF-8). */
function positionOfByte(bytes: Buffer, offset: number): { line: number; character: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) line++;
  return { line, character: bytes.subarray(lineStart, offset).toString('utf8').length };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
