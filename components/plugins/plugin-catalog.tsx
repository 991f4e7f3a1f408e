"use client";

import { useId, useState } from "react";
import { PluginConfigDocs } from "@/components/plugins/plugin-config-docs";
import { groupPlugins, shortName } from "@/components/plugins/plugin-groups";
import { errorAdvice } from "@/components/queries/error-advice";
import { usePlugins, type PluginInfo } from "@/components/queries/plugins";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ChevronDownIcon, PackageIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";

/** One plugin: short name, class, version and description, with its config reference behind a toggle. */
function PluginItem({ plugin }: { plugin: PluginInfo }) {
  const [open, setOpen] = useState(false);
  const docsId = useId();
  const name = shortName(plugin.class);
  return (
    <li className="px-5 py-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">
            {name}
            {plugin.version ? <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">v{plugin.version}</span> : null}
          </p>
          <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{plugin.class}</p>
          {plugin.description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{plugin.description}</p> : null}
        </div>
        <Button aria-expanded={open} aria-controls={open ? docsId : undefined} aria-label={`${open ? "Hide" : "Show"} configuration of ${name}`} onClick={() => setOpen(!open)}>
          {open ? "Hide configuration" : "Show configuration"}
          <ChevronDownIcon className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} />
        </Button>
      </div>
      {open ? <PluginConfigDocs className={plugin.class} id={docsId} /> : null}
    </li>
  );
}

/**
 * Every plugin installed on the worker (`GET /connector-plugins?connectorsOnly=false`), grouped by
 * kind (source and sink connectors, converters, header converters, transformations, predicates,
 * and any other kind the worker lists), with a search over names, descriptions and kinds. Each
 * plugin expands to its configuration reference.
 */
export function PluginCatalog() {
  const plugins = usePlugins();
  const [query, setQuery] = useState("");
  if (plugins.isPending) return <Skeleton className="h-60 w-full" />;
  if (plugins.error) {
    return (
      <ErrorAlert>
        Could not load the plugins: {plugins.error.message} {errorAdvice(plugins.error)}
      </ErrorAlert>
    );
  }
  const groups = groupPlugins(plugins.data, query);
  const shown = groups.reduce((sum, group) => sum + group.plugins.length, 0);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Search plugins
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Class name, description or kind"
            autoComplete="off"
            spellCheck={false}
            className="h-9 rounded-md border border-zinc-300 bg-white px-3 text-sm font-normal text-zinc-900 shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500"
          />
        </label>
        <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
          {shown === plugins.data.length ? `${shown} plugins installed` : `Showing ${shown} of ${plugins.data.length} plugins`}
        </p>
      </div>
      {groups.length === 0 ? (
        <EmptyState icon={PackageIcon} title={plugins.data.length === 0 ? "No plugins installed" : "No plugin matches"} actions={query ? <Button onClick={() => setQuery("")}>Clear search</Button> : undefined}>
          {plugins.data.length === 0 ? (
            <>
              Add plugin packages to the worker&apos;s <InlineCode>plugin.path</InlineCode> and restart it; see docs/writing-a-plugin.md.
            </>
          ) : (
            <>No installed plugin has &ldquo;{query}&rdquo; in its class name, description or kind.</>
          )}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <nav aria-label="Plugin kinds" className="flex flex-wrap gap-2 text-sm">
            {groups.map((group) => (
              <a
                key={group.type}
                href={`#plugins-${group.type}`}
                className="rounded-full border border-zinc-200 bg-white px-3 py-1 text-zinc-700 hover:border-accent-300 hover:text-accent-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:text-accent-300"
              >
                {group.title} <span className="text-zinc-500 dark:text-zinc-400">{group.plugins.length}</span>
              </a>
            ))}
          </nav>
          {groups.map((group) => (
            <section key={group.type} aria-labelledby={`plugins-${group.type}`} className="scroll-mt-20 rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
              <h2 id={`plugins-${group.type}`} className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold dark:border-zinc-800">
                {group.title} <span className="font-normal text-zinc-500 dark:text-zinc-400">({group.plugins.length})</span>
              </h2>
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {group.plugins.map((plugin) => (
                  <PluginItem key={`${group.type}-${plugin.class}`} plugin={plugin} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
