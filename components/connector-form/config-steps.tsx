"use client";

import type { Dispatch, ReactNode } from "react";
import { ChainEditor } from "@/components/connector-form/chain-editor";
import { ConfigFieldControl } from "@/components/connector-form/config-field";
import { CONVERTER_KEYS, fieldGroups, fieldOf, otherKeys, undefinedKeysUnder, type WizardStep } from "@/components/connector-form/config-fields";
import { ExtraProperties } from "@/components/connector-form/extra-properties";
import { FieldGroupSection } from "@/components/connector-form/field-group-section";
import { pluginClasses, simpleName } from "@/components/connector-form/plugin-lookup";
import type { WizardAction, WizardState } from "@/components/connector-form/wizard-state";
import { TransformPlayground } from "@/components/playground/transform-playground";
import type { PluginInfo } from "@/components/queries/plugins";
import type { ConfigValidation } from "@/components/queries/validation";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

/** Props of `ConfigStep`: the wizard's state and what it knows from the API. */
export interface ConfigStepProps {
  step: "settings" | "pipeline" | "errors";
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  validation: ConfigValidation;
  plugins: readonly PluginInfo[];
  isSecret: (key: string) => boolean;
  /** Why the typed name cannot be used (another connector has it), shown under the name at once. */
  nameTaken: string | null;
}

function StepIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{children}</p>
    </div>
  );
}

function Converters({ state, dispatch, validation, plugins, isSecret, showErrors }: ConfigStepProps & { showErrors: (key: string) => boolean }) {
  const infos = validation.infos!;
  return (
    <Card labelledBy="converters-title">
      <CardHeader titleId="converters-title" title="Converters" description="How keys, values and headers are (de)serialized in Kafka. Unset uses the worker's converter." />
      <div className="grid gap-6 px-5 py-4">
        {CONVERTER_KEYS.map((key) => {
          const field = fieldOf(infos, key);
          if (!field) return null;
          const extras = undefinedKeysUnder(state.config, infos, `${key}.`);
          return (
            <div key={key} className="grid gap-3">
              <ConfigFieldControl
                field={field}
                value={state.config[key]}
                showErrors={showErrors(key)}
                choices={pluginClasses(plugins, key === "header.converter" ? "header_converter" : "converter")}
                unsetLabel="The worker's converter"
                onChange={(value) => dispatch({ type: "set", key, value })}
              />
              {state.config[key] || extras.length > 0 ? (
                <div className="ml-4 border-l-2 border-zinc-200 pl-4 dark:border-zinc-800">
                  <ExtraProperties
                    title={`Settings of ${key}`}
                    hint={`Passed to the converter without the prefix, e.g. ${key}.schemas.enable=false.`}
                    keys={extras}
                    prefix={`${key}.`}
                    config={state.config}
                    isSecret={isSecret}
                    onSet={(each, value) => dispatch({ type: "set", key: each, value, keepEmpty: true })}
                    onRemove={(each) => dispatch({ type: "set", key: each, value: "" })}
                  />
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/**
 * The form of one config step, generated from the validate answer: "settings" (the name first,
 * checked against the cluster's connectors as it is typed, then the plugin's own keys, Common
 * and the other groups, then keys no ConfigDef lists), "pipeline" (converters,
 * transforms, predicates) or "errors" (the Error Handling group: tolerance, retries, logging,
 * and for sinks the dead letter queue; then the Auto restart group). A key's errors show once it was edited or the step was
 * revealed. Until the first answer arrives it shows a placeholder, or why validation failed.
 */
export function ConfigStep(props: ConfigStepProps) {
  const { step, state, dispatch, validation, isSecret } = props;
  const infos = validation.infos;
  const showErrors = (key: string) => state.touched.includes(key) || state.revealed.includes(step as WizardStep);
  const set = (key: string, value: string) => dispatch({ type: "set", key, value });
  const readOnly = (key: string) => (key === "name" && state.lockedName !== undefined ? "A connector keeps its name; to rename it, create a copy from the JSON view and delete this one." : undefined);
  if (!infos) {
    return validation.error ? (
      <ErrorAlert>
        The worker could not validate this config: {validation.error.message}. Check <code className="font-mono">connector.class</code> on the Plugin step or in the JSON view.
      </ErrorAlert>
    ) : (
      <div aria-busy="true" aria-label="Loading the plugin's settings" className="grid gap-3">
        <Skeleton className="h-14 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  const pluginClass = state.config["connector.class"] ?? "";
  if (step === "pipeline") {
    return (
      <div className="grid gap-6">
        <StepIntro title="Converters and transforms">Pick converters, then add single message transforms and the predicates they use.</StepIntro>
        <Converters {...props} showErrors={showErrors} />
        <Card>
          <div className="grid gap-8 px-5 py-4">
            <ChainEditor kind="transforms" config={state.config} infos={infos} plugins={props.plugins} showErrors={showErrors} isSecret={isSecret} dispatch={dispatch} />
            <ChainEditor kind="predicates" config={state.config} infos={infos} plugins={props.plugins} showErrors={showErrors} isSecret={isSecret} dispatch={dispatch} />
          </div>
        </Card>
        <TransformPlayground config={state.config} plugins={props.plugins} />
      </div>
    );
  }
  const groups = fieldGroups(infos, step);
  const others = step === "settings" ? otherKeys(state.config, infos) : [];
  return (
    <div className="grid gap-4">
      {step === "settings" ? (
        <StepIntro title="Settings">
          <span className="font-mono">{simpleName(pluginClass)}</span>&apos;s settings by group, as its ConfigDef declares them; each value is checked by the worker as you type.
        </StepIntro>
      ) : (
        <StepIntro title="Error handling">What happens when a record fails in a converter or a transform: retry, skip and log it, or (for sinks) send it to a dead letter queue topic; and whether a FAILED task is restarted automatically.</StepIntro>
      )}
      {step === "settings" && fieldOf(infos, "name") ? (
        <Card>
          <div className="px-5 py-4">
            <ConfigFieldControl
              field={fieldOf(infos, "name")!}
              value={state.config.name}
              showErrors={showErrors("name")}
              readOnly={readOnly("name")}
              extraErrors={props.nameTaken ? [props.nameTaken] : undefined}
              onChange={(value) => set("name", value)}
            />
          </div>
        </Card>
      ) : null}
      {groups.map((group, index) => (
        <FieldGroupSection key={group.name ?? ""} group={group} ownTitle={`${simpleName(pluginClass)} settings`} config={state.config} first={index === 0} showErrors={showErrors} readOnly={readOnly} onSet={set} />
      ))}
      {step === "settings" ? (
        <Card>
          <div className="px-5 py-4">
            <ExtraProperties
              title="Other properties"
              hint="Keys the plugin does not declare, such as producer.override.*, consumer.override.* or topic.creation.*; passed to the connector as they are."
              keys={others}
              prefix=""
              config={state.config}
              isSecret={isSecret}
              onSet={(key, value) => dispatch({ type: "set", key, value, keepEmpty: true })}
              onRemove={(key) => dispatch({ type: "set", key, value: "" })}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
