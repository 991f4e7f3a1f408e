/**
 * Bundles the headless worker and CLI (`server/cli/main.ts` and everything it imports from the
 * project) into `dist/tributary.mjs` with esbuild, so `tributary` runs plain JavaScript instead of
 * compiling TypeScript at every start (start-up time and memory). Packages stay imports of
 * node_modules. `bin/tributary.mjs` calls `ensureWorkerBundle()` at each start: it rebuilds when a
 * source is newer than the bundle (about a second), so the bundle never runs stale code.
 * Run directly (`npm run build:worker`) to build now.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(home, "dist", "tributary.mjs");
const SOURCES = ["server", "package.json", "tsconfig.json"];

function newest(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(entry)) if (child !== "node_modules") latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

/** Whether the bundle exists and no source is newer than it. */
export function workerBundleIsFresh() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  return built !== undefined && Math.max(...SOURCES.map((entry) => newest(path.join(home, entry)))) <= built.mtimeMs;
}

/** Builds the bundle (and its source map) into place atomically; returns its path. */
export async function buildWorkerBundle() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(home, "server", "cli", "main.ts")],
    absWorkingDir: home,
    tsconfig: path.join(home, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    keepNames: true,
    sourcemap: "linked",
    outfile: bundle,
    write: false,
    logLevel: "error",
  });
  mkdirSync(path.dirname(bundle), { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return bundle;
}

/** The bundle's path, rebuilt first when missing or stale. */
export async function ensureWorkerBundle() {
  return workerBundleIsFresh() ? bundle : buildWorkerBundle();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildWorkerBundle();
  console.log(`Built ${path.relative(home, bundle)} in ${Date.now() - started} ms${existsSync(`${bundle}.map`) ? " (with its source map)" : ""}`);
}
