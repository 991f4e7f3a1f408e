"use client";

import { useId, useState, type Dispatch } from "react";
import { aliasProblem, chainAliases, type ChainKind } from "@/components/connector-form/config-chain";
import { ConfigFieldControl } from "@/components/connector-form/config-field";
import { aliasFields, fieldOf, undefinedKeysUnder } from "@/components/connector-form/config-fields";
import { ExtraProperties } from "@/components/connector-form/extra-properties";
import { inputClass } from "@/components/connector-form/form-controls";
import { pluginClasses, simpleName } from "@/components/connector-form/plugin-lookup";
import type { WizardAction } from "@/components/connector-form/wizard-state";
import type { PluginInfo } from "@/components/queries/plugins";
import type { ConfigInfos } from "@/components/queries/validation";
import { Button } from "@/components/ui/button";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Props of `ChainEditor`. */
export interface ChainEditorProps {
  kind: ChainKind;
  config: Readonly<ConnectorConfig>;
  infos: ConfigInfos | undefined;
  plugins: readonly PluginInfo[];
  showErrors: (key: string) => boolean;
  isSecret: (key: string) => boolean;
  dispatch: Dispatch<WizardAction>;
}

const TEXT = {
  transforms: { title: "Transforms", noun: "transform", pluginType: "transformation", hint: "Single message transforms change each record, in this order, before it is written." },
  predicates: { title: "Predicates", noun: "predicate", pluginType: "predicate", hint: "Conditions a transform can be limited to with its predicate setting." },
} as const;

/** One alias: its type, its own fields from the validate answer, and keys no ConfigDef describes. */
function AliasCard({ kind, alias, index, count, props }: { kind: ChainKind; alias: string; index: number; count: number; props: ChainEditorProps }) {
  const { config, infos, plugins, showErrors, isSecret, dispatch } = props;
  const id = useId();
  const typeKey = `${kind}.${alias}.type`;
  const typeErrors = infos && showErrors(typeKey) ? (fieldOf(infos, typeKey)?.value.errors ?? []) : [];
  const types = pluginClasses(plugins, TEXT[kind].pluginType);
  const type = config[typeKey] ?? "";
  const set = (key: string, value: string) => dispatch({ type: "set", key, value });
  const extras = infos ? undefinedKeysUnder(config, infos, `${kind}.${alias}.`).filter((key) => key !== typeKey) : [];
  return (
    <li aria-labelledby={`${id}-alias`} className="rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h4 id={`${id}-alias`} className="font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {kind === "transforms" ? <span className="text-zinc-400">{index + 1}. </span> : null}
          {alias}
        </h4>
        <div className="flex items-center gap-1.5">
          {kind === "transforms" ? (
            <>
              <Button aria-label={`Move ${alias} up`} disabled={index === 0} onClick={() => dispatch({ type: "chain-move", kind, alias, offset: -1 })}>
                ↑
              </Button>
              <Button aria-label={`Move ${alias} down`} disabled={index === count - 1} onClick={() => dispatch({ type: "chain-move", kind, alias, offset: 1 })}>
                ↓
              </Button>
            </>
          ) : null}
          <Button aria-label={`Remove ${alias}`} onClick={() => dispatch({ type: "chain-remove", kind, alias })}>
            Remove
          </Button>
        </div>
      </div>
      <div className="grid gap-5 px-4 py-4">
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-type`} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
            Type<span aria-hidden="true" className="ml-0.5 text-red-600 dark:text-red-400">*</span>
          </label>
          <select
            id={`${id}-type`}
            value={type}
            aria-invalid={typeErrors.length > 0}
            aria-describedby={typeErrors.length > 0 ? `${id}-type-errors` : undefined}
            onChange={(event) => set(typeKey, event.target.value)}
            className={`${inputClass} w-full max-w-md font-mono`}
          >
            <option value="">Choose a {TEXT[kind].noun}</option>
            {[...new Set([...types, ...(type && !types.includes(type) ? [type] : [])])].map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
          {typeErrors.length > 0 ? (
            <ul id={`${id}-type-errors`} className="text-xs font-medium text-red-700 dark:text-red-400">
              {typeErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {infos
          ? aliasFields(infos, kind, alias).map((field) => (
              <ConfigFieldControl
                key={field.definition.name}
                field={field}
                value={config[field.definition.name]}
                showErrors={showErrors(field.definition.name)}
                choices={field.definition.name === `transforms.${alias}.predicate` ? chainAliases(config, "predicates") : undefined}
                onChange={(value) => set(field.definition.name, value)}
              />
            ))
          : null}
        <ExtraProperties
          title={`Other settings of ${alias}`}
          hint={`Keys under ${kind}.${alias}. that the ${TEXT[kind].noun}'s ConfigDef does not list.`}
          keys={extras}
          prefix={`${kind}.${alias}.`}
          config={config}
          isSecret={isSecret}
          onSet={(key, value) => dispatch({ type: "set", key, value, keepEmpty: true })}
          onRemove={(key) => dispatch({ type: "set", key, value: "" })}
        />
      </div>
    </li>
  );
}

/**
 * The transforms (or predicates) of the config: one card per alias in order, with its type, its
 * fields as the validate answer describes them (group `Transforms: <alias>`), move up/down
 * (transforms only) and remove; below, a row to add one by alias and type, the types coming
 * from the worker's installed plugins.
 */
export function ChainEditor(props: ChainEditorProps) {
  const { kind, config, plugins, dispatch } = props;
  const id = useId();
  const [alias, setAlias] = useState("");
  const types = pluginClasses(plugins, TEXT[kind].pluginType);
  const [type, setType] = useState("");
  const aliases = chainAliases(config, kind);
  const problem = alias === "" ? null : aliasProblem(config, kind, alias);
  const add = () => {
    if (aliasProblem(config, kind, alias) || type === "") return;
    dispatch({ type: "chain-add", kind, alias, pluginClass: type });
    setAlias("");
  };
  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-3">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{TEXT[kind].title}</h3>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{TEXT[kind].hint}</p>
      </div>
      {aliases.length > 0 ? (
        <ol aria-label={TEXT[kind].title} className="grid gap-3">
          {aliases.map((each, index) => (
            <AliasCard key={each} kind={kind} alias={each} index={index} count={aliases.length} props={props} />
          ))}
        </ol>
      ) : null}
      {types.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No {TEXT[kind].pluginType} plugins are installed on this worker.</p>
      ) : (
        <div className="flex flex-wrap items-start gap-2">
          <div className="grid gap-1">
            <input
              aria-label={`New ${TEXT[kind].noun} alias`}
              placeholder="alias"
              value={alias}
              spellCheck={false}
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => setAlias(event.target.value.trim())}
              className={`${inputClass} w-40 font-mono`}
            />
            {problem ? (
              <p id={`${id}-problem`} className="text-xs text-red-700 dark:text-red-400">
                {problem}
              </p>
            ) : null}
          </div>
          <select aria-label={`New ${TEXT[kind].noun} type`} value={type} onChange={(event) => setType(event.target.value)} className={`${inputClass} w-72 font-mono`}>
            <option value="">Choose a type</option>
            {types.map((each) => (
              <option key={each} value={each} title={each}>
                {simpleName(each)}
              </option>
            ))}
          </select>
          <Button onClick={add} disabled={alias === "" || problem !== null || type === ""}>
            Add {TEXT[kind].noun}
          </Button>
        </div>
      )}
    </section>
  );
}
