import type { ComponentType, ReactNode } from "react";
import type { IconProps } from "./icons";

/** Props of `EmptyState`. */
export interface EmptyStateProps {
  icon: ComponentType<IconProps>;
  /** What is empty, e.g. "No connectors yet"; rendered as an `<h2>`. */
  title: string;
  /** What will appear here and how to get there today. */
  children: ReactNode;
  /** Optional follow-up content (a command, a button) below the description. */
  actions?: ReactNode;
}

/**
 * The honest placeholder for a page or panel with nothing to show: an icon, a heading, one or
 * two sentences, and optionally the next step. Never shows invented data.
 */
export function EmptyState({ icon: Icon, title, children, actions }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-zinc-50/60 px-6 py-14 text-center dark:border-zinc-700/80 dark:bg-zinc-900/30">
      <div className="flex size-11 items-center justify-center rounded-lg border border-zinc-200 bg-white text-zinc-500 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
        <Icon className="size-5" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm leading-6 text-zinc-600 dark:text-zinc-400">{children}</div>
      {actions ? <div className="mt-6 w-full max-w-xl">{actions}</div> : null}
    </div>
  );
}
