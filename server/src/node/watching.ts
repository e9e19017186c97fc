/**
 * File watching: `.casebook.yaml` anywhere in the workspace and the YAML files
 * of the enterprise case folders. Registered dynamically when the client
 * supports it (re-registered when the set of case folders changes); clients
 * that watch on their own (VS Code's `synchronize.fileEvents`) send the same
 * `workspace/didChangeWatchedFiles` events.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from './config';

export interface WatchedChanges {
  /** A `.casebook.yaml` was created, changed or deleted. */
  config: boolean;
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
    const watchers: FileSystemWatcher[] = [{ globPattern: `**/${CONFIG_FILE_NAME}` }];
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
  }
  return { config, files };
}
