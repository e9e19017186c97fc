/**
 * The CI's say over inline waivers: `--no-inline-waivers` ignores every
 * `# casebook-ignore` in the files (a team policy the file itself cannot
 * bypass), and waivers that expire within `--waiver-expiry-days` warn on
 * stderr before they lapse and break the build.
 */
import type { Localized } from '../service/locale';
import type { ProposalModel } from '../service/model';
import type { Finding } from '../service/types';
import { parseWaivers } from '../service/waivers';

export interface WaiverPolicy {
  /** False with `--no-inline-waivers`. */
  inline: boolean;
  /** Warn about waivers expiring within this many days (0: only today). */
  expiryDays: number;
  /** YYYY-MM-DD. */
  today: string;
}

export const DEFAULT_EXPIRY_DAYS = 30;

/**
 * Without inline waivers, every finding is unsuppressed and the findings about
 * the waivers themselves (unused, expired, malformed…) are dropped: the
 * waivers do not count, so neither do their faults.
 */
export function applyWaiverPolicy(findings: Finding[], policy: WaiverPolicy): Finding[] {
  if (policy.inline) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.rule.startsWith('waiver-')) continue;
    if (!finding.suppressed) out.push(finding);
    else {
      const { suppression: _dropped, ...rest } = finding;
      out.push({ ...rest, suppressed: false });
    }
  }
  return out;
}

/** `file:line` warnings for every waiver whose `until` falls within the window (not those already expired: rules report them). */
export function expiringWaivers(file: string, model: ProposalModel, policy: WaiverPolicy): Localized[] {
  if (!policy.inline) return [];
  const last = addDays(policy.today, policy.expiryDays);
  const notices: Localized[] = [];
  for (const waiver of parseWaivers(model)) {
    const until = waiver.until;
    if (!until || waiver.untilInvalid || until < policy.today || until > last) continue;
    const rules = waiver.rules.map((r) => r.id).join(', ');
    const where = `${file}:${waiver.range.start.line + 1}`;
    const owner = waiver.owner;
    notices.push({
      zh: `${where} 豁免 ${rules} 将于 ${until} 到期${owner ? `（负责人：${owner}）` : ''}，到期后问题会重新报告。`,
      en: `${where} the waiver of ${rules} expires on ${until}${owner ? ` (owner: ${owner})` : ''}; its findings will be reported again after that.`,
    });
  }
  return notices;
}

/** YYYY-MM-DD plus n days, in UTC (dates without a time compare as text). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in local time, as the waivers judge it. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
