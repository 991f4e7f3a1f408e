import { Schema } from "@/server/plugins/api/data/schema";
import { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";
import { Struct } from "@/server/plugins/api/data/struct";
import type { SeededRandom } from "@/server/plugins/connectors/datagen/seeded-random";

/** Confluent's quickstart time range (Feb 2017 – Feb 2018), epoch milliseconds, max exclusive. */
const TIME_MIN = 1_487_715_775_521;
const TIME_MAX = 1_519_273_364_600;
const INT32_LIMIT = 2 ** 31;

/**
 * One of kafka-connect-datagen's quickstarts: a fixed Connect STRUCT schema (named as Confluent's
 * AvroData names the Avro record, `ksql.<name>`), the field used as the record key when
 * `schema.keyfield` is empty, and a generator. Immutable and shared by every task.
 */
export interface Quickstart {
  /** The lower-case name users put in `quickstart`. */
  readonly name: string;
  readonly valueSchema: Schema;
  /** Confluent's key field for this quickstart (`userid`, `orderid`, `viewtime`). */
  readonly keyField: string;
  /**
   * The value of iteration `iteration` (0-based, counted per task across restarts), drawing
   * every random choice from `random`, so the same state and iteration give the same Struct.
   */
  generate(random: SeededRandom, iteration: number): Struct;
}

const USERS_SCHEMA = SchemaBuilder.struct()
  .name("ksql.users")
  .field("registertime", Schema.INT64_SCHEMA)
  .field("userid", Schema.STRING_SCHEMA)
  .field("regionid", Schema.STRING_SCHEMA)
  .field("gender", Schema.STRING_SCHEMA)
  .build();

const PAGEVIEWS_SCHEMA = SchemaBuilder.struct()
  .name("ksql.pageviews")
  .field("viewtime", Schema.INT64_SCHEMA)
  .field("userid", Schema.STRING_SCHEMA)
  .field("pageid", Schema.STRING_SCHEMA)
  .build();

const ADDRESS_SCHEMA = SchemaBuilder.struct()
  .name("ksql.address")
  .field("city", Schema.STRING_SCHEMA)
  .field("state", Schema.STRING_SCHEMA)
  .field("zipcode", Schema.INT64_SCHEMA)
  .build();

const ORDERS_SCHEMA = SchemaBuilder.struct()
  .name("ksql.orders")
  .field("ordertime", Schema.INT64_SCHEMA)
  .field("orderid", Schema.INT32_SCHEMA)
  .field("itemid", Schema.STRING_SCHEMA)
  .field("orderunits", Schema.FLOAT64_SCHEMA)
  .field("address", ADDRESS_SCHEMA)
  .build();

const GENDERS = ["MALE", "FEMALE", "OTHER"] as const;

function time(random: SeededRandom): bigint {
  return BigInt(random.nextInt(TIME_MIN, TIME_MAX));
}

function numbered(random: SeededRandom, prefix: string, max: number): string {
  return `${prefix}${random.nextInt(1, max + 1)}`;
}

/** `City_` / `State_` then one or two digits 1–9, like Confluent's `City_[1-9]{0,2}` without the empty case. */
function place(random: SeededRandom, prefix: string): string {
  const digits = random.nextInt(1, 3);
  let text = prefix;
  for (let i = 0; i < digits; i++) text += String(random.nextInt(1, 10));
  return text;
}

const USERS: Quickstart = {
  name: "users",
  valueSchema: USERS_SCHEMA,
  keyField: "userid",
  generate(random) {
    return new Struct(USERS_SCHEMA)
      .put("registertime", time(random))
      .put("userid", numbered(random, "User_", 9))
      .put("regionid", numbered(random, "Region_", 9))
      .put("gender", random.pick(GENDERS));
  },
};

const PAGEVIEWS: Quickstart = {
  name: "pageviews",
  valueSchema: PAGEVIEWS_SCHEMA,
  keyField: "viewtime",
  /** `viewtime` counts 1, 11, 21, … per iteration, as Confluent's `iteration {start: 1, step: 10}`. */
  generate(random, iteration) {
    return new Struct(PAGEVIEWS_SCHEMA)
      .put("viewtime", BigInt(iteration) * 10n + 1n)
      .put("userid", numbered(random, "User_", 9))
      .put("pageid", numbered(random, "Page_", 99));
  },
};

const ORDERS: Quickstart = {
  name: "orders",
  valueSchema: ORDERS_SCHEMA,
  keyField: "orderid",
  /** `orderid` is the iteration (0, 1, 2, …), as Confluent's `iteration {start: 0}`, wrapping at 2^31. */
  generate(random, iteration) {
    const ordertime = time(random);
    const itemid = numbered(random, "Item_", 999);
    const orderunits = random.nextFloat(0.1, 10);
    const address = new Struct(ADDRESS_SCHEMA)
      .put("city", place(random, "City_"))
      .put("state", place(random, "State_"))
      .put("zipcode", BigInt(random.nextInt(10_000, 100_000)));
    return new Struct(ORDERS_SCHEMA)
      .put("ordertime", ordertime)
      .put("orderid", iteration % INT32_LIMIT)
      .put("itemid", itemid)
      .put("orderunits", orderunits)
      .put("address", address);
  },
};

/** The supported quickstarts by lower-case name, in the order the documentation lists them. */
export const QUICKSTARTS: ReadonlyMap<string, Quickstart> = new Map([USERS, ORDERS, PAGEVIEWS].map((quickstart) => [quickstart.name, quickstart]));

/** The quickstart named `name` in any case, or null. */
export function findQuickstart(name: string): Quickstart | null {
  return QUICKSTARTS.get(name.toLowerCase()) ?? null;
}
