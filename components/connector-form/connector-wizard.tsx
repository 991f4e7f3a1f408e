"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { CloneLoader } from "@/components/connector-form/clone-loader";
import { ConfigStep } from "@/components/connector-form/config-steps";
import type { WizardStep } from "@/components/connector-form/config-fields";
import { CreateReview } from "@/components/connector-form/create-review";
import { ImportPanel } from "@/components/connector-form/import-panel";
import { PluginCatalogue } from "@/components/connector-form/plugin-catalogue";
import { findPlugin } from "@/components/connector-form/plugin-lookup";
import { useConnectorWizard } from "@/components/connector-form/use-connector-wizard";
import { WizardFrame } from "@/components/connector-form/wizard-frame";
import { createWizardState, STEP_LABELS } from "@/components/connector-form/wizard-state";
import { usePlugins } from "@/components/queries/plugins";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectorConfig } from "@/server/contracts/connect";

/**
 * The create-connector wizard: plugin catalogue (or a pasted config) → settings → converters and
 * transforms → error handling → review and create, with the Form ⇄ JSON switch on every step.
 * The forms come from the worker's validate answer for the config being built. With `?from=<c>`
 * it clones connector c: its config (secrets included, never shown) under the name `<c>-copy`.
 */
export function ConnectorWizard() {
  const plugins = usePlugins();
  const wizard = useConnectorWizard(createWizardState);
  const { state, dispatch, validation, isSecret } = wizard;
  const cloneOf = useSearchParams().get("from");
  const [cloned, setCloned] = useState(false);
  const onCloned = useCallback(
    (config: ConnectorConfig) => {
      if (!cloneOf) return;
      dispatch({ type: "import", imported: { config: { ...config, name: `${cloneOf}-copy` }, format: "json" } });
      setCloned(true);
    },
    [cloneOf, dispatch],
  );
  if (cloneOf && !cloned) return <CloneLoader name={cloneOf} onLoaded={onCloned} />;
  if (plugins.error) return <ErrorAlert>Could not load the installed plugins: {plugins.error.message}. Check that the worker is running, then reload.</ErrorAlert>;
  if (!plugins.data) {
    return (
      <div aria-busy="true" aria-label="Loading plugins" className="grid gap-3 sm:grid-cols-3">
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
    );
  }
  const go = (step: WizardStep) => dispatch({ type: "go", step });
  const stepLabel = (step: WizardStep) => (state.steps.includes(step) ? STEP_LABELS[step] : undefined);
  const pluginClass = state.config["connector.class"] ?? "";
  const stepContent =
    state.step === "plugin" ? (
      <div className="grid gap-8">
        <PluginCatalogue plugins={plugins.data} selected={findPlugin(plugins.data, ["source", "sink"], pluginClass)?.class} onChoose={(className) => dispatch({ type: "choose-plugin", className })} />
        <ImportPanel onImport={(imported) => dispatch({ type: "import", imported })} />
      </div>
    ) : state.step === "review" ? null : (
      <ConfigStep step={state.step} state={state} dispatch={dispatch} validation={validation} plugins={plugins.data} isSecret={isSecret} nameTaken={wizard.nameTaken} />
    );
  return <WizardFrame wizard={wizard} labels={STEP_LABELS} stepContent={stepContent} review={<CreateReview wizard={wizard} plugins={plugins.data} stepLabel={stepLabel} onGo={go} />} />;
}
