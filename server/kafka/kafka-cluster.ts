import { Kafka, type Admin } from "kafkajs";
import type { WorkerConfig } from "@/server/config/worker-config";
import { kafkaCall } from "@/server/kafka/errors";
import { connectionSettings, layeredClientSettings } from "@/server/kafka/connection-settings";
import { kafkajsConfig } from "@/server/kafka/kafkajs-options";

/** What a probe of the cluster found. */
export interface ClusterDescription {
  clusterId: string;
  brokers: number;
}

/**
 * The worker's connection to its Kafka cluster: one kafkajs client and a lazily connected admin
 * client, shared by the runtime's own needs (health probes now; internal topics later).
 * Safe to call concurrently: connects at most once at a time; after a failure the next call
 * reconnects. `close()` is idempotent.
 */
export class KafkaCluster {
  readonly kafka: Kafka;
  readonly bootstrap: string;
  private admin: Admin | undefined;
  private connecting: Promise<Admin> | undefined;

  constructor(worker: WorkerConfig, clientId = "tributary-worker") {
    const config = kafkajsConfig(connectionSettings(layeredClientSettings(worker), clientId));
    this.kafka = new Kafka({ ...config, retry: { ...config.retry, retries: 2 } });
    this.bootstrap = config.brokers.toString();
  }

  /** Asks the cluster for its id and broker count; throws a translated KafkaError on failure. */
  async describeCluster(): Promise<ClusterDescription> {
    const admin = await this.connectedAdmin();
    try {
      const cluster = await kafkaCall(() => admin.describeCluster());
      return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
    } catch (error) {
      await this.dropAdmin();
      throw error;
    }
  }

  /** Disconnects every client this object opened. */
  async close(): Promise<void> {
    await this.dropAdmin();
  }

  private connectedAdmin(): Promise<Admin> {
    this.connecting ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await kafkaCall(() => admin.connect());
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.admin = admin;
      return admin;
    })();
    return this.connecting;
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connecting = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
