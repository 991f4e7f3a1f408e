/**
 * An expected failure of a `tributary connectors` command: an error answered by the Connect REST
 * API, an unreachable worker, an unreadable or malformed `-f` file. The message is one line, ready
 * to print after `tributary: `; the command exits 1 and prints no stack trace.
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/**
 * A command line that does not parse (unknown subcommand or option, missing NAME or `-f`). The
 * command prints the message and the usage text, and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
