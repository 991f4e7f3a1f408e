const BRAND = Symbol.for("tributary.error");

/**
 * The root of Tributary's own errors. Every error that crosses a module boundary on purpose is a
 * TributaryError, so the HTTP layer can map it to a status and a stable dotted `code`
 * (`connector.not_found`, `config.invalid_value`, `kafka.connection`) without string matching.
 *
 * `retriable` says whether repeating the same operation later may succeed; the runtime's retry
 * operators read it, and nothing else decides retriability.
 */
export class TributaryError extends Error {
  /**
   * `instanceof TributaryError` also recognizes errors built by another copy of this module: Next
   * compiles instrumentation (which runs the runtime) and route handlers as separate module
   * graphs, so an error thrown by the herder comes from a different class object than the one
   * the route handler imports. Subclasses keep the ordinary prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== TributaryError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly code: string;
  readonly retriable: boolean;
  /** One sentence telling the user what to do about it, when we know. */
  readonly suggestion?: string;

  constructor(
    code: string,
    message: string,
    options: { retriable?: boolean; suggestion?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Never `new.target.name`: bundlers rename classes whose names collide (Next's production
    // build turns this one into "TributaryError1"), and names reach users in messages, traces
    // and DLQ headers. Subclasses declare `override name = "…"`, which replaces this one.
    this.name = "TributaryError";
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.suggestion = options.suggestion;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Returns the message of anything thrown, for logs and API bodies. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** One line for a fatal start-up error: the message, then the suggestion when there is one. */
export function fatalLine(error: unknown): string {
  const suggestion = error instanceof TributaryError && error.suggestion ? ` (${error.suggestion})` : "";
  return `tributary: ${messageOf(error)}${suggestion}`;
}
