import { Construct } from 'constructs';
import { bindings } from '../../common/bindings';
import { invalid } from '../../common/validation';
import { VllmAutoscalingOptions } from '../autoscaling';

/** What the autoscaler scales: the server's workload. */
export interface VllmAutoscalerProps extends VllmAutoscalingOptions {
  readonly targetApiVersion: string;
  readonly targetKind: string;
  readonly targetName: string;
  readonly namespaceName: string;
  readonly gpusPerReplica: number;
  readonly nodesPerReplica: number;
}

/**
 * A KEDA ScaledObject on a vLLM server's Prometheus metrics. The PodMonitor copies the pod label
 * `app.kubernetes.io/instance` onto every series (`app_kubernetes_io_instance`), which the queries select on.
 * With the Prometheus scaler's AverageValue target, KEDA wants ⌈sum / threshold⌉ replicas.
 */
export class VllmAutoscaler extends Construct {
  constructor(scope: Construct, id: string, props: VllmAutoscalerProps) {
    super(scope, id);
    const where = `${props.gpusPerReplica} GPU${props.gpusPerReplica === 1 ? '' : 's'}` +
      (props.nodesPerReplica > 1 ? ` on ${props.nodesPerReplica} nodes (one LeaderWorkerSet group)` : '');
    if (!Number.isInteger(props.minReplicas) || props.minReplicas < 1) {
      invalid(this, `minReplicas ${props.minReplicas} would scale the server below one replica; a replica of this layout is ${where} ` +
        'and takes minutes to load its model; use at least 1');
    }
    if (!Number.isInteger(props.maxReplicas) || props.maxReplicas < props.minReplicas) {
      invalid(this, `maxReplicas ${props.maxReplicas} is below minReplicas ${props.minReplicas}; use at least ${props.minReplicas}`);
    }
    const waiting = props.waitingRequestsPerReplica ?? 5;
    if (!(waiting > 0)) invalid(this, `waitingRequestsPerReplica ${waiting} must be positive`);
    const kvPercent = props.kvCacheUsagePercent ?? 80;
    if (!(kvPercent > 0 && kvPercent <= 100)) invalid(this, `kvCacheUsagePercent ${kvPercent} must be in (0, 100]`);
    const stabilization = props.scaleDownStabilizationSeconds ?? 600;
    if (!Number.isInteger(stabilization) || stabilization < 0) invalid(this, `scaleDownStabilizationSeconds ${stabilization} must be a non-negative integer`);
    if (!/^https?:\/\/[^\s/]+/.test(props.prometheusServerAddress)) {
      invalid(this, `prometheusServerAddress ${JSON.stringify(props.prometheusServerAddress)} must be an http(s) URL, e.g. http://prometheus-operated.monitoring:9090`);
    }

    const match = `namespace="${props.namespaceName}",app_kubernetes_io_instance="${props.targetName}"`;
    new (bindings.keda().ScaledObject)(this, 'Resource', {
      metadata: { name: props.targetName },
      spec: {
        scaleTargetRef: { apiVersion: props.targetApiVersion, kind: props.targetKind, name: props.targetName },
        minReplicaCount: props.minReplicas,
        maxReplicaCount: props.maxReplicas,
        pollingInterval: 15,
        cooldownPeriod: stabilization,
        advanced: {
          horizontalPodAutoscalerConfig: {
            behavior: { scaleDown: { stabilizationWindowSeconds: stabilization } },
          },
        },
        triggers: [
          {
            type: 'prometheus',
            name: 'waiting-requests',
            metricType: 'AverageValue',
            metadata: {
              serverAddress: props.prometheusServerAddress,
              query: `sum(vllm:num_requests_waiting{${match}})`,
              threshold: String(waiting),
            },
          },
          {
            type: 'prometheus',
            name: 'kv-cache-usage',
            metricType: 'AverageValue',
            metadata: {
              serverAddress: props.prometheusServerAddress,
              // both names: the PodMonitor renames the old one, other scrapers may not
              query: `sum(max by (pod) (vllm:kv_cache_usage_perc{${match}} or vllm:gpu_cache_usage_perc{${match}}))`,
              threshold: String(kvPercent / 100),
            },
          },
        ],
      },
    });
  }
}
