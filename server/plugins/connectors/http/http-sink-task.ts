import { DataException } from "@/server/plugins/api/data/errors";
import { ConnectException } from "@/server/plugins/api/plugin-api";
import type { SinkRecord } from "@/server/plugins/api/records";
import { SinkTask } from "@/server/plugins/api/task";
import { deliver } from "@/server/plugins/connectors/http/http-delivery";
import { parseHttpSinkSettings, type HttpSinkSettings } from "@/server/plugins/connectors/http/http-sink-config";
import { toJsonText } from "@/server/plugins/connectors/http/record-json";
import { PLUGIN_VERSION } from "@/server/plugins/connectors/plugin-version";

/** A record the server refused for good (a 4xx other than 408 and 429). */
export class HttpRecordRefusedException extends DataException {
  override name = "HttpRecordRefusedException";
}

/**
 * Sends each `put`'s records in order, `batch.max.size` per request, as a JSON array of their
 * values. A request that fails for a passing reason (5xx, 408, 429, a timeout, a connection
 * error) is sent again after a backoff that doubles from `retry.backoff.ms` (or the server's
 * Retry-After), up to `max.retries` times; then the task fails. A request the server refuses
 * for good is split: each of its records is sent alone, and each refused one is a record error
 * for the errant record reporter (so `errors.tolerance` and the dead letter queue apply); without
 * a reporter the task fails with the server's answer.
 *
 * Invariant: `put` resolves only after the server accepted every record of the batch (or each
 * refused record was reported), so the consumer offsets the runtime commits next are delivered.
 */
export class HttpSinkTask extends SinkTask {
  static readonly className = "io.confluent.connect.http.HttpSinkTask";

  private settings!: HttpSinkSettings;
  private readonly stopping = new AbortController();

  version(): string {
    return PLUGIN_VERSION;
  }

  start(props: Record<string, string>): void {
    this.settings = parseHttpSinkSettings(props);
  }

  async put(records: SinkRecord[]): Promise<void> {
    const size = this.settings.batchMaxSize;
    for (let start = 0; start < records.length; start += size) {
      const batch = records.slice(start, start + size);
      const refused = await this.send(batch);
      if (!refused) continue;
      if (batch.length === 1) await this.refuse(batch[0]!, refused);
      else for (const record of batch) await this.sendAlone(record);
    }
  }

  stop(): void {
    this.stopping.abort();
  }

  private body(records: readonly SinkRecord[]): string {
    const items = records.map((record) => (this.settings.bodyFormat === "string" ? (record.value === null ? "null" : String(record.value)) : toJsonText(record.value, record.valueSchema)));
    return `[${items.join(",")}]`;
  }

  /** Sends records until accepted or refused for good (resolves the refusal's reason); throws once retries run out. */
  private async send(records: readonly SinkRecord[]): Promise<string | null> {
    const { maxRetries, retryBackoffMs, retryBackoffMaxMs } = this.settings;
    const body = this.body(records);
    for (let attempt = 0; ; attempt++) {
      const outcome = await deliver(this.settings, body, this.stopping.signal);
      if (outcome.kind === "ok") return null;
      if (outcome.kind === "refused") return outcome.reason;
      if (this.stopping.signal.aborted) throw new ConnectException(`The task stopped while retrying: ${outcome.reason}`);
      if (attempt >= maxRetries) throw new ConnectException(`Giving up after ${maxRetries} retries: ${outcome.reason}`);
      await this.sleep(outcome.retryAfterMs ?? Math.min(retryBackoffMaxMs, retryBackoffMs * 2 ** attempt));
    }
  }

  private async sendAlone(record: SinkRecord): Promise<void> {
    const refused = await this.send([record]);
    if (refused) await this.refuse(record, refused);
  }

  private async refuse(record: SinkRecord, reason: string): Promise<void> {
    const error = new HttpRecordRefusedException(reason);
    const reporter = this.context.errantRecordReporter();
    if (!reporter) {
      throw new ConnectException(`The record at offset ${record.kafkaOffset} of ${record.topic}-${record.kafkaPartition} was refused: ${reason}. Set errors.tolerance=all with errors.deadletterqueue.topic.name to set such records aside`, { cause: error });
    }
    await reporter.report(record, error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.stopping.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }
}
