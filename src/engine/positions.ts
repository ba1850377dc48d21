// Offsets stay 0-based inside the engine; they become 1-based line:column only when reported.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset at which each line starts. `\r\n`, `\n` and a lone `\r` all end a line. */
  readonly starts: Int32Array;

  /** The lines of `text`, or (a thread linting its share of an export) line starts worked out before. */
  constructor(text: string | Int32Array) {
    if (typeof text !== 'string') {
      this.starts = text;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.starts = Int32Array.from(starts);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
