import { TributaryError } from "@/server/errors/tributary-error";
import type { OverridePolicy } from "@/server/runtime/herder/config-validation";
import { ActiveTopics } from "@/server/runtime/herder/active-topics";
import type { ClusterView } from "@/server/runtime/herder/herder-types";
import type { ForwardToLeader, LeaderRequest, LeaderResults } from "@/server/runtime/herder/leadership";
import { RequestHerder } from "@/server/runtime/herder/request-herder";
import { isUnreachable, restForwarder } from "@/server/runtime/distributed/rest-forwarder";
import type { PluginRegistry } from "@/server/runtime/plugins/plugin-registry";
import type { KafkaAdmin } from "@/server/runtime/ports";
import type { ConfigStore } from "@/server/storage/contracts/config-store";
import type { OffsetStore } from "@/server/storage/contracts/offset-store";
import type { StatusStore, TopicStatusStore } from "@/server/storage/contracts/status-store";

/** What a ControlPlaneHerder is built from. */
export interface ControlPlaneHerderOptions {
  registry: PluginRegistry;
  /** The cluster's Kafka-backed stores, not started yet: `prepare()` starts them through `startStores`. */
  configs: ConfigStore;
  statuses: StatusStore;
  offsets: OffsetStore;
  startStores: () => Promise<void>;
  topicStatuses: TopicStatusStore;
  admin: KafkaAdmin;
  workerConfig: Readonly<Record<string, string>>;
  topicTracking?: { enabled: boolean; allowReset: boolean };
  overridePolicy?: OverridePolicy;
  /** REST roots of workers of the cluster, tried in order; each forwards to its leader as Kafka Connect does. */
  workerUrls: string[];
  loadPlugins?: () => Promise<void>;
  /** Releases the stores and clients. */
  close?: () => Promise<void>;
  /** How requests reach a worker; over its REST API unless given (tests). */
  forwarder?: (url: string) => ForwardToLeader;
}

/**
 * The herder of a console that controls a cluster without being one of its workers
 * (`TRIBUTARY_WORKER=off`): it reads connectors, statuses, offsets and active topics from the
 * cluster's internal topics, writes pause and resume itself as any worker does, and hands every
 * leader-only request to a worker of the cluster (the first of `workerUrls` that answers), which
 * forwards it to its leader. It runs no connector or task.
 */
export class ControlPlaneHerder extends RequestHerder {
  private readonly options: ControlPlaneHerderOptions;
  private readonly forward: ForwardToLeader;

  constructor(options: ControlPlaneHerderOptions) {
    if (options.workerUrls.length === 0) throw new TributaryError("config.invalid_value", "A control-plane console needs the REST URL of at least one worker of its cluster.");
    const forward = firstReachable(options.workerUrls.map(options.forwarder ?? restForwarder));
    super({
      registry: options.registry,
      configs: options.configs,
      statuses: options.statuses,
      offsets: options.offsets,
      admin: options.admin,
      workerConfig: options.workerConfig,
      activeTopics: new ActiveTopics(options.topicTracking, options.topicStatuses),
      overridePolicy: options.overridePolicy,
      leadership: { leader: () => ({ kind: "remote", forward }) },
      applied: async () => undefined,
      restartTask: (id) => forward({ op: "restartTask", name: id.connector, task: id.task }),
    });
    this.options = options;
    this.forward = forward;
  }

  /** The cluster's workers, their work and recent rebalances, as its leader reports them. */
  clusterView(): Promise<ClusterView> {
    return this.forward({ op: "clusterView" });
  }

  /** Loads the plugins (for validation) and reads the cluster's topics to their ends. */
  async prepare(): Promise<void> {
    await this.options.loadPlugins?.();
    await this.options.startStores();
  }

  /** Nothing to start: the cluster's workers run the connectors. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.options.close?.();
  }
}

/** Sends to the first worker, moving on to the next while one cannot be reached; another answer, error or not, is final. */
function firstReachable(forwards: ForwardToLeader[]): ForwardToLeader {
  return (async <R extends LeaderRequest>(request: R): Promise<LeaderResults[R["op"]]> => {
    let unreachable: unknown;
    for (const forward of forwards) {
      try {
        return await forward(request);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        unreachable = error;
      }
    }
    throw unreachable;
  }) as ForwardToLeader;
}
