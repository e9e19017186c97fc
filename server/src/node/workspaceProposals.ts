/**
 * Proposals on disk in the workspace folders, open or not: workspace symbols
 * cover every proposal, and an LSP client only tells the server about the
 * files it has open, so the server finds the rest itself. The file list is
 * kept until a watched proposal file is created or deleted (walked again on
 * every request for a client that cannot watch); each file is read and
 * parsed once per modification (mtime and size).
 */
import { statSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expandOperands, readProposalFile } from './files';

/**
 * Versions for documents read from disk: negative, so never an editor's, and
 * from one counter, so that two reads of one file never share a version.
 */
let diskVersion = 0;
export function nextDiskVersion(): number {
  return --diskVersion;
}

interface DiskProposal {
  /** `mtimeMs|size` when it was read. */
  stamp: string;
  /** Undefined when the file is not a checkable proposal (too large, binary, not UTF-8). */
  document: TextDocument | undefined;
}

export interface WorkspaceProposalsOptions {
  folders: () => string[];
  /** Whether file events will say when proposals come and go; without them the folders are walked per request. */
  watched: () => boolean;
  /** Drops what the language service keeps for a document that is gone. */
  forget: (uri: string) => void;
}

export class WorkspaceProposals {
  private files: string[] | undefined;
  private readonly read = new Map<string, DiskProposal>();

  constructor(private readonly options: WorkspaceProposalsOptions) {}

  /** Proposals on disk that are not open (`isOpen` by uri): the open ones are the editor's text, not the disk's. */
  closedDocuments(isOpen: (uri: string) => boolean): TextDocument[] {
    const documents: TextDocument[] = [];
    const listed = new Set<string>();
    for (const file of this.list()) {
      const uri = URI.file(file).toString();
      if (isOpen(uri)) {
        this.read.delete(file); // the service holds the open text under this uri: nothing to forget
        continue;
      }
      listed.add(file);
      const document = this.document(file, uri);
      if (document) documents.push(document);
    }
    for (const [file, entry] of this.read) {
      if (listed.has(file)) continue;
      this.read.delete(file);
      if (entry.document) this.options.forget(entry.document.uri);
    }
    return documents;
  }

  /** A proposal file was created or deleted, or the folders changed: list them again next time. */
  invalidate(): void {
    this.files = undefined;
  }

  private list(): string[] {
    if (this.files && this.options.watched()) return this.files;
    const folders = this.options.folders();
    this.files = folders.length > 0 ? expandOperands(folders).files : [];
    return this.files;
  }

  private document(file: string, uri: string): TextDocument | undefined {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    const stamp = `${stat.mtimeMs}|${stat.size}`;
    const known = this.read.get(file);
    if (known?.stamp === stamp) return known.document;
    if (known?.document) this.options.forget(known.document.uri);
    const result = readProposalFile(file);
    const document = result.kind === 'text' ? TextDocument.create(uri, 'yaml', nextDiskVersion(), result.text) : undefined;
    this.read.set(file, { stamp, document });
    return document;
  }
}
