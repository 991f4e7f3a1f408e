import { afterEach, describe, expect, it } from "vitest";
import { connectorsUsage } from "@/server/cli/connectors/arguments";
import { runConnectorsCommand } from "@/server/cli/connectors/commands";
import { startFakeConnect, type CannedResponse, type FakeConnect } from "@/server/cli/connectors/testing/fake-connect-server";

let server: FakeConnect | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(routes: Record<string, CannedResponse>, args: string[]) {
  server = await startFakeConnect(routes);
  return runConnectorsCommand([...args, "--url", server.url], { env: {}, readStdin: async () => '{"name":"fs","connector.class":"Nope"}' });
}

describe("errors answered by the API", () => {
  it("prints Connect's message on one line and exits 1", async () => {
    const result = await run({ "GET /connectors/nope/status": { status: 404, json: { error_code: 404, message: "No status found for connector nope" } } }, ["status", "nope"]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: "tributary: No status found for connector nope\n" });
  });

  it("joins a multi-line message (a failed validation) into one line", async () => {
    const message =
      "Connector configuration is invalid and contains the following 1 error(s):\nMissing required configuration \"topics\" which has no default value.\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`";
    const result = await run({ "POST /connectors": { status: 400, json: { error_code: 400, message } } }, ["create", "-f", "-"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      "tributary: Connector configuration is invalid and contains the following 1 error(s): Missing required configuration \"topics\" which has no default value. You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`\n",
    );
  });

  it("names the request and status when the answer is not a Connect error body", async () => {
    const result = await run({ "GET /connector-plugins": { status: 502, text: "<html>Bad Gateway</html>" } }, ["plugins"]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `tributary: GET ${server!.url}/connector-plugins answered HTTP 502 Bad Gateway\n` });
  });

  it("says so when a 2xx answer does not have the entity's shape, instead of printing half a table", async () => {
    const result = await run({ "GET /connectors/fs/status": { status: 200, json: { name: "fs", tasks: [] } } }, ["status", "fs"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^tributary: unexpected answer to GET \/connectors\/fs\/status at connector: .+\n$/);
  });

  it("says so when a 2xx answer is not JSON", async () => {
    const result = await run({ "GET /connectors/fs": { status: 200, text: "<html></html>" } }, ["get", "fs"]);
    expect(result.stderr).toBe(`tributary: GET ${server!.url}/connectors/fs answered HTTP 200 with a body that is not JSON\n`);
  });
});

describe("an unreachable worker", () => {
  it("says the REST API cannot be reached when the connection is refused", async () => {
    const closed = await startFakeConnect({});
    await closed.close();
    const result = await runConnectorsCommand(["list"], { env: { TRIBUTARY_URL: closed.url } });
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `tributary: cannot reach the Connect REST API at ${closed.url} (is the worker running?)\n` });
  });

  it("gives the network error's reason for other failures", async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND connect.invalid") }));
    const result = await runConnectorsCommand(["list", "--url", "http://connect.invalid:8083/"], { env: {}, fetch: failing });
    expect(result.stderr).toBe("tributary: cannot reach the Connect REST API at http://connect.invalid:8083: getaddrinfo ENOTFOUND connect.invalid\n");
  });
});

describe("usage", () => {
  it.each([
    [[], "missing command"],
    [["frobnicate"], 'unknown connectors command "frobnicate"'],
    [["get"], "get needs the connector's NAME"],
    [["list", "extra"], 'unexpected argument "extra" for list'],
    [["create"], "create needs -f FILE (a .properties or JSON connector file, or - for stdin)"],
    [["update", "fs"], "update needs -f FILE (a .properties or JSON connector file, or - for stdin)"],
    [["get", "fs", "-f", "x.json"], "get does not take -f"],
    [["status", "fs", "--include-tasks"], "--include-tasks and --only-failed apply to restart only"],
    [["list", "--output", "yaml"], '--output must be json or table, not "yaml"'],
    [["list", "--url", "localhost:8083"], '--url must be an http:// or https:// URL, not "localhost:8083"'],
    [["list", "--verbose"], "Unknown option '--verbose'"],
    [["create", "-f"], "Option '-f, --file <value>' argument missing"],
  ])("%j exits 2 with the message and the usage text", async (args, message) => {
    const result = await runConnectorsCommand(args, { env: {} });
    expect(result).toEqual({ exitCode: 2, stdout: "", stderr: `tributary: ${message}\n\n${connectorsUsage}\n` });
  });

  it("refuses a $TRIBUTARY_URL that is not an http URL, naming the variable", async () => {
    const result = await runConnectorsCommand(["list"], { env: { TRIBUTARY_URL: "ftp://x" } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^tributary: TRIBUTARY_URL must be an http:\/\/ or https:\/\/ URL, not "ftp:\/\/x"\n/);
  });

  it.each([[["--help"]], [["help"]], [["restart", "-h"]]])("%j prints the usage text and exits 0", async (args) => {
    expect(await runConnectorsCommand(args, { env: {} })).toEqual({ exitCode: 0, stdout: `${connectorsUsage}\n`, stderr: "" });
  });
});
