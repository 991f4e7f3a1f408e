import { ConfigException, type Password } from "@/server/plugins/api/config-def";
import type { PostgresEndpoint } from "@/server/plugins/connectors/postgres-client/postgres-session";

const PREFIX = "jdbc:postgresql:";
const SSL_MODES: Record<string, PostgresEndpoint["ssl"]> = {
  disable: "disable",
  allow: "disable",
  prefer: "disable",
  require: "require",
  "verify-ca": "require",
  "verify-full": "verify-full",
};

/**
 * The PostgreSQL endpoint a JDBC URL names, as PostgreSQL's JDBC driver reads it:
 * `jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…&ApplicationName=…]`
 * (also `jdbc:postgresql:database` and `jdbc:postgresql:/`, meaning localhost:5432).
 * `connection.user` / `connection.password` win over the URL's parameters, as in Confluent's
 * connector. Only one host is used (the first of a list).
 * @throws ConfigException naming `connection.url` for any other URL.
 */
export function endpointFromJdbcUrl(url: string, user: string | null, password: Password | null): PostgresEndpoint {
  const trimmed = url.trim();
  if (!trimmed.startsWith(PREFIX)) {
    throw new ConfigException(`Invalid value ${redactJdbcUrl(trimmed)} for configuration connection.url: Tributary's JDBC connectors speak PostgreSQL: use jdbc:postgresql://host:port/database`, { key: "connection.url" });
  }
  const rest = trimmed.slice(PREFIX.length);
  const [location = "", query = ""] = rest.split("?", 2);
  let host = "localhost";
  let port = 5432;
  let database: string;
  if (location.startsWith("//")) {
    const slash = location.indexOf("/", 2);
    const authority = slash < 0 ? location.slice(2) : location.slice(2, slash);
    database = slash < 0 ? "" : decodeURIComponent(location.slice(slash + 1));
    const first = authority.split(",")[0]!;
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
    const plain = /^([^:]*)(?::(\d+))?$/.exec(first);
    const parts = bracket ?? plain;
    if (!parts) throw new ConfigException(`Invalid value ${redactJdbcUrl(trimmed)} for configuration connection.url: cannot read the host and port in "${first}"`, { key: "connection.url" });
    host = parts[1] || "localhost";
    if (parts[2]) port = Number(parts[2]);
  } else {
    database = decodeURIComponent(location.replace(/^\//, ""));
  }
  const params = new URLSearchParams(query.replaceAll(";", "&"));
  if (!database) throw new ConfigException(`Invalid value ${redactJdbcUrl(trimmed)} for configuration connection.url: the URL names no database (jdbc:postgresql://host:port/database)`, { key: "connection.url" });
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigException(`Invalid value ${redactJdbcUrl(trimmed)} for configuration connection.url: port ${port} is out of range`, { key: "connection.url" });
  const sslMode = params.get("sslmode") ?? (params.get("ssl") === "true" ? "require" : "disable");
  const ssl = SSL_MODES[sslMode];
  if (!ssl) throw new ConfigException(`Invalid value ${redactJdbcUrl(trimmed)} for configuration connection.url: unknown sslmode "${sslMode}"`, { key: "connection.url" });
  return {
    host,
    port,
    database,
    user: user ?? params.get("user"),
    password: password?.value() ?? params.get("password"),
    ssl,
    applicationName: params.get("ApplicationName") ?? undefined,
  };
}

/** The URL without its `password` parameter, for messages and logs. */
export function redactJdbcUrl(url: string): string {
  return url.replace(/([?&;]password=)[^&;]*/gi, "$1[hidden]");
}
