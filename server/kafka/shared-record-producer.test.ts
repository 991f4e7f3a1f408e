import { describe, expect, it } from "vitest";
import { KafkaError } from "@/server/kafka/errors";
import { SharedRecordProducer } from "@/server/kafka/shared-record-producer";
import type { OutgoingRecord, RecordMetadata, RecordProducer } from "@/server/runtime/ports";

/**
 * A producer that writes each record at the next offset of its topic's partition 0. It fails a
 * request with `failNext`, refuses any request with a record for `refusedTopic`, and keeps each
 * request on the wire until `release()` while `holding`.
 */
class CountingProducer implements RecordProducer {
  closed = false;
  failNext: Error | null = null;
  refusedTopic = "";
  holding = false;
  /** A request of this many records fails retriably. */
  failRequestsOf = 0;
  /** How many records each request carried. */
  readonly requests: number[] = [];
  private readonly next = new Map<string, bigint>();
  private held: Array<() => void> = [];

  release(): void {
    this.holding = false;
    this.held.splice(0).forEach((wake) => wake());
  }

  async send(records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    this.requests.push(records.length);
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    await Promise.resolve();
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    if (records.length === this.failRequestsOf) throw new KafkaError("kafka.not_leader_or_follower", "leader moved", { retriable: true });
    if (records.some((r) => r.topic === this.refusedTopic)) throw new KafkaError("kafka.topic_authorization_failed", `not allowed to write ${this.refusedTopic}`);
    return records.map(({ topic }) => {
      const offset = this.next.get(topic) ?? 0n;
      this.next.set(topic, offset + 1n);
      return { topic, partition: 0, offset };
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

const record = (topic: string, value: string): OutgoingRecord => ({ topic, partition: null, key: null, value: Buffer.from(value), headers: [], timestamp: null });

function shared() {
  const built: CountingProducer[] = [];
  const pool = new SharedRecordProducer(() => {
    const producer = new CountingProducer();
    built.push(producer);
    return producer;
  });
  return { pool, built };
}

describe("SharedRecordProducer", () => {
  it("builds one producer for every lease and gives each send its own records' metadata, in order", async () => {
    const { pool, built } = shared();
    const a = pool.lease();
    const b = pool.lease();
    const [fromA, fromB] = await Promise.all([a.send([record("t", "a1"), record("t", "a2")]), b.send([record("t", "b1")])]);
    expect(built).toHaveLength(1);
    expect(fromA.map((m) => m.offset)).toEqual([0n, 1n]);
    expect(fromB).toEqual([{ topic: "t", partition: 0, offset: 2n }]);
  });

  it("closes the producer only when its last lease closes, and closing a lease twice counts once", async () => {
    const { pool, built } = shared();
    const a = pool.lease();
    const b = pool.lease();
    await a.close();
    await a.close();
    expect(built[0]!.closed).toBe(false);
    expect(await b.send([record("t", "still")])).toHaveLength(1);
    await b.close();
    expect(built[0]!.closed).toBe(true);

    const c = pool.lease();
    expect(built).toHaveLength(2);
    await c.close();
  });

  it("sends what leases sent while a request was on the wire as one request, each lease getting its own records' metadata", async () => {
    const { pool, built } = shared();
    const [a, b, c] = [pool.lease(), pool.lease(), pool.lease()];
    built[0]!.holding = true;
    const first = a.send([record("t", "a1")]);
    await Promise.resolve();
    const second = b.send([record("t", "b1"), record("t", "b2")]);
    const third = c.send([record("u", "c1")]);
    built[0]!.release();
    expect(await first).toEqual([{ topic: "t", partition: 0, offset: 0n }]);
    expect(await second).toEqual([{ topic: "t", partition: 0, offset: 1n }, { topic: "t", partition: 0, offset: 2n }]);
    expect(await third).toEqual([{ topic: "u", partition: 0, offset: 0n }]);
    expect(built[0]!.requests).toEqual([1, 3]);
  });

  it("tries each send of a request refused for good alone, so only the lease whose records were refused fails", async () => {
    const { pool, built } = shared();
    const [a, b, c] = [pool.lease(), pool.lease(), pool.lease()];
    built[0]!.holding = true;
    const first = a.send([record("t", "a1")]);
    await Promise.resolve();
    built[0]!.refusedTopic = "secret";
    const refused = b.send([record("secret", "b1")]);
    const fine = c.send([record("t", "c1")]);
    built[0]!.release();
    await first;
    await expect(refused).rejects.toThrow("not allowed to write secret");
    expect(await fine).toEqual([{ topic: "t", partition: 0, offset: 1n }]);
    expect(built[0]!.requests).toEqual([1, 2, 1, 1]);
  });

  it("fails every send of a request that failed retriably, each lease then resending its own", async () => {
    const { pool, built } = shared();
    const [a, b, c] = [pool.lease(), pool.lease(), pool.lease()];
    built[0]!.holding = true;
    const first = a.send([record("t", "a1")]);
    await Promise.resolve();
    const second = b.send([record("t", "b1")]);
    const third = c.send([record("t", "c1")]);
    built[0]!.failRequestsOf = 2;
    built[0]!.release();
    await first;
    await expect(second).rejects.toThrow("leader moved");
    await expect(third).rejects.toThrow("leader moved");
    expect(built[0]!.requests).toEqual([1, 2]);
    expect(await b.send([record("t", "b1")])).toEqual([{ topic: "t", partition: 0, offset: 1n }]);
  });

  it("rejects a send refused for its own records for that lease only", async () => {
    const { pool, built } = shared();
    const a = pool.lease();
    const b = pool.lease();
    built[0]!.failNext = new KafkaError("kafka.topic_authorization_failed", "not allowed");
    await expect(a.send([record("secret", "x")])).rejects.toThrow("not allowed");
    expect(await b.send([record("t", "fine")])).toHaveLength(1);
    expect(await a.send([record("t", "next")])).toHaveLength(1);
  });

  it("after a fatal error fails every lease's next send on that producer, and gives later leases a new one", async () => {
    const { pool, built } = shared();
    const a = pool.lease();
    const b = pool.lease();
    built[0]!.failNext = new KafkaError("kafka.out_of_order_sequence_number", "sequence lost");
    await expect(a.send([record("t", "x")])).rejects.toThrow("sequence lost");
    await expect(b.send([record("t", "y")])).rejects.toThrow("sequence lost");

    const restarted = pool.lease();
    expect(await restarted.send([record("t", "z")])).toEqual([{ topic: "t", partition: 0, offset: 0n }]);
    expect(built).toHaveLength(2);
    await a.close();
    await b.close();
    expect(built[0]!.closed).toBe(true);
    expect(built[1]!.closed).toBe(false);
  });
});
