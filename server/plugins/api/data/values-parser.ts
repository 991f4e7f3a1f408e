const DELIMITERS = new Set([":", ",", "{", "}", "[", "]", '"']);

/** Java's `String.trim()`: strips characters up to U+0020 at both ends (JS `trim` strips more). */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const UNICODE_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit as Java's `Character.digit(c, 10)` gives it for one UTF-16 unit:
 * 0-9 for ASCII digits and for any other Unicode decimal digit (`١`, `１`), else -1.
 */
export function javaDigit(c: string | undefined): number {
  if (c === undefined || c.length !== 1) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code < 128 || !UNICODE_DIGIT.test(c)) return -1;
  let zero = code;
  while (zero > code - 9 && UNICODE_DIGIT.test(String.fromCharCode(zero - 1))) zero--;
  return code - zero;
}

/**
 * The tokenizer behind `Values.parseString` (Kafka's `Values.Parser`): splits on the delimiters
 * `: , { } [ ] "` unless escaped with a backslash, and lets the parser look ahead and rewind.
 * Each delimiter is its own token; the text between delimiters, whitespace included, is one token.
 * Single-use, not thread-safe.
 */
export class ValuesTokenizer {
  private index = 0;
  private nextToken: string | null = null;
  private previousToken: string | null = null;

  constructor(readonly original: string) {}

  /** The index just after the last token read. */
  position(): number {
    return this.index;
  }

  /** A position to `rewindTo`: the start of the token that `next()` would return. */
  mark(): number {
    return this.index - (this.nextToken?.length ?? 0);
  }

  rewindTo(position: number): void {
    this.index = position;
    this.nextToken = null;
    this.previousToken = null;
  }

  hasNext(): boolean {
    return this.nextToken !== null || this.index < this.original.length;
  }

  next(): string {
    if (this.nextToken !== null) {
      this.previousToken = this.nextToken;
      this.nextToken = null;
    } else {
      this.previousToken = this.consumeNextToken();
    }
    return this.previousToken;
  }

  /** The text of the next `count` tokens, or null (and nothing consumed) when there are fewer. */
  nextTokens(count: number): string | null {
    const start = this.mark();
    for (let i = 0; i < count; i++) {
      if (!this.hasNext()) {
        this.rewindTo(start);
        return null;
      }
      this.next();
    }
    return this.original.slice(start, this.position());
  }

  previous(): string | null {
    return this.previousToken;
  }

  /** Consumes the next token when it is `expected`, ignoring surrounding whitespace and blank tokens. */
  canConsume(expected: string): boolean {
    if (this.nextToken === null) {
      if (!this.hasNext()) return false;
      this.nextToken = this.consumeNextToken();
    }
    while (javaTrim(this.nextToken) === "" && this.index < this.original.length) this.nextToken = this.consumeNextToken();
    if (javaTrim(this.nextToken) !== expected) return false;
    this.nextToken = null;
    return true;
  }

  private consumeNextToken(): string {
    const text = this.original;
    const start = this.index;
    let escaped = false;
    while (this.index < text.length) {
      const c = text[this.index]!;
      if (c === "\\") {
        escaped = !escaped;
      } else if (DELIMITERS.has(c) && !escaped) {
        if (start < this.index) return text.slice(start, this.index);
        this.index++;
        return c;
      } else {
        escaped = false;
      }
      this.index++;
    }
    return text.slice(start, this.index);
  }
}
