/** Options of {@link VllmServer.autoscale}. */
export interface VllmAutoscalingOptions {
  /** Fewest replicas (pods of a Deployment, groups of a LeaderWorkerSet); at least 1: a model takes minutes to load. */
  readonly minReplicas: number;
  /** Most replicas. */
  readonly maxReplicas: number;
  /** Prometheus the KEDA scaler queries, e.g. `http://prometheus-operated.monitoring:9090`. */
  readonly prometheusServerAddress: string;
  /**
   * Target of requests waiting in each replica's queue (`vllm:num_requests_waiting`): above it, KEDA adds replicas.
   * @default 5
   */
  readonly waitingRequestsPerReplica?: number;
  /**
   * Target KV-cache usage per replica in percent (`vllm:kv_cache_usage_perc`, formerly `vllm:gpu_cache_usage_perc`).
   * @default 80
   */
  readonly kvCacheUsagePercent?: number;
  /**
   * How long the load must stay low before a replica is removed, in seconds; long, because a new replica takes
   * minutes to load its model.
   * @default 600
   */
  readonly scaleDownStabilizationSeconds?: number;
}
