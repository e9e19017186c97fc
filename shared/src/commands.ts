/**
 * Every command id, declared once: the client registers them (client/src/commands), the server's command
 * links and code lenses point at them (server/src/service/features/labels.ts), and the manifest test checks
 * package.json against this list.
 */
export const COMMAND = {
  searchCases: 'casebook.searchCases',
  openCase: 'casebook.openCase',
  openClause: 'casebook.openClause',
  showCompliance: 'casebook.showCompliance',
  showTopology: 'casebook.showTopology',
  exportTopologySvg: 'casebook.exportTopologySvg',
  simulateLoss: 'casebook.simulateLoss',
  exportReport: 'casebook.exportReport',
  newProposal: 'casebook.newProposal',
  insertReferenceTopology: 'casebook.insertReferenceTopology',
  checkWorkspace: 'casebook.checkWorkspace',
  restartServer: 'casebook.restartServer',
  showOutput: 'casebook.showOutput',
  showMatchingCases: 'casebook.showMatchingCases',
  refreshViews: 'casebook.refreshViews',
  revealPattern: 'casebook.revealPattern',
  groupByIndustry: 'casebook.caseBrowser.groupByIndustry',
  groupByPattern: 'casebook.caseBrowser.groupByPattern',
  groupByProduct: 'casebook.caseBrowser.groupByProduct',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];
