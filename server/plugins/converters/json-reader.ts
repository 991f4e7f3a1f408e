import { DataException } from "@/server/plugins/api/data/errors";

/** Text that is not valid JSON; the message names the problem and its position. */
export class JsonSyntaxException extends DataException {
  override name = "JsonSyntaxException";
}

/**
 * A number literal that a plain `number` would misrepresent for Connect: a fraction or exponent
 * literal whose value is whole (`1.0`, `1e3`: still a FLOAT64 when schemaless) or that has more
 * than 15 significant digits (kept exact for Decimal). `text` is the literal as written.
 */
export class JsonRawNumber {
  constructor(
    readonly text: string,
    /** The nearest double. */
    readonly value: number,
  ) {}
}

/**
 * A parsed JSON value. Objects are `Map`s (document order, a repeated key keeps its last value, as
 * Jackson does). Numbers: an integer literal is a `number` when it has at most 15 digits, else a
 * `bigint` (exact); any other literal is a non-integral `number` or a JsonRawNumber. So "was it an
 * integer literal?" is `typeof v === "bigint" || Number.isInteger(v)`.
 */
export type JsonTree = null | boolean | number | bigint | string | JsonRawNumber | JsonTree[] | Map<string, JsonTree>;

const MAX_DEPTH = 1000;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * A small JSON (RFC 8259) reader for the JsonConverter's hot path, lenient only where Kafka's
 * Jackson is (leading zeros in numbers; what follows the first value, see `parse`): one pass over the text
 * with `charCodeAt`, no regular expressions, strings sliced without copying when they hold no
 * escapes. Exists because `JSON.parse` loses integers beyond 2^53 and cannot tell `1` from `1.0`.
 * Errors are DataExceptions naming the position. Single-use, not thread-safe.
 */
export class JsonReader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /**
   * The text's first JSON value, as Jackson's `ObjectMapper.readTree` reads it for Kafka: whatever
   * follows the value is ignored, except that a number must be followed by whitespace or the end.
   * `undefined` when the text is empty or blank (Jackson's missing node).
   */
  static parse(text: string): JsonTree | undefined {
    const reader = new JsonReader(text);
    reader.skipWhitespace();
    if (reader.pos === text.length) return undefined;
    const value = reader.readValue();
    const next = text.charCodeAt(reader.pos);
    const numeric = typeof value === "number" || typeof value === "bigint" || value instanceof JsonRawNumber;
    if (numeric && reader.pos < text.length && next !== 32 && next !== 10 && next !== 13 && next !== 9) {
      reader.fail("Expected space separating root-level values");
    }
    return value;
  }

  /** The current offset into the text. */
  get position(): number {
    return this.pos;
  }

  /** Moves to `position`, which the caller knows ends a value it has checked. */
  skipTo(position: number): void {
    this.pos = position;
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** Consumes `char` (after whitespace) or fails. */
  expect(char: number): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== char) this.fail(`Expected '${String.fromCharCode(char)}'`);
    this.pos++;
  }

  /** Consumes `char` (after whitespace) when it is next. */
  consume(char: number): boolean {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== char) return false;
    this.pos++;
    return true;
  }

  /** Reads one value at the current position (whitespace before it is skipped). */
  readValue(): JsonTree {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 34) return this.readString();
    if (c === 123) return this.readObject();
    if (c === 91) return this.readArray();
    if (c === 45 || (c >= 48 && c <= 57)) return this.readNumber();
    if (c === 116) return this.readLiteral("true", true);
    if (c === 102) return this.readLiteral("false", false);
    if (c === 110) return this.readLiteral("null", null);
    return this.fail(Number.isNaN(c) ? "Unexpected end of input" : `Unexpected character '${this.text[this.pos]}'`);
  }

  /** Skips one value without building it, for the schema cache's look-up; returns nothing. */
  skipValue(): void {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 || c === 91) {
      const close = c === 123 ? 125 : 93;
      this.enter();
      this.pos++;
      if (this.consume(close)) return this.leave();
      do {
        if (close === 125) {
          this.skipWhitespace();
          if (this.text.charCodeAt(this.pos) !== 34) this.fail("Expected a field name");
          this.skipString();
          this.expect(58);
        }
        this.skipValue();
      } while (this.consume(44));
      this.expect(close);
      return this.leave();
    }
    if (c === 34) this.skipString();
    else this.readValue();
  }

  private skipString(): void {
    const text = this.text;
    let pos = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c === 92 || c < 32 || Number.isNaN(c)) {
        this.readString();
        return;
      }
      pos++;
    }
    this.pos = pos + 1;
  }

  /** Reads an object member's name (after whitespace); fails when there is no string there. */
  readFieldName(): string {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 34) this.fail("Expected a field name");
    return this.readString();
  }

  /** Reads a string literal; the position must be at its opening quote. */
  readString(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) {
        this.pos = pos;
        this.fail(Number.isNaN(c) ? "Unterminated string" : "Unescaped control character in string");
      }
      pos++;
    }
    return this.readEscapedString(start, pos);
  }

  private readEscapedString(start: number, firstEscape: number): string {
    const text = this.text;
    let out = text.slice(start, firstEscape);
    let pos = firstEscape;
    let chunk = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c < 32 || Number.isNaN(c)) {
        this.pos = pos;
        this.fail(Number.isNaN(c) ? "Unterminated string" : "Unescaped control character in string");
      }
      if (c !== 92) {
        pos++;
        continue;
      }
      out += text.slice(chunk, pos);
      const escape = text[pos + 1] ?? "";
      if (escape === "u") {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos = pos;
          this.fail("Invalid \\u escape");
        }
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const replacement = ESCAPES[escape];
        if (replacement === undefined) {
          this.pos = pos;
          this.fail(`Invalid escape '\\${escape}'`);
        }
        out += replacement;
        pos += 2;
      }
      chunk = pos;
    }
    this.pos = pos + 1;
    return out + text.slice(chunk, pos);
  }

  private readObject(): Map<string, JsonTree> {
    this.enter();
    this.pos++;
    const result = new Map<string, JsonTree>();
    if (!this.consume(125)) {
      do {
        const key = this.readFieldName();
        this.expect(58);
        result.set(key, this.readValue());
      } while (this.consume(44));
      this.expect(125);
    }
    this.leave();
    return result;
  }

  private readArray(): JsonTree[] {
    this.enter();
    this.pos++;
    const result: JsonTree[] = [];
    if (!this.consume(93)) {
      do result.push(this.readValue());
      while (this.consume(44));
      this.expect(93);
    }
    this.leave();
    return result;
  }

  private readNumber(): number | bigint | JsonRawNumber {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const negative = text.charCodeAt(pos) === 45;
    if (negative) pos++;
    const digitsStart = pos;
    let value = 0;
    let c = text.charCodeAt(pos);
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = text.charCodeAt(++pos);
    }
    const integerDigits = pos - digitsStart;
    if (integerDigits === 0) this.failAt(pos, "Invalid number");
    let fractional = false;
    if (c === 46) {
      fractional = true;
      const fractionStart = ++pos;
      c = text.charCodeAt(pos);
      while (c >= 48 && c <= 57) c = text.charCodeAt(++pos);
      if (pos === fractionStart) this.failAt(pos, "Invalid number: no digits after the decimal point");
    }
    if (c === 101 || c === 69) {
      fractional = true;
      c = text.charCodeAt(++pos);
      if (c === 43 || c === 45) c = text.charCodeAt(++pos);
      const exponentStart = pos;
      while (c >= 48 && c <= 57) c = text.charCodeAt(++pos);
      if (pos === exponentStart) this.failAt(pos, "Invalid number: no digits in the exponent");
    }
    this.pos = pos;
    if (!fractional) {
      if (integerDigits <= 15) return negative ? -value : value;
      return BigInt(text.slice(start, pos));
    }
    const literal = text.slice(start, pos);
    const number = Number(literal);
    return Number.isInteger(number) || significantDigits(literal) > 15 ? new JsonRawNumber(literal, number) : number;
  }

  private readLiteral<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`Unexpected character '${this.text[this.pos]}'`);
    this.pos += word.length;
    return value;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`JSON nesting deeper than ${MAX_DEPTH}`);
  }

  private leave(): void {
    this.depth--;
  }

  private failAt(pos: number, message: string): never {
    this.pos = pos;
    return this.fail(message);
  }

  /** Throws a JsonSyntaxException naming the current position. */
  fail(message: string): never {
    throw new JsonSyntaxException(`${message} at position ${this.pos}`);
  }
}

function significantDigits(literal: string): number {
  let count = 0;
  let leading = true;
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c === 101 || c === 69) break;
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    count++;
  }
  return count;
}
