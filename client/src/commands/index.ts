/** Every command, by id. One factory per command; each takes the services. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { checkWorkspace } from './checkWorkspace';
import { exportReport } from './exportReport';
import { exportTopologySvg } from './exportTopologySvg';
import { groupCasesBy } from './groupCases';
import { insertReferenceTopology } from './insertReferenceTopology';
import { newProposal } from './newProposal';
import { openCase } from './openCase';
import { refreshViews } from './refreshViews';
import { restartServer } from './restartServer';
import { revealPattern } from './revealPattern';
import { searchCases } from './searchCases';
import { showMatchingCases } from './showMatchingCases';
import { showOutput } from './showOutput';
import { showTopology } from './showTopology';
import { simulateLoss } from './simulateLoss';

type Factory = (s: Services) => (...args: unknown[]) => unknown;

const COMMANDS: Record<string, Factory> = {
  'casebook.searchCases': searchCases,
  'casebook.openCase': openCase,
  'casebook.showTopology': showTopology,
  'casebook.exportTopologySvg': exportTopologySvg,
  'casebook.simulateLoss': simulateLoss,
  'casebook.exportReport': exportReport,
  'casebook.newProposal': newProposal,
  'casebook.insertReferenceTopology': insertReferenceTopology,
  'casebook.checkWorkspace': checkWorkspace,
  'casebook.restartServer': restartServer,
  'casebook.showOutput': showOutput,
  'casebook.showMatchingCases': showMatchingCases,
  'casebook.refreshViews': refreshViews,
  'casebook.revealPattern': revealPattern,
  'casebook.caseBrowser.groupByIndustry': groupCasesBy('industry'),
  'casebook.caseBrowser.groupByPattern': groupCasesBy('pattern'),
  'casebook.caseBrowser.groupByProduct': groupCasesBy('product'),
};

export function registerCommands(s: Services): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    s.ctx.push(vscode.commands.registerCommand(id, factory(s)));
  }
}
