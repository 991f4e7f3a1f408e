"use client";

import { useConnectionTest } from "@/components/queries/connection-test";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** The ConfigDef groups that hold a connector's connection settings, and so get the button. */
export const CONNECTION_GROUPS: ReadonlySet<string> = new Set(["Connection", "Database"]);

/**
 * "Test connection": sends the config as it stands to the server, which asks the connector to
 * reach its system, and shows the answer (what was reached, or why not) beside the button.
 */
export function ConnectionTestButton({ config }: { config: Readonly<ConnectorConfig> }) {
  const test = useConnectionTest();
  const result = test.data;
  const tone = test.isError || (result && !result.ok) ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => test.mutate({ ...config })}
        disabled={test.isPending}
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {test.isPending ? "Testing…" : "Test connection"}
      </button>
      {test.isError || result ? (
        <p role="status" className={`text-sm ${tone}`}>
          {test.isError ? test.error.message : result!.message}
        </p>
      ) : null}
    </div>
  );
}
