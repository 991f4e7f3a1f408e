import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseProperties } from "@/server/config/properties";
import { TributaryError } from "@/server/errors/tributary-error";

/**
 * Kafka's config providers (`config.providers=file,env,directory` on the worker): `${file:/p:key}`,
 * `${env:VAR}` and `${directory:/dir:file}` in a connector config are stored and answered as
 * written, and replaced by their values only when a connector or task starts (Worker).
 */

/** One provider: the values of `keys` under `path` (a file, a directory, nothing for env). Throws when one is missing. */
interface ConfigProvider {
  get(where: string, keys: readonly string[]): Record<string, string>;
}

type ProviderFactory = (params: Readonly<Record<string, string>>) => ConfigProvider;

const PACKAGE = "org.apache.kafka.common.config.provider.";

function missing(what: string): TributaryError {
  return new TributaryError("config.invalid", what);
}

/** `allowed.paths` (comma-separated directories): a path outside all of them is refused, as Kafka's providers do. */
function checkAllowed(params: Readonly<Record<string, string>>, where: string): string {
  const resolved = path.resolve(where);
  const allowed = (params["allowed.paths"] ?? "").split(",").map((p) => p.trim()).filter(Boolean).map((p) => path.resolve(p));
  if (allowed.length > 0 && !allowed.some((dir) => resolved === dir || resolved.startsWith(`${dir}${path.sep}`))) {
    throw missing(`The path ${where} is not under the config provider's allowed.paths (${allowed.join(", ")}).`);
  }
  return resolved;
}

const fileProvider: ProviderFactory = (params) => ({
  get(where, keys) {
    const file = checkAllowed(params, where);
    let values: Record<string, string>;
    try {
      values = parseProperties(readFileSync(file, "utf8"));
    } catch (error) {
      throw missing(`Could not read the properties file ${where}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    return pick(values, keys, (key) => `The properties file ${where} has no key '${key}'.`);
  },
});

const envProvider: ProviderFactory = (params) => {
  let allow: RegExp;
  try {
    allow = new RegExp(`^(?:${params["allowlist.pattern"] ?? ".*"})$`);
  } catch {
    throw new TributaryError("config.invalid_value", `The env config provider's allowlist.pattern is not a regular expression: ${params["allowlist.pattern"]}`);
  }
  return {
    get(where, keys) {
      if (where !== "") throw missing(`The env config provider takes no path: write \${env:VARIABLE}.`);
      const visible = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && allow.test(entry[0])));
      return pick(visible, keys, (key) => `The environment variable ${key} is not set (or not allowed by allowlist.pattern).`);
    },
  };
};

const directoryProvider: ProviderFactory = (params) => ({
  get(where, keys) {
    const dir = checkAllowed(params, where);
    const files: Record<string, string> = {};
    for (const key of keys) {
      if (key.includes("/") || key.includes("\\") || key === "." || key === "..") throw missing(`'${key}' is not a file name in ${where}.`);
      const file = path.join(dir, key);
      try {
        if (statSync(file).isFile()) files[key] = readFileSync(file, "utf8");
      } catch {
        // Reported below as a missing file.
      }
    }
    return pick(files, keys, (key) => `The directory ${where} has no file '${key}' (it has ${listing(dir)}).`);
  },
});

function listing(dir: string): string {
  try {
    const names = readdirSync(dir);
    return names.length === 0 ? "none" : `${names.length} file(s)`;
  } catch {
    return "no such directory";
  }
}

function pick(values: Readonly<Record<string, string>>, keys: readonly string[], message: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    if (!Object.hasOwn(values, key)) throw missing(message(key));
    out[key] = values[key]!;
  }
  return out;
}

/** The provider classes Tributary has, under Kafka's class names. */
const PROVIDER_CLASSES: Record<string, ProviderFactory> = {
  [`${PACKAGE}FileConfigProvider`]: fileProvider,
  [`${PACKAGE}EnvVarConfigProvider`]: envProvider,
  [`${PACKAGE}DirectoryConfigProvider`]: directoryProvider,
};

/** The factory for a class name (full, or the simple name), or undefined when there is none. */
function providerClass(name: string): ProviderFactory | undefined {
  const trimmed = name.trim();
  return PROVIDER_CLASSES[trimmed] ?? PROVIDER_CLASSES[`${PACKAGE}${trimmed}`];
}

/** Why `config.providers.<name>.class = className` cannot be used, or undefined when it can. */
export function unknownProviderClass(key: string, className: string): string | undefined {
  if (providerClass(className)) return undefined;
  return `Invalid value ${className} for configuration ${key}: Class ${className} could not be found; the config providers are ${Object.keys(PROVIDER_CLASSES).join(", ")}.`;
}

/** Kafka's `ConfigTransformer` pattern: `${provider:[path:]key}`. */
const REFERENCE = /\$\{([^}]*?):(?:([^}]*?):)?([^}]*?)\}/g;

/** The provider names a value refers to (`${name:…}`). */
export function referencedProviders(value: string): string[] {
  return [...value.matchAll(REFERENCE)].map((match) => match[1]!);
}

/** The names listed in a worker's `config.providers`. */
export function configuredProviderNames(worker: Readonly<Record<string, string>>): string[] {
  return (worker["config.providers"] ?? "").split(",").map((name) => name.trim()).filter(Boolean);
}

/**
 * The worker's config providers, built from `config.providers`, `config.providers.<n>.class` and
 * `config.providers.<n>.param.*`. Throws `config.invalid_value` naming the key for a provider
 * without a class or with a class Tributary does not have. Stateless after construction; safe to share.
 */
export class ConfigProviders {
  private constructor(private readonly providers: ReadonlyMap<string, ConfigProvider>) {}

  static fromWorkerConfig(worker: Readonly<Record<string, string>>): ConfigProviders {
    const providers = new Map<string, ConfigProvider>();
    for (const name of configuredProviderNames(worker)) {
      const key = `config.providers.${name}.class`;
      const className = worker[key];
      if (!className) throw new TributaryError("config.invalid_value", `config.providers names '${name}' but ${key} is not set.`);
      const problem = unknownProviderClass(key, className);
      if (problem) throw new TributaryError("config.invalid_value", problem);
      const prefix = `config.providers.${name}.param.`;
      const params = Object.fromEntries(Object.entries(worker).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
      providers.set(name, providerClass(className)!(params));
    }
    return new ConfigProviders(providers);
  }

  /** Whether `config` holds a reference to a configured provider (it then needs resolve). */
  private refersToProviders(value: string): boolean {
    return referencedProviders(value).some((name) => this.providers.has(name));
  }

  /**
   * `config` with every reference to a configured provider replaced by its value; references to
   * other names are left as written (as Kafka does). Throws `config.invalid` naming the key and
   * the reference, never a resolved value, when a value cannot be read.
   */
  resolve(config: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
      if (!value.includes("${") || !this.refersToProviders(value)) {
        out[key] = value;
        continue;
      }
      out[key] = value.replace(REFERENCE, (reference, name: string, where: string | undefined, field: string) => {
        const provider = this.providers.get(name);
        if (!provider) return reference;
        try {
          return provider.get(where ?? "", [field])[field]!;
        } catch (error) {
          const reason = error instanceof TributaryError ? error.message : "it could not be read.";
          throw new TributaryError("config.invalid", `Could not resolve ${reference} in ${key}: ${reason}`);
        }
      });
    }
    return out;
  }

  /**
   * Kafka Connect's reverse transform of generated task configs: a key whose connector value
   * held a reference, and whose generated value is that reference's resolved value, gets the
   * reference back, so stored task configs hold no resolved secret.
   */
  unresolve(raw: Readonly<Record<string, string>>, resolved: Readonly<Record<string, string>>, generated: Readonly<Record<string, string>>): Record<string, string> {
    const out = { ...generated };
    for (const [key, value] of Object.entries(raw)) {
      if (value !== resolved[key] && out[key] === resolved[key]) out[key] = value;
    }
    return out;
  }
}
