import { describeStoreContracts } from "@/server/storage/contracts/store-contract-tests";
import { MemoryConfigStore } from "@/server/storage/memory/config-store";
import { MemoryOffsetStore } from "@/server/storage/memory/offset-store";
import { MemoryStatusStore } from "@/server/storage/memory/status-store";

describeStoreContracts("memory", async () => ({
  config: new MemoryConfigStore(),
  offsets: new MemoryOffsetStore(),
  status: new MemoryStatusStore(),
  close: async () => {},
}));
