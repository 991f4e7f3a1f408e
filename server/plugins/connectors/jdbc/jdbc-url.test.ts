import { describe, expect, it } from "vitest";
import { Password } from "@/server/plugins/api/config-def";
import { endpointFromJdbcUrl, redactJdbcUrl } from "@/server/plugins/connectors/jdbc/jdbc-url";

describe("JDBC URLs", () => {
  it("reads host, port, database and credentials as PostgreSQL's driver does", () => {
    expect(endpointFromJdbcUrl("jdbc:postgresql://db.example:6543/shop?user=me&password=p%40ss&sslmode=require", null, null)).toEqual({
      host: "db.example",
      port: 6543,
      database: "shop",
      user: "me",
      password: "p@ss",
      ssl: "require",
      applicationName: undefined,
    });
    expect(endpointFromJdbcUrl("jdbc:postgresql:shop", null, null)).toMatchObject({ host: "localhost", port: 5432, database: "shop", ssl: "disable" });
  });

  it("lets connection.user and connection.password win over the URL's", () => {
    expect(endpointFromJdbcUrl("jdbc:postgresql://h/db?user=a&password=b", "c", new Password("d"))).toMatchObject({ user: "c", password: "d" });
  });

  it("names connection.url and what to fix, without the password", () => {
    expect(() => endpointFromJdbcUrl("jdbc:mysql://h/db?password=secret", null, null)).toThrow(/connection\.url: Tributary's JDBC connectors speak PostgreSQL: use jdbc:postgresql:\/\/host:port\/database/);
    expect(() => endpointFromJdbcUrl("jdbc:mysql://h/db?password=secret", null, null)).not.toThrow(/secret/);
    expect(() => endpointFromJdbcUrl("jdbc:postgresql://h:5432/?password=secret", null, null)).toThrow("the URL names no database");
    expect(redactJdbcUrl("jdbc:postgresql://h/db?user=a&password=secret")).toBe("jdbc:postgresql://h/db?user=a&password=[hidden]");
  });
});
