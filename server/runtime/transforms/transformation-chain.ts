import { ConfigException } from "@/server/plugins/api/config-def";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Predicate, Transformation } from "@/server/plugins/api/transformation";
import type { ProcessingContext } from "@/server/runtime/errors/processing-context";
import type { RetryWithToleranceOperator } from "@/server/runtime/errors/retry-with-tolerance-operator";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";

/** One configured transform with the predicate that gates it (Kafka Connect's TransformationStage). */
export interface TransformationStage<R extends ConnectRecord> {
  alias: string;
  className: string;
  transformation: Transformation<R>;
  predicate: Predicate<R> | null;
  /** The predicate's alias and class, when there is one. */
  predicateAlias: string | null;
  predicateClass: string | null;
  negate: boolean;
}

const aliases = (config: Readonly<Record<string, string>>, key: string) =>
  (config[key] ?? "")
    .split(",")
    .map((alias) => alias.trim())
    .filter(Boolean);

/** `prefix.*` keys with the prefix removed, leaving out the framework's own `skip` keys. */
function settings(config: Readonly<Record<string, string>>, prefix: string, skip: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (!skip.includes(name)) out[name] = value;
  }
  return out;
}

/**
 * A connector's `transforms`, in order, each gated by its predicate (`transforms.<a>.predicate`,
 * `negate`). Built per task; `apply` runs on the task's loop only. A transform runs when it has
 * no predicate or when `negate XOR predicate.test(record)`; a null result drops the record and
 * ends the chain. Each stage runs under the error operator as stage TRANSFORMATION.
 */
export class TransformationChain<R extends ConnectRecord> {
  private constructor(readonly stages: readonly TransformationStage<R>[]) {}

  /**
   * Instantiates and configures the transforms and predicates the config names. Throws
   * ConfigException for an unknown class or alias (the herder's validation catches these first).
   */
  static build<R extends ConnectRecord>(registry: PluginRegistry, config: Readonly<Record<string, string>>): TransformationChain<R> {
    const predicateAliases = new Set(aliases(config, "predicates"));
    const stages = aliases(config, "transforms").map((alias): TransformationStage<R> => {
      const typeKey = `transforms.${alias}.type`;
      const plugin = registry.find(["transformation"], config[typeKey] ?? "");
      if (!plugin) throw ConfigException.invalid(typeKey, config[typeKey] ?? null, `Class ${config[typeKey] ?? ""} could not be found.`);
      const transformation = new plugin.plugin() as Transformation<R>;
      transformation.configure(settings(config, `transforms.${alias}.`, ["type", "predicate", "negate"]));
      const predicateAlias = config[`transforms.${alias}.predicate`]?.trim();
      let predicate: Predicate<R> | null = null;
      let predicateClass: string | null = null;
      if (predicateAlias) {
        if (!predicateAliases.has(predicateAlias)) throw ConfigException.invalid(`transforms.${alias}.predicate`, predicateAlias, `Predicate ${predicateAlias} is not in predicates`);
        const predicateKey = `predicates.${predicateAlias}.type`;
        const predicatePlugin = registry.find(["predicate"], config[predicateKey] ?? "");
        if (!predicatePlugin) throw ConfigException.invalid(predicateKey, config[predicateKey] ?? null, `Class ${config[predicateKey] ?? ""} could not be found.`);
        predicate = new predicatePlugin.plugin() as Predicate<R>;
        predicateClass = predicatePlugin.className;
        predicate.configure(settings(config, `predicates.${predicateAlias}.`, ["type"]));
      }
      const negate = config[`transforms.${alias}.negate`]?.trim().toLowerCase() === "true";
      return { alias, className: plugin.className, transformation, predicate, predicateAlias: predicateAlias || null, predicateClass, negate };
    });
    return new TransformationChain(stages);
  }

  get isEmpty(): boolean {
    return this.stages.length === 0;
  }

  /**
   * Runs `record` through every stage. Returns the result, or null when a transform dropped it
   * or it failed and was tolerated (then the context says failed). Synchronous unless the
   * operator retries, then a promise. Throws when the operator fails the task.
   */
  apply(context: ProcessingContext, operator: RetryWithToleranceOperator, record: R): R | null | Promise<R | null> {
    return this.applyFrom(0, context, operator, record);
  }

  private applyFrom(first: number, context: ProcessingContext, operator: RetryWithToleranceOperator, record: R): R | null | Promise<R | null> {
    let current: R | null = record;
    for (let index = first; index < this.stages.length && current !== null; index++) {
      const stage = this.stages[index]!;
      const input: R = current;
      const result = operator.execute(context, "TRANSFORMATION", stage.className, () => TransformationChain.runStage(stage, input));
      if (result instanceof Promise) return result.then((next) => (next === null ? null : this.applyFrom(index + 1, context, operator, next)));
      current = result;
    }
    return current;
  }

  private static runStage<R extends ConnectRecord>(stage: TransformationStage<R>, record: R): R | null {
    if (stage.predicate && stage.negate === stage.predicate.test(record)) return record;
    return stage.transformation.apply(record);
  }

  /** Closes every transform and predicate; errors are ignored (the task is stopping). */
  close(): void {
    for (const stage of this.stages) {
      try {
        stage.transformation.close?.();
        stage.predicate?.close?.();
      } catch {
        // a failing close must not keep the others open
      }
    }
  }
}
