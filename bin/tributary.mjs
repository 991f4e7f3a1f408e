#!/usr/bin/env node
// The `tributary` command: runs the headless worker and CLI from the bundle that
// scripts/build-worker.mjs builds (rebuilt first when a source changed), from any working
// directory. Stack traces point at the TypeScript sources through the bundle's source map.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWorkerBundle } from "../scripts/build-worker.mjs";

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.TRIBUTARY_HOME ??= home;
process.setSourceMapsEnabled(true);
await import(await ensureWorkerBundle());
