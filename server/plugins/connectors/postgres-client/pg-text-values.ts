import { DataException } from "@/server/plugins/api/data/errors";

const MILLIS_PER_DAY = 86_400_000;
const TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?|Z)?( BC)?$/;
const TIME = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$/;
/** What PostgreSQL's `infinity` timestamps and dates become: the ends of the range a JS Date holds. */
const INFINITY_MILLIS = 8.64e15;

/** An instant read from PostgreSQL's text form: epoch milliseconds plus the nanoseconds within its second. */
export interface PgInstant {
  /** Epoch milliseconds (floor), what Connect's Timestamp holds. */
  millis: number;
  /** Nanoseconds within the second, 0…999 999 999 (Kafka Connect JDBC's `timestamp_nanos`). */
  nanos: number;
}

/**
 * Reads a `timestamp`, `timestamptz` or `date` in PostgreSQL's ISO text form (`2024-05-01
 * 12:00:00.123456`, `…+02`, `… BC`, `infinity`) as an instant; a value without an offset is read
 * as UTC, which is what the sessions of this folder run in.
 * @throws DataException when the text is not such a value.
 */
export function parsePgInstant(text: string): PgInstant {
  if (text === "infinity") return { millis: INFINITY_MILLIS, nanos: 0 };
  if (text === "-infinity") return { millis: -INFINITY_MILLIS, nanos: 0 };
  const m = TIMESTAMP.exec(text);
  if (!m) throw new DataException(`Cannot read "${text}" as a PostgreSQL timestamp`);
  let year = Number(m[1]);
  if (m[12]) year = 1 - year;
  const fraction = (m[7] ?? "").padEnd(9, "0");
  const offsetMinutes = m[8] ? (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0) + Number(m[11] ?? 0) / 60) : 0;
  const base = Date.UTC(2000, Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const shifted = new Date(base);
  shifted.setUTCFullYear(year);
  const seconds = shifted.getTime() - offsetMinutes * 60_000;
  return { millis: seconds + Math.floor(Number(fraction) / 1_000_000), nanos: Number(fraction) };
}

/** A `date` as Connect's Date value: a JS Date at UTC midnight. */
export function parsePgDate(text: string): Date {
  const { millis } = parsePgInstant(text);
  return new Date(Math.floor(millis / MILLIS_PER_DAY) * MILLIS_PER_DAY);
}

/** A `time` or `timetz` as Connect's Time value: a JS Date on 1970-01-01 UTC (a `timetz` moved to UTC). */
export function parsePgTime(text: string): Date {
  const m = TIME.exec(text);
  if (!m) throw new DataException(`Cannot read "${text}" as a PostgreSQL time`);
  const offsetMinutes = m[5] ? (m[5] === "-" ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7] ?? 0)) : 0;
  const millis = ((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 + Math.floor(Number((m[4] ?? "").padEnd(3, "0").slice(0, 3))) - offsetMinutes * 60_000) % MILLIS_PER_DAY;
  return new Date((millis + MILLIS_PER_DAY) % MILLIS_PER_DAY);
}

/** A `bytea` in hex form (`\x0102`) as bytes. */
export function parsePgBytea(text: string): Buffer {
  if (!text.startsWith("\\x")) throw new DataException("Cannot read a bytea value that is not in hex form (bytea_output = hex)");
  return Buffer.from(text.slice(2), "hex");
}

/** An instant as PostgreSQL timestamp text in UTC with microseconds (`2024-05-01 12:00:00.123456+00`). */
export function formatPgInstant(instant: PgInstant): string {
  const date = new Date(instant.millis - (instant.millis % 1000 + 1000) % 1000);
  const year = date.getUTCFullYear();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const micros = pad(Math.floor(instant.nanos / 1000), 6);
  const stamp = `${pad(Math.abs(year <= 0 ? 1 - year : year), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${micros}+00`;
  return year <= 0 ? `${stamp} BC` : stamp;
}
