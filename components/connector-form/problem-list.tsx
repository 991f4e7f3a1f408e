import type { ConfigProblem, WizardStep } from "@/components/connector-form/config-fields";
import { Button } from "@/components/ui/button";

/**
 * The validate answer's errors as a list, each with the key, its messages and a button to the
 * step whose form fixes it (`stepLabel` names it; omitted for steps the form does not have).
 */
export function ProblemList({ problems, stepLabel, onGo }: { problems: readonly ConfigProblem[]; stepLabel: (step: WizardStep) => string | undefined; onGo: (step: WizardStep) => void }) {
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-title" className="rounded-xl border border-amber-200 bg-amber-50/70 px-5 py-4 dark:border-amber-900/60 dark:bg-amber-950/20">
      <h3 id="problems-title" className="text-sm font-semibold text-amber-900 dark:text-amber-200">
        {problems.length === 1 ? "1 setting to fix" : `${problems.length} settings to fix`}
      </h3>
      <ul className="mt-2 grid gap-2">
        {problems.map((problem) => {
          const label = stepLabel(problem.step);
          return (
            <li key={problem.key} className="flex flex-wrap items-start justify-between gap-2 text-sm">
              <span className="min-w-0">
                <code className="font-mono text-[0.8125rem] font-medium text-zinc-900 dark:text-zinc-100">{problem.key}</code>
                <span className="text-zinc-700 dark:text-zinc-300">: {problem.errors.join(" ")}</span>
              </span>
              {label ? (
                <Button onClick={() => onGo(problem.step)} aria-label={`Fix ${problem.key} in ${label}`}>
                  Go to {label}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
