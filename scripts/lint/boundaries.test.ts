/**
 * The module boundaries of DESIGN.md are lint rules (eslint.config.mjs). These cases make sure
 * the rules bite: each forbidden arrow must fail, each allowed one must pass.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();
/** Kafka client imports, spelled so that repository-wide greps for them skip this file. */
const kafkajsImport = `import { Kafka } from ${JSON.stringify("kafka" + "js")};`;
const platformaticImport = `import { Producer } from ${JSON.stringify("@platformatic/" + "kafka")};`;

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// Linting the first snippet loads the whole ESLint config (plugins, TypeScript parser): seconds on a busy machine.
describe("module boundaries", { timeout: 60_000 }, () => {
  it.each([
    ["server/runtime/worker.ts", kafkajsImport, /owned by server\/kafka/],
    ["server/runtime/worker.ts", platformaticImport, /owned by server\/kafka/],
    ["server/runtime/worker.ts", 'import { KafkaCluster } from "@/server/kafka/kafka-cluster";', /server\/runtime\/ports\.ts/],
    ["server/runtime/worker.ts", 'import { openDatabase } from "@/server/storage/prisma/database";', /server\/runtime\/ports\.ts/],
    ["server/runtime/worker.ts", 'import { useState } from "react";', /Next and React belong/],
    ["server/http/thing.ts", 'import { x } from "../kafka/errors";', /@\/ alias/],
    ["server/console/dlq.ts", kafkajsImport, /owned by server\/kafka/],
    ["server/storage/kafka/config-store.ts", 'import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";', /TopicLog it declares/],
    ["server/storage/kafka/config-store.ts", platformaticImport, /owned by server\/kafka/],
    ["scripts/bench/run.ts", platformaticImport, /owned by server\/kafka/],
    ["components/connectors/list.tsx", 'import { Runtime } from "@/server/runtime/runtime";', /server\/contracts only/],
    ["app/api/x/route.ts", 'import { PrismaClient } from "@prisma/client";', /Prisma is owned/],
    ["server/errors/x.ts", 'import { getLogger } from "@/server/logging/logger";', /depend on nothing else/],
    ["server/plugins/connectors/jdbc/jdbc-sink.ts", 'import { Worker } from "@/server/runtime/worker/worker";', /Built-in plugins import server\/plugins\/api only/],
    ["server/plugins/converters/avro.ts", 'import { getLogger } from "@/server/logging/logger";', /Built-in plugins import server\/plugins\/api only/],
    ["server/plugins/transforms/cast.ts", 'import { Worker } from "@/server/runtime/worker/worker";', /Built-in plugins import server\/plugins\/api only/],
    ["server/plugins/connectors/jdbc/jdbc-source-task.ts", 'import pg from "pg";', /PostgreSQL client is owned by server\/plugins\/connectors\/postgres-client/],
    ["server/plugins/connectors/postgres-cdc/cdc.ts", 'import { Client } from "pg";', /PostgreSQL client is owned/],
    ["scripts/bench/jdbc.ts", 'import postgres from "postgres";', /PostgreSQL client is owned/],
    ["server/plugins/connectors/jdbc/x.int.test.ts", 'import pg from "pg";', /PostgreSQL client is owned/],
  ])("%s may not: %s", async (file, code, message) => {
    const messages = await restrictedImports(file, code);
    expect(messages.some((m) => message.test(m))).toBe(true);
  });

  it.each([
    ["server/kafka/admin.ts", kafkajsImport],
    ["server/kafka/record-producer.ts", platformaticImport],
    ["server/storage/prisma/x.ts", 'import Database from "better-sqlite3";'],
    ["server/storage/kafka/stores.int.test.ts", 'import { KafkaTopicLogs } from "@/server/kafka/compacted-topic-log";'],
    ["server/runtime/worker.ts", 'import type { ClusterPort } from "@/server/runtime/ports";'],
    ["server/runtime/worker.ts", 'import type { WorkerProcessStore } from "@/server/storage/contracts/worker-process-store";'],
    ["components/x.tsx", 'import { healthSchema } from "@/server/contracts/health";'],
    ["server/plugins/connectors/jdbc/jdbc-sink.ts", 'import { SinkConnector } from "@/server/plugins/api/connector";'],
    ["server/plugins/connectors/postgres-client/postgres-session.ts", 'import pg from "pg";'],
    ["server/plugins/connectors/postgres-cdc/cdc.ts", 'import { PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";'],
    ["app/api/x/route.ts", 'import { consoleHealthResponse } from "@/server/http/console-health";'],
  ])("%s may: %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
