#!/usr/bin/env node
// The `tributary` command: runs server/cli/main.ts through tsx, from any working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.TRIBUTARY_HOME ??= home;
register({ tsconfig: path.join(home, "tsconfig.json") });
await import("../server/cli/main.ts");
