import type { ConfigDef, ConfigValue } from "@/server/plugins/api/config-def";
import { SinkConnector, type ConnectionCheck, type TaskClass } from "@/server/plugins/api/connector";
import type { SinkTask } from "@/server/plugins/api/task";
import { httpSinkConfigDef, parseHttpSinkSettings, validateHttpSink } from "@/server/plugins/connectors/http/http-sink-config";
import { HttpSinkTask } from "@/server/plugins/connectors/http/http-sink-task";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

const CHECK_TIMEOUT_MS = 10_000;

/**
 * Sends records to an HTTP endpoint as JSON arrays (`io.confluent.connect.http.HttpSinkConnector`,
 * with the keys of Confluent's HTTP sink where they mean the same). `tasks.max` identical tasks.
 */
export class HttpSinkConnector extends SinkConnector {
  static readonly className = "io.confluent.connect.http.HttpSinkConnector";
  static readonly aliases = ["HttpSink", "HttpSinkConnector"];
  static readonly description = "Sends records to an HTTP endpoint in batches (a JSON array per request), with retries and dead letters for refused records.";

  private props: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return httpSinkConfigDef();
  }

  validate(_props: Record<string, string>, values: Map<string, ConfigValue>): void {
    validateHttpSink(values);
  }

  start(props: Record<string, string>): void {
    parseHttpSinkSettings(props);
    this.props = { ...props };
  }

  taskClass(): TaskClass<SinkTask> {
    return HttpSinkTask;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  /** Reaches the server with a HEAD request (any answer counts: nothing is sent to the endpoint). */
  async testConnection(props: Record<string, string>): Promise<ConnectionCheck> {
    const settings = parseHttpSinkSettings(props);
    const target = `${settings.url.origin}${settings.url.pathname}`;
    try {
      const response = await fetch(settings.url, { method: "HEAD", headers: settings.headers, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      return { message: `${target} answered HEAD with ${response.status} ${response.statusText}.` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new Error(`Cannot reach ${target}: ${cause?.code ?? (error as Error).message}`);
    }
  }
}
