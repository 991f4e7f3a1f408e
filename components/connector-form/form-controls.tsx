import type { ButtonHTMLAttributes, ReactNode } from "react";

/** Classes of the form's text inputs and selects (bordered; the caller sets the width). */
export const inputClass =
  "h-9 rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30 aria-[invalid=true]:border-red-400 disabled:bg-zinc-50 disabled:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-[invalid=true]:border-red-500 dark:disabled:bg-zinc-900";

/** Classes of a solid accent action; also for links that start a flow ("New connector"). */
export const primaryActionClass =
  "inline-flex h-9 items-center gap-1.5 rounded-md bg-accent-600 px-4 text-sm font-medium text-white shadow-xs transition-colors hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-accent-500 dark:text-zinc-950 dark:hover:bg-accent-400";

/** The form's main action (Next, Create, Apply): a solid accent button, `type="button"` unless overridden. */
export function PrimaryButton({ className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={`${primaryActionClass} ${className}`} {...props} />;
}

/** One option of a `ToggleGroup`. */
export interface ToggleOption<T extends string> {
  value: T;
  label: ReactNode;
}

/**
 * A row of buttons of which one is pressed (`aria-pressed`), named by `label` as a group: the
 * Form/JSON switch and the catalogue's type filter.
 */
export function ToggleGroup<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: ToggleOption<T>[]; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-zinc-200 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800/60">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className="h-7 rounded px-3 text-sm font-medium text-zinc-600 transition-colors hover:text-zinc-900 aria-pressed:bg-white aria-pressed:text-zinc-900 aria-pressed:shadow-xs dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-950 dark:aria-pressed:text-zinc-100"
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
