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
  private nextLf = -1;
  private nextCr = -1;

  /** `start` is the byte position of the first byte that will be pushed. */
  constructor(private position = 0) {}

  push(chunk: Buffer): void {
    const rest = this.pending.subarray(this.cursor);
    this.pending = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    this.nextLf = this.nextLf >= this.cursor ? this.nextLf - this.cursor : -1;
    this.nextCr = this.nextCr >= this.cursor ? this.nextCr - this.cursor : -1;
    this.cursor = 0;
  }

  /** The next complete line, or null until more bytes arrive. */
  next(): Line | null {
    const data = this.pending;
    if (this.nextLf < this.cursor) this.nextLf = data.indexOf(LF, this.cursor);
    if (this.nextCr < this.cursor) this.nextCr = data.indexOf(CR, this.cursor);
    const lf = this.nextLf < 0 ? Infinity : this.nextLf;
    const cr = this.nextCr < 0 ? Infinity : this.nextCr;
    const at = Math.min(lf, cr);
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
}
