/**
 * A case's reference topology written as proposal YAML (`sites:` + `links:`),
 * ready to insert at the cursor. Pure: the command does the editor part. The
 * site and link lines are written by shared/src/referenceTopology.ts, as
 * completion's reference-topology snippets are.
 */
import type { ReferenceTopology } from '../../shared/src/protocol';
import { linkItem, siteItemLines } from '../../shared/src/referenceTopology';

export { yamlScalar } from '../../shared/src/referenceTopology';

export interface YamlBlockOptions {
  /** Indentation of the cursor column, prefixed to every line but the first. */
  indent: string;
  /** A comment line naming the source case (without `#`). */
  comment: string;
  eol: '\n' | '\r\n';
}

export function referenceTopologyYaml(topology: ReferenceTopology, options: YamlBlockOptions): string {
  const lines = [`# ${options.comment.replace(/[\r\n]+/g, ' ')}`, 'sites:'];
  for (const site of topology.sites) lines.push(...siteItemLines(site).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`));
  if (topology.links.length > 0) {
    lines.push('links:');
    for (const link of topology.links) lines.push(`  - ${linkItem(link)}`);
  }
  return lines.map((line, i) => (i === 0 ? line : options.indent + line)).join(options.eol) + options.eol;
}
