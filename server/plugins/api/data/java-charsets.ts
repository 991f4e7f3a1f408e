/**
 * Text to bytes and back exactly as Java's `String.getBytes(charset)` and `new String(bytes,
 * charset)` do it, because Kafka Connect's converters and FileStreamSource go through them and
 * Tributary's bytes must match: malformed input decodes to U+FFFD in Java's groupings (an
 * encoded surrogate `ED A0 80` is one U+FFFD, where WHATWG decoders give three), and characters
 * a charset cannot encode become `?` (UTF-16: U+FFFD), one per code point. Stateless.
 */

/** The charsets Tributary supports, by Java's canonical names. */
export type JavaCharset = "UTF-8" | "UTF-16" | "UTF-16BE" | "UTF-16LE" | "ISO-8859-1" | "US-ASCII";

const ALIASES: Readonly<Record<string, JavaCharset>> = {
  "utf-8": "UTF-8",
  utf8: "UTF-8",
  "unicode-1-1-utf-8": "UTF-8",
  "utf-16": "UTF-16",
  utf_16: "UTF-16",
  utf16: "UTF-16",
  unicode: "UTF-16",
  "utf-16be": "UTF-16BE",
  utf_16be: "UTF-16BE",
  "x-utf-16be": "UTF-16BE",
  unicodebigunmarked: "UTF-16BE",
  "iso-10646-ucs-2": "UTF-16BE",
  "utf-16le": "UTF-16LE",
  utf_16le: "UTF-16LE",
  "x-utf-16le": "UTF-16LE",
  unicodelittleunmarked: "UTF-16LE",
  "iso-8859-1": "ISO-8859-1",
  iso8859_1: "ISO-8859-1",
  "iso8859-1": "ISO-8859-1",
  iso_8859_1: "ISO-8859-1",
  "iso_8859-1": "ISO-8859-1",
  "8859_1": "ISO-8859-1",
  latin1: "ISO-8859-1",
  l1: "ISO-8859-1",
  "us-ascii": "US-ASCII",
  ascii: "US-ASCII",
  "iso646-us": "US-ASCII",
  "ansi_x3.4-1968": "US-ASCII",
  "ansi_x3.4-1986": "US-ASCII",
  us: "US-ASCII",
  "646": "US-ASCII",
  default: "US-ASCII",
};

/** The charset a Java name or alias (case-insensitive) stands for, or null when Tributary does not support it. */
export function javaCharset(name: string): JavaCharset | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

const REPLACEMENT = 0xfffd;
const isContinuation = (b: number) => (b & 0xc0) === 0x80;
const isMalformed3Second = (b1: number, b2: number) => (b1 === 0xe0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2);
const isMalformed4Second = (b1: number, b2: number) => (b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) || (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) || !isContinuation(b2);

/** Collects UTF-16 code units into a string in slices (String.fromCharCode takes a bounded argument list). */
class CodeUnits {
  private readonly parts: string[] = [];
  private units: number[] = [];

  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length === 8192) this.flush();
  }

  text(): string {
    this.flush();
    return this.parts.join("");
  }

  private flush(): void {
    this.parts.push(String.fromCharCode(...this.units));
    this.units = [];
  }
}

/**
 * UTF-8 decoded as Java's decoder does with malformed input replaced (`sun.nio.cs.UTF_8`): a
 * malformed sequence becomes one U+FFFD for the bytes Java groups together, and an incomplete
 * sequence at the end of the input one U+FFFD for all of it.
 */
export function decodeJavaUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
  const out = new CodeUnits();
  let i = start;
  while (i < end) {
    const b1 = bytes[i]!;
    const remaining = end - i;
    if (b1 < 0x80) {
      out.push(b1);
      i++;
    } else if (b1 >> 5 === 0b110 && (b1 & 0x1e) !== 0) {
      if (remaining < 2 || !isContinuation(bytes[i + 1]!)) {
        out.push(REPLACEMENT);
        i++;
      } else {
        out.push(((b1 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f));
        i += 2;
      }
    } else if (b1 >> 4 === 0b1110) {
      i += decode3(bytes, i, remaining, out);
    } else if (b1 >> 3 === 0b11110) {
      i += decode4(bytes, i, remaining, out);
    } else {
      out.push(REPLACEMENT);
      i++;
    }
  }
  return out.text();
}

/** A three-byte sequence at `i`: pushes its character or one U+FFFD; returns the bytes consumed. */
function decode3(bytes: Uint8Array, i: number, remaining: number, out: CodeUnits): number {
  const b1 = bytes[i]!;
  const consumed = remaining < 3 ? (remaining > 1 && isMalformed3Second(b1, bytes[i + 1]!) ? 1 : remaining) : isMalformed3Second(b1, bytes[i + 1]!) ? 1 : !isContinuation(bytes[i + 2]!) ? 2 : 3;
  const c = consumed === 3 ? ((b1 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f) : REPLACEMENT;
  out.push(c >= 0xd800 && c <= 0xdfff ? REPLACEMENT : c);
  return consumed;
}

/** A four-byte sequence at `i`: pushes its surrogate pair or one U+FFFD; returns the bytes consumed. */
function decode4(bytes: Uint8Array, i: number, remaining: number, out: CodeUnits): number {
  const b1 = bytes[i]!;
  let consumed: number;
  if (b1 > 0xf4 || (remaining > 1 && isMalformed4Second(b1, bytes[i + 1]!))) consumed = 1;
  else if (remaining > 2 && !isContinuation(bytes[i + 2]!)) consumed = 2;
  else if (remaining < 4) consumed = remaining;
  else consumed = isContinuation(bytes[i + 3]!) ? 4 : 3;
  if (consumed < 4) {
    out.push(REPLACEMENT);
    return consumed;
  }
  const codePoint = ((b1 & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
  out.push(0xd800 + ((codePoint - 0x10000) >> 10));
  out.push(0xdc00 + ((codePoint - 0x10000) & 0x3ff));
  return 4;
}

/**
 * UTF-16 decoded as Java does: `UTF-16` reads a byte-order mark (FE FF or FF FE, removed) and
 * defaults to big-endian; `UTF-16BE`/`UTF-16LE` keep a mark as U+FEFF. An unpaired surrogate
 * becomes U+FFFD, and so does an incomplete unit or pair at the end.
 */
function decodeUtf16(bytes: Uint8Array, charset: "UTF-16" | "UTF-16BE" | "UTF-16LE"): string {
  let littleEndian = charset === "UTF-16LE";
  let i = 0;
  if (charset === "UTF-16" && bytes.length >= 2) {
    const mark = (bytes[0]! << 8) | bytes[1]!;
    if (mark === 0xfeff || mark === 0xfffe) {
      littleEndian = mark === 0xfffe;
      i = 2;
    }
  }
  const unitAt = (at: number) => (littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!);
  const out = new CodeUnits();
  while (i < bytes.length) {
    if (bytes.length - i < 2) {
      out.push(REPLACEMENT);
      break;
    }
    const c = unitAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      out.push(REPLACEMENT);
      i += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      if (bytes.length - i < 4) {
        out.push(REPLACEMENT);
        break;
      }
      const d = unitAt(i + 2);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(c);
        out.push(d);
        i += 4;
      } else {
        out.push(REPLACEMENT);
        i += 2;
      }
    } else {
      out.push(c);
      i += 2;
    }
  }
  return out.text();
}

/** Bytes decoded as `new String(bytes, charset)` does in Java. */
export function decodeJava(bytes: Uint8Array, charset: JavaCharset): string {
  switch (charset) {
    case "UTF-8":
      return decodeJavaUtf8(bytes);
    case "ISO-8859-1":
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    case "US-ASCII": {
      const out = new CodeUnits();
      for (const b of bytes) out.push(b < 0x80 ? b : REPLACEMENT);
      return out.text();
    }
    default:
      return decodeUtf16(bytes, charset);
  }
}

const QUESTION_MARK = 0x3f;

/** The code points of `text`, an unpaired surrogate standing for itself. */
function* codePoints(text: string): Generator<number> {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        yield ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    yield c;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isSurrogate = (codePoint: number) => codePoint >= 0xd800 && codePoint <= 0xdfff;

/**
 * Text encoded as `String.getBytes(charset)` does in Java: an unpaired surrogate becomes `?`
 * (UTF-8) or U+FFFD (UTF-16); a character ISO-8859-1 or US-ASCII cannot hold becomes one `?`;
 * `UTF-16` writes a big-endian byte-order mark before non-empty text.
 */
export function encodeJava(text: string, charset: JavaCharset): Buffer {
  switch (charset) {
    case "UTF-8": {
      if (!LONE_SURROGATE.test(text)) return Buffer.from(text, "utf8");
      return Buffer.from([...codePoints(text)].map((cp) => (isSurrogate(cp) ? "?" : String.fromCodePoint(cp))).join(""), "utf8");
    }
    case "ISO-8859-1":
    case "US-ASCII": {
      const limit = charset === "US-ASCII" ? 0x7f : 0xff;
      return Buffer.from([...codePoints(text)].map((cp) => (cp <= limit ? cp : QUESTION_MARK)));
    }
    default: {
      const littleEndian = charset === "UTF-16LE";
      const units: number[] = charset === "UTF-16" && text.length > 0 ? [0xfeff] : [];
      for (const cp of codePoints(text)) {
        if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
        else units.push(isSurrogate(cp) ? REPLACEMENT : cp);
      }
      const out = Buffer.alloc(units.length * 2);
      units.forEach((unit, i) => (littleEndian ? out.writeUInt16LE(unit, i * 2) : out.writeUInt16BE(unit, i * 2)));
      return out;
    }
  }
}
