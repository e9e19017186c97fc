/** The format rules: what each validation finding id means (settings, docs, SARIF). */
import type { Localized } from '../locale';
import type { RuleMeta, Severity } from '../types';

function rule(id: string, defaultSeverity: Severity, title: Localized, description: Localized): RuleMeta {
  return { id, family: 'format', defaultSeverity, title, description, patterns: [], cases: [] };
}

export const RULE = {
  yamlSyntax: 'yaml-syntax',
  yamlDuplicateKey: 'yaml-duplicate-key',
  yamlMultipleDocuments: 'yaml-multiple-documents',
  yamlTooDeep: 'yaml-too-deep',
  yamlTooLarge: 'yaml-too-large',
  yamlBadAlias: 'yaml-bad-alias',
  yamlBadMerge: 'yaml-bad-merge',
  yamlComplexKey: 'yaml-complex-key',
  emptyProposal: 'empty-proposal',
  missingMarker: 'missing-marker',
  unsupportedMarker: 'unsupported-marker',
  unknownKey: 'unknown-key',
  missingRequired: 'missing-required',
  wrongType: 'wrong-type',
  valueOutOfRange: 'value-out-of-range',
  unknownValue: 'unknown-value',
  invalidDuration: 'invalid-duration',
  invalidId: 'invalid-id',
  emptyValue: 'empty-value',
  duplicateItem: 'duplicate-item',
  duplicateId: 'duplicate-id',
  unknownSite: 'unknown-site',
  siteRoleNotDeployed: 'site-role-not-deployed',
  unknownSystem: 'unknown-system',
  selfLink: 'self-link',
  selfDependency: 'self-dependency',
  dependencyCycle: 'dependency-cycle',
} as const;

export const VALIDATION_RULES: RuleMeta[] = [
  rule(
    RULE.yamlSyntax,
    'error',
    { zh: 'YAML 语法错误', en: 'YAML syntax error' },
    {
      zh: '文件不是合法的 YAML（缩进、引号、括号、制表符等）。语法错误处之后的内容可能无法检查。',
      en: 'The file is not valid YAML (indentation, quotes, brackets, tabs, …). What follows a syntax error may not be checked.',
    },
  ),
  rule(
    RULE.yamlDuplicateKey,
    'error',
    { zh: '重复的键', en: 'Duplicate key' },
    {
      zh: '同一映射中同一个键写了两次；只有其中一个会生效。',
      en: 'The same key is written twice in one mapping; only one of them takes effect.',
    },
  ),
  rule(
    RULE.yamlMultipleDocuments,
    'warning',
    { zh: '多个 YAML 文档', en: 'Several YAML documents' },
    {
      zh: '一个方案文件只包含一个 YAML 文档；`---` 之后的文档被忽略。',
      en: 'A proposal file holds one YAML document; documents after `---` are ignored.',
    },
  ),
  rule(
    RULE.yamlTooDeep,
    'error',
    { zh: '嵌套过深', en: 'Nesting too deep' },
    {
      zh: '嵌套层级过深，超出部分不再读取。方案格式最多只需四层嵌套。',
      en: 'Nesting is too deep; what lies deeper is not read. The proposal format needs four levels at most.',
    },
  ),
  rule(
    RULE.yamlTooLarge,
    'error',
    { zh: '展开后过大（别名炸弹）', en: 'Too large once expanded (alias bomb)' },
    {
      zh: '别名（*name）展开后节点过多，读取已停止，以免编辑器卡死。',
      en: 'Aliases (*name) expand to too many nodes; reading stopped so that the editor does not hang.',
    },
  ),
  rule(
    RULE.yamlBadAlias,
    'error',
    { zh: '无法解析的别名', en: 'Unresolvable alias' },
    {
      zh: '别名（*name）没有对应的锚点（&name），或引用了自身。',
      en: 'An alias (*name) has no matching anchor (&name), or refers to itself.',
    },
  ),
  rule(
    RULE.yamlBadMerge,
    'error',
    { zh: '无法合并的合并键', en: 'Merge key that cannot merge' },
    {
      zh: '合并键 `<<` 的值应为映射的别名（`<<: *defaults`）或别名列表（`<<: [*a, *b]`）；本映射中写出的键优先于合并进来的键，列表中靠前的来源优先。',
      en: 'A merge key `<<` takes an alias of a map (`<<: *defaults`) or a list of them (`<<: [*a, *b]`); keys written in the map win over merged ones, and earlier sources in the list win.',
    },
  ),
  rule(
    RULE.yamlComplexKey,
    'error',
    { zh: '复杂键', en: 'Complex key' },
    {
      zh: '方案中的键必须是简单文本，不能是映射或列表。',
      en: 'Keys in a proposal are plain text, never a map or a list.',
    },
  ),
  rule(
    RULE.emptyProposal,
    'warning',
    { zh: '空方案', en: 'Empty proposal' },
    {
      zh: '文件中还没有内容。方案以 `casebook: proposal/v1` 开头。',
      en: 'The file has no content yet. A proposal starts with `casebook: proposal/v1`.',
    },
  ),
  rule(
    RULE.missingMarker,
    'error',
    { zh: '缺少格式标记', en: 'Missing format marker' },
    {
      zh: '方案的第一个键应为 `casebook: proposal/v1`，它声明文件格式及其版本。',
      en: 'A proposal starts with the key `casebook: proposal/v1`, which names the format and its version.',
    },
  ),
  rule(
    RULE.unsupportedMarker,
    'error',
    { zh: '不支持的格式版本', en: 'Unsupported format version' },
    {
      zh: '`casebook` 的值必须为 `proposal/v1`，这是当前唯一支持的格式版本。',
      en: 'The value of `casebook` must be `proposal/v1`, the one format version this Casebook reads.',
    },
  ),
  rule(
    RULE.unknownKey,
    'error',
    { zh: '未知的键', en: 'Unknown key' },
    {
      zh: '此处不认识这个键（多为拼写错误）；检查时会忽略它。可用的键见 docs/format.md。',
      en: 'The key is not known here (usually a typo) and is ignored by the checks. See docs/format.md for the keys.',
    },
  ),
  rule(
    RULE.missingRequired,
    'error',
    { zh: '缺少必填项', en: 'Missing required key' },
    {
      zh: '站点需要 `id` 和 `city`，系统需要 `id`，复制链路需要 `from` 和 `to`。',
      en: 'A site needs `id` and `city`, a system needs `id`, a link needs `from` and `to`.',
    },
  ),
  rule(
    RULE.wrongType,
    'error',
    { zh: '类型错误', en: 'Wrong type' },
    {
      zh: '值的类型不对，例如应为数字却写了文本，应为列表却写了单个值。',
      en: 'The value has the wrong type: text where a number belongs, a single value where a list belongs, …',
    },
  ),
  rule(
    RULE.valueOutOfRange,
    'error',
    { zh: '取值超出范围', en: 'Value out of range' },
    {
      zh: '数值超出允许范围：tier 1..3、等保 mlps 1..5、availability (0, 100]、负载数值 ≥ 0。',
      en: 'A number is outside its range: tier 1..3, mlps 1..5, availability (0, 100], load figures ≥ 0.',
    },
  ),
  rule(
    RULE.unknownValue,
    'error',
    { zh: '不允许的取值', en: 'Value not allowed' },
    {
      zh: '该字段只接受列出的取值（如 role：primary、active、hot-standby、cold-standby）。',
      en: 'The field accepts only the listed values (e.g. role: primary, active, hot-standby, cold-standby).',
    },
  ),
  rule(
    RULE.invalidDuration,
    'error',
    { zh: '时长格式错误', en: 'Invalid duration' },
    {
      zh: 'rto / rpo 的写法为 0，或数字加单位 s、m、h、d，例如 30s、5m、2h、1d。',
      en: 'rto / rpo are written 0, or a number with a unit s, m, h or d: 30s, 5m, 2h, 1d.',
    },
  ),
  rule(
    RULE.invalidId,
    'error',
    { zh: 'id 格式错误', en: 'Invalid id' },
    {
      zh: 'id 不能包含空格或 YAML 标点（, [ ] { } # & * ! | > \' " % @ `），否则无法在列表中引用。',
      en: 'An id cannot contain spaces or YAML punctuation (, [ ] { } # & * ! | > \' " % @ `), or it could not be referenced in a list.',
    },
  ),
  rule(
    RULE.emptyValue,
    'error',
    { zh: '空值', en: 'Empty value' },
    {
      zh: '该字段不能为空文本。',
      en: 'The field cannot be empty text.',
    },
  ),
  rule(
    RULE.duplicateItem,
    'warning',
    { zh: '列表项重复', en: 'Duplicate list item' },
    {
      zh: '同一列表中同一项写了两次（sites、dependsOn、zones、observability、data）。',
      en: 'The same item is listed twice (sites, dependsOn, zones, observability, data).',
    },
  ),
  rule(
    RULE.duplicateId,
    'error',
    { zh: '重复的 id', en: 'Duplicate id' },
    {
      zh: '两个站点（或两个系统）使用了同一个 id；引用时只会指向第一个。',
      en: 'Two sites (or two systems) share an id; references always reach the first one.',
    },
  ),
  rule(
    RULE.unknownSite,
    'error',
    { zh: '未知站点', en: 'Unknown site' },
    {
      zh: '`systems[].sites` 或 `links` 中引用的站点 id 未在 `sites` 中定义。',
      en: 'A site id used in `systems[].sites` or `links` is not defined in `sites`.',
    },
  ),
  rule(
    RULE.siteRoleNotDeployed,
    'warning',
    { zh: '角色写给了未部署的站点', en: 'Role for a site the system is not in' },
    {
      zh: '`systems[].siteRoles` 为一个不在该系统 `sites` 中的站点写了角色：系统不在那里运行，这个角色不起作用。',
      en: '`systems[].siteRoles` gives a role for a site that is not in the system’s `sites`: the system does not run there, so the role has no effect.',
    },
  ),
  rule(
    RULE.unknownSystem,
    'error',
    { zh: '未知系统', en: 'Unknown system' },
    {
      zh: '`dependsOn` 中引用的系统 id 未在 `systems` 中定义。',
      en: 'A system id used in `dependsOn` is not defined in `systems`.',
    },
  ),
  rule(
    RULE.selfLink,
    'warning',
    { zh: '链路指向自身', en: 'Link to itself' },
    {
      zh: '复制链路的 `from` 与 `to` 是同一个站点，没有意义。',
      en: 'A replication link whose `from` and `to` are the same site replicates nothing.',
    },
  ),
  rule(
    RULE.selfDependency,
    'error',
    { zh: '系统依赖自身', en: 'System depends on itself' },
    {
      zh: '系统的 `dependsOn` 中包含了自己的 id。',
      en: 'A system lists its own id in `dependsOn`.',
    },
  ),
  rule(
    RULE.dependencyCycle,
    'warning',
    { zh: '循环依赖', en: 'Dependency cycle' },
    {
      zh: '系统之间的 `dependsOn` 形成环：任一系统故障都会沿环扩散，也无法确定启动与切换顺序。',
      en: 'Systems depend on each other in a cycle: a failure spreads around it, and there is no order to start or fail over in.',
    },
  ),
];
