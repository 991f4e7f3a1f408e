import { decodeJavaUtf8 } from "@/server/plugins/api/data/java-charsets";

const LF = 0x0a;
const CR = 0x0d;

/** One complete line: its text (terminator excluded) and the byte position just past its terminator. */
export interface Line {
  text: string;
  end: number;
}

/**
 * Splits a byte stream into UTF-8 lines ended by `\n`, `\r` or `\r\n`, as Kafka's
 * FileStreamSource does, decoding malformed UTF-8 as Java does (java-charsets.ts). Bytes arrive
 * with `push`; `next` returns complete lines only. A `\r` at
 * the very end of the data waits for the next byte, to tell `\r` from `\r\n`.
 *
 * Linear in the input: each terminator search resumes where the previous one stopped.
 */
export class LineReader {
  private pending: Buffer = Buffer.alloc(0);
  private cursor = 0;
  /** Where the next `\n` / `\r` at or after the cursor is (-1: not found yet), and how far the data was searched without finding one. */
  private readonly lf = { at: -1, searched: 0 };
  private readonly cr = { at: -1, searched: 0 };

  /** `start` is the byte position of the first byte that will be pushed. */
  constructor(private position = 0) {}

  push(chunk: Buffer): void {
    const rest = this.pending.subarray(this.cursor);
    this.pending = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    for (const search of [this.lf, this.cr]) {
      search.at = search.at >= this.cursor ? search.at - this.cursor : -1;
      search.searched = Math.max(0, search.searched - this.cursor);
    }
    this.cursor = 0;
  }

  /** The next complete line, or null until more bytes arrive. */
  next(): Line | null {
    const data = this.pending;
    const lf = this.find(this.lf, LF);
    const cr = this.find(this.cr, CR);
    const at = Math.min(lf < 0 ? Infinity : lf, cr < 0 ? Infinity : cr);
    if (at === Infinity) return null;
    let terminator = 1;
    if (at === cr) {
      if (at + 1 >= data.length) return null;
      if (data[at + 1] === LF) terminator = 2;
    }
    const text = decodeJavaUtf8(data, this.cursor, at);
    this.position += at + terminator - this.cursor;
    this.cursor = at + terminator;
    return { text, end: this.position };
  }

  /** The next `byte` at or after the cursor, or -1; never searches the same bytes twice. */
  private find(search: { at: number; searched: number }, byte: number): number {
    if (search.at >= this.cursor) return search.at;
    search.at = this.pending.indexOf(byte, Math.max(this.cursor, search.searched));
    search.searched = search.at < 0 ? this.pending.length : search.at;
    return search.at;
  }
}
