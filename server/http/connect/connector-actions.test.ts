import { beforeEach, describe, expect, it } from "vitest";
import { createConnectHandler } from "@/server/http/connect-api";
import { connectClient } from "@/server/http/connect/testing/connect-client";
import { FakeHerder } from "@/server/http/connect/testing/fake-herder";
import { TributaryError } from "@/server/errors/tributary-error";
import { currentForwardHop } from "@/server/runtime/distributed/forwarding";

const sinkConfig = { "connector.class": "FileStreamSink", "tasks.max": "2", topics: "t", file: "out.txt" };

let herder: FakeHerder;
let call: ReturnType<typeof connectClient>;

beforeEach(async () => {
  herder = new FakeHerder();
  call = connectClient(createConnectHandler(async () => herder));
  expect((await call("POST", "/connectors", { json: { name: "fs", config: sinkConfig } })).status).toBe(201);
});

async function state(): Promise<string> {
  return (await (await call("GET", "/connectors/fs/status")).json()).connector.state;
}

async function expectEmpty(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.text()).toBe("");
}

describe("pause, resume, stop", () => {
  it("pause and resume answer 202 with no body; stop answers 204", async () => {
    await expectEmpty(await call("PUT", "/connectors/fs/pause"), 202);
    expect(await state()).toBe("PAUSED");
    await expectEmpty(await call("PUT", "/connectors/fs/resume"), 202);
    expect(await state()).toBe("RUNNING");
    await expectEmpty(await call("PUT", "/connectors/fs/stop"), 204);
    expect(await state()).toBe("STOPPED");
  });

  it("need no Content-Type, as they take no body", async () => {
    await expectEmpty(await call("PUT", "/connectors/fs/pause", { contentType: "text/plain" }), 202);
  });

  it("answer 404 Unknown connector for an unknown connector", async () => {
    for (const action of ["pause", "resume", "stop"]) {
      const response = await call("PUT", `/connectors/nope/${action}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error_code: 404, message: "Unknown connector nope" });
    }
  });
});

describe("POST /connectors/{c}/restart", () => {
  it("answers 204 with no body without flags, or with both false", async () => {
    await expectEmpty(await call("POST", "/connectors/fs/restart"), 204);
    await expectEmpty(await call("POST", "/connectors/fs/restart?includeTasks=false&onlyFailed=FALSE"), 204);
  });

  it("answers 202 with the restart plan when includeTasks or onlyFailed is true", async () => {
    herder.failTask("fs", 1);
    const all = await call("POST", "/connectors/fs/restart?includeTasks=true");
    expect(all.status).toBe(202);
    expect(await all.json()).toMatchObject({ name: "fs", connector: { state: "RESTARTING" }, tasks: [{ id: 0, state: "RESTARTING" }, { id: 1, state: "RESTARTING" }], type: "sink" });

    const failed = await call("POST", "/connectors/fs/restart?includeTasks=TRUE&onlyFailed=true");
    expect(failed.status).toBe(202);
    expect((await failed.json()).tasks).toEqual([
      { id: 0, state: "RUNNING", worker_id: "fake:8083" },
      { id: 1, state: "RESTARTING", worker_id: "fake:8083" },
    ]);
    expect((await call("POST", "/connectors/fs/restart?onlyFailed=true")).status).toBe(202);
  });

  it("answers 404 for an unknown connector and 400 for a flag that is not a boolean", async () => {
    const unknown = await call("POST", "/connectors/nope/restart?includeTasks=true");
    expect(await unknown.json()).toEqual({ error_code: 404, message: "Unknown connector: nope" });
    expect(await (await call("POST", "/connectors/nope/restart")).json()).toEqual({ error_code: 404, message: "Unknown connector: nope" });
    const bad = await call("POST", "/connectors/fs/restart?includeTasks=yes");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error_code: 400, message: "Query parameter 'includeTasks' must be true or false, not 'yes'." });
  });
});

describe("tasks", () => {
  it("GET /tasks lists TaskInfo with {connector, task} ids", async () => {
    const response = await call("GET", "/connectors/fs/tasks");
    expect(response.status).toBe(200);
    const tasks = await response.json();
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toEqual({ id: { connector: "fs", task: 0 }, config: expect.objectContaining({ "task.class": expect.any(String), topics: "t" }) });
  });

  it("GET /tasks-config keys each task config by \"<c>-<n>\"", async () => {
    const body = await (await call("GET", "/connectors/fs/tasks-config")).json();
    expect(Object.keys(body)).toEqual(["fs-0", "fs-1"]);
    expect(body["fs-1"]).toMatchObject({ topics: "t" });
    expect((await call("GET", "/connectors/nope/tasks-config")).status).toBe(404);
    expect(await (await call("GET", "/connectors/nope/tasks")).json()).toEqual({ error_code: 404, message: "Connector nope not found" });
  });

  it("GET /tasks/{t}/status answers the TaskState, 404 for an unknown or non-integer task", async () => {
    expect(await (await call("GET", "/connectors/fs/tasks/1/status")).json()).toEqual({ id: 1, state: "RUNNING", worker_id: "fake:8083" });
    for (const [task, message] of [
      ["7", "No status found for task fs-7"],
      ["x", "No status found for task fs-x"],
      ["1.5", "No status found for task fs-1.5"],
    ]) {
      const response = await call("GET", `/connectors/fs/tasks/${task}/status`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error_code: 404, message });
    }
  });

  it("POST /tasks/{t}/restart answers 204, 404 Unknown task for an unknown one", async () => {
    herder.failTask("fs", 0);
    await expectEmpty(await call("POST", "/connectors/fs/tasks/0/restart"), 204);
    expect(await (await call("GET", "/connectors/fs/tasks/0/status")).json()).toMatchObject({ state: "RUNNING" });
    expect(await (await call("POST", "/connectors/fs/tasks/9/restart")).json()).toEqual({ error_code: 404, message: "Unknown task: fs-9" });
    expect(await (await call("POST", "/connectors/fs/tasks/abc/restart")).json()).toEqual({ error_code: 404, message: "Unknown task: fs-abc" });
  });
});

describe("between workers", () => {
  it("POST /tasks hands task configs to the leader (204); a body that is not an array of string maps is a 400, an unknown connector a 404", async () => {
    await expectEmpty(await call("POST", "/connectors/fs/tasks", { json: [{ topics: "t", file: "a" }, { topics: "t", file: "b" }] }), 204);
    expect((await (await call("GET", "/connectors/fs/tasks")).json()).map((task: { config: Record<string, string> }) => task.config.file)).toEqual(["a", "b"]);
    expect(await (await call("POST", "/connectors/fs/tasks", { json: { file: "a" } })).json()).toEqual({ error_code: 400, message: "Task configs must be a JSON array of objects with string values" });
    expect((await call("POST", "/connectors/fs/tasks", { json: [{ "tasks.max": 2 }] })).status).toBe(400);
    expect((await call("POST", "/connectors/nope/tasks", { json: [] })).status).toBe(404);
  });

  it("tells the herder which hop a forwarded request is on, and answers another worker's status unchanged", async () => {
    const hops: string[] = [];
    herder.pauseConnector = async () => {
      hops.push(currentForwardHop());
      throw new TributaryError("forwarded.412", "the leader said no");
    };
    for (const query of ["", "?forward=true", "?forward=false"]) {
      expect(await (await call("PUT", `/connectors/fs/pause${query}`)).json()).toEqual({ error_code: 412, message: "the leader said no" });
    }
    expect(hops).toEqual(["client", "first", "last"]);
  });
});

describe("topics", () => {
  it("GET /topics answers {c: {topics}}, even for an unknown connector; reset answers 202", async () => {
    herder.useTopics("fs", ["orders"]);
    expect(await (await call("GET", "/connectors/fs/topics")).json()).toEqual({ fs: { topics: ["orders"] } });
    expect(await (await call("GET", "/connectors/nope/topics")).json()).toEqual({ nope: { topics: [] } });
    await expectEmpty(await call("PUT", "/connectors/fs/topics/reset"), 202);
    expect(await (await call("GET", "/connectors/fs/topics")).json()).toEqual({ fs: { topics: [] } });
  });

  it("answers 403 when topic tracking is disabled", async () => {
    herder.topicTracking = false;
    expect(await (await call("GET", "/connectors/fs/topics")).json()).toEqual({ error_code: 403, message: "Topic tracking is disabled." });
    expect((await call("PUT", "/connectors/fs/topics/reset")).status).toBe(403);
  });
});

describe("offsets", () => {
  const offsets = [{ partition: { kafka_topic: "t", kafka_partition: 0 }, offset: { kafka_offset: 5 } }];

  it("alters, lists and resets offsets of a stopped connector, all 200", async () => {
    await call("PUT", "/connectors/fs/stop");
    const altered = await call("PATCH", "/connectors/fs/offsets", { json: { offsets } });
    expect(altered.status).toBe(200);
    expect(await altered.json()).toEqual({ message: "The offsets for this connector have been altered successfully" });
    const listed = await call("GET", "/connectors/fs/offsets");
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ offsets });
    const reset = await call("DELETE", "/connectors/fs/offsets");
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ message: "The offsets for this connector have been reset successfully" });
    expect(await (await call("GET", "/connectors/fs/offsets")).json()).toEqual({ offsets: [] });
  });

  it("treats a missing offset as null (reset that partition)", async () => {
    await call("PUT", "/connectors/fs/stop");
    await call("PATCH", "/connectors/fs/offsets", { json: { offsets } });
    expect((await call("PATCH", "/connectors/fs/offsets", { json: { offsets: [{ partition: offsets[0]!.partition }] } })).status).toBe(200);
    expect(await (await call("GET", "/connectors/fs/offsets")).json()).toEqual({ offsets: [] });
  });

  it("answers 400 for a connector that is not stopped, with Connect's message", async () => {
    const response = await call("PATCH", "/connectors/fs/offsets", { json: { offsets } });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^Connectors must be in the STOPPED state/);
    expect((await call("DELETE", "/connectors/fs/offsets")).status).toBe(400);
  });

  it("answers 400 for empty or missing offsets and for bodies that do not bind", async () => {
    for (const json of [{ offsets: [] }, {}, { offsets: null }]) {
      const response = await call("PATCH", "/connectors/fs/offsets", { json });
      expect(await response.json()).toEqual({ error_code: 400, message: "Partitions / offsets need to be provided for an alter offsets request" });
    }
    const unknown = await call("PATCH", "/connectors/fs/offsets", { json: { offsets, extra: 1 } });
    expect(await unknown.json()).toEqual({ error_code: 400, message: "Invalid request body: unknown field 'extra' (allowed: 'offsets')." });
    const shape = await call("PATCH", "/connectors/fs/offsets", { json: { offsets: [{ partition: "t-0", offset: {} }] } });
    expect(await shape.json()).toEqual({ error_code: 400, message: "Invalid request body: expected a JSON object, got a string (at offsets[0].partition)." });
    expect((await call("PATCH", "/connectors/fs/offsets", { json: { offsets }, contentType: "text/plain" })).status).toBe(415);
  });

  it("answers 404 for an unknown connector", async () => {
    expect(await (await call("GET", "/connectors/nope/offsets")).json()).toEqual({ error_code: 404, message: "Connector nope not found" });
    expect((await call("DELETE", "/connectors/nope/offsets")).status).toBe(404);
  });
});
