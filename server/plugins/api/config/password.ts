const HIDDEN = "[hidden]";

/**
 * A PASSWORD config value (Kafka's `types.Password`). Every way of turning it into text —
 * `String(p)`, template literals, `JSON.stringify`, `console.log`/`util.inspect` — gives
 * `[hidden]`; only `value()` returns the secret, so a parsed config can be logged or sent to
 * the console without leaking it. Immutable.
 */
export class Password {
  /** What a password shows instead of its value, everywhere (`Password.HIDDEN` in Kafka). */
  static readonly HIDDEN = HIDDEN;

  readonly #secret: string;

  /** Wraps `secret`; ConfigDef trims it first, as Kafka does. */
  constructor(secret: string) {
    this.#secret = secret;
  }

  /** The secret itself, for the code that must use it (a client's credentials). */
  value(): string {
    return this.#secret;
  }

  /** Two passwords are equal when their secrets are. */
  equals(other: unknown): boolean {
    return other instanceof Password && other.#secret === this.#secret;
  }

  /** Always `[hidden]`. */
  toString(): string {
    return HIDDEN;
  }

  /** Always `[hidden]`, so JSON bodies and structured logs never carry the secret. */
  toJSON(): string {
    return HIDDEN;
  }

  /** Always `Password [hidden]` in Node's inspector (console.log, test diffs). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Password ${HIDDEN}`;
  }
}
