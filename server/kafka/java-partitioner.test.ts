import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { JavaCompatiblePartitioner, murmur2 } from "@/server/kafka/java-partitioner";

const require = createRequire(import.meta.url);
/** kafkajs' own port of Java's murmur2, the reference this one must match. */
const kafkajsMurmur2 = require("kafkajs/src/producer/partitioners/default/murmur2") as (key: Buffer) => number;

describe("Java's murmur2", () => {
  it("hashes exactly as kafkajs' port of Java's murmur2, for every key length", () => {
    for (let length = 0; length < 64; length++) {
      for (let n = 0; n < 20; n++) {
        const key = randomBytes(length);
        expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      }
    }
    expect(murmur2(Buffer.from("User_1"))).toBe(kafkajsMurmur2(Buffer.from("User_1")));
  });

  it("partitions keyed records as Apache Kafka's clients do, keeps explicit partitions and spreads keyless ones", () => {
    const partition = JavaCompatiblePartitioner();
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] }));
    const key = Buffer.from("order-42");
    expect(partition({ topic: "t", partitionMetadata, message: { key, value: null } })).toBe((kafkajsMurmur2(key) & 0x7fffffff) % 3);
    expect(partition({ topic: "t", partitionMetadata, message: { key: "order-42", value: null } })).toBe((kafkajsMurmur2(key) & 0x7fffffff) % 3);
    expect(partition({ topic: "t", partitionMetadata, message: { key, value: null, partition: 2 } })).toBe(2);
    const keyless = new Set(Array.from({ length: 6 }, () => partition({ topic: "t", partitionMetadata, message: { value: null } })));
    expect(keyless).toEqual(new Set([0, 1, 2]));
  });
});
