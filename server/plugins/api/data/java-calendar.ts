/**
 * The two pieces of `java.util` date handling whose output reaches Kafka Connect's records, in
 * UTC: `SimpleDateFormat`'s lenient parse of the three ISO-8601 patterns `Values.parseString`
 * tries, and `Date.toString()`, which StringConverter writes for a Date, Time or Timestamp. Both
 * follow `GregorianCalendar`: the Julian calendar before 15 October 1582, out-of-range fields
 * carried over (month 13, day 0, hour 25). Kafka formats in the JVM's default time zone; these
 * match a JVM running in UTC. Pure functions.
 */

const MILLIS_PER_DAY = 86_400_000;
/** Rata Die (day 1 = 0001-01-01 proleptic Gregorian) of 1970-01-01. */
const EPOCH_FIXED = 719_163;
/** Rata Die of 1582-10-15, the first Gregorian day. */
const CUTOVER_FIXED = 577_736;

const floorDiv = (a: number, b: number) => Math.floor(a / b);
const floorMod = (a: number, b: number) => a - b * Math.floor(a / b);
const gregorianLeap = (y: number) => floorMod(y, 4) === 0 && (floorMod(y, 100) !== 0 || floorMod(y, 400) === 0);
const julianLeap = (y: number) => floorMod(y, 4) === 0;

/** Days before `month` (1-12) of a year, plus the day: the part both calendars share. */
function dayOfYear(month: number, day: number, leap: boolean): number {
  return floorDiv(367 * month - 362, 12) + (month <= 2 ? 0 : leap ? -1 : -2) + day;
}

function fixedFromGregorian(year: number, month: number, day: number): number {
  const y = year - 1;
  return 365 * y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) + dayOfYear(month, day, gregorianLeap(year));
}

function fixedFromJulian(year: number, month: number, day: number): number {
  const y = year - 1;
  return -2 + 365 * y + floorDiv(y, 4) + dayOfYear(month, day, julianLeap(year));
}

/** The Julian year, month and day of a Rata Die (astronomical years: 0 is 1 BC). */
function julianFromFixed(fixed: number): [number, number, number] {
  const year = floorDiv(4 * (fixed + 1) + 1464, 1461);
  const prior = fixed - fixedFromJulian(year, 1, 1);
  const correction = fixed < fixedFromJulian(year, 3, 1) ? 0 : julianLeap(year) ? 1 : 2;
  const month = floorDiv(12 * (prior + correction) + 373, 367);
  return [year, month, fixed - fixedFromJulian(year, month, 1) + 1];
}

/** Calendar fields as SimpleDateFormat collects them; unset ones default as after `Calendar.clear()`. */
export interface CalendarFields {
  year?: number;
  /** 1-based, as written. */
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/**
 * Epoch milliseconds of lenient calendar fields, as `GregorianCalendar.computeTime` gives them in
 * UTC: the time of day carries into days, the month into years, the day is added as is, and the
 * date is Julian when it falls before the cutover.
 */
export function lenientMillis(fields: CalendarFields): number {
  const timeOfDay = (((fields.hour ?? 0) * 60 + (fields.minute ?? 0)) * 60 + (fields.second ?? 0)) * 1000 + (fields.millisecond ?? 0);
  const carriedDays = floorDiv(timeOfDay, MILLIS_PER_DAY);
  const monthIndex = (fields.month ?? 1) - 1;
  const year = (fields.year ?? 1970) + floorDiv(monthIndex, 12);
  const month = floorMod(monthIndex, 12) + 1;
  const offset = carriedDays + (fields.day ?? 1) - 1;
  const gregorian = fixedFromGregorian(year, month, 1) + offset;
  const fixed = year >= 1582 && gregorian >= CUTOVER_FIXED ? gregorian : fixedFromJulian(year, month, 1) + offset;
  return (fixed - EPOCH_FIXED) * MILLIS_PER_DAY + floorMod(timeOfDay, MILLIS_PER_DAY);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** Java's `Date.toString()` in UTC: `Thu Jan 01 00:00:00 UTC 1970`, Julian before the cutover, year of era unpadded. */
export function javaDateToString(date: Date): string {
  const millis = date.getTime();
  const fixed = floorDiv(millis, MILLIS_PER_DAY) + EPOCH_FIXED;
  const time = floorMod(millis, MILLIS_PER_DAY);
  let year: number;
  let month: number;
  let day: number;
  if (fixed >= CUTOVER_FIXED) [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  else [year, month, day] = julianFromFixed(fixed);
  const clock = `${two(Math.floor(time / 3_600_000))}:${two(Math.floor(time / 60_000) % 60)}:${two(Math.floor(time / 1000) % 60)}`;
  return `${DAYS[floorMod(fixed, 7)]} ${MONTHS[month - 1]} ${two(day)} ${clock} UTC ${year <= 0 ? 1 - year : year}`;
}
