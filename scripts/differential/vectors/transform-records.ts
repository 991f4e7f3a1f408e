/**
 * The records transform vectors start from: a struct value with nested structs, logical types,
 * optionals and a default; the same data schemaless (a map); a plain string line (what
 * FileStreamSource produces); a struct key; tombstones; and headers of several types.
 */
import { header, record } from "./build";
import { s, t } from "./samples";
import type { RecordSpec, TypedValue } from "../vector";

const ADDRESS = s.struct([["city", s.of("STRING")], ["zip", s.opt(s.of("STRING"))]], { name: "com.example.Address" });

/** The struct value schema transform vectors use. */
const ORDER = s.struct(
  [
    ["id", s.of("INT32")],
    ["name", s.of("STRING")],
    ["amount", s.decimal(2)],
    ["ratio", s.of("FLOAT64")],
    ["quantity", s.of("INT64")],
    ["small", s.of("INT8")],
    ["active", s.of("BOOLEAN")],
    ["created", s.timestamp()],
    ["day", s.date()],
    ["raw", s.of("BYTES")],
    ["epoch", s.of("INT64")],
    ["when", s.of("STRING")],
    ["address", ADDRESS],
    ["tags", s.array(s.of("STRING"))],
    ["attributes", s.map(s.of("STRING"), s.of("STRING"))],
    ["note", s.opt(s.of("STRING"))],
    ["level", s.of("INT32", { optional: true, default: t.i32(5) })],
    ["shipping", s.opt(ADDRESS)],
  ],
  { name: "com.example.Order", version: 3, doc: "an order" },
);

const ORDER_VALUE = t.struct(
  ["id", t.i32(42)],
  ["name", t.str("Widget ☃ 😀")],
  ["amount", t.dec(1999, 2)],
  ["ratio", t.f64(0.25)],
  ["quantity", t.i64(1n << 40n)],
  ["small", t.i8(-7)],
  ["active", t.bool(true)],
  ["created", t.date(1_700_000_000_123)],
  ["day", t.date(19_723 * 86_400_000)],
  ["raw", t.bytes([1, 2, 255])],
  ["epoch", t.i64(1_700_000_000_123)],
  ["when", t.str("2024-01-31 12:34:56")],
  ["address", t.struct(["city", t.str("Zürich")], ["zip", t.str("8001")])],
  ["tags", t.array(t.str("a"), t.str("b"))],
  ["attributes", t.map([t.str("color"), t.str("red")])],
  ["note", null],
  ["level", null],
  ["shipping", null],
);

const KEY = s.struct([["id", s.of("INT32")], ["region", s.of("STRING")]], { name: "com.example.Key" });

const HEADERS = [
  header("trace", s.of("STRING"), t.str("abc-123")),
  header("count", s.of("INT32"), t.i32(3)),
  header("trace", s.of("STRING"), t.str("second")),
  header("flag", s.of("BOOLEAN"), t.bool(false)),
];

/** The schemaless twin of the struct value. */
const ORDER_MAP = t.map(
  [t.str("id"), t.i64(42)],
  [t.str("name"), t.str("Widget ☃ 😀")],
  [t.str("ratio"), t.f64(0.25)],
  [t.str("active"), t.bool(true)],
  [t.str("epoch"), t.i64(1_700_000_000_123)],
  [t.str("when"), t.str("2024-01-31 12:34:56")],
  [t.str("address"), t.map([t.str("city"), t.str("Zürich")], [t.str("zip"), t.str("8001")])],
  [t.str("tags"), t.array(t.str("a"), t.str("b"))],
  [t.str("note"), null],
);

/** Every base record, by name. */
export const RECORDS = {
  struct: record({ keySchema: KEY, key: t.struct(["id", t.i32(42)], ["region", t.str("eu")]), valueSchema: ORDER, value: ORDER_VALUE, headers: HEADERS, partition: 2 }),
  map: record({ key: t.str("k-42"), value: ORDER_MAP, headers: HEADERS }),
  line: record({ topic: "lines", valueSchema: s.of("STRING"), value: t.str("2024-01-31 hello, world"), timestamp: "1706704496789" }),
  tombstone: record({ keySchema: s.of("STRING"), key: t.str("gone"), valueSchema: s.opt(ORDER), value: null, headers: HEADERS }),
  "schemaless-tombstone": record({ key: t.str("gone"), value: null }),
  "no-timestamp": record({ valueSchema: ORDER, value: ORDER_VALUE, timestamp: null }),
  "small-map": record({ value: t.map([t.str("zeta"), t.i64(1)], [t.str("alpha"), t.str("a")], [t.str("mid"), t.bool(true)]) }),
  "six-map": record({ value: t.map(...["f", "customer_id", "e", "amount", "b", "currency"].map((key, i): [TypedValue, TypedValue] => [t.str(key), t.i64(i)])) }),
} satisfies Record<string, RecordSpec>;

/** A base record's name. */
export type RecordName = keyof typeof RECORDS;
