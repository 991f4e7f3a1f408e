"use client";

import { useRouter } from "next/navigation";
import type { WizardStep } from "@/components/connector-form/config-fields";
import { configJson } from "@/components/connector-form/config-json";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { JsonEditor } from "@/components/connector-form/json-editor";
import { findPlugin } from "@/components/connector-form/plugin-lookup";
import { ProblemList } from "@/components/connector-form/problem-list";
import { ServerErrorAlert } from "@/components/connector-form/server-error-alert";
import type { ConnectorWizard } from "@/components/connector-form/use-connector-wizard";
import { useCreateConnector, type InitialState } from "@/components/queries/connector-writes";
import type { PluginInfo } from "@/components/queries/plugins";
import { DetailList } from "@/components/ui/detail-list";

const STARTS: { state: InitialState; label: string; detail: string }[] = [
  { state: "RUNNING", label: "Running", detail: "Its tasks start at once." },
  { state: "PAUSED", label: "Paused", detail: "Its tasks are created paused; resume it when ready." },
  { state: "STOPPED", label: "Stopped", detail: "Created without tasks, e.g. to set its offsets before the first run." },
];

/** Props of `CreateReview`. */
export interface CreateReviewProps {
  wizard: ConnectorWizard;
  plugins: readonly PluginInfo[];
  stepLabel: (step: WizardStep) => string | undefined;
  onGo: (step: WizardStep) => void;
}

/**
 * The create wizard's last step: the connector's name, plugin and type, how it should start
 * (RUNNING, PAUSED or STOPPED), the `POST /connectors` body with secrets masked (or the JSON
 * editor in the JSON view), what still needs fixing, and Create. Create waits for the worker to
 * have validated exactly this config without errors; on success the browser opens the
 * connector's page, on failure the API's message shows with what to do.
 */
export function CreateReview({ wizard, plugins, stepLabel, onGo }: CreateReviewProps) {
  const router = useRouter();
  const create = useCreateConnector();
  const { state, dispatch, validation, isSecret } = wizard;
  const name = state.config.name ?? "";
  const pluginClass = state.config["connector.class"] ?? "";
  const plugin = findPlugin(plugins, ["source", "sink"], pluginClass);
  const { problems } = wizard;
  const ready = validation.current && problems.length === 0 && state.json.error === null && name !== "";
  const preview = JSON.stringify({ name, config: JSON.parse(configJson(state.config, isSecret)), initial_state: state.initialState }, null, 2);
  const submit = () =>
    create.mutate(
      { name, config: state.config, initial_state: state.initialState },
      { onSuccess: (info) => router.push(`/connectors/${encodeURIComponent(info.name)}`) },
    );
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-100">Review and create</h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">This is the request the console sends to the Kafka Connect REST API.</p>
      </div>
      <DetailList
        items={[
          { term: "Name", value: name || "—", mono: true },
          { term: "Plugin", value: pluginClass, mono: true },
          { term: "Type", value: plugin ? (plugin.type === "source" ? "Source" : "Sink") : "Unknown" },
        ]}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-900 dark:text-zinc-100">Start as</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {STARTS.map((start) => (
            <label
              key={start.state}
              className="flex cursor-pointer gap-2.5 rounded-lg border border-zinc-200 bg-white p-3 has-checked:border-accent-500 has-checked:ring-2 has-checked:ring-accent-500/25 dark:border-zinc-800 dark:bg-zinc-900/60"
            >
              <input
                type="radio"
                name="initial-state"
                value={start.state}
                checked={state.initialState === start.state}
                onChange={() => dispatch({ type: "initial-state", state: start.state })}
                className="mt-0.5 accent-accent-600"
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{start.label}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{start.detail}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {state.view === "json" ? (
        <JsonEditor state={state} dispatch={dispatch} />
      ) : (
        <div className="grid gap-2">
          <h3 id="request-title" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
            POST /connectors <span className="font-normal text-zinc-500 dark:text-zinc-400">(secrets masked)</span>
          </h3>
          <pre aria-labelledby="request-title" className="relative overflow-x-auto rounded-xl border border-zinc-200 bg-zinc-50 p-4 font-mono text-[0.8125rem] leading-5 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
            {preview}
          </pre>
        </div>
      )}
      <ProblemList problems={problems} stepLabel={stepLabel} onGo={onGo} />
      {create.error ? <ServerErrorAlert error={create.error} action="create" /> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {name === "" ? "Give the connector a name in Settings first." : !validation.current && !validation.error ? "Waiting for the worker to check the config…" : null}
        </p>
        <PrimaryButton onClick={submit} disabled={!ready || create.isPending}>
          {create.isPending ? "Creating…" : "Create connector"}
        </PrimaryButton>
      </div>
    </div>
  );
}
