import type { Schema } from "@/server/plugins/api/data/schema";
import type { SchemaBuilder } from "@/server/plugins/api/data/schema-builder";

/**
 * Remembers the schema an SMT derived from an input schema (Kafka's `LRUCache<Schema, Schema>` of
 * 16 entries in each SMT), so a stream of records with one schema builds its output schema once
 * and every output record shares one Schema object (which converters cache on in turn). Keyed
 * by identity: converters hand out one Schema object per distinct schema. Least recently used
 * entries are evicted. One instance per SMT instance; not shared between tasks.
 */
export class SchemaUpdateCache {
  private readonly entries = new Map<Schema, Schema>();

  constructor(private readonly capacity = 16) {}

  /** The schema derived from `input`, built with `derive` on a miss. */
  get(input: Schema, derive: (input: Schema) => Schema): Schema {
    const cached = this.entries.get(input);
    if (cached !== undefined) {
      this.entries.delete(input);
      this.entries.set(input, cached);
      return cached;
    }
    const derived = derive(input);
    this.entries.set(input, derived);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return derived;
  }

  /** Forgets every entry (on `close`). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * Copies a schema's name, version, doc and parameters onto `builder` (Kafka's
 * `SchemaUtil.copySchemaBasics`); optionality and the default are the caller's to decide.
 */
export function copySchemaBasics(source: Schema, builder: SchemaBuilder): SchemaBuilder {
  if (source.name !== null) builder.name(source.name);
  if (source.version !== null) builder.version(source.version);
  if (source.doc !== null) builder.doc(source.doc);
  if (source.parameters !== null) builder.parameters(source.parameters);
  return builder;
}
