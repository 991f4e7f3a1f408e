import { DataException } from "@/server/plugins/api/data/errors";
import { type Field, Schema, valuesEqual } from "@/server/plugins/api/data/schema";

/**
 * A structured record value bound to a STRUCT schema (Kafka Connect's `Struct`). Mutable while it is
 * being filled: `put` checks each value against its field's schema at once and throws
 * DataException; `validate()` checks that every required field without a default is set. Not
 * thread-safe; treat a Struct as immutable once it is handed to a record.
 */
export class Struct {
  readonly schema: Schema;
  private readonly values: unknown[];

  constructor(schema: Schema) {
    if (!(schema instanceof Schema) || schema.type !== "STRUCT") throw new DataException("Not a struct schema: " + String(schema));
    this.schema = schema;
    this.values = new Array<unknown>(schema.fields.length).fill(null);
  }

  /**
   * Sets a field by name or Field after validating the value against the field's schema (null is
   * refused for required fields, even those with a default, as in Kafka). Returns this for chaining.
   */
  put(field: string | Field, value: unknown): this {
    const target = this.lookup(field);
    target.schema.validateValue(value, `field: "${target.name}"`);
    this.values[target.index] = value ?? null;
    return this;
  }

  /** The field's value, or its schema's default when the value is null (Kafka's `get`). */
  get(field: string | Field): unknown {
    const target = this.lookup(field);
    const value = this.values[target.index];
    return value === null ? target.schema.defaultValue : value;
  }

  /** The field's value as set, null when unset, ignoring defaults. */
  getWithoutDefault(field: string | Field): unknown {
    return this.values[this.lookup(field).index];
  }

  /** A STRING field's value; throws DataException when the field has another type. */
  getString(field: string): string | null {
    return this.typed(field, "STRING") as string | null;
  }
  /** An INT8, INT16, INT32, FLOAT32 or FLOAT64 field's value. */
  getNumber(field: string): number | null {
    return this.typed(field, "INT8", "INT16", "INT32", "FLOAT32", "FLOAT64") as number | null;
  }
  /** An INT64 field's value. */
  getInt64(field: string): bigint | null {
    return this.typed(field, "INT64") as bigint | null;
  }
  /** A BOOLEAN field's value. */
  getBoolean(field: string): boolean | null {
    return this.typed(field, "BOOLEAN") as boolean | null;
  }
  /** A STRUCT field's value. */
  getStruct(field: string): Struct | null {
    return this.typed(field, "STRUCT") as Struct | null;
  }

  /** Throws DataException unless every field holds a valid value (null only where optional or defaulted). */
  validate(): void {
    for (const field of this.schema.fields) {
      const value = this.values[field.index];
      if (value === null && (field.schema.optional || field.schema.defaultValue !== null)) continue;
      field.schema.validateValue(value, `field: "${field.name}"`);
    }
  }

  /** Equal schemas and deeply equal values. */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof Struct) || !this.schema.equals(other.schema)) return false;
    return this.values.every((value, i) => valuesEqual(value, other.values[i]));
  }

  /** `Struct{id=1,name=x}` like Kafka (unset fields left out). */
  toString(): string {
    const parts = this.schema.fields.filter((field) => this.values[field.index] !== null).map((field) => `${field.name}=${String(this.values[field.index])}`);
    return `Struct{${parts.join(",")}}`;
  }

  private lookup(field: string | Field): Field {
    if (typeof field !== "string") {
      if (this.schema.fields[field.index] !== field && !this.schema.fields[field.index]?.equals(field)) {
        throw new DataException(`${field.name} is not a valid field name`);
      }
      return field;
    }
    const found = this.schema.field(field);
    if (found === null) throw new DataException(`${field} is not a valid field name`);
    return found;
  }

  private typed(field: string, ...types: string[]): unknown {
    const target = this.lookup(field);
    if (!types.includes(target.schema.type)) {
      throw new DataException(`Field '${field}' is not of type ${types.join(" or ")}: it is ${target.schema.type}`);
    }
    return this.get(target);
  }
}
