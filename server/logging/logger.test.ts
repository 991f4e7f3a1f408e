import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";
import { getLogger, loggerLevel, loggerLevels, resetLogging, setLoggerLevel } from "@/server/logging/logger";

let lines: Array<{ logger: string; msg: string }>;

beforeEach(() => {
  lines = [];
  resetLogging(new Writable({ write: (chunk, _encoding, done) => void (lines.push(JSON.parse(chunk.toString())), done()) }) as never);
});
afterEach(() => resetLogging(process.stdout as never));

describe("logger levels", () => {
  it("sets a logger and the known loggers below it in the dotted tree, returning their sorted names", () => {
    const child = getLogger("tributary.runtime.task");
    getLogger("tributary.runtimes");
    expect(setLoggerLevel("tributary.runtime", "debug")).toEqual(["tributary.runtime", "tributary.runtime.task"]);
    child.debug("shown");
    getLogger("tributary.runtimes").debug("hidden");
    expect(lines.map((line) => [line.logger, line.msg])).toEqual([["tributary.runtime.task", "shown"]]);
    expect(loggerLevel("tributary.runtimes")).toEqual({ level: "WARN", last_modified: null });
  });

  it("gives loggers created later the level of their closest explicit ancestor", () => {
    setLoggerLevel("kafkajs", "ERROR");
    setLoggerLevel("kafkajs.Consumer", "TRACE");
    expect(getLogger("kafkajs.Consumer.fetch").level).toBe("trace");
    expect(getLogger("kafkajs.Producer").level).toBe("error");
    expect(getLogger("other").level).toBe("warn");
  });

  it("sets every logger through root and silences with OFF", () => {
    getLogger("a.b");
    expect(setLoggerLevel("root", "off")).toEqual(["a.b", "root"]);
    getLogger("a.b").error("hidden");
    getLogger("new.one").fatal("hidden too");
    expect(lines).toEqual([]);
    expect(loggerLevel("root")).toEqual({ level: "OFF", last_modified: expect.any(Number) });
  });

  it("lists every logger created so far plus root, sorted, with when a change last set each, leaving out OFF ones", () => {
    getLogger("implicit");
    getLogger("muted");
    const before = Date.now();
    setLoggerLevel("zeta", "Info");
    setLoggerLevel("alpha", "FATAL");
    setLoggerLevel("muted", "OFF");
    const levels = loggerLevels();
    expect(Object.keys(levels)).toEqual(["alpha", "implicit", "root", "zeta"]);
    expect(levels.root).toEqual({ level: "WARN", last_modified: null });
    expect(levels.implicit).toEqual({ level: "WARN", last_modified: null });
    expect(levels.zeta!.level).toBe("INFO");
    expect(levels.alpha!.last_modified).toBeGreaterThanOrEqual(before);
  });

  it("answers [] and stamps nothing when the level is unchanged; lists only the loggers a change moved", () => {
    getLogger("tributary.runtime.task");
    getLogger("tributary.console");
    expect(setLoggerLevel("root", "WARN")).toEqual([]);
    expect(loggerLevel("root").last_modified).toBeNull();
    expect(loggerLevel("tributary.console").last_modified).toBeNull();
    setLoggerLevel("tributary.runtime", "DEBUG");
    expect(setLoggerLevel("root", "DEBUG")).toEqual(["root", "tributary.console"]);
    expect(setLoggerLevel("tributary.runtime", "DEBUG")).toEqual([]);
  });

  it("refuses unknown level names and unknown loggers with Connect's messages", () => {
    expect(() => setLoggerLevel("x", "verbose")).toThrow(new TributaryError("logger.invalid_level", "invalid log level 'verbose'."));
    expect(() => loggerLevel("never.created")).toThrow("Logger never.created not found.");
    expect(loggerLevels()).toEqual({ root: { level: "WARN", last_modified: null } });
  });
});
