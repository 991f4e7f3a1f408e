/** The semantic colours a status can take; "neutral" means unknown or not yet read. */
export type Tone = "success" | "warning" | "danger" | "neutral";

const toneClass: Record<Tone, string> = {
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
  neutral: "bg-zinc-400 dark:bg-zinc-500",
};

/**
 * A small coloured dot for a status. Decorative (aria-hidden): always pair it with text that
 * says the same thing. `pulse` adds a soft halo for live, healthy states.
 */
export function StatusDot({ tone, pulse = false }: { tone: Tone; pulse?: boolean }) {
  return (
    <span aria-hidden="true" className="relative inline-flex size-2 shrink-0">
      {pulse ? (
        <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-40 motion-reduce:hidden ${toneClass[tone]}`} />
      ) : null}
      <span className={`relative inline-flex size-2 rounded-full ${toneClass[tone]}`} />
    </span>
  );
}
