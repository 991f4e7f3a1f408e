"use client";

import { groupConfigKeys } from "@/components/plugins/plugin-groups";
import { ConnectApiError } from "@/components/queries/connector-api";
import { errorAdvice } from "@/components/queries/error-advice";
import { usePluginConfig } from "@/components/queries/plugin-config";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

const importanceClass: Record<string, string> = {
  HIGH: "text-zinc-900 dark:text-zinc-100 font-medium",
  MEDIUM: "text-zinc-700 dark:text-zinc-300",
  LOW: "text-zinc-500 dark:text-zinc-400",
};

/**
 * A plugin's configuration reference, loaded when shown: per group, a table of its keys with
 * type, default (or "required"), importance and documentation. A plugin that declares no
 * configuration says so instead of showing an error.
 */
export function PluginConfigDocs({ className, id }: { className: string; id: string }) {
  const config = usePluginConfig(className, true);
  return (
    <div id={id} className="mt-3">
      {config.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : config.error ? (
        config.error instanceof ConnectApiError && config.error.status === 400 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This plugin takes no configuration settings.</p>
        ) : (
          <ErrorAlert>
            Could not load its configuration: {config.error.message} {errorAdvice(config.error)}
          </ErrorAlert>
        )
      ) : config.data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This plugin takes no configuration settings.</p>
      ) : (
        <div className="space-y-4">
          {groupConfigKeys(config.data).map(({ group, keys }) => (
            <div key={group} className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
              <table className="w-full text-left text-sm">
                <caption className="border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-left text-xs font-semibold text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
                  {group} settings
                </caption>
                <thead className="text-xs font-medium text-zinc-500 uppercase dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="px-4 py-2">Key</th>
                    <th scope="col" className="px-4 py-2">Type</th>
                    <th scope="col" className="px-4 py-2">Default</th>
                    <th scope="col" className="px-4 py-2">Importance</th>
                    <th scope="col" className="px-4 py-2">Documentation</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
                  {keys.map((key) => (
                    <tr key={key.name}>
                      <th scope="row" className="px-4 py-2 font-mono text-xs font-medium whitespace-nowrap">{key.name}</th>
                      <td className="px-4 py-2 font-mono text-xs">{key.type}</td>
                      <td className="px-4 py-2 font-mono text-xs break-all">
                        {key.required ? <span className="font-sans font-medium text-red-700 dark:text-red-400">required</span> : key.default_value === null || key.default_value === "" ? <span className="text-zinc-400">none</span> : key.default_value}
                      </td>
                      <td className={`px-4 py-2 text-xs capitalize ${importanceClass[key.importance] ?? ""}`}>{key.importance.toLowerCase()}</td>
                      <td className="min-w-64 px-4 py-2 text-xs leading-5 text-zinc-700 dark:text-zinc-300">{key.documentation || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
