import { describe, expect, it } from "vitest";
import { JavaPartitioner, murmur2 } from "@/server/kafka/java-partitioner";

/**
 * Key, `Utils.murmur2(key.getBytes(UTF_8))`, and `Utils.toPositive(hash) % n` for 3 and 12
 * partitions, as printed by Apache Kafka 4.4.0's own kafka-clients on JDK 17.
 */
const JAVA_RESULTS: Array<[string, number, number, number]> = [
  ["", 275646681, 0, 9],
  ["a", -1563381124, 1, 4],
  ["ab", 316155434, 2, 2],
  ["abc", 479470107, 0, 3],
  ["abcd", -1323649548, 2, 8],
  ["User_1", 75255973, 1, 1],
  ["order-42", 501153024, 0, 0],
  ["Page_81", 367335669, 0, 9],
  ["21", -973932308, 0, 0],
  ["key-with-unicode-é😀", 1809789774, 0, 6],
  ["0123456789abcdefghij", 79869466, 1, 10],
];

describe("Java's default partitioning", () => {
  it("hashes keys exactly as Kafka's Utils.murmur2, for every length class", () => {
    for (const [key, hash] of JAVA_RESULTS) expect(murmur2(Buffer.from(key)), key).toBe(hash);
  });

  it("puts a keyed record in the partition Kafka's default partitioner picks", () => {
    const partitioner = new JavaPartitioner();
    for (const [key, , of3, of12] of JAVA_RESULTS) {
      expect(partitioner.partition("t", Buffer.from(key), 3), key).toBe(of3);
      expect(partitioner.partition("t", Buffer.from(key), 12), key).toBe(of12);
    }
  });

  it("keeps keyless records of one batch together and moves the next batch on", () => {
    const partitioner = new JavaPartitioner();
    const batch = () => {
      const chosen = new Set(Array.from({ length: 10 }, () => partitioner.partition("t", null, 4)));
      partitioner.nextBatch();
      return chosen;
    };
    const batches = Array.from({ length: 4 }, batch);
    for (const chosen of batches) expect(chosen.size).toBe(1);
    expect(new Set(batches.map((chosen) => [...chosen][0]))).toEqual(new Set([0, 1, 2, 3]));
  });
});
