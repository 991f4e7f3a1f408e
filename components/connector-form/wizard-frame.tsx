"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { WizardStep } from "@/components/connector-form/config-fields";
import { PrimaryButton, ToggleGroup } from "@/components/connector-form/form-controls";
import { JsonEditor } from "@/components/connector-form/json-editor";
import { ProblemList } from "@/components/connector-form/problem-list";
import type { ConnectorWizard } from "@/components/connector-form/use-connector-wizard";
import { canVisit, stepBeside, type FormView } from "@/components/connector-form/wizard-state";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";

const VIEWS = [
  { value: "form" as const, label: "Form" },
  { value: "json" as const, label: "JSON" },
];

/** Props of `WizardFrame`. */
export interface WizardFrameProps {
  wizard: ConnectorWizard;
  /** Each step's name in the step list and in "Go to …" buttons. */
  labels: Readonly<Record<WizardStep, string>>;
  /** The current step's form (form view; not used on the review step). */
  stepContent: ReactNode;
  /** The review step, in both views (it shows the JSON editor itself in the JSON view). */
  review: ReactNode;
}

function ValidationStatus({ wizard }: { wizard: ConnectorWizard }) {
  const { validation, state, problems } = wizard;
  let text = "";
  if (!state.config["connector.class"]) text = "";
  else if (validation.checking) text = "Checking with the worker…";
  else if (validation.error) text = "The worker could not check this config";
  else if (validation.infos) text = problems.length === 0 ? "No problems found" : `${problems.length} ${problems.length === 1 ? "setting" : "settings"} to fix`;
  return (
    <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
      {text}
    </p>
  );
}

/**
 * The frame shared by the create wizard and the edit form: the step list (a step opens once a
 * plugin is chosen; each shows how many of its settings need fixing), the Form ⇄ JSON switch,
 * the validation status, the step's content (or the JSON editor with the problems list), and
 * Back / Next. Next refuses to leave a step whose settings the current validation marks wrong,
 * revealing them instead; focus moves to the step's content on every step change.
 */
export function WizardFrame({ wizard, labels, stepContent, review }: WizardFrameProps) {
  const { state, dispatch, validation, isSecret, problems } = wizard;
  const [blocked, setBlocked] = useState<WizardStep | null>(null);
  const content = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    content.current?.focus();
  }, [state.step]);
  const countOn = (step: WizardStep) => problems.filter((problem) => problem.step === step).length;
  const go = (step: WizardStep) => {
    setBlocked(null);
    dispatch({ type: "go", step });
  };
  const next = stepBeside(state, 1);
  const back = stepBeside(state, -1);
  const onNext = () => {
    if (!next) return;
    if ((validation.current || wizard.nameTaken) && countOn(state.step) > 0) {
      dispatch({ type: "reveal", step: state.step });
      setBlocked(state.step);
      return;
    }
    go(next);
  };
  const stepLabel = (step: WizardStep) => (state.steps.includes(step) ? labels[step] : undefined);
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Steps">
          <ol className="flex flex-wrap items-center gap-1">
            {state.steps.map((step, index) => {
              const count = step === "review" ? 0 : countOn(step);
              return (
                <li key={step}>
                  <button
                    type="button"
                    aria-current={state.step === step ? "step" : undefined}
                    disabled={!canVisit(state, step)}
                    onClick={() => go(step)}
                    className="inline-flex h-8 items-center gap-2 rounded-md px-2.5 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-50 aria-[current=step]:bg-accent-50 aria-[current=step]:text-accent-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current=step]:bg-accent-950/40 dark:aria-[current=step]:text-accent-200"
                  >
                    <span aria-hidden="true" className="flex size-5 items-center justify-center rounded-full border border-current text-[0.6875rem]">
                      {index + 1}
                    </span>
                    {labels[step]}
                    {count > 0 ? <span className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900/50 dark:text-amber-200">{count}<span className="sr-only"> to fix</span></span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="flex items-center gap-3">
          <ValidationStatus wizard={wizard} />
          <ToggleGroup<FormView> label="Edit as" value={state.view} options={VIEWS} onChange={(view) => dispatch({ type: "view", view, isSecret })} />
        </div>
      </div>
      {state.viewError ? <ErrorAlert>{state.viewError}</ErrorAlert> : null}
      <div ref={content} tabIndex={-1} aria-label={labels[state.step]} role="region" className="grid gap-4 outline-none">
        {state.step === "review" ? (
          review
        ) : state.view === "json" ? (
          <>
            <JsonEditor state={state} dispatch={dispatch} />
            <ProblemList problems={state.touched.length > 0 ? problems : []} stepLabel={stepLabel} onGo={go} />
          </>
        ) : (
          stepContent
        )}
      </div>
      {blocked === state.step && countOn(state.step) > 0 ? (
        <ErrorAlert>
          Fix the {countOn(state.step) === 1 ? "setting" : `${countOn(state.step)} settings`} marked on this step to continue; the worker&apos;s message is under each one.
        </ErrorAlert>
      ) : null}
      <div className="flex items-center justify-between gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <div>{back ? <Button onClick={() => go(back)}>← Back: {labels[back]}</Button> : null}</div>
        {next ? (
          <PrimaryButton onClick={onNext} disabled={!canVisit(state, next)}>
            Next: {labels[next]} →
          </PrimaryButton>
        ) : null}
      </div>
    </div>
  );
}
