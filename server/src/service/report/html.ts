/**
 * The dossier as one self-contained HTML file: inline CSS and SVG only, no
 * script, no external request (the Content-Security-Policy forbids both, so a
 * label that escaped its escaping could still do nothing), a light theme and
 * print CSS (a page per section, rows never split, table headers repeated).
 */
import { pick, type Locale, type Localized } from '../locale';
import type { Dossier, FindingRow, ProposalDossier } from './dossier';
import { escapeHtml as e } from './escape';
import { topologySvg } from './svg';
import { lossText, percent, SEVERITY_LABELS, statusLabel, takeoverText, TEXT, tierText, WAIVER_STATUS_LABELS } from './text';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #0f172a; font: 14px/1.55 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 40px; }
header.cover { border-bottom: 3px solid #1d4ed8; margin-bottom: 24px; padding-bottom: 12px; }
header.cover h1 { margin: 0 0 4px; font-size: 26px; }
.muted { color: #64748b; }
h2 { font-size: 20px; border-bottom: 1px solid #cbd5e1; padding-bottom: 4px; margin: 28px 0 12px; }
h3 { font-size: 16px; margin: 18px 0 8px; }
section { margin-bottom: 24px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #cbd5e1; padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f5f9; font-weight: 600; }
table.findings td:first-child, table.waivers td:first-child, table.scenarios td:nth-child(3), table.systems td:nth-child(3) { white-space: nowrap; }
table.findings th:nth-child(2) { width: 13em; }
table.findings th:nth-child(4) { width: 30%; }
td code { overflow-wrap: normal; word-break: break-word; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
dl.facts dt { color: #475569; }
dl.facts dd { margin: 0; }
.figure-wrap { overflow-x: auto; border: 1px solid #e2e8f0; border-radius: 8px; padding: 8px; background: #ffffff; }
svg.topology { max-width: 100%; height: auto; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; border: 1px solid currentColor; white-space: nowrap; }
.sev-error { color: #b91c1c; } .sev-warning { color: #b45309; } .sev-info { color: #1d4ed8; } .sev-hint { color: #475569; }
.st-down { color: #b91c1c; font-weight: 600; } .st-degraded { color: #b45309; } .st-survives { color: #15803d; }
.w-expired { color: #b91c1c; font-weight: 600; } .w-expiring { color: #b45309; font-weight: 600; } .w-invalid { color: #b91c1c; }
.kind { color: #6d28d9; font-size: 12px; }
.waived { color: #64748b; font-style: italic; }
ul.plain { margin: 0; padding-left: 18px; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 12px; background: #f1f5f9; padding: 0 3px; border-radius: 3px; }
nav.toc ol { margin: 4px 0 0; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  section.page { break-before: page; }
  section.page:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  tr, tbody.scope, .figure-wrap, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
  .figure-wrap { overflow: visible; border: none; }
  nav.toc { display: none; }
}
`;

export function renderHtml(dossier: Dossier): string {
  const { locale } = dossier;
  const t = (text: Localized) => e(pick(text, locale));
  const title = dossier.proposals.length === 1 ? (dossier.proposals[0]!.name ?? dossier.proposals[0]!.file) : pick(TEXT.title, locale);
  const body = dossier.proposals.map((p, i) => proposalHtml(p, i, dossier.proposals.length > 1, locale)).join('\n');
  const toc =
    dossier.proposals.length > 1
      ? `<nav class="toc"><strong>${t(TEXT.contents)}</strong><ol>${dossier.proposals
          .map((p, i) => `<li><a href="#p${i}">${e(p.name ?? p.file)}</a> <span class="muted">${e(p.file)}</span></li>`)
          .join('')}</ol></nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${t(TEXT.title)} · ${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="cover">
<h1>${t(TEXT.title)}</h1>
<div>${e(title)}</div>
<div class="muted">${t(TEXT.generated)} ${e(dossier.today)} · ${t(TEXT.by)}</div>
</header>
${toc}
${body}
</main>
</body>
</html>
`;
}

function proposalHtml(p: ProposalDossier, index: number, many: boolean, locale: Locale): string {
  const t = (text: Localized) => e(pick(text, locale));
  const heading = (text: Localized) => `<h2>${many ? `${e(p.name ?? p.file)} · ` : ''}${t(text)}</h2>`;
  const sections = [summary(heading), topology(heading), scenarios(heading), findings(heading), waivers(heading), cases(heading)];
  return `<article id="p${index}" data-file="${e(p.file)}">\n${sections.map((s, i) => `<section class="page" id="p${index}-${SECTION_IDS[i]}">\n${s}\n</section>`).join('\n')}\n</article>`;

  function summary(h: typeof heading): string {
    const fact = (label: Localized, value: string | undefined) => (value === undefined ? '' : `<dt>${t(label)}</dt><dd>${e(value)}</dd>`);
    const rows = p.systems
      .map(
        (s) =>
          `<tr><td><code>${e(s.id)}</code></td><td>${e(s.name ?? '')}</td><td>${e(tierText(s.tier, locale))}</td><td>${e(percent(s.availability))}</td>` +
          `<td>${e(s.rto ?? '—')}</td><td>${e(s.rpo ?? '—')}</td><td>${e(s.sites.join(', '))}</td><td>${e(s.words.join(locale === 'zh-CN' ? '、' : ', ') || '—')}</td></tr>`,
      )
      .join('\n');
    return `${h(TEXT.summary)}
<dl class="facts">${fact(TEXT.proposal, p.name)}${fact(TEXT.file, p.file)}${fact(TEXT.customer, p.customer ?? '—')}${fact(TEXT.industry, p.industry ?? '—')}${fact(
      TEXT.mlps,
      p.mlps === undefined ? undefined : String(p.mlps),
    )}${fact(TEXT.topologyWords, p.words.join(locale === 'zh-CN' ? '、' : ', ') || '—')}</dl>
<h3>${t(TEXT.systems)}</h3>
<table class="systems"><thead><tr><th>ID</th><th>${t(TEXT.name)}</th><th>${t(TEXT.tier)}</th><th>${t(TEXT.availability)}</th><th>${t(TEXT.rto)}</th><th>${t(
      TEXT.rpo,
    )}</th><th>${t(TEXT.sites)}</th><th>${t(TEXT.topologyWords)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  }

  function topology(h: typeof heading): string {
    if (p.cities.length === 0) return `${h(TEXT.topology)}\n<p class="muted">${t(TEXT.noSites)}</p>`;
    const svg = topologySvg(p.cities, p.links, locale, `${pick(TEXT.topology, locale)} · ${p.name ?? p.file}`);
    return `${h(TEXT.topology)}\n<p class="muted">${t(TEXT.topologyNote)}</p>\n<div class="figure-wrap">${svg}</div>`;
  }

  function scenarios(h: typeof heading): string {
    if (p.scenarios.length === 0) return `${h(TEXT.scenarios)}\n<p class="muted">${t(TEXT.noScenarios)}</p>`;
    const rows: string[] = [];
    for (const scope of p.scenarios) {
      const name = pick(scope.name, locale) + (scope.kind === 'site' ? '' : ` (${scope.sites.join(', ')})`);
      const span = Math.max(1, scope.systems.length + (scope.unaffected > 0 ? 1 : 0));
      const lead = `<td rowspan="${span}">${e(name)}</td>`;
      rows.push('<tbody class="scope">');
      scope.systems.forEach((s, i) => {
        rows.push(
          `<tr>${i === 0 ? lead : ''}<td><code>${e(s.id)}</code>${s.name ? ` ${e(s.name)}` : ''}</td><td>${e(tierText(s.tier, locale))}</td>` +
            `<td class="st-${s.status}">${e(statusLabel(s.status, locale))}${s.breaksTier ? ` <span class="badge sev-error">${t(TEXT.breaksTier)}</span>` : ''}</td>` +
            `<td>${e(takeoverText(s, locale))}</td><td>${e(lossText(s, locale))}</td><td>${e(pick(s.text, locale))}</td></tr>`,
        );
      });
      if (scope.unaffected > 0 || scope.systems.length === 0) {
        const others =
          locale === 'zh-CN'
            ? `其余 ${scope.unaffected} 个系统${statusLabel('unaffected', locale)}`
            : `${scope.unaffected} other system${scope.unaffected === 1 ? '' : 's'} ${statusLabel('unaffected', locale)}`;
        rows.push(`<tr>${scope.systems.length === 0 ? lead : ''}<td colspan="6" class="muted">${e(others)}</td></tr>`);
      }
      rows.push('</tbody>');
    }
    return `${h(TEXT.scenarios)}
<p class="muted">${t(TEXT.scenariosNote)}</p>
<table class="scenarios"><thead><tr><th>${t(TEXT.lost)}</th><th>${t(TEXT.system)}</th><th>${t(TEXT.tier)}</th><th>${t(TEXT.status)}</th><th>${t(
      TEXT.takeover,
    )}</th><th>${t(TEXT.dataLoss)}</th><th>${t(TEXT.message)}</th></tr></thead>
${rows.join('\n')}
</table>`;
  }

  function findings(h: typeof heading): string {
    if (p.findings.length === 0) return `${h(TEXT.findings)}\n<p class="muted">${t(TEXT.noFindings)}</p>`;
    const groups = p.findings.map(
      (g) => `<h3 class="sev-${g.severity}" data-severity="${g.severity}">${t(SEVERITY_LABELS[g.severity])} (${g.rows.length})</h3>
<table class="findings"><thead><tr><th>${t(TEXT.line)}</th><th>${t(TEXT.rule)}</th><th>${t(TEXT.message)}</th><th>${t(TEXT.evidence)}</th></tr></thead>
<tbody>
${g.rows.map((r) => findingRow(r)).join('\n')}
</tbody></table>`,
    );
    return `${h(TEXT.findings)}\n${groups.join('\n')}`;
  }

  function findingRow(r: FindingRow): string {
    const evidence = r.cases
      .map(
        (c) =>
          `<li><strong>${e(c.customer)}</strong>${c.figures.length ? '<ul class="plain">' + c.figures.map((f) => `<li><span class="kind">[${e(f.kindLabel)}]</span> ${e(f.text)}</li>`).join('') + '</ul>' : ''}</li>`,
      )
      .join('');
    const waived = r.waived !== undefined ? `<div class="waived">${t(TEXT.waived)}${r.waived ? `: ${e(r.waived)}` : ''}</div>` : '';
    return `<tr><td>${r.line}</td><td><code>${e(r.rule)}</code></td><td>${e(r.message)}${waived}</td><td>${evidence ? `<ul class="plain">${evidence}</ul>` : '—'}</td></tr>`;
  }

  function waivers(h: typeof heading): string {
    if (p.waivers.length === 0) return `${h(TEXT.waivers)}\n<p class="muted">${t(TEXT.noWaivers)}</p>`;
    const rows = p.waivers.map(
      (w) =>
        `<tr data-status="${w.status}"><td>${w.line}</td><td>${w.rules.map((r) => `<code>${e(r)}</code>`).join(' ')}</td><td>${e(w.reason ?? '—')}</td><td>${e(
          w.owner ?? '—',
        )}</td><td>${e(w.until ?? '—')}</td><td class="w-${w.status}">${t(WAIVER_STATUS_LABELS[w.status])}</td></tr>`,
    );
    return `${h(TEXT.waivers)}
<table class="waivers"><thead><tr><th>${t(TEXT.line)}</th><th>${t(TEXT.rule)}</th><th>${t(TEXT.reason)}</th><th>${t(TEXT.owner)}</th><th>${t(TEXT.until)}</th><th>${t(
      TEXT.status,
    )}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
  }

  function cases(h: typeof heading): string {
    if (p.matches.length === 0) return `${h(TEXT.cases)}\n<p class="muted">${t(TEXT.noCases)}</p>`;
    const rows = p.matches.map(
      (m) =>
        `<tr><td><strong>${e(m.customer)}</strong><br><span class="muted">${e(m.title)}</span></td><td>${m.score}</td><td><ul class="plain">${m.reasons
          .map((r) => `<li>${e(r)}</li>`)
          .join('')}</ul></td></tr>`,
    );
    return `${h(TEXT.cases)}
<table class="cases"><thead><tr><th>${t(TEXT.customer)}</th><th>${t(TEXT.score)}</th><th>${t(TEXT.why)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
  }
}

const SECTION_IDS = ['summary', 'topology', 'scenarios', 'findings', 'waivers', 'cases'];
