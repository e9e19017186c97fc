/**
 * Checks across the document, done on the model: ids are unique, references
 * name ids that exist, and `dependsOn` has no cycles.
 */
import type { Localized } from '../locale';
import type { Located, ProposalModel, SystemModel } from '../model';
import type { RawFinding, RuleFix } from '../types';
import type { YamlTree } from '../yamlTree';
import { entryOf, valueOf, type YNode, type YSeq } from '../yamlNodes';
import { removeItemEdit, replaceFix, writtenAt } from './located';
import { RULE } from './rules';
import { suggest } from '../suggest';

export function checkReferences(model: ProposalModel): RawFinding[] {
  return [...checkDuplicateIds(model), ...checkSiteReferences(model), ...checkLinks(model), ...checkDependencies(model)];
}

const line = (located: Located<unknown>) => located.range.start.line + 1;

function checkDuplicateIds(model: ProposalModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const report = (kind: Localized, ids: (Located<string> | undefined)[]) => {
    const first = new Map<string, Located<string>>();
    for (const id of ids) {
      if (!id) continue;
      const earlier = first.get(id.value);
      if (!earlier) {
        first.set(id.value, id);
        continue;
      }
      findings.push({
        rule: RULE.duplicateId,
        range: id.range,
        path: id.path,
        message: {
          zh: `${kind.zh} id \`${id.value}\` 重复：第 ${line(earlier)} 行已使用；引用只会指向第一个。`,
          en: `Duplicate ${kind.en} id \`${id.value}\`: already used on line ${line(earlier)}; references reach only that one.`,
        },
      });
    }
  };
  report(
    { zh: '站点', en: 'site' },
    model.sites.map((s) => s.id),
  );
  report(
    { zh: '系统', en: 'system' },
    model.systems.map((s) => s.id),
  );
  return findings;
}

/** An unknown id, with the closest known one and a fix that writes it. */
function unknownReference(
  tree: YamlTree,
  rule: string,
  ref: Located<string>,
  known: Iterable<string>,
  what: { kind: Localized; list: string },
): RawFinding {
  const suggestion = suggest(ref.value, known);
  const fixes: RuleFix[] =
    suggestion && writtenAt(tree, ref.range, ref.value)
      ? [replaceFix({ zh: `改为 \`${suggestion}\``, en: `Change to \`${suggestion}\`` }, ref.range, suggestion)]
      : [];
  const hint = suggestion ? { zh: `是否想写 \`${suggestion}\`？`, en: ` Did you mean \`${suggestion}\`?` } : { zh: '', en: '' };
  return {
    rule,
    range: ref.range,
    path: ref.path,
    message: {
      zh: `未知${what.kind.zh} \`${ref.value}\`：\`${what.list}\` 中没有这个 id。${hint.zh}`,
      en: `Unknown ${what.kind.en} \`${ref.value}\`: no entry in \`${what.list}\` has this id.${hint.en}`,
    },
    fixes,
  };
}

const SITE = { kind: { zh: '站点', en: 'site' }, list: 'sites' };
const SYSTEM = { kind: { zh: '系统', en: 'system' }, list: 'systems' };

function checkSiteReferences(model: ProposalModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const ids = [...model.siteById.keys()];
  for (const system of model.systems) {
    const refs = system.sites?.value ?? [];
    for (const ref of refs) {
      if (model.siteById.has(ref.value)) continue;
      // Suggest a site the system is not already in: `[cd-1, cd-3]` most likely meant cd-2.
      const listed = new Set(refs.map((r) => r.value));
      findings.push(
        unknownReference(
          model.tree,
          RULE.unknownSite,
          ref,
          ids.filter((id) => !listed.has(id)),
          SITE,
        ),
      );
    }
    const deployed = new Set(refs.map((r) => r.value));
    for (const [id, role] of system.siteRoles) {
      const key: Located<string> = { value: id, node: role.node, range: role.keyRange ?? role.range, path: role.path };
      if (!model.siteById.has(id)) findings.push(unknownReference(model.tree, RULE.unknownSite, key, deployed, SITE));
      else if (!deployed.has(id))
        findings.push({
          rule: RULE.siteRoleNotDeployed,
          range: key.range,
          path: role.path,
          message: {
            zh: `siteRoles 为站点 ${id} 写了角色，但它不在本系统的 sites 中：系统不在那里运行，这个角色不起作用。请把 ${id} 加入 sites，或删去这一项。`,
            en: `siteRoles gives site ${id} a role, but it is not in this system's sites: the system does not run there, so the role has no effect. Add ${id} to sites, or remove the entry.`,
          },
        });
    }
  }
  return findings;
}

function checkLinks(model: ProposalModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const ids = [...model.siteById.keys()];
  for (const link of model.links) {
    for (const end of [link.from, link.to]) {
      if (end && !model.siteById.has(end.value)) findings.push(unknownReference(model.tree, RULE.unknownSite, end, ids, SITE));
    }
    if (link.from && link.to && link.from.value === link.to.value) {
      findings.push({
        rule: RULE.selfLink,
        range: link.to.range,
        path: link.to.path,
        message: {
          zh: `复制链路从 \`${link.from.value}\` 指向它自己，没有复制任何数据。`,
          en: `The link goes from \`${link.from.value}\` to itself and replicates nothing.`,
        },
      });
    }
  }
  return findings;
}

/** One `dependsOn` item: the id it names (a bare id, or the `id` of a map) and whether it is a hard (sync and critical) dependency. */
interface DependencyRef {
  ref: Located<string>;
  /** The item's index in the list. */
  item: number;
  hard: boolean;
}

/**
 * The dependencies of a system in both forms, read from its node: `core` and
 * `{ id: core, mode: async, critical: false }`. A bare id is `{ mode: sync, critical: true }`.
 */
function dependencyRefs(system: SystemModel): { seq: YSeq; refs: DependencyRef[] } | undefined {
  const list = entryOf(system.node, 'dependsOn')?.value;
  if (list?.kind !== 'seq') return undefined;
  const refs: DependencyRef[] = [];
  list.items.forEach((item, index) => {
    const idNode = item.kind === 'map' ? valueOf(item, 'id') : item;
    const id = idText(idNode);
    if (!idNode || id === undefined) return;
    const mode = item.kind === 'map' ? valueOf(item, 'mode') : undefined;
    const critical = item.kind === 'map' ? valueOf(item, 'critical') : undefined;
    const hard = !(mode?.kind === 'scalar' && mode.value === 'async') && !(critical?.kind === 'scalar' && critical.value === false);
    refs.push({ ref: { value: id, node: idNode, range: idNode.range, path: idNode.path }, item: index, hard });
  });
  return { seq: list, refs };
}

const idText = (node: YNode | undefined): string | undefined =>
  node?.kind === 'scalar' && node.value !== null && typeof node.value !== 'boolean' ? String(node.value) : undefined;

function checkDependencies(model: ProposalModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const ids = [...model.systemById.keys()];
  for (const system of model.systems) {
    const dependencies = dependencyRefs(system);
    if (!dependencies) continue;
    const { seq, refs } = dependencies;
    const firstOf = new Map<string, DependencyRef>();
    for (const dependency of refs) {
      const { ref } = dependency;
      const removal = removeItemEdit(model.tree, seq, dependency.item);
      const earlier = firstOf.get(ref.value);
      if (earlier) {
        // `core` and `{ id: core, mode: async }` in one list: the same dependency twice, whatever its form.
        findings.push({
          rule: RULE.duplicateItem,
          range: ref.range,
          path: ref.path,
          message: {
            zh: `\`dependsOn\` 中 \`${ref.value}\` 重复（已作为第 ${earlier.item + 1} 项写在第 ${line(earlier.ref)} 行）。`,
            en: `\`${ref.value}\` is listed twice in \`dependsOn\` (first as item ${earlier.item + 1}, on line ${line(earlier.ref)}).`,
          },
          ...(removal ? { fixes: [{ title: { zh: '删除重复项', en: 'Remove the duplicate' }, edits: [removal] }] } : {}),
        });
        continue;
      }
      firstOf.set(ref.value, dependency);
      if (system.id && ref.value === system.id.value) {
        findings.push({
          rule: RULE.selfDependency,
          range: ref.range,
          path: ref.path,
          message: { zh: `系统 \`${ref.value}\` 依赖了它自己。`, en: `The system \`${ref.value}\` depends on itself.` },
          ...(removal ? { fixes: [{ title: { zh: '删除此依赖', en: 'Remove this dependency' }, edits: [removal] }] } : {}),
        });
      } else if (!model.systemById.has(ref.value)) {
        const listed = new Set(refs.map((r) => r.ref.value));
        if (system.id) listed.add(system.id.value);
        findings.push(
          unknownReference(
            model.tree,
            RULE.unknownSystem,
            ref,
            ids.filter((id) => !listed.has(id)),
            SYSTEM,
          ),
        );
      }
    }
  }
  findings.push(...findCycles(model));
  return findings;
}

/**
 * Depth-first search over `dependsOn` in document order (iterative: a chain of
 * a thousand systems must not overflow the stack). Every edge back to a system
 * still on the path closes a cycle; the finding goes on that edge's item.
 * Only hard (sync and critical) dependencies make edges: a loop closed by an
 * asynchronous notification or an optional call neither spreads a failure nor
 * fixes a start order.
 */
function findCycles(model: ProposalModel): RawFinding[] {
  const findings: RawFinding[] = [];
  const state = new Map<SystemModel, 'active' | 'done'>();
  const edgeCache = new Map<SystemModel, Located<string>[]>();
  const edgesOf = (system: SystemModel): Located<string>[] => {
    let edges = edgeCache.get(system);
    if (!edges) {
      edges = (dependencyRefs(system)?.refs ?? [])
        .filter((d) => d.hard && d.ref.value !== system.id?.value && model.systemById.has(d.ref.value))
        .map((d) => d.ref)
        .filter((ref, i, all) => all.findIndex((other) => other.value === ref.value) === i);
      edgeCache.set(system, edges);
    }
    return edges;
  };

  for (const start of model.systemById.values()) {
    if (state.has(start)) continue;
    const path: SystemModel[] = [start];
    const next: number[] = [0];
    state.set(start, 'active');
    while (path.length > 0) {
      const top = path.length - 1;
      const current = path[top]!;
      const edges = edgesOf(current);
      const i = next[top]!;
      if (i >= edges.length) {
        state.set(current, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const ref = edges[i]!;
      const target = model.systemById.get(ref.value)!;
      const targetState = state.get(target);
      if (targetState === 'active') {
        const cycle = [...path.slice(path.indexOf(target)).map((s) => s.id!.value), target.id!.value].join(' → ');
        findings.push({
          rule: RULE.dependencyCycle,
          range: ref.range,
          path: ref.path,
          message: {
            zh: `循环依赖：${cycle}。任一系统故障会沿环扩散，也无法确定启动和切换顺序。`,
            en: `Dependency cycle: ${cycle}. A failure spreads around it, and there is no order to start or fail over in.`,
          },
        });
      } else if (!targetState) {
        state.set(target, 'active');
        path.push(target);
        next.push(0);
      }
    }
  }
  return findings;
}
