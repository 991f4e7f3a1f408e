import { describe, expect, it } from "vitest";
import { decodeAssignment, decodeWorkerState, encodeAssignment, encodeWorkerState, type ConnectAssignment } from "@/server/runtime/distributed/connect-protocol";

/** Bytes printed by Apache Kafka Connect 4.3.1's IncrementalCooperativeConnectProtocol (sessioned) for the same values. */
const KAFKA_ASSIGNMENT =
  "0002000000086c65616465722d31000f687474703a2f2f77313a383038332f000000000000002a00000002000373726300000002ffffffff00000000000473696e6b00000001000000010000000100036f6c6400000002ffffffff00000003000009c4";
const KAFKA_STATE = `0002000f687474703a2f2f77323a383038332f000000000000000700000063${KAFKA_ASSIGNMENT}`;
const KAFKA_EMPTY_STATE = "0002000f687474703a2f2f77333a383038332fffffffffffffffffffffffff";

const assignment: ConnectAssignment = {
  version: 2,
  error: 0,
  leader: "leader-1",
  leaderUrl: "http://w1:8083/",
  configOffset: 42,
  assigned: { connectors: ["src"], tasks: [{ connector: "src", task: 0 }, { connector: "sink", task: 1 }] },
  revoked: { connectors: ["old"], tasks: [{ connector: "old", task: 3 }] },
  delayMs: 2500,
};

describe("Kafka Connect's worker group protocol", () => {
  it("encodes an assignment byte for byte as Kafka Connect does, and reads it back", () => {
    expect(encodeAssignment(assignment).toString("hex")).toBe(KAFKA_ASSIGNMENT);
    expect(decodeAssignment(Buffer.from(KAFKA_ASSIGNMENT, "hex"))).toEqual(assignment);
  });

  it("encodes a worker's join metadata as Kafka Connect does, with and without a current assignment", () => {
    expect(encodeWorkerState({ url: "http://w2:8083/", configOffset: 7, assignment }, 2).toString("hex")).toBe(KAFKA_STATE);
    expect(encodeWorkerState({ url: "http://w3:8083/", configOffset: -1, assignment: null }, 2).toString("hex")).toBe(KAFKA_EMPTY_STATE);
    expect(decodeWorkerState(Buffer.from(KAFKA_STATE, "hex"))).toEqual({ url: "http://w2:8083/", configOffset: 7, assignment });
    expect(decodeWorkerState(Buffer.from(KAFKA_EMPTY_STATE, "hex"))).toEqual({ url: "http://w3:8083/", configOffset: -1, assignment: null });
  });

  it("reads an empty assignment as none, and refuses truncated bytes and the eager protocol's version 0", () => {
    expect(decodeAssignment(Buffer.alloc(0))).toBeNull();
    expect(() => decodeAssignment(Buffer.from(KAFKA_ASSIGNMENT.slice(0, 40), "hex"))).toThrow(/ended early/);
    expect(() => decodeAssignment(Buffer.from(`0000${KAFKA_ASSIGNMENT.slice(4)}`, "hex"))).toThrow(/incremental protocol/);
  });
});
