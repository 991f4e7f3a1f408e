"use client";

import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { healthLabel, healthTone } from "@/components/connectors/connector-health";
import { pluginName, type ConnectorRow } from "@/components/connectors/connector-list";
import { DlqSizeBadge } from "@/components/dlq/dlq-size-badge";
import { StatusBadge } from "@/components/ui/badge";
import type { ConnectorNotices } from "@/server/contracts/connector-notices";

/** A row's height before it is measured (one line of reason, no notice), in px. */
const ESTIMATED_ROW_PX = 77;
/** Rows rendered beyond each edge of the window, so a quick scroll does not show blank space. */
const OVERSCAN = 12;

/** Props of `ConnectorRows`. */
export interface ConnectorRowsProps {
  rows: ConnectorRow[];
  selected: ReadonlySet<string>;
  onToggle: (name: string, on: boolean) => void;
  notices: ConnectorNotices["notices"] | undefined;
}

/**
 * The connectors table's body, virtualised over the window's scroll: only the rows in view (and
 * a few either side) are in the DOM, between two spacer rows that keep the table as tall as all
 * `rows` would make it, so a list of thousands renders and scrolls like one of ten. Row heights
 * are measured once rendered (a notice or a failure line makes a row taller); where the body
 * starts on the page is measured again whenever the page's height changes. Selection,
 * search and sorting work on `rows`, never on what happens to be rendered.
 */
export function ConnectorRows({ rows, selected, onToggle, notices }: ConnectorRowsProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const place = () => setScrollMargin(Math.round((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    place();
    const observer = new ResizeObserver(place);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => rows[index]!.name,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0]!.start - scrollMargin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0;
  return (
    <tbody ref={body} className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <ConnectorRowView
            key={item.key}
            row={row}
            index={item.index}
            measure={virtualizer.measureElement}
            checked={selected.has(row.name)}
            onToggle={onToggle}
            notices={notices?.[row.name]}
          />
        );
      })}
      {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
    </tbody>
  );
}

interface ConnectorRowViewProps {
  row: ConnectorRow;
  index: number;
  measure: (element: Element | null) => void;
  checked: boolean;
  onToggle: (name: string, on: boolean) => void;
  notices: ConnectorNotices["notices"][string] | undefined;
}

function ConnectorRowView({ row, index, measure, checked, onToggle, notices }: ConnectorRowViewProps) {
  return (
    <tr ref={measure} data-index={index} className={`align-top ${checked ? "bg-accent-50/60 dark:bg-accent-950/20" : "bg-white dark:bg-zinc-950"}`}>
      <td className="py-3 pr-1 pl-4">
        <input
          type="checkbox"
          aria-label={`Select ${row.name}`}
          checked={checked}
          onChange={(event) => onToggle(row.name, event.target.checked)}
          className="size-4 accent-accent-600"
        />
      </td>
      <th scope="row" className="px-4 py-3 font-medium">
        <span className="flex max-w-[11rem] flex-wrap items-center gap-x-1.5 sm:max-w-[14rem]">
          <Link
            href={`/connectors/${encodeURIComponent(row.name)}`}
            title={row.name}
            className="block max-w-full truncate text-zinc-900 underline decoration-zinc-300 underline-offset-4 hover:text-accent-700 hover:decoration-accent-500 dark:text-zinc-100 dark:decoration-zinc-600 dark:hover:text-accent-300"
          >
            {row.name}
          </Link>
          <DlqSizeBadge connector={row.name} />
        </span>
      </th>
      <td className="hidden px-4 py-3 text-zinc-600 md:table-cell dark:text-zinc-400">
        <span className="capitalize">{row.type}</span>
        <span className="block font-mono text-xs leading-5" title={row.pluginClass ?? undefined}>{pluginName(row.pluginClass)}</span>
      </td>
      <td className="px-4 py-3">
        <StatusBadge tone={healthTone(row.health)} label={healthLabel(row.health)} />
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{row.reason}</p>
        {notices?.map((notice) => (
          <p key={notice.code} className="mt-1 max-w-48 text-xs text-amber-700 dark:text-amber-400">{notice.message}</p>
        ))}
        {row.failure ? (
          <p className="mt-1 max-w-48 truncate font-mono text-xs text-red-700 dark:text-red-400" title={row.failure}>
            {row.failure}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-3 text-zinc-600 dark:text-zinc-400">
        <span className="whitespace-nowrap">
          {row.running} of {row.tasks} running
        </span>
        {row.failed > 0 ? <span className="block font-medium whitespace-nowrap text-red-700 dark:text-red-400">{row.failed} failed</span> : null}
      </td>
      <td className="hidden px-4 py-3 font-mono text-xs leading-5 text-zinc-600 sm:table-cell dark:text-zinc-400">
        <span className="block max-w-[8rem] truncate" title={row.topics.join(", ")}>{row.topics.length > 0 ? row.topics.join(", ") : "—"}</span>
      </td>
    </tr>
  );
}
