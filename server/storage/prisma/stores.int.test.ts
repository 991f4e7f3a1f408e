import path from "node:path";
import { afterAll } from "vitest";
import { tempDir } from "@/scripts/test/integration";
import { describeStoreContracts } from "@/server/storage/contracts/store-contract-tests";
import { PrismaConfigStore } from "@/server/storage/prisma/config-store";
import { openDatabase } from "@/server/storage/prisma/database";
import { applyMigrations } from "@/server/storage/prisma/migrate";
import { PrismaOffsetStore } from "@/server/storage/prisma/offset-store";
import { PrismaStatusStore } from "@/server/storage/prisma/status-store";

const folder = tempDir("stores");
afterAll(() => folder.remove());
let count = 0;

describeStoreContracts("prisma (SQLite file)", async () => {
  const url = `file:${path.join(folder.dir, `stores-${count++}.db`)}`;
  applyMigrations(url, path.resolve("prisma", "migrations"));
  const db = openDatabase(url);
  return { config: new PrismaConfigStore(db), offsets: new PrismaOffsetStore(db), status: new PrismaStatusStore(db), close: () => db.$disconnect() };
});
