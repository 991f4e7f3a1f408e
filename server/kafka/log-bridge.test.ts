import { Writable } from "node:stream";
import { logLevel } from "kafkajs";
import { afterEach, describe, expect, it } from "vitest";
import { kafkaLogCreator, kafkaLogLevel } from "@/server/kafka/log-bridge";
import { getLogger, resetLogging } from "@/server/logging/logger";

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  resetLogging(new Writable({ write: (chunk, _enc, done) => void (lines.push(JSON.parse(chunk.toString())), done()) }) as never);
  return lines;
}

afterEach(() => resetLogging(process.stdout as never));

describe("kafkajs log bridge", () => {
  it("writes kafkajs lines into the kafkajs.<namespace> logger with their fields", () => {
    const lines = capture();
    const log = kafkaLogCreator(logLevel.INFO);
    log({ namespace: "Consumer", level: logLevel.ERROR, label: "ERROR", log: { timestamp: "t", logger: "kafkajs", message: "Crash: boom", groupId: "g1" } });
    log({ namespace: "Producer", level: logLevel.WARN, label: "WARN", log: { timestamp: "t", logger: "kafkajs", message: "slow" } });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "error", logger: "kafkajs.Consumer", msg: "Crash: boom", groupId: "g1" });
    expect(lines[0]).not.toHaveProperty("timestamp");
    expect(lines[1]).toMatchObject({ level: "warn", logger: "kafkajs.Producer", msg: "slow" });
  });

  it("logs kafkajs' per-response failures at warn: the caller sees the error that matters", () => {
    const lines = capture();
    const log = kafkaLogCreator(logLevel.INFO);
    log({ namespace: "Connection", level: logLevel.ERROR, label: "ERROR", log: { timestamp: "t", logger: "kafkajs", message: "Response GroupCoordinator(key: 10, version: 2)", error: "The group coordinator is not available" } });
    log({ namespace: "Connection", level: logLevel.ERROR, label: "ERROR", log: { timestamp: "t", logger: "kafkajs", message: "Connection error: connect ECONNREFUSED" } });
    expect(lines.map((line) => line.level)).toEqual(["warn", "error"]);
  });

  it("keeps kafkajs' bounded-retries notice for the replay producer out of an operator's warnings", () => {
    const lines = capture();
    getLogger("kafkajs.Producer").level = "debug";
    const log = kafkaLogCreator(logLevel.DEBUG);
    log({ namespace: "Producer", level: logLevel.WARN, label: "WARN", log: { timestamp: "t", logger: "kafkajs", message: "Limiting retries for the idempotent producer may invalidate EoS guarantees" } });
    expect(lines.map((line) => line.level)).toEqual(["debug"]);
  });

  it("asks kafkajs for no more than the kafkajs logger prints", () => {
    capture();
    getLogger("kafkajs").level = "warn";
    expect(kafkaLogLevel()).toBe(logLevel.WARN);
    getLogger("kafkajs").level = "debug";
    expect(kafkaLogLevel()).toBe(logLevel.DEBUG);
  });
});
