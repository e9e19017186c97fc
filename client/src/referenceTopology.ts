/**
 * A case's reference topology written as proposal YAML (`sites:` + `links:`),
 * ready to insert at the cursor. Pure: the command does the editor part.
 */
import type { ReferenceTopology } from '../../shared/src/protocol';

export interface YamlBlockOptions {
  /** Indentation of the cursor column, prefixed to every line but the first. */
  indent: string;
  /** A comment line naming the source case (without `#`). */
  comment: string;
  eol: '\n' | '\r\n';
}

export function referenceTopologyYaml(topology: ReferenceTopology, options: YamlBlockOptions): string {
  const lines = [`# ${options.comment.replace(/[\r\n]+/g, ' ')}`, 'sites:'];
  for (const site of topology.sites) {
    lines.push(`  - id: ${yamlScalar(site.id)}`, `    city: ${yamlScalar(site.city)}`, `    role: ${yamlScalar(site.role)}`);
    if (site.platform) lines.push(`    platform: ${yamlScalar(site.platform)}`);
  }
  if (topology.links.length > 0) {
    lines.push('links:');
    for (const link of topology.links) {
      lines.push(`  - { from: ${yamlScalar(link.from)}, to: ${yamlScalar(link.to)}, mode: ${yamlScalar(link.mode)} }`);
    }
  }
  return lines.map((line, i) => (i === 0 ? line : options.indent + line)).join(options.eol) + options.eol;
}

const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}_\-./]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMERIC = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A scalar that reads back as the same string: plain when safe, else double-quoted (JSON is valid YAML). */
export function yamlScalar(value: string): string {
  return PLAIN.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) ? value : JSON.stringify(value);
}
