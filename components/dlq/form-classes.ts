/** Classes of the inbox's text inputs, selects and textareas. */
export const fieldClass =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500";

/** Classes of a field's label (small, above the field). */
export const labelClass = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** Classes of the inbox's main action (Replay): a solid accent button. */
export const primaryClass =
  "inline-flex h-8 items-center gap-1.5 rounded-md bg-accent-600 px-3 text-sm font-medium text-white shadow-xs transition-colors hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-accent-500 dark:text-zinc-950 dark:hover:bg-accent-400";

/** Classes of a link styled as a secondary button (Export JSON). */
export const linkButtonClass =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs transition-colors hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** Classes of an in-text link. */
export const linkClass = "font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300";
