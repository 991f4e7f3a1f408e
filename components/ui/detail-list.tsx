import type { ReactNode } from "react";

/** One row of a `DetailList`: a term and its value; `mono` for ids, addresses and versions. */
export interface DetailItem {
  term: string;
  value: ReactNode;
  mono?: boolean;
}

/** A compact two-column `<dl>` of facts (term left, value right), used in cards and popovers. */
export function DetailList({ items, className = "" }: { items: DetailItem[]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm ${className}`}>
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{item.term}</dt>
          <dd className={`min-w-0 wrap-anywhere text-zinc-900 dark:text-zinc-100 ${item.mono ? "font-mono text-[0.8125rem]" : ""}`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
