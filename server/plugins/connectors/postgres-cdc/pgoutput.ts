import { DataException } from "@/server/plugins/api/data/errors";

/** A column of a Relation message. */
export interface RelationColumn {
  name: string;
  typeOid: number;
  /** Part of the replica identity (the key sent with updates and deletes). */
  key: boolean;
}

/** A column value in a tuple: its text, null, or `undefined` for an unchanged TOASTed value the server did not send. */
export type TupleValue = string | null | undefined;

/** The `pgoutput` messages (protocol version 1) the CDC source uses; others decode as `other`. */
export type PgOutputMessage =
  | { tag: "begin"; finalLsn: bigint; commitTimeMicros: bigint; xid: number }
  | { tag: "commit"; commitLsn: bigint; endLsn: bigint; commitTimeMicros: bigint }
  | { tag: "relation"; relationId: number; schema: string; table: string; columns: RelationColumn[] }
  | { tag: "insert"; relationId: number; after: TupleValue[] }
  | { tag: "update"; relationId: number; before: TupleValue[] | null; beforeIsKeyOnly: boolean; after: TupleValue[] }
  | { tag: "delete"; relationId: number; before: TupleValue[]; beforeIsKeyOnly: boolean }
  | { tag: "other"; code: string };

/** PostgreSQL's epoch (2000-01-01) in Unix microseconds. */
export const PG_EPOCH_MICROS = 946_684_800_000_000n;

class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}
  byte(): number {
    return this.buffer.readUInt8(this.offset++);
  }
  int16(): number {
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }
  int32(): number {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  uint32(): number {
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  int64(): bigint {
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }
  string(): string {
    const end = this.buffer.indexOf(0, this.offset);
    const value = this.buffer.toString("utf8", this.offset, end);
    this.offset = end + 1;
    return value;
  }
  text(length: number): string {
    const value = this.buffer.toString("utf8", this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  tuple(): TupleValue[] {
    const count = this.int16();
    const values: TupleValue[] = [];
    for (let i = 0; i < count; i++) {
      const kind = String.fromCharCode(this.byte());
      if (kind === "n") values.push(null);
      else if (kind === "u") values.push(undefined);
      else if (kind === "t") values.push(this.text(this.int32()));
      else throw new DataException(`pgoutput: unexpected tuple value kind '${kind}'`);
    }
    return values;
  }
}

/**
 * Decodes one `pgoutput` message (PostgreSQL's logical replication protocol, version 1, text
 * values). Transaction timestamps are microseconds since PostgreSQL's epoch (add PG_EPOCH_MICROS).
 */
export function decodePgOutput(data: Buffer): PgOutputMessage {
  const reader = new Reader(data);
  const code = String.fromCharCode(reader.byte());
  switch (code) {
    case "B":
      return { tag: "begin", finalLsn: reader.int64(), commitTimeMicros: reader.int64(), xid: reader.uint32() };
    case "C": {
      reader.byte();
      return { tag: "commit", commitLsn: reader.int64(), endLsn: reader.int64(), commitTimeMicros: reader.int64() };
    }
    case "R": {
      const relationId = reader.uint32();
      const schema = reader.string();
      const table = reader.string();
      reader.byte();
      const count = reader.int16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < count; i++) {
        const flags = reader.byte();
        const name = reader.string();
        const typeOid = reader.uint32();
        reader.int32();
        columns.push({ name, typeOid, key: (flags & 1) === 1 });
      }
      return { tag: "relation", relationId, schema, table, columns };
    }
    case "I": {
      const relationId = reader.uint32();
      reader.byte();
      return { tag: "insert", relationId, after: reader.tuple() };
    }
    case "U": {
      const relationId = reader.uint32();
      const marker = String.fromCharCode(reader.byte());
      let before: TupleValue[] | null = null;
      const beforeIsKeyOnly = marker === "K";
      if (marker === "K" || marker === "O") {
        before = reader.tuple();
        reader.byte();
      }
      return { tag: "update", relationId, before, beforeIsKeyOnly, after: reader.tuple() };
    }
    case "D": {
      const relationId = reader.uint32();
      const marker = String.fromCharCode(reader.byte());
      return { tag: "delete", relationId, before: reader.tuple(), beforeIsKeyOnly: marker === "K" };
    }
    default:
      return { tag: "other", code };
  }
}
