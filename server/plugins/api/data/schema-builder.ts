import { DataException } from "@/server/plugins/api/data/errors";
import { Schema, type SchemaParts, type SchemaType } from "@/server/plugins/api/data/schema";

type BuilderState = Omit<SchemaParts, "fields"> & { fields: { name: string; schema: Schema }[] };

/**
 * Fluent construction of a Schema, as Kafka's `SchemaBuilder`:
 * `SchemaBuilder.struct().name("com.example.Order").version(3).field("id", Schema.INT32_SCHEMA).build()`.
 * Each of name, version, doc, optional/required and the default value can be set once (a second
 * call throws DataException, like Kafka). Not thread-safe; `build()` returns an immutable Schema and
 * can be called again.
 */
export class SchemaBuilder {
  private readonly state: BuilderState;
  private readonly assigned = new Set<string>();

  private constructor(type: SchemaType, keySchema: Schema | null = null, valueSchema: Schema | null = null) {
    this.state = { type, keySchema, valueSchema, fields: [] };
  }

  /** A builder for any type; ARRAY and MAP need `array()`/`map()` for their element schemas. */
  static type(type: SchemaType): SchemaBuilder {
    return new SchemaBuilder(type);
  }
  static int8(): SchemaBuilder {
    return new SchemaBuilder("INT8");
  }
  static int16(): SchemaBuilder {
    return new SchemaBuilder("INT16");
  }
  static int32(): SchemaBuilder {
    return new SchemaBuilder("INT32");
  }
  static int64(): SchemaBuilder {
    return new SchemaBuilder("INT64");
  }
  static float32(): SchemaBuilder {
    return new SchemaBuilder("FLOAT32");
  }
  static float64(): SchemaBuilder {
    return new SchemaBuilder("FLOAT64");
  }
  static bool(): SchemaBuilder {
    return new SchemaBuilder("BOOLEAN");
  }
  static string(): SchemaBuilder {
    return new SchemaBuilder("STRING");
  }
  static bytes(): SchemaBuilder {
    return new SchemaBuilder("BYTES");
  }
  static struct(): SchemaBuilder {
    return new SchemaBuilder("STRUCT");
  }
  /** An ARRAY whose elements have `valueSchema`. */
  static array(valueSchema: Schema): SchemaBuilder {
    if (!valueSchema) throw new DataException("valueSchema cannot be null.");
    return new SchemaBuilder("ARRAY", null, valueSchema);
  }
  /** A MAP from `keySchema` to `valueSchema`. */
  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    if (!keySchema) throw new DataException("keySchema cannot be null.");
    if (!valueSchema) throw new DataException("valueSchema cannot be null.");
    return new SchemaBuilder("MAP", keySchema, valueSchema);
  }
  /** An ARRAY with no element schema: what `Values.parseString` infers for `[null]`. */
  static arrayOfNull(): SchemaBuilder {
    return new SchemaBuilder("ARRAY");
  }
  /** A MAP with no key or value schema: what `Values.parseString` infers for `{}`. */
  static mapOfNull(): SchemaBuilder {
    return new SchemaBuilder("MAP");
  }
  /** A MAP with no value schema: what `Values.parseString` infers for `{"a":null}`. */
  static mapWithNullValues(keySchema: Schema): SchemaBuilder {
    return new SchemaBuilder("MAP", keySchema, null);
  }

  /** The type this builder builds. */
  get type(): SchemaType {
    return this.state.type;
  }

  optional(): this {
    return this.assign("optional", true);
  }
  required(): this {
    return this.assign("optional", false);
  }
  name(name: string): this {
    return this.assign("name", name);
  }
  version(version: number): this {
    return this.assign("version", version);
  }
  doc(doc: string): this {
    return this.assign("doc", doc);
  }

  /** Sets the default, validated against the schema built so far (set fields before the default). */
  defaultValue(value: unknown): this {
    try {
      this.build().validateValue(value, "default value");
    } catch (error) {
      throw new DataException("Invalid default value", { cause: error });
    }
    return this.assign("defaultValue", value);
  }

  /** Adds one schema parameter (kept in insertion order). */
  parameter(key: string, value: string): this {
    this.state.parameters = { ...this.state.parameters, [key]: value };
    return this;
  }

  /** Adds several schema parameters. */
  parameters(parameters: Readonly<Record<string, string>>): this {
    this.state.parameters = { ...this.state.parameters, ...parameters };
    return this;
  }

  /** Appends a STRUCT field; throws DataException for other types and for a duplicate name. */
  field(name: string, schema: Schema | SchemaBuilder): this {
    if (this.state.type !== "STRUCT") throw new DataException(`Cannot create fields on type ${this.state.type}`);
    if (name === null || name === undefined) throw new DataException("fieldName cannot be null.");
    if (!schema) throw new DataException(`fieldSchema for field ${name} cannot be null.`);
    if (this.state.fields.some((field) => field.name === name)) throw new DataException(`Cannot create field because of field name duplication ${name}`);
    this.state.fields.push({ name, schema: schema instanceof SchemaBuilder ? schema.build() : schema });
    return this;
  }

  /** The immutable Schema described so far. */
  build(): Schema {
    return new Schema({ ...this.state, fields: [...this.state.fields] });
  }

  /** Same as `build()` (Kafka's `SchemaBuilder.schema()`). */
  schema(): Schema {
    return this.build();
  }

  private assign<K extends "optional" | "name" | "version" | "doc" | "defaultValue">(key: K, value: BuilderState[K]): this {
    if (this.assigned.has(key)) throw new DataException(`Invalid SchemaBuilder call: ${key === "optional" ? "optional" : key} has already been set.`);
    this.assigned.add(key);
    this.state[key] = value;
    return this;
  }
}
