/**
 * File watching: `.casebook.yaml` anywhere in the workspace, proposal files
 * coming and going, and the YAML files of the enterprise case folders. Registered dynamically when the client
 * supports it (re-registered when the set of case folders changes); clients
 * that watch on their own (VS Code's `synchronize.fileEvents`) send the same
 * `workspace/didChangeWatchedFiles` events.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type Connection,
  type Disposable,
  type FileEvent,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from './config';

const PROPOSAL_FILE = /\.arch\.ya?ml$/i;

export interface WatchedChanges {
  /** A `.casebook.yaml` was created, changed or deleted. */
  config: boolean;
  /** A `*.arch.yaml` file was created or deleted (workspace symbols list them). */
  proposalsAddedOrRemoved: boolean;
  /** Files that changed, as paths (for the library to decide whether it is concerned). */
  files: string[];
}

export class FileWatching {
  private registration: Promise<Disposable> | undefined;
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly capabilities: { dynamicRegistration: boolean; relativePatterns: boolean },
  ) {}

  /** (Re-)registers the watchers for these case folders, when they differ from the registered ones. */
  async watch(caseFolders: readonly string[]): Promise<void> {
    if (!this.capabilities.dynamicRegistration) return;
    const folders = [...caseFolders].sort();
    if (this.registration && folders.join('\n') === this.folders.join('\n')) return;
    this.folders = folders;
    const previous = this.registration;
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: this.watchers(folders) });
    if (previous) (await previous).dispose();
    await this.registration;
  }

  private watchers(folders: string[]): FileSystemWatcher[] {
    // Proposals: only their coming and going matters (workspace symbols re-read a changed file by its mtime).
    const watchers: FileSystemWatcher[] = [
      { globPattern: `**/${CONFIG_FILE_NAME}` },
      { globPattern: '**/*.arch.{yaml,yml}', kind: WatchKind.Create | WatchKind.Delete },
    ];
    for (const folder of folders) {
      watchers.push({
        globPattern: this.capabilities.relativePatterns
          ? { baseUri: URI.file(folder).toString(), pattern: '**/*.{yaml,yml}' }
          : `${folder.split(path.sep).join('/')}/**/*.{yaml,yml}`,
      });
    }
    return watchers;
  }
}

/** Sorts watched-file events into config changes and other files. */
export function classifyChanges(events: FileEvent[]): WatchedChanges {
  const files: string[] = [];
  let config = false;
  let proposalsAddedOrRemoved = false;
  for (const event of events) {
    let filePath: string;
    try {
      const uri = URI.parse(event.uri);
      if (uri.scheme !== 'file') continue;
      filePath = uri.fsPath;
    } catch {
      continue;
    }
    if (path.basename(filePath) === CONFIG_FILE_NAME) config = true;
    else files.push(filePath);
    if (event.type !== FileChangeType.Changed && PROPOSAL_FILE.test(filePath)) proposalsAddedOrRemoved = true;
  }
  return { config, proposalsAddedOrRemoved, files };
}
