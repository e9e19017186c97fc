/**
 * The proposal's topology as a static SVG, drawn from the model without a
 * browser: each city a column (a group with its name), each site a box with
 * its id, role and the systems deployed there, each replication link a line
 * labelled sync or async (async dashed, with its lag). Every label is
 * escaped text; the SVG holds no script, no link and no external reference.
 */
import { pick, type Locale } from '../locale';
import type { CityGroup, LinkLine, SiteBox } from './dossier';
import { escapeXml } from './escape';

const CITY_WIDTH = 250;
const CITY_GAP = 70;
const SITE_WIDTH = 210;
const PAD = 20;
const CITY_HEADER = 34;
const SITE_HEADER = 42;
const SYSTEM_LINE = 17;
const SITE_GAP = 26;
const MAX_SYSTEMS = 12;

const ROLE_COLOURS: Record<string, { fill: string; stroke: string; dash?: string }> = {
  primary: { fill: '#eff6ff', stroke: '#2563eb' },
  active: { fill: '#f0fdfa', stroke: '#0d9488' },
  'hot-standby': { fill: '#fffbeb', stroke: '#d97706' },
  'cold-standby': { fill: '#f8fafc', stroke: '#64748b', dash: '4 3' },
};
const UNKNOWN_ROLE = { fill: '#fef2f2', stroke: '#dc2626', dash: '6 3' };

const MODE_TEXT = {
  sync: { zh: '同步', en: 'sync' },
  async: { zh: '异步', en: 'async' },
  unknown: { zh: '未写模式', en: 'mode unstated' },
};

/** Roughly how wide text is at 12px: CJK and full-width characters twice a Latin one. */
function textWidth(text: string, size = 12): number {
  let units = 0;
  for (const c of text)
    units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 1 : 0.58;
  return units * size;
}

/** Cut to fit `width` pixels with an ellipsis; one line, control characters as spaces. */
export function fit(text: string, width: number, size = 12): string {
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  if (textWidth(line, size) <= width) return line;
  let out = '';
  for (const c of line) {
    if (textWidth(out + c + '…', size) > width) break;
    out += c;
  }
  return out + '…';
}

interface Placed {
  site: SiteBox;
  x: number;
  y: number;
  height: number;
}

const siteHeight = (site: SiteBox) => SITE_HEADER + Math.max(1, Math.min(site.systems.length, MAX_SYSTEMS + 1)) * SYSTEM_LINE + 8;

export function topologySvg(cities: CityGroup[], links: LinkLine[], locale: Locale, title: string): string {
  const t = (text: { zh: string; en: string }) => pick(text, locale);
  const placed = new Map<string, Placed>();
  const parts: string[] = [];
  let tallest = 0;

  cities.forEach((city, column) => {
    const x = PAD + column * (CITY_WIDTH + CITY_GAP);
    let y = PAD + CITY_HEADER;
    const boxes: string[] = [];
    for (const site of city.sites) {
      const height = siteHeight(site);
      const sx = x + (CITY_WIDTH - SITE_WIDTH) / 2;
      placed.set(site.id, { site, x: sx, y, height });
      boxes.push(siteBox(site, sx, y, height, t));
      y += height + SITE_GAP;
    }
    const cityHeight = y - SITE_GAP + 14 - PAD;
    tallest = Math.max(tallest, cityHeight);
    parts.push(
      `<g class="city">` +
        `<rect x="${x}" y="${PAD}" width="${CITY_WIDTH}" height="${cityHeight}" rx="10" fill="#f8fafc" stroke="#94a3b8" stroke-width="1"/>` +
        `<text x="${x + CITY_WIDTH / 2}" y="${PAD + 22}" text-anchor="middle" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(fit(city.name, CITY_WIDTH - 20, 14))}</text>` +
        boxes.join('') +
        `</g>`,
    );
  });

  const lines: string[] = [];
  const labels: string[] = [];
  links.forEach((link, i) => {
    const a = placed.get(link.from);
    const b = placed.get(link.to);
    if (!a || !b || a === b) return;
    const dash = link.mode === 'sync' ? '' : ' stroke-dasharray="6 4"';
    const width = link.mode === 'sync' ? 2.5 : 1.5;
    const label = `${t(MODE_TEXT[link.mode ?? 'unknown'])}${link.lag ? ` · ${link.lag}` : ''}`;
    let path: string;
    let lx: number;
    let ly: number;
    if (Math.abs(a.x - b.x) < 1) {
      // Same column: bow out to the right of both boxes.
      const x = a.x + SITE_WIDTH;
      const y1 = a.y + a.height / 2;
      const y2 = b.y + b.height / 2;
      const bow = x + 34 + (i % 3) * 6;
      path = `M ${x} ${y1} C ${bow} ${y1}, ${bow} ${y2}, ${x} ${y2}`;
      lx = x + 8 + (bow - x) * 0.75;
      ly = (y1 + y2) / 2;
    } else {
      const [left, right] = a.x < b.x ? [a, b] : [b, a];
      const x1 = left.x + SITE_WIDTH;
      const y1 = left.y + left.height / 2;
      const x2 = right.x;
      const y2 = right.y + right.height / 2;
      path = `M ${x1} ${y1} L ${x2} ${y2}`;
      lx = (x1 + x2) / 2;
      ly = (y1 + y2) / 2 - 6;
    }
    lines.push(
      `<path class="link" data-from="${escapeXml(link.from)}" data-to="${escapeXml(link.to)}" d="${path}" fill="none" stroke="#334155" stroke-width="${width}"${dash}/>`,
    );
    const w = textWidth(label, 11) + 8;
    labels.push(
      `<g class="link-label"><rect x="${lx - w / 2}" y="${ly - 9}" width="${w}" height="15" rx="3" fill="#ffffff" stroke="#cbd5e1" stroke-width="0.5"/>` +
        `<text x="${lx}" y="${ly + 2}" text-anchor="middle" font-size="11" fill="#334155">${escapeXml(label)}</text></g>`,
    );
  });

  const width = Math.max(320, PAD * 2 + cities.length * CITY_WIDTH + Math.max(0, cities.length - 1) * CITY_GAP + 40);
  const height = Math.max(120, PAD * 2 + tallest);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="topology" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif">` +
    `<title>${escapeXml(title)}</title>` +
    parts.join('') +
    lines.join('') +
    labels.join('') +
    `</svg>`
  );
}

function siteBox(site: SiteBox, x: number, y: number, height: number, t: (text: { zh: string; en: string }) => string): string {
  const colour = (site.role && ROLE_COLOURS[site.role]) || UNKNOWN_ROLE;
  const dash = colour.dash ? ` stroke-dasharray="${colour.dash}"` : '';
  const rows: string[] = [];
  const listed = site.systems.length > MAX_SYSTEMS + 1 ? site.systems.slice(0, MAX_SYSTEMS) : site.systems;
  listed.forEach((system, i) => {
    const label = system.name ? `${system.id} · ${system.name}` : system.id;
    rows.push(
      `<text class="system" x="${x + 12}" y="${y + SITE_HEADER + i * SYSTEM_LINE + 10}" font-size="12" fill="#1e293b">${escapeXml(fit(label, SITE_WIDTH - 24))}</text>`,
    );
  });
  if (listed.length < site.systems.length) {
    const more = site.systems.length - listed.length;
    rows.push(
      `<text x="${x + 12}" y="${y + SITE_HEADER + listed.length * SYSTEM_LINE + 10}" font-size="11" fill="#64748b">${escapeXml(
        t({ zh: `另有 ${more} 个系统`, en: `and ${more} more` }),
      )}</text>`,
    );
  }
  if (site.systems.length === 0)
    rows.push(
      `<text x="${x + 12}" y="${y + SITE_HEADER + 10}" font-size="11" fill="#64748b">${escapeXml(t({ zh: '（无系统）', en: '(no systems)' }))}</text>`,
    );
  const role = site.roleLabel ?? t({ zh: '未写角色', en: 'no role' });
  return (
    `<g class="site" data-site="${escapeXml(site.id)}">` +
    `<rect x="${x}" y="${y}" width="${SITE_WIDTH}" height="${height}" rx="6" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="1.5"${dash}/>` +
    `<text class="site-id" x="${x + 12}" y="${y + 18}" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(fit(site.id, SITE_WIDTH - 24, 13))}</text>` +
    `<text class="site-role" x="${x + 12}" y="${y + 33}" font-size="11" fill="${colour.stroke}">${escapeXml(fit(role, SITE_WIDTH - 24, 11))}</text>` +
    `<line x1="${x + 8}" y1="${y + SITE_HEADER - 4}" x2="${x + SITE_WIDTH - 8}" y2="${y + SITE_HEADER - 4}" stroke="${colour.stroke}" stroke-opacity="0.3"/>` +
    rows.join('') +
    `</g>`
  );
}
