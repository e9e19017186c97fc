/**
 * The dossier as GitHub/GitLab Markdown: GFM tables (cells escaped, one line
 * each), the topology as a `mermaid` block from `renderTopology` (the same
 * drawing as the editor's preview, its labels already Mermaid-escaped).
 */
import { pick, type Locale, type Localized } from '../locale';
import { renderTopology } from '../topology';
import type { Dossier, ProposalDossier } from './dossier';
import { mdCell, mdText } from './escape';
import { lossText, percent, SEVERITY_LABELS, statusLabel, takeoverText, TEXT, tierText, WAIVER_STATUS_LABELS } from './text';

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(dossier: Dossier): string {
  const { locale } = dossier;
  const t = (text: Localized) => pick(text, locale);
  const out: string[] = [`# ${mdText(t(TEXT.title))}`, '', `${mdText(t(TEXT.generated))} ${dossier.today} · ${mdText(t(TEXT.by))}`, ''];
  for (const p of dossier.proposals) out.push(...proposalMarkdown(p, locale, dossier.proposals.length > 1));
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

function proposalMarkdown(p: ProposalDossier, locale: Locale, many: boolean): string[] {
  const t = (text: Localized) => pick(text, locale);
  const c = (text: string) => mdCell(text);
  const level = many ? '###' : '##';
  const out: string[] = [];
  if (many) out.push(`## ${mdText(p.name ?? p.file)}`, '');
  const heading = (text: Localized) => out.push(`${level} ${mdText(t(text))}`, '');
  const join = (items: string[]) => items.join(locale === 'zh-CN' ? '、' : ', ');

  heading(TEXT.summary);
  const facts: [Localized, string | undefined][] = [
    [TEXT.proposal, p.name],
    [TEXT.file, p.file],
    [TEXT.customer, p.customer ?? '—'],
    [TEXT.industry, p.industry ?? '—'],
    [TEXT.mlps, p.mlps === undefined ? undefined : String(p.mlps)],
    [TEXT.topologyWords, join(p.words) || '—'],
  ];
  for (const [label, value] of facts) if (value !== undefined) out.push(`- **${mdText(t(label))}**: ${mdText(value)}`);
  out.push('', `**${mdText(t(TEXT.systems))}**`, '');
  out.push(
    table(
      ['ID', t(TEXT.name), t(TEXT.tier), t(TEXT.availability), t(TEXT.rto), t(TEXT.rpo), t(TEXT.sites), t(TEXT.topologyWords)].map(c),
      p.systems.map((s) =>
        [
          s.id,
          s.name ?? '',
          tierText(s.tier, locale),
          percent(s.availability),
          s.rto ?? '—',
          s.rpo ?? '—',
          s.sites.join(', '),
          join(s.words) || '—',
        ].map(c),
      ),
    ),
    '',
  );

  heading(TEXT.topology);
  if (p.cities.length === 0) out.push(mdText(t(TEXT.noSites)), '');
  else {
    const mermaid = renderTopology(p.model, { locale, findings: p.analysis }).mermaid.trimEnd();
    out.push(mdText(t(TEXT.topologyNote)), '', '```mermaid', mermaid, '```', '');
  }

  heading(TEXT.scenarios);
  if (p.scenarios.length === 0) out.push(mdText(t(TEXT.noScenarios)), '');
  else {
    const rows: string[][] = [];
    for (const scope of p.scenarios) {
      const name = pick(scope.name, locale) + (scope.kind === 'site' ? '' : ` (${scope.sites.join(', ')})`);
      for (const s of scope.systems)
        rows.push(
          [
            name,
            s.name ? `${s.id} ${s.name}` : s.id,
            tierText(s.tier, locale),
            statusLabel(s.status, locale) + (s.breaksTier ? ` ⚠ ${t(TEXT.breaksTier)}` : ''),
            takeoverText(s, locale),
            lossText(s, locale),
          ].map(c),
        );
      if (scope.unaffected > 0 || scope.systems.length === 0)
        rows.push(
          [
            name,
            locale === 'zh-CN' ? `其余 ${scope.unaffected} 个系统` : `${scope.unaffected} other system${scope.unaffected === 1 ? '' : 's'}`,
            '',
            statusLabel('unaffected', locale),
            '',
            '',
          ].map(c),
        );
    }
    out.push(
      mdText(t(TEXT.scenariosNote)),
      '',
      table([t(TEXT.lost), t(TEXT.system), t(TEXT.tier), t(TEXT.status), t(TEXT.takeover), t(TEXT.dataLoss)].map(c), rows),
      '',
    );
  }

  heading(TEXT.findings);
  if (p.findings.length === 0) out.push(mdText(t(TEXT.noFindings)), '');
  for (const group of p.findings) {
    out.push(`${level}# ${mdText(t(SEVERITY_LABELS[group.severity]))} (${group.rows.length})`, '');
    out.push(
      table(
        [t(TEXT.line), t(TEXT.rule), t(TEXT.message), t(TEXT.evidence)].map(c),
        group.rows.map((r) => [
          String(r.line),
          `\`${r.rule.replace(/`/g, '')}\``,
          c(r.message) + (r.waived !== undefined ? `<br>*${c(t(TEXT.waived))}${r.waived ? `: ${c(r.waived)}` : ''}*` : ''),
          r.cases.map((k) => `**${c(k.customer)}**${k.figures.map((f) => `<br>[${c(f.kindLabel)}] ${c(f.text)}`).join('')}`).join('<br>') ||
            '—',
        ]),
      ),
      '',
    );
  }

  heading(TEXT.waivers);
  if (p.waivers.length === 0) out.push(mdText(t(TEXT.noWaivers)), '');
  else
    out.push(
      table(
        [t(TEXT.line), t(TEXT.rule), t(TEXT.reason), t(TEXT.owner), t(TEXT.until), t(TEXT.status)].map(c),
        p.waivers.map((w) => {
          const status = t(WAIVER_STATUS_LABELS[w.status]);
          const marked = w.status === 'expired' || w.status === 'expiring' || w.status === 'invalid' ? `**⚠ ${c(status)}**` : c(status);
          return [String(w.line), c(w.rules.join(', ')), c(w.reason ?? '—'), c(w.owner ?? '—'), c(w.until ?? '—'), marked];
        }),
      ),
      '',
    );

  heading(TEXT.cases);
  if (p.matches.length === 0) out.push(mdText(t(TEXT.noCases)), '');
  else
    out.push(
      table(
        [t(TEXT.customer), t(TEXT.score), t(TEXT.why)].map(c),
        p.matches.map((m) => [`**${c(m.customer)}**<br>${c(m.title)}`, String(m.score), m.reasons.map(c).join('<br>')]),
      ),
      '',
    );
  return out;
}
