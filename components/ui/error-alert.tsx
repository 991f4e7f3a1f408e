import type { ReactNode } from "react";

/** A red `role="alert"` box announcing a failure (a load or an action that went wrong); screen readers read it on appearance. */
export function ErrorAlert({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={`rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300 ${className}`}>
      {children}
    </p>
  );
}
