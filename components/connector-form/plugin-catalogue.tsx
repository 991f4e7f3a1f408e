"use client";

import { Fragment, useId, useState } from "react";
import { inputClass, ToggleGroup } from "@/components/connector-form/form-controls";
import { catalogue, simpleName, type CatalogueFilter } from "@/components/connector-form/plugin-lookup";
import type { PluginInfo } from "@/components/queries/plugins";
import { StatusBadge } from "@/components/ui/badge";

const FILTERS = [
  { value: "all" as const, label: "All" },
  { value: "source" as const, label: "Sources" },
  { value: "sink" as const, label: "Sinks" },
];

/** One connector of the catalogue: a button named by its simple class name, described by its class and description. */
function PluginCard({ plugin, selected, onChoose }: { plugin: PluginInfo; selected: boolean; onChoose: () => void }) {
  const id = useId();
  return (
    <li>
      <button
        type="button"
        aria-pressed={selected}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-details`}
        onClick={onChoose}
        className="flex h-full w-full flex-col items-start gap-2 rounded-xl border border-zinc-200 bg-white p-4 text-left shadow-xs transition-colors hover:border-accent-400 hover:bg-accent-50/40 aria-pressed:border-accent-500 aria-pressed:ring-2 aria-pressed:ring-accent-500/30 dark:border-zinc-800 dark:bg-zinc-900/60 dark:hover:border-accent-500 dark:hover:bg-accent-950/20"
      >
        <span className="flex w-full items-center justify-between gap-2">
          <span id={`${id}-name`} className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            {simpleName(plugin.class)}
          </span>
          <StatusBadge tone="neutral" label={plugin.type === "source" ? "Source" : "Sink"} />
        </span>
        <span id={`${id}-details`} className="grid gap-1">
          {plugin.description ? <span className="text-sm leading-5 text-zinc-600 dark:text-zinc-400">{plugin.description}</span> : null}
          <span className="font-mono text-xs text-zinc-500 dark:text-zinc-500">
            {plugin.class.split(".").map((part, index) => (
              <Fragment key={index}>
                {index > 0 ? <>.<wbr /></> : null}
                {part}
              </Fragment>
            ))}
            {plugin.version ? ` · ${plugin.version}` : ""}
          </span>
        </span>
      </button>
    </li>
  );
}

/**
 * The connector catalogue: the installed source and sink connectors as cards, filtered by type
 * and by a search over class names and descriptions. Choosing one calls `onChoose` with its
 * full class name; the card of `selected` (a class name) shows as pressed.
 */
export function PluginCatalogue({ plugins, selected, onChoose }: { plugins: readonly PluginInfo[]; selected: string | undefined; onChoose: (className: string) => void }) {
  const [filter, setFilter] = useState<CatalogueFilter>("all");
  const [search, setSearch] = useState("");
  const shown = catalogue(plugins, filter, search);
  return (
    <section aria-labelledby="catalogue-title" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="catalogue-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">Choose a connector plugin</h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">The connectors installed on this worker. Sources read into Kafka; sinks write out of it.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ToggleGroup label="Connector type" value={filter} options={FILTERS} onChange={setFilter} />
          <input type="search" aria-label="Search plugins" placeholder="Search plugins" value={search} onChange={(event) => setSearch(event.target.value)} className={`${inputClass} w-56`} />
        </div>
      </div>
      {shown.length > 0 ? (
        <ul aria-label="Connector plugins" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((plugin) => (
            <PluginCard key={plugin.class} plugin={plugin} selected={plugin.class === selected} onChoose={() => onChoose(plugin.class)} />
          ))}
        </ul>
      ) : (
        <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          No {filter === "all" ? "connector" : filter} plugins match{search ? ` “${search}”` : ""}. Clear the search, or add plugins to the worker&apos;s <code className="font-mono">plugin.path</code>.
        </p>
      )}
    </section>
  );
}
