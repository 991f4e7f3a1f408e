/**
 * The HTTP sink against a real local HTTP server and the real broker: a server that fails every
 * third request with 503 still gets every record exactly once; a record it refuses with 400 goes
 * to the dead letter queue while the others arrive.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { readTopic, startStandaloneHarness, type StandaloneHarness } from "@/scripts/test/standalone-harness";
import { scratchTopics } from "@/server/kafka/testing/scratch-topics";

let harness: StandaloneHarness;
const topics = scratchTopics(kafkaBrokers());
const extraTopics: string[] = [];

/** A server that answers each POST with `answer(items, requestNumber)` and keeps what it accepted. */
async function startServer(answer: (items: Array<{ n: number }>, request: number, incoming: IncomingMessage) => number): Promise<{ server: Server; url: string; accepted: Array<{ n: number }>; requests: () => number }> {
  const accepted: Array<{ n: number }> = [];
  let requests = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const items = JSON.parse(body) as Array<{ n: number }>;
      const status = answer(items, ++requests, request);
      if (status < 300) accepted.push(...items);
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `refused with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, accepted, requests: () => requests };
}

async function produce(topic: string, count: number): Promise<void> {
  const producer = harness.clients.producer(uniqueName("http-test"), {});
  await producer.send(Array.from({ length: count }, (_, n) => ({ topic, partition: 0, key: null, value: Buffer.from(JSON.stringify({ n })), headers: [], timestamp: Date.now() })));
  await producer.close();
}

const config = (topic: string, url: string) => ({
  "connector.class": "io.confluent.connect.http.HttpSinkConnector",
  topics: topic,
  "http.api.url": url,
  "value.converter": "org.apache.kafka.connect.json.JsonConverter",
  "value.converter.schemas.enable": "false",
  "retry.backoff.ms": "20",
});

beforeAll(async () => {
  harness = await startStandaloneHarness("http-sink");
});
afterAll(async () => {
  await harness?.close();
  await topics.dropAll(extraTopics);
});

describe("HTTP sink", () => {
  it("delivers every record exactly once to a server that fails every third request with 503", async () => {
    const topic = await topics.create(uniqueName("http"));
    const authorizations = new Set<string | undefined>();
    const { server, url, accepted, requests } = await startServer((_items, request, incoming) => {
      authorizations.add(incoming.headers.authorization);
      return request % 3 === 0 ? 503 : 200;
    });
    try {
      await produce(topic, 1000);
      const name = uniqueName("http");
      await harness.herder.putConnectorConfig(name, { ...config(topic, url), "batch.max.size": "40", "auth.type": "BEARER", "bearer.token": "s3cret", headers: "X-Team: data" }, { allowReplace: true });
      await eventually(() => (accepted.length >= 1000 ? true : undefined), 60_000, "every record at the server");
      expect(accepted.map((item) => item.n)).toEqual(Array.from({ length: 1000 }, (_, n) => n));
      expect(requests()).toBeGreaterThanOrEqual(37);
      expect([...authorizations]).toEqual(["Bearer s3cret"]);
      const validation = await harness.herder.validateConnectorConfig(null, { ...config(topic, url), "auth.type": "BEARER", "bearer.token": "s3cret" });
      expect(JSON.stringify(validation)).not.toContain("s3cret");
      await harness.herder.deleteConnector(name);
    } finally {
      server.close();
    }
  });

  it("sends a record the server refuses with 400 to the dead letter queue and delivers the others", async () => {
    const topic = await topics.create(uniqueName("http-dlq"));
    const dlq = uniqueName("http-dlq-dead");
    extraTopics.push(dlq);
    const { server, url, accepted } = await startServer((items) => (items.some((item) => item.n === 13) ? 400 : 200));
    try {
      await produce(topic, 30);
      const name = uniqueName("http-dlq");
      await harness.herder.putConnectorConfig(
        name,
        { ...config(topic, url), "batch.max.size": "10", "errors.tolerance": "all", "errors.deadletterqueue.topic.name": dlq, "errors.deadletterqueue.topic.replication.factor": "1", "errors.deadletterqueue.context.headers.enable": "true" },
        { allowReplace: true },
      );
      const [dead] = await readTopic(harness.clients, dlq, 1);
      expect(JSON.parse(dead!.value!.toString())).toEqual({ n: 13 });
      const header = (key: string) => dead!.headers.find((h) => h.key === key)?.value?.toString();
      expect(header("__connect.errors.stage")).toBe("TASK_PUT");
      expect(header("__connect.errors.offset")).toBe("13");
      expect(header("__connect.errors.exception.message")).toContain("answered 400 Bad Request: refused with 400");
      await eventually(() => (accepted.length >= 29 ? true : undefined), 30_000, "the other records");
      expect(accepted.map((item) => item.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n).filter((n) => n !== 13));
      await harness.herder.deleteConnector(name);
    } finally {
      server.close();
    }
  });
});
