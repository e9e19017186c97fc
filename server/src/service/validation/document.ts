/** Whole-document checks: YAML problems from the parser, an empty file, the `casebook: proposal/v1` marker. */
import type { ProposalModel } from '../model';
import type { RawFinding } from '../types';
import { entryOf } from '../yamlNodes';
import { replaceFix, show, textAt } from './located';
import { RULE } from './rules';

export const MARKER_KEY = 'casebook';
const MARKER_VALUE = 'proposal/v1';
const MARKER_LINE = `${MARKER_KEY}: ${MARKER_VALUE}`;
const ORIGIN = { line: 0, character: 0 };

/** The parser's located problems (syntax, duplicate keys, alias bombs, …), their codes as rule ids. */
export function checkYamlProblems(model: ProposalModel): RawFinding[] {
  return model.tree.problems.map((problem) => ({ rule: problem.code, message: problem.message, range: problem.range, path: [] }));
}

/** An empty file, a file that is not a map of keys, and the format marker. */
export function checkDocument(model: ProposalModel): RawFinding[] {
  const { tree } = model;
  const root = tree.root;
  if (!root) {
    // Broken YAML already has its own findings; an empty file gets exactly one.
    if (tree.problems.length > 0) return [];
    return [
      {
        rule: RULE.emptyProposal,
        range: { start: ORIGIN, end: ORIGIN },
        path: [],
        message: {
          zh: `文件中还没有方案内容。请以 \`${MARKER_LINE}\` 开头，再写 sites 和 systems。`,
          en: `The file has no proposal in it yet. Start it with \`${MARKER_LINE}\`, then add sites and systems.`,
        },
        fixes: [
          replaceFix(
            { zh: `插入 \`${MARKER_LINE}\``, en: `Insert \`${MARKER_LINE}\`` },
            { start: ORIGIN, end: ORIGIN },
            `${MARKER_LINE}\n`,
          ),
        ],
      },
    ];
  }
  if (root.kind !== 'map') {
    const what =
      root.kind === 'seq'
        ? { zh: '一个列表', en: 'a list' }
        : { zh: `单个值 ${show(root.value)}`, en: `a single value ${show(root.value)}` };
    return [
      {
        rule: RULE.wrongType,
        range: root.range,
        path: [],
        message: {
          zh: `方案应是由键值对组成的映射（以 \`${MARKER_LINE}\` 开头），而这里是${what.zh}。`,
          en: `A proposal is a mapping of keys (starting with \`${MARKER_LINE}\`), but this file holds ${what.en}.`,
        },
      },
    ];
  }
  const marker = entryOf(root, MARKER_KEY);
  if (!marker) {
    const first = root.entries[0];
    const at = first ? { line: first.keyRange.start.line, character: 0 } : ORIGIN;
    return [
      {
        rule: RULE.missingMarker,
        range: first ? first.keyRange : { start: ORIGIN, end: ORIGIN },
        path: [],
        message: {
          zh: `缺少格式标记：方案的第一个键应为 \`${MARKER_LINE}\`。`,
          en: `The format marker is missing: a proposal's first key is \`${MARKER_LINE}\`.`,
        },
        fixes: [replaceFix({ zh: `插入 \`${MARKER_LINE}\``, en: `Insert \`${MARKER_LINE}\`` }, { start: at, end: at }, `${MARKER_LINE}\n`)],
      },
    ];
  }
  const value = marker.value;
  if (value.kind === 'scalar' && value.value === MARKER_VALUE) return [];
  const written = value.kind === 'scalar' && value.value !== null ? textAt(tree, value.range) : '';
  const range = written ? value.range : marker.keyRange;
  return [
    {
      rule: RULE.unsupportedMarker,
      range,
      path: [MARKER_KEY],
      message: written
        ? {
            zh: `不支持的格式标记 \`${written}\`：当前版本读取 \`${MARKER_LINE}\`。`,
            en: `Unsupported format marker \`${written}\`: this version of Casebook reads \`${MARKER_LINE}\`.`,
          }
        : {
            zh: `\`${MARKER_KEY}\` 需要写明格式版本：\`${MARKER_LINE}\`。`,
            en: `\`${MARKER_KEY}\` needs the format version: \`${MARKER_LINE}\`.`,
          },
      fixes: written
        ? [replaceFix({ zh: `改为 \`${MARKER_VALUE}\``, en: `Change to \`${MARKER_VALUE}\`` }, value.range, MARKER_VALUE)]
        : [
            replaceFix(
              { zh: `写入 \`${MARKER_LINE}\``, en: `Write \`${MARKER_LINE}\`` },
              { start: marker.keyRange.start, end: value.range.end },
              MARKER_LINE,
            ),
          ],
    },
  ];
}
