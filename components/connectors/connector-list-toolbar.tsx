"use client";

import { useId } from "react";
import { HEALTHS, type Health } from "@/server/contracts/connector-health";
import { healthLabel } from "@/components/connectors/connector-health";
import type { ConnectorFilter, SortKey } from "@/components/connectors/connector-list";

/** Props of `ConnectorListToolbar`. */
export interface ConnectorListToolbarProps {
  filter: ConnectorFilter;
  onChange: (filter: ConnectorFilter) => void;
  sort: SortKey;
  onSortChange: (sort: SortKey) => void;
  /** Rows per health over the whole list, shown in the state filter's options. */
  counts: Record<Health, number>;
}

const selectClass =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

/**
 * The list's search box ("Search connectors": name, plugin, topic), its two labelled filters,
 * State (with a count per health) and Type, and its Sort order (health, name, throughput).
 * Controlled: every change goes to `onChange` or `onSortChange`.
 */
export function ConnectorListToolbar({ filter, onChange, sort, onSortChange, counts }: ConnectorListToolbarProps) {
  const stateId = useId();
  const typeId = useId();
  const sortId = useId();
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Search connectors
        <input
          type="search"
          value={filter.query}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
          placeholder="Name, plugin or topic"
          autoComplete="off"
          spellCheck={false}
          className="h-9 rounded-md border border-zinc-300 bg-white px-3 text-sm font-normal text-zinc-900 shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500"
        />
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={stateId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">State</label>
        <select id={stateId} value={filter.health} onChange={(event) => onChange({ ...filter, health: event.target.value as ConnectorFilter["health"] })} className={selectClass}>
          <option value="all">All states</option>
          {HEALTHS.map((health) => (
            <option key={health} value={health}>
              {healthLabel(health)} ({counts[health]})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={typeId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Type</label>
        <select id={typeId} value={filter.type} onChange={(event) => onChange({ ...filter, type: event.target.value as ConnectorFilter["type"] })} className={selectClass}>
          <option value="all">Sources and sinks</option>
          <option value="source">Sources</option>
          <option value="sink">Sinks</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={sortId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Sort</label>
        <select id={sortId} value={sort} onChange={(event) => onSortChange(event.target.value as SortKey)} className={selectClass}>
          <option value="health">Failed first</option>
          <option value="name">Name</option>
          <option value="throughput">Throughput</option>
        </select>
      </div>
    </div>
  );
}
