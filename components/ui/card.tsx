import type { HTMLAttributes, ReactNode } from "react";

/** A bordered surface that groups related content; renders a `<section>` when `labelledBy` is given, else a `<div>`. */
export function Card({
  className = "",
  labelledBy,
  ...props
}: HTMLAttributes<HTMLElement> & { labelledBy?: string }) {
  const classes = `rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60 ${className}`;
  return labelledBy ? (
    <section aria-labelledby={labelledBy} className={classes} {...props} />
  ) : (
    <div className={classes} {...props} />
  );
}

/** The header row of a `Card`: a title (an `<h2>` with `titleId`), optional description and trailing actions. */
export function CardHeader({
  title,
  titleId,
  description,
  actions,
}: {
  title: ReactNode;
  titleId?: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
      <div className="min-w-0">
        <h2 id={titleId} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
