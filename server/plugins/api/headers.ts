import type { Schema } from "@/server/plugins/api/data/schema";

/** One record header: a key, and a value with its (optional) Connect schema. */
export interface Header {
  readonly key: string;
  readonly schema: Schema | null;
  readonly value: unknown;
}

/**
 * A record's headers in order, keys repeatable (Kafka Connect's `Headers`). Mutable: SMTs and
 * converters add and remove; `duplicate()` gives an independent copy for a new record.
 */
export class Headers implements Iterable<Header> {
  private items: Header[];

  constructor(items: Iterable<Header> = []) {
    this.items = [...items];
  }

  /** Appends a header and returns this, for chaining. */
  add(key: string, value: unknown, schema: Schema | null = null): this {
    this.items.push({ key, schema, value });
    return this;
  }

  /** The last header with this key, or undefined. */
  lastWithName(key: string): Header | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]!.key === key) return this.items[i];
    return undefined;
  }

  /** Every header with this key, in order. */
  allWithName(key: string): Header[] {
    return this.items.filter((header) => header.key === key);
  }

  /** Removes every header with this key and returns this. */
  remove(key: string): this {
    this.items = this.items.filter((header) => header.key !== key);
    return this;
  }

  get size(): number {
    return this.items.length;
  }

  duplicate(): Headers {
    return new Headers(this.items);
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.items[Symbol.iterator]();
  }
}
