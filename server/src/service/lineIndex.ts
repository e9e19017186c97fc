import type { Position, Range } from 'vscode-languageserver-types';

/** Offset ↔ position conversion for one text (UTF-16 offsets, as LSP and JS strings use). */
export class LineIndex {
  readonly lineStarts: number[];

  /** Lines break at `\r\n`, `\r` and `\n`, as in LSP (and YAML). */
  constructor(readonly text: string) {
    const starts = [0];
    if (text.includes('\r')) {
      const breaks = /\r\n?|\n/g;
      for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Offset where a line's content ends (before its line break). */
  private contentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]! - 1;
    if (this.text.charCodeAt(end) === 10 /* \n */ && end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13 /* \r */) end--;
    return end;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break is the end of that line.
    return { line: low, character: Math.min(clamped, this.contentEnd(low)) - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.contentEnd(position.line));
  }

  /** The range of two offsets; `lineOffset` is added to both lines (a chunk's text placed in its document). */
  rangeOf(start: number, end: number, lineOffset = 0): Range {
    const from = this.positionAt(start);
    const to = this.positionAt(end);
    from.line += lineOffset;
    to.line += lineOffset;
    return { start: from, end: to };
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.contentEnd(line));
  }
}

export function rangeContains(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
