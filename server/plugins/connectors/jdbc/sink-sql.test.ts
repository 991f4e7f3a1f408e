import { describe, expect, it } from "vitest";
import { BigDecimal } from "@/server/plugins/api/data/big-decimal";
import { ConnectDate, Decimal, Timestamp } from "@/server/plugins/api/data/logical-types";
import { Schema } from "@/server/plugins/api/data/schema";
import { deleteStatement, sqlParam, sqlTypeFor, writeStatement } from "@/server/plugins/connectors/jdbc/sink-sql";

const columns = [{ name: "id", sqlType: "integer" }, { name: "name", sqlType: "text" }];

describe("JDBC sink statements", () => {
  it("writes many rows per statement with one array parameter per column", () => {
    expect(writeStatement("upsert", '"public"."t"', columns, ["id"])).toBe('INSERT INTO "public"."t" ("id", "name") SELECT * FROM unnest($1::integer[], $2::text[]) ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name"');
    expect(writeStatement("update", '"t"', columns, ["id"])).toBe('UPDATE "t" AS t SET "name" = v."name" FROM unnest($1::integer[], $2::text[]) AS v("id", "name") WHERE t."id" = v."id"');
    expect(deleteStatement('"t"', columns.slice(0, 1))).toBe('DELETE FROM "t" WHERE ("id") IN (SELECT * FROM unnest($1::integer[]))');
  });

  it("maps Connect types and values to PostgreSQL's", () => {
    expect(sqlTypeFor(Decimal.schema(2))).toBe("DECIMAL");
    expect(sqlTypeFor(Schema.INT64_SCHEMA)).toBe("BIGINT");
    expect(sqlParam(new BigDecimal(12345n, 2), Decimal.schema(2))).toBe("123.45");
    expect(sqlParam(new Date(Date.UTC(2024, 4, 1)), ConnectDate.SCHEMA)).toBe("2024-05-01");
    expect(sqlParam(new Date(Date.UTC(2024, 4, 1, 12, 0, 0, 5)), Timestamp.SCHEMA)).toBe("2024-05-01T12:00:00.005Z");
    expect(sqlParam(9007199254740993n, Schema.INT64_SCHEMA)).toBe("9007199254740993");
  });
});
