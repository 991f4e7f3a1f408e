import { type CalendarFields, lenientMillis } from "@/server/plugins/api/data/java-calendar";
import { ConnectDate, Time, Timestamp } from "@/server/plugins/api/data/logical-types";
import type { SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { javaDigit } from "@/server/plugins/api/data/values-parser";

type PatternElement = keyof CalendarFields | "-" | ":" | "." | "T" | "Z";

const DATE: readonly PatternElement[] = ["year", "-", "month", "-", "day"];
const TIME: readonly PatternElement[] = ["hour", ":", "minute", ":", "second", ".", "millisecond", "Z"];
const TIMESTAMP: readonly PatternElement[] = [...DATE, "T", ...TIME];

/**
 * `new SimpleDateFormat(pattern).parse(text, position)` for Values' patterns `yyyy-MM-dd`,
 * `HH:mm:ss.SSS'Z'` and `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, in UTC: each number is read as
 * DecimalFormat reads an integer (spaces and tabs before it skipped, an optional `-`, any Unicode
 * decimal digits, as many as there are), literals must match, text after the pattern is ignored,
 * and the fields are lenient (java-calendar.ts). Null when the pattern does not match.
 */
function lenientParse(text: string, pattern: readonly PatternElement[]): Date | null {
  const fields: CalendarFields = {};
  let pos = 0;
  for (const element of pattern) {
    if (element.length === 1) {
      if (text[pos] !== element) return null;
      pos++;
      continue;
    }
    while (text[pos] === " " || text[pos] === "\t") pos++;
    const negative = text[pos] === "-";
    let end = negative ? pos + 1 : pos;
    let value = 0;
    for (let digit = javaDigit(text[end]); digit >= 0; digit = javaDigit(text[++end])) value = value * 10 + digit;
    if (end === (negative ? pos + 1 : pos)) return null;
    fields[element as keyof CalendarFields] = negative ? -value : value;
    pos = end;
  }
  return new Date(lenientMillis(fields));
}

/**
 * Values' temporal literals (Kafka's `parseAsTemporal`): by length alone, a 13-character text is
 * tried as a Time, 24 as a Timestamp and 10 as a Date, with SimpleDateFormat's leniency, so
 * `2024-02-30` is 1 March and `2024-01-3x` is 3 January. `\:` counts as `:`. Null otherwise.
 */
export function parseTemporal(raw: string): SchemaAndValue | null {
  const token = raw.replaceAll("\\:", ":");
  let parsed: Date | null;
  switch (token.length) {
    case 13:
      parsed = lenientParse(token, TIME);
      return parsed === null ? null : { schema: Time.SCHEMA, value: parsed };
    case 24:
      parsed = lenientParse(token, TIMESTAMP);
      return parsed === null ? null : { schema: Timestamp.SCHEMA, value: parsed };
    case 10:
      parsed = lenientParse(token, DATE);
      return parsed === null ? null : { schema: ConnectDate.SCHEMA, value: parsed };
    default:
      return null;
  }
}
