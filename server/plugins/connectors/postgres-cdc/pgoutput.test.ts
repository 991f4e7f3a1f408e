import { describe, expect, it } from "vitest";
import { decodePgOutput } from "@/server/plugins/connectors/postgres-cdc/pgoutput";

const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const int64 = (n: bigint) => { const b = Buffer.alloc(8); b.writeBigInt64BE(n); return b; };
const cstring = (s: string) => Buffer.concat([Buffer.from(s), Buffer.from([0])]);
const text = (s: string) => Buffer.concat([Buffer.from("t"), int32(Buffer.byteLength(s)), Buffer.from(s)]);
const tuple = (...values: Buffer[]) => Buffer.concat([int16(values.length), ...values]);

describe("pgoutput messages", () => {
  it("decodes begin, relation, insert, update with the old row, delete by key and commit", () => {
    expect(decodePgOutput(Buffer.concat([Buffer.from("B"), int64(0x1000n), int64(5n), int32(742)]))).toEqual({ tag: "begin", finalLsn: 0x1000n, commitTimeMicros: 5n, xid: 742 });
    const relation = Buffer.concat([Buffer.from("R"), int32(16384), cstring("public"), cstring("accounts"), Buffer.from([102]), int16(2), Buffer.from([1]), cstring("id"), int32(23), int32(-1), Buffer.from([0]), cstring("owner"), int32(25), int32(-1)]);
    expect(decodePgOutput(relation)).toEqual({ tag: "relation", relationId: 16384, schema: "public", table: "accounts", columns: [{ name: "id", typeOid: 23, key: true }, { name: "owner", typeOid: 25, key: false }] });
    expect(decodePgOutput(Buffer.concat([Buffer.from("I"), int32(16384), Buffer.from("N"), tuple(text("1"), Buffer.from("n"))]))).toEqual({ tag: "insert", relationId: 16384, after: ["1", null] });
    const update = Buffer.concat([Buffer.from("U"), int32(16384), Buffer.from("O"), tuple(text("1"), text("ada")), Buffer.from("N"), tuple(text("1"), Buffer.from("u"))]);
    expect(decodePgOutput(update)).toEqual({ tag: "update", relationId: 16384, before: ["1", "ada"], beforeIsKeyOnly: false, after: ["1", undefined] });
    expect(decodePgOutput(Buffer.concat([Buffer.from("D"), int32(16384), Buffer.from("K"), tuple(text("7"), Buffer.from("n"))]))).toEqual({ tag: "delete", relationId: 16384, before: ["7", null], beforeIsKeyOnly: true });
    expect(decodePgOutput(Buffer.concat([Buffer.from("C"), Buffer.from([0]), int64(0x1000n), int64(0x1030n), int64(5n)]))).toEqual({ tag: "commit", commitLsn: 0x1000n, endLsn: 0x1030n, commitTimeMicros: 5n });
  });
});
