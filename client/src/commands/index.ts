/** Every command, by id. One factory per command; each takes the services. */
import * as vscode from 'vscode';
import { COMMAND, type CommandId } from '../../../shared/src/commands';
import type { Services } from '../services';
import { checkWorkspace } from './checkWorkspace';
import { exportReport } from './exportReport';
import { exportTopologySvg } from './exportTopologySvg';
import { groupCasesBy } from './groupCases';
import { insertReferenceTopology } from './insertReferenceTopology';
import { newProposal } from './newProposal';
import { openCase } from './openCase';
import { openClause } from './openClause';
import { refreshViews } from './refreshViews';
import { restartServer } from './restartServer';
import { revealPattern } from './revealPattern';
import { searchCases } from './searchCases';
import { showCompliance } from './showCompliance';
import { showMatchingCases } from './showMatchingCases';
import { showOutput } from './showOutput';
import { showTopology } from './showTopology';
import { simulateLoss } from './simulateLoss';

type Factory = (s: Services) => (...args: unknown[]) => unknown;

const COMMANDS: Record<CommandId, Factory> = {
  [COMMAND.searchCases]: searchCases,
  [COMMAND.openCase]: openCase,
  [COMMAND.openClause]: openClause,
  [COMMAND.showCompliance]: showCompliance,
  [COMMAND.showTopology]: showTopology,
  [COMMAND.exportTopologySvg]: exportTopologySvg,
  [COMMAND.simulateLoss]: simulateLoss,
  [COMMAND.exportReport]: exportReport,
  [COMMAND.newProposal]: newProposal,
  [COMMAND.insertReferenceTopology]: insertReferenceTopology,
  [COMMAND.checkWorkspace]: checkWorkspace,
  [COMMAND.restartServer]: restartServer,
  [COMMAND.showOutput]: showOutput,
  [COMMAND.showMatchingCases]: showMatchingCases,
  [COMMAND.refreshViews]: refreshViews,
  [COMMAND.revealPattern]: revealPattern,
  [COMMAND.groupByIndustry]: groupCasesBy('industry'),
  [COMMAND.groupByPattern]: groupCasesBy('pattern'),
  [COMMAND.groupByProduct]: groupCasesBy('product'),
};

export function registerCommands(s: Services): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    s.ctx.push(vscode.commands.registerCommand(id, factory(s)));
  }
}
