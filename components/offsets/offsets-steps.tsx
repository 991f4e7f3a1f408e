/** The steps of an offsets change, in order. */
export const OFFSET_STEPS = [
  { id: "stop", label: "Stop" },
  { id: "choose", label: "Edit or reset" },
  { id: "preview", label: "Preview and apply" },
  { id: "resume", label: "Resume" },
] as const;

/** One step's id. */
export type OffsetStep = (typeof OFFSET_STEPS)[number]["id"];

/**
 * Where the operator is in the offsets change: a numbered list of the four steps, the current
 * one marked `aria-current="step"`, the ones before it marked done (also in words, for screen readers).
 */
export function OffsetsSteps({ current }: { current: OffsetStep }) {
  const index = OFFSET_STEPS.findIndex((step) => step.id === current);
  return (
    <ol aria-label="Steps to change offsets" className="flex flex-wrap gap-x-5 gap-y-2 text-xs">
      {OFFSET_STEPS.map((step, i) => {
        const state = i < index ? "done" : i === index ? "current" : "todo";
        return (
          <li key={step.id} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`flex size-5 items-center justify-center rounded-full text-[0.6875rem] font-semibold ${
                state === "done"
                  ? "bg-emerald-600 text-white dark:bg-emerald-500"
                  : state === "current"
                    ? "bg-accent-600 text-white dark:bg-accent-500"
                    : "bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
              }`}
            >
              {state === "done" ? "✓" : i + 1}
            </span>
            <span className={state === "current" ? "font-semibold text-zinc-900 dark:text-zinc-100" : "text-zinc-500 dark:text-zinc-400"}>
              {step.label}
              {state === "done" ? <span className="sr-only"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
