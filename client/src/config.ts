/**
 * Typed reads of the `casebook.*` settings (declared in package.json
 * `contributes.configuration`). The server pulls its own settings per
 * resource; the client only needs the locale and trace level.
 */
import * as vscode from 'vscode';
import type { CasebookSettings } from '../../shared/src/protocol';

const SECTION = 'casebook';

export class Config {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get rules(): CasebookSettings['rules'] {
    return this.section.get<CasebookSettings['rules']>('rules') ?? {};
  }

  get extraCasePaths(): string[] {
    return this.section.get<string[]>('extraCasePaths') ?? [];
  }

  get locale(): CasebookSettings['locale'] {
    const value = this.section.get<string>('locale');
    return value === 'zh-CN' || value === 'en' ? value : 'auto';
  }

  /** The locale answers should be in: the setting, else VS Code's display language. */
  get effectiveLocale(): 'zh-CN' | 'en' {
    const locale = this.locale;
    if (locale !== 'auto') return locale;
    return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  }

  get traceServer(): CasebookSettings['trace']['server'] {
    const value = this.section.get<string>('trace.server');
    return value === 'messages' || value === 'verbose' ? value : 'off';
  }

  /** Whether a configuration change touches settings the client itself reacts to. */
  affectsClient(event: vscode.ConfigurationChangeEvent): { locale: boolean; cases: boolean } {
    return {
      locale: event.affectsConfiguration(`${SECTION}.locale`),
      cases: event.affectsConfiguration(`${SECTION}.extraCasePaths`),
    };
  }
}
