import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { messageOf, TributaryError } from "@/server/errors/tributary-error";
import { getLogger } from "@/server/logging/logger";
import type { Herder } from "@/server/runtime/herder/herder";
import { EventHub } from "@/server/runtime/events/event-hub";
import { ConnectMetrics } from "@/server/runtime/metrics/connect-metrics";
import type { ClusterPort } from "@/server/runtime/ports";
import type { WorkerProcessStore } from "@/server/storage/contracts/worker-process-store";

/** How this process runs the Connect runtime. */
export type RuntimeMode = "embedded" | "standalone" | "distributed";

/** What the runtime knows about its Kafka cluster from its last probe. */
export interface KafkaHealth {
  reachable: boolean;
  bootstrap: string;
  /** The last cluster id seen; kept while the cluster is unreachable. */
  clusterId: string | null;
  error?: string;
  checkedAt: number | null;
}

/** A snapshot of the runtime's own state, for health endpoints. */
export interface RuntimeHealth {
  mode: RuntimeMode;
  ready: boolean;
  workerId: string;
  instance: string;
  startedAt: number;
  kafka: KafkaHealth;
}

/** Everything a Runtime is built from; the composition root (server/boot) supplies it. */
export interface RuntimeOptions {
  mode: RuntimeMode;
  /** Kafka Connect's worker id: the advertised `host:port` of this worker's REST listener. */
  workerId: string;
  version: string;
  restUrl: string | null;
  cluster: ClusterPort;
  workers: WorkerProcessStore;
  /** The control plane the REST API calls, started after the runtime and stopped before it. */
  herder?: Herder & { prepare(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  /** Where the runtime's live events are published (the console's event stream reads it). */
  events?: EventHub;
  /** The worker's live metrics (its tasks record into them; /metrics and the console read them). */
  metrics?: ConnectMetrics;
  /** Started once the runtime is ready; stopped after the herder, before the stores close (the console's metrics history). */
  services?: Array<{ start(): void; stop(): Promise<void> }>;
  /** How often Kafka is probed; default 5 s. */
  probeIntervalMs?: number;
  /** A probe slower than this counts as a failure; default 5 s. */
  probeTimeoutMs?: number;
  now?: () => number;
}

const log = getLogger("tributary.runtime");

/**
 * The Connect runtime of one process. For now it holds the worker's Kafka cluster connection,
 * records its process in the store and keeps a probed view of Kafka's reachability; the Herder,
 * Worker and task loops hang off it as they arrive.
 *
 * Lifecycle: construct (cheap, synchronous) → `start()` once → `stop()`, which may come while
 * `start()` is still under way (a signal during start-up). `health()` may be called at any time.
 * Not safe to `start()` twice.
 */
export class Runtime {
  readonly instance = randomUUID();
  readonly startedAt: number;
  private ready = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private kafka: KafkaHealth;
  private readonly now: () => number;

  constructor(private readonly options: RuntimeOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.kafka = { reachable: false, bootstrap: options.cluster.bootstrap, clusterId: null, checkedAt: null };
  }

  /** The live events of this runtime (status changes), for the console's event stream. */
  get events(): EventHub {
    this.options.events ??= new EventHub();
    return this.options.events;
  }

  /** The worker's live metrics, under Kafka Connect's groups. */
  get metrics(): ConnectMetrics {
    this.options.metrics ??= new ConnectMetrics();
    return this.options.metrics;
  }

  /** The control plane; throws `runtime.not_ready` when this process runs none. */
  get herder(): Herder {
    if (!this.options.herder) throw new TributaryError("runtime.not_ready", "The Connect herder is not running in this process.");
    return this.options.herder;
  }

  /**
   * Records this process, lets the herder load its plugins, marks the runtime ready, then starts
   * the Kafka probe loop and (in the background) the herder's connectors.
   */
  async start(): Promise<void> {
    await this.options.workers.started({
      id: this.instance,
      mode: this.options.mode,
      version: this.options.version,
      restUrl: this.options.restUrl,
      pid: process.pid,
      host: hostname(),
    });
    await this.options.herder?.prepare();
    if (this.stopped) return;
    this.ready = true;
    log.info({ instance: this.instance, mode: this.options.mode, workerId: this.options.workerId }, "runtime started");
    this.scheduleProbe(0);
    for (const service of this.options.services ?? []) service.start();
    void this.options.herder?.start().catch((error: unknown) => log.error({ err: messageOf(error) }, "herder failed to start connectors"));
  }

  /** The current state; never throws, never waits. */
  health(): RuntimeHealth {
    return {
      mode: this.options.mode,
      ready: this.ready,
      workerId: this.options.workerId,
      instance: this.instance,
      startedAt: this.startedAt,
      kafka: { ...this.kafka },
    };
  }

  /** Probes Kafka once and updates the view `health()` returns. Never rejects. */
  async probeKafka(): Promise<KafkaHealth> {
    const timeoutMs = this.options.probeTimeoutMs ?? 5_000;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const cluster = await Promise.race([
        this.options.cluster.describeCluster(),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no answer from ${this.kafka.bootstrap} within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (!this.kafka.reachable) log.info({ clusterId: cluster.clusterId, brokers: cluster.brokers }, "Kafka reachable");
      this.kafka = { reachable: true, bootstrap: this.kafka.bootstrap, clusterId: cluster.clusterId, checkedAt: this.now() };
    } catch (error) {
      const message = messageOf(error);
      if (this.kafka.reachable || this.kafka.checkedAt === null) log.warn({ bootstrap: this.kafka.bootstrap, err: message }, "Kafka unreachable");
      this.kafka = { ...this.kafka, reachable: false, error: message, checkedAt: this.now() };
    } finally {
      clearTimeout(timeout);
    }
    if (this.ready && !this.stopped) await this.options.workers.seen(this.instance).catch((error) => log.warn({ err: messageOf(error) }, "could not record heartbeat"));
    return this.health().kafka;
  }

  /** Stops the herder (tasks flush and commit), the probe loop, records a clean stop, closes clients. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    await this.options.herder?.stop().catch((error: unknown) => log.error({ err: messageOf(error) }, "herder failed to stop cleanly"));
    for (const service of this.options.services ?? []) await service.stop().catch((error: unknown) => log.warn({ err: messageOf(error) }, "a runtime service failed to stop cleanly"));
    if (this.ready) await this.options.workers.stopped(this.instance).catch((error) => log.warn({ err: messageOf(error) }, "could not record stop"));
    this.ready = false;
    await this.options.cluster.close();
    await this.options.workers.close();
    log.info({ instance: this.instance }, "runtime stopped");
  }

  private scheduleProbe(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.probeKafka();
      this.scheduleProbe(this.options.probeIntervalMs ?? 5_000);
    }, delayMs);
    this.timer.unref();
  }
}
