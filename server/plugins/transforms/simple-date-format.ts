type Token = { readonly kind: "literal"; readonly text: string } | { readonly kind: "field"; readonly letter: string; readonly count: number };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const SUPPORTED_LETTERS = new Set("GyYMLwWdDFHkKhmsSEuaDzZX");
const ZONE = /^(?:UTC|GMT|UT)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?/;
const MILLIS_PER_DAY = 86_400_000;

function isNumeric(token: Token | undefined): boolean {
  if (token?.kind !== "field") return false;
  if (token.letter === "M" || token.letter === "L") return token.count <= 2;
  return "yYwWFdHkKhmsSDu".includes(token.letter);
}

function pad(value: number, count: number): string {
  return String(value).padStart(count, "0");
}

/** Matches the longest of `names` (full names before their 3-letter forms) at `pos`, case-insensitively. */
function matchName(text: string, pos: number, names: readonly string[]): { index: number; length: number } | null {
  const rest = text.slice(pos).toLowerCase();
  for (const candidates of [names, names.map((name) => name.slice(0, 3))]) {
    const index = candidates.findIndex((name) => rest.startsWith(name.toLowerCase()));
    if (index >= 0) return { index, length: candidates[index]!.length };
  }
  return null;
}

/** The fields a parse collects before they are combined into one instant. */
interface ParsedFields {
  year: number;
  twoDigitYear: boolean;
  bc: boolean;
  month: number;
  day: number;
  dayOfYear: number | null;
  hourOfDay: number | null;
  hour12: number | null;
  pm: boolean | null;
  minute: number;
  second: number;
  millis: number;
  offsetMinutes: number;
}

/**
 * Java's `java.text.SimpleDateFormat` in UTC with English names, the subset Kafka's
 * TimestampRouter and TimestampConverter patterns use: `G y Y M L w W d D F H k K h m s S E u a
 * z Z X`, quoted literals (`'T'`, `''`), and every other non-letter character as itself; a letter
 * Java does not define is refused. Weeks follow the US rules (Sunday first, week 1 holds
 * 1 January), as a JVM in an `en_US` locale counts them; parsing reads week fields but does not
 * use them. Dates are proleptic Gregorian (Java switches to the Julian calendar before 1582).
 * Immutable; safe to share.
 */
export class SimpleDateFormat {
  private constructor(
    /** The pattern as given. */
    readonly pattern: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** Compiles `pattern`. @throws SyntaxError naming the letter or quote Java would refuse. */
  static compile(pattern: string): SimpleDateFormat {
    const tokens: Token[] = [];
    const literal = (text: string) => {
      const last = tokens.at(-1);
      if (last?.kind === "literal") tokens[tokens.length - 1] = { kind: "literal", text: last.text + text };
      else tokens.push({ kind: "literal", text });
    };
    for (let i = 0; i < pattern.length; ) {
      const char = pattern[i]!;
      if (char === "'") {
        if (pattern[i + 1] === "'") {
          literal("'");
          i += 2;
          continue;
        }
        let text = "";
        let j = i + 1;
        for (;;) {
          if (j >= pattern.length) throw new SyntaxError(`Unterminated quote in pattern ${pattern}`);
          if (pattern[j] === "'") {
            if (pattern[j + 1] !== "'") break;
            text += "'";
            j += 2;
          } else text += pattern[j++];
        }
        literal(text);
        i = j + 1;
      } else if (/[a-zA-Z]/.test(char)) {
        let count = 1;
        while (pattern[i + count] === char) count++;
        if (!SUPPORTED_LETTERS.has(char)) throw new SyntaxError(`Illegal pattern character '${char}'`);
        tokens.push({ kind: "field", letter: char, count });
        i += count;
      } else {
        literal(char);
        i++;
      }
    }
    return new SimpleDateFormat(pattern, tokens);
  }

  /** The instant's text in UTC, as Java's `format(Date)`. */
  format(date: Date): string {
    return this.tokens.map((token) => (token.kind === "literal" ? token.text : formatField(date, token.letter, token.count))).join("");
  }

  /**
   * The instant `text` denotes, read leniently as Java's `parse(String)` does: out-of-range
   * values roll over (month 13 is January of the next year), numbers take as many digits as are
   * there unless the next field is numeric too (then exactly the pattern's width), and text
   * after the last field is ignored. Null when the text does not fit the pattern.
   */
  parse(text: string): Date | null {
    const fields: ParsedFields = { year: 1970, twoDigitYear: false, bc: false, month: 0, day: 1, dayOfYear: null, hourOfDay: null, hour12: null, pm: null, minute: 0, second: 0, millis: 0, offsetMinutes: 0 };
    let pos = 0;
    for (let t = 0; t < this.tokens.length; t++) {
      const token = this.tokens[t]!;
      if (token.kind === "literal") {
        if (!text.startsWith(token.text, pos)) return null;
        pos += token.text.length;
        continue;
      }
      const next = isNumeric(token) ? parseNumber(text, pos, isNumeric(this.tokens[t + 1]) ? token.count : null) : parseText(text, pos, token.letter, fields);
      if (next === null) return null;
      if (isNumeric(token)) storeNumber(fields, token, next.value, next.end - pos);
      pos = next.end;
    }
    return combine(fields);
  }
}

function formatField(date: Date, letter: string, count: number): string {
  const year = date.getUTCFullYear();
  const hour = date.getUTCHours();
  switch (letter) {
    case "G":
      return year > 0 ? "AD" : "BC";
    case "y": {
      const eraYear = year > 0 ? year : 1 - year;
      return count === 2 ? pad(eraYear % 100, 2) : pad(eraYear, count);
    }
    case "M":
    case "L":
      if (count >= 4) return MONTHS[date.getUTCMonth()]!;
      if (count === 3) return MONTHS[date.getUTCMonth()]!.slice(0, 3);
      return pad(date.getUTCMonth() + 1, count);
    case "d":
      return pad(date.getUTCDate(), count);
    case "H":
      return pad(hour, count);
    case "k":
      return pad(hour === 0 ? 24 : hour, count);
    case "K":
      return pad(hour % 12, count);
    case "h":
      return pad(hour % 12 === 0 ? 12 : hour % 12, count);
    case "m":
      return pad(date.getUTCMinutes(), count);
    case "s":
      return pad(date.getUTCSeconds(), count);
    case "S":
      return pad(date.getUTCMilliseconds(), count);
    case "E":
      return count >= 4 ? DAYS[date.getUTCDay()]! : DAYS[date.getUTCDay()]!.slice(0, 3);
    case "u":
      return pad(date.getUTCDay() === 0 ? 7 : date.getUTCDay(), count);
    case "a":
      return hour < 12 ? "AM" : "PM";
    case "D":
      return pad(dayOfYear(date), count);
    case "w":
      return pad(weekOfYear(date), count);
    case "Y": {
      const weekYear = date.getUTCMonth() === 11 && weekOfYear(date) === 1 ? year + 1 : year;
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case "W":
      return pad(Math.floor((date.getUTCDate() - 1 + ((date.getUTCDay() - date.getUTCDate() + 1 + 35) % 7)) / 7) + 1, count);
    case "F":
      return pad(Math.floor((date.getUTCDate() - 1) / 7) + 1, count);
    case "z":
      return count >= 4 ? "Coordinated Universal Time" : "UTC";
    case "Z":
      return "+0000";
    default:
      return "Z";
  }
}

/** The day's number in its year, 1 for 1 January. */
function dayOfYear(date: Date): number {
  const newYear = new Date(0);
  newYear.setUTCFullYear(date.getUTCFullYear(), 0, 1);
  return Math.floor((date.getTime() - newYear.getTime()) / MILLIS_PER_DAY) + 1;
}

/** The US week of the year: weeks run Sunday to Saturday, and the one holding 1 January is week 1 (of the next year, in late December). */
function weekOfYear(date: Date): number {
  const year = date.getUTCFullYear();
  const day = dayOfYear(date);
  const daysInYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  if (daysInYear - day + 1 <= 6 - date.getUTCDay()) return 1;
  const newYearWeekday = (((date.getUTCDay() - ((day - 1) % 7)) % 7) + 7) % 7;
  return Math.floor((day - 1 + newYearWeekday) / 7) + 1;
}

function parseNumber(text: string, pos: number, width: number | null): { value: number; end: number } | null {
  let end = pos;
  const limit = width === null ? text.length : Math.min(text.length, pos + width);
  while (end < limit && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === pos || (width !== null && end - pos !== width)) return null;
  return { value: Number(text.slice(pos, end)), end };
}

function storeNumber(fields: ParsedFields, token: Token & { kind: "field" }, value: number, digits: number): void {
  switch (token.letter) {
    case "y":
      fields.year = value;
      fields.twoDigitYear = token.count <= 2 && digits === 2;
      return;
    case "M":
    case "L":
      fields.month = value - 1;
      return;
    case "d":
      fields.day = value;
      return;
    case "D":
      fields.dayOfYear = value;
      return;
    case "H":
      fields.hourOfDay = value;
      return;
    case "k":
      fields.hourOfDay = value === 24 ? 0 : value;
      return;
    case "K":
    case "h":
      fields.hour12 = value % 12;
      return;
    case "m":
      fields.minute = value;
      return;
    case "s":
      fields.second = value;
      return;
    case "S":
      fields.millis = value;
      return;
    default:
  }
}

function parseText(text: string, pos: number, letter: string, fields: ParsedFields): { value: number; end: number } | null {
  switch (letter) {
    case "M":
    case "L": {
      const month = matchName(text, pos, MONTHS);
      if (month === null) return null;
      fields.month = month.index;
      return { value: month.index, end: pos + month.length };
    }
    case "E": {
      const day = matchName(text, pos, DAYS);
      return day === null ? null : { value: day.index, end: pos + day.length };
    }
    case "a": {
      const marker = text.slice(pos, pos + 2).toUpperCase();
      if (marker !== "AM" && marker !== "PM") return null;
      fields.pm = marker === "PM";
      return { value: 0, end: pos + 2 };
    }
    case "G": {
      const era = text.slice(pos, pos + 2).toUpperCase();
      if (era !== "AD" && era !== "BC") return null;
      fields.bc = era === "BC";
      return { value: 0, end: pos + 2 };
    }
    default:
      return parseZone(text, pos, fields);
  }
}

function parseZone(text: string, pos: number, fields: ParsedFields): { value: number; end: number } | null {
  if (text[pos] === "Z") {
    fields.offsetMinutes = 0;
    return { value: 0, end: pos + 1 };
  }
  const match = ZONE.exec(text.slice(pos));
  if (match === null || match[0] === "") return null;
  const sign = match[1] === "-" ? -1 : 1;
  fields.offsetMinutes = match[1] === undefined ? 0 : sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
  return { value: 0, end: pos + match[0].length };
}

function combine(fields: ParsedFields): Date | null {
  let year = fields.year;
  if (fields.twoDigitYear) {
    const startYear = new Date().getUTCFullYear() - 80;
    year = Math.floor(startYear / 100) * 100 + year;
    if (year < startYear) year += 100;
  }
  if (fields.bc) year = 1 - year;
  let hour = fields.hourOfDay ?? 0;
  if (fields.hourOfDay === null && fields.hour12 !== null) hour = fields.hour12 + (fields.pm ? 12 : 0);
  else if (fields.hourOfDay === null && fields.pm) hour = 12;
  const date = new Date(0);
  if (fields.dayOfYear !== null) date.setUTCFullYear(year, 0, fields.dayOfYear);
  else date.setUTCFullYear(year, fields.month, fields.day);
  date.setUTCHours(hour, fields.minute, fields.second, fields.millis);
  const time = date.getTime() - fields.offsetMinutes * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}
