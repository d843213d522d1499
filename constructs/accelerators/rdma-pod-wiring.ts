import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { IGpuNodePool } from './gpu-node-pool';
import { invalid } from '../common/validation';

/** The Multus annotation that attaches secondary networks to a pod. */
export const MULTUS_NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/**
 * What a pod needs for GPUDirect RDMA on a pool's fabric: the Multus networks annotation (one network per rail), the
 * RDMA device resource, the `IPC_LOCK` capability (memory pinning for RDMA) and the NCCL environment
 * (Mellanox/network-operator `example/`; NCCL's environment variables, https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/env.html). Build it with `RdmaPodWiring.forPool(scope, pool)` and apply it to a pod template or a
 * container, or read its parts.
 *
 * Kubernetes grants added capabilities to non-root processes only through file capabilities, so for pods that run
 * as non-root (the model servers do) it is the node runtime's memlock limit (`LimitMEMLOCK=infinity`, containerd's
 * default) that lets NCCL and UCX pin memory; `IPC_LOCK` is what images that run as root need.
 */
export class RdmaPodWiring {
  /**
   * The wiring for pods on `pool`; throws (with `scope`'s path) when the pool has no RDMA network, since an RDMA
   * workload there would never find its devices.
   */
  public static forPool(scope: IConstruct, pool: IGpuNodePool): RdmaPodWiring {
    const rdma = pool.rdma;
    if (!rdma) {
      invalid(scope, `RDMA was requested on pool ${pool.poolName}, which has no InfiniBand/RDMA network; give the pool an rdma attachment (e.g. InfinibandFabric.attachment) or run without RDMA`);
    }
    return new RdmaPodWiring(rdma.networkNames, { [rdma.resourceName]: rdma.resourcesPerPod }, rdma.ncclEnvironment);
  }

  /** Pod annotations: `k8s.v1.cni.cncf.io/networks` with the rails' networks, comma-separated. */
  public readonly podAnnotations: { [key: string]: string };
  /** Extended resources each RDMA container requests (and limits to the same count). */
  public readonly resourceRequests: { [resourceName: string]: number };
  /** Linux capabilities the container adds. */
  public readonly capabilities: string[];
  /** Environment of the container (NCCL). */
  public readonly environment: { [key: string]: string };

  private constructor(networks: string[], resources: { [name: string]: number }, environment: { [key: string]: string }) {
    this.podAnnotations = { [MULTUS_NETWORKS_ANNOTATION]: networks.join(',') };
    this.resourceRequests = { ...resources };
    this.capabilities = ['IPC_LOCK'];
    this.environment = { ...environment };
  }

  /** The NCCL environment as container env entries (sorted by name). */
  public envVars(): k8s.EnvVar[] {
    return Object.keys(this.environment).sort().map((name) => ({ name, value: this.environment[name] }));
  }

  /**
   * A copy of the container with the RDMA resources in requests and limits, `IPC_LOCK` added to its capabilities and
   * the NCCL environment (variables the container already sets win).
   */
  public applyToContainer(container: k8s.Container): k8s.Container {
    const requests: { [key: string]: k8s.Quantity } = { ...(container.resources?.requests ?? {}) };
    const limits: { [key: string]: k8s.Quantity } = { ...(container.resources?.limits ?? {}) };
    for (const [name, count] of Object.entries(this.resourceRequests)) {
      requests[name] = k8s.Quantity.fromNumber(count);
      limits[name] = k8s.Quantity.fromNumber(count);
    }
    const added = container.securityContext?.capabilities?.add ?? [];
    const own = new Set((container.env ?? []).map((e) => e.name));
    return {
      ...container,
      resources: { ...container.resources, requests, limits },
      securityContext: {
        ...container.securityContext,
        capabilities: { ...container.securityContext?.capabilities, add: [...added, ...this.capabilities.filter((c) => !added.includes(c))] },
      },
      env: [...(container.env ?? []), ...this.envVars().filter((e) => !own.has(e.name))],
    };
  }

  /**
   * A copy of the pod template with the networks annotation and every container wired (only those named in
   * `containerNames` when given).
   */
  public applyToPodTemplate(template: k8s.PodTemplateSpec, containerNames?: string[]): k8s.PodTemplateSpec {
    const spec = template.spec;
    if (!spec) return template;
    const wire = (c: k8s.Container) => (containerNames === undefined || containerNames.includes(c.name) ? this.applyToContainer(c) : c);
    return {
      ...template,
      metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, ...this.podAnnotations } },
      spec: { ...spec, containers: spec.containers.map(wire) },
    };
  }
}
