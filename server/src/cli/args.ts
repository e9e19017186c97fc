/**
 * A small, strict argument parser: every command declares its flags, and an
 * unknown flag or a missing value is a usage error, never silently ignored.
 */
import type { Localized } from '../service/locale';

export interface FlagSpec {
  /** `value` flags take the next argument (or `--flag=value`); `boolean` flags take none. */
  kind: 'value' | 'boolean';
  /** Allowed values, checked here so every command reports them the same way. */
  choices?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

export function parseArgs(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs)
        .map((k) => `--${k}`)
        .join(' ');
      throw new UsageError({ zh: `未知选项 ${arg}。可用选项：${known}`, en: `Unknown option ${arg}. Options: ${known}` });
    }
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError({ zh: `选项 --${name} 不接受值。`, en: `Option --${name} takes no value.` });
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '')
      throw new UsageError({ zh: `选项 --${name} 需要一个值。`, en: `Option --${name} needs a value.` });
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError({
        zh: `选项 --${name} 的值 “${value}” 无效，可选：${spec.choices.join(' | ')}。`,
        en: `Invalid value “${value}” for --${name}; use ${spec.choices.join(' | ')}.`,
      });
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
