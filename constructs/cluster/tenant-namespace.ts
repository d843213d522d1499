import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { IGpuNodePool } from '../accelerators/gpu-node-pool';
import { offerCapacity, selectOffer } from '../accelerators/k8s-util';
import { clusterScoped, isDnsLabel, isLabelValue } from '../common/k8s';
import { checkAmount, checkQuantity } from '../common/quantity';
import { guard, invalid } from '../common/validation';

/** A tenant's Kubernetes namespace, as other constructs (queues, jobs) see it. */
export interface ITenantNamespace extends IConstruct {
  /** Namespace name. */
  readonly namespaceName: string;
  /** Tenant the namespace belongs to. */
  readonly tenantName: string;
}

/** Pod Security Standard a namespace enforces (`pod-security.kubernetes.io/enforce`). */
export enum PodSecurityLevel {
  /** Hardened: non-root, no added capabilities. Pods that add `IPC_LOCK` for RDMA are rejected. */
  RESTRICTED = 'restricted',
  /** Blocks known privilege escalations; root containers are allowed, added capabilities such as `IPC_LOCK` are not. */
  BASELINE = 'baseline',
  /** Unrestricted: needed for GPUDirect RDMA pods, which add `IPC_LOCK`. */
  PRIVILEGED = 'privileged',
}

/** A cap on one GPU offer of a pool for a namespace (`requests.<resource>` in its ResourceQuota). */
export interface TenantGpuLimit {
  /** The pool whose offer is capped. */
  readonly pool: IGpuNodePool;
  /**
   * The MIG profile of the offer.
   * @default - the pool's whole-GPU (or shared) offer
   */
  readonly migProfile?: string;
  /** Most units of the offer the namespace's pods may request at once. */
  readonly count: number;
}

/** Props of {@link TenantNamespace}. */
export interface TenantNamespaceProps {
  /** Namespace name (DNS label). */
  readonly namespaceName: string;
  /**
   * Tenant the namespace belongs to (label `ai-factory.dev/tenant`).
   * @default - the namespace name
   */
  readonly tenantName?: string;
  /** CPU cores the namespace's pods may request in total. */
  readonly cpuCores: number;
  /** Memory the namespace's pods may request in total, in GiB (also the cap on memory limits). */
  readonly memoryGib: number;
  /**
   * GPU caps per pool offer; a GPU resource without a cap here cannot be requested at all.
   * @default - no GPUs
   */
  readonly gpuLimits?: TenantGpuLimit[];
  /**
   * Most pods at once.
   * @default - no cap
   */
  readonly maxPods?: number;
  /**
   * Total storage the namespace's PersistentVolumeClaims may request, in GiB.
   * @default - no cap
   */
  readonly storageGib?: number;
  /**
   * CPU request a container gets when it states none (LimitRange default).
   * @default '500m'
   */
  readonly defaultCpuRequest?: string;
  /**
   * Memory request and limit a container gets when it states none (LimitRange default).
   * @default '1Gi'
   */
  readonly defaultMemory?: string;
  /**
   * Pod Security Standard enforced on the namespace.
   * @default PodSecurityLevel.BASELINE
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * Namespaces whose pods may open connections to this namespace's pods (e.g. the gateway's).
   * @default - none
   */
  readonly allowIngressFromNamespaces?: string[];
  /**
   * Let pods resolve names through the cluster DNS (kube-system, port 53).
   * @default true
   */
  readonly allowDns?: boolean;
}


/**
 * A tenant's namespace, isolated by default: a ResourceQuota (CPU, memory, and per-offer GPU caps checked against the
 * pools' real capacity; any GPU resource not granted is capped at 0), a LimitRange so pods without requests still
 * count against the quota, and NetworkPolicies that deny all traffic except inside the namespace, to the cluster DNS
 * and from the namespaces you allow.
 *
 * NetworkPolicies do not cover Multus secondary interfaces (IPoIB rails); the InfiniBand partition (pkey) isolates those.
 */
export class TenantNamespace extends Construct implements ITenantNamespace {
  public readonly namespaceName: string;
  public readonly tenantName: string;
  /** The ResourceQuota's hard limits, as rendered. */
  public readonly quota: { [resource: string]: string };

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    if (!isDnsLabel(props.namespaceName)) {
      invalid(this, `namespaceName ${JSON.stringify(props.namespaceName)} is not a DNS label; use lower-case letters, digits and dashes`);
    }
    const cpu = checkAmount(this, 'cpuCores', props.cpuCores);
    const memory = checkAmount(this, 'memoryGib', props.memoryGib);
    const pods = props.maxPods === undefined ? undefined : checkAmount(this, 'maxPods', props.maxPods, { integer: true, zeroAllowed: true });
    const storage = props.storageGib === undefined ? undefined : checkAmount(this, 'storageGib', props.storageGib, { zeroAllowed: true });
    const defaultCpuRequest = checkQuantity(this, 'defaultCpuRequest', props.defaultCpuRequest ?? '500m');
    const defaultMemory = checkQuantity(this, 'defaultMemory', props.defaultMemory ?? '1Gi');
    if (props.tenantName !== undefined && !isLabelValue(props.tenantName)) {
      invalid(this, `tenantName ${JSON.stringify(props.tenantName)} is not a label value (1 to 63 letters, digits, '-', '_' or '.', ` +
        'starting and ending with a letter or digit); it becomes the label ai-factory.dev/tenant');
    }
    this.namespaceName = props.namespaceName;
    this.tenantName = props.tenantName ?? props.namespaceName;
    const labels = { 'ai-factory.dev/tenant': this.tenantName };

    const hard: { [resource: string]: string } = {
      'requests.cpu': cpu,
      'requests.memory': `${memory}Gi`,
      'limits.memory': `${memory}Gi`,
    };
    if (pods !== undefined) hard.pods = pods;
    if (storage !== undefined) hard['requests.storage'] = `${storage}Gi`;
    const granted = new Set<string>();
    for (const limit of props.gpuLimits ?? []) {
      const offer = guard(this, () => selectOffer(limit.pool, limit.migProfile));
      const capacity = offerCapacity(limit.pool, offer);
      if (!Number.isInteger(limit.count) || limit.count < 0) invalid(this, `GPU limit ${limit.count} of ${offer.resourceName} must be a non-negative integer`);
      if (limit.count > capacity) {
        invalid(this, `GPU limit ${limit.count} ${offer.resourceName} exceeds the ${capacity} pool ${limit.pool.poolName} has (${offer.countPerNode} per node x ${limit.pool.maxNodeCount} nodes); lower it or grow the pool`);
      }
      const key = `requests.${offer.resourceName}`;
      hard[key] = String(Number(hard[key] ?? 0) + limit.count);
      granted.add(offer.resourceName);
    }
    // Every GPU resource the namespace was not granted is capped at 0, so pods cannot take GPUs outside the plan.
    for (const pool of (props.gpuLimits ?? []).map((l) => l.pool)) {
      for (const offer of pool.offers) {
        if (!granted.has(offer.resourceName)) hard[`requests.${offer.resourceName}`] = '0';
      }
    }
    if (!granted.has('nvidia.com/gpu') && hard['requests.nvidia.com/gpu'] === undefined) hard['requests.nvidia.com/gpu'] = '0';
    this.quota = hard;

    const ns = new k8s.KubeNamespace(this, 'Resource', {
      metadata: {
        name: this.namespaceName,
        labels: {
          ...labels,
          'pod-security.kubernetes.io/enforce': props.podSecurity ?? PodSecurityLevel.BASELINE,
        },
      },
    });
    clusterScoped(ns);

    const meta = (name: string) => ({ name, namespace: this.namespaceName, labels });
    const quantities: { [key: string]: k8s.Quantity } = {};
    for (const [k, v] of Object.entries(hard)) quantities[k] = k8s.Quantity.fromString(v);
    new k8s.KubeResourceQuota(this, 'Quota', { metadata: meta('tenant-quota'), spec: { hard: quantities } });

    new k8s.KubeLimitRange(this, 'Limits', {
      metadata: meta('tenant-defaults'),
      spec: {
        limits: [{
          type: 'Container',
          defaultRequest: {
            cpu: k8s.Quantity.fromString(defaultCpuRequest),
            memory: k8s.Quantity.fromString(defaultMemory),
          },
          default: { memory: k8s.Quantity.fromString(defaultMemory) },
        }],
      },
    });

    new k8s.KubeNetworkPolicy(this, 'DefaultDeny', {
      metadata: meta('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    new k8s.KubeNetworkPolicy(this, 'AllowSameNamespace', {
      metadata: meta('allow-same-namespace'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    });
    if (props.allowDns ?? true) {
      new k8s.KubeNetworkPolicy(this, 'AllowDns', {
        metadata: meta('allow-dns'),
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [{ protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) }, { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) }],
          }],
        },
      });
    }
    const from = props.allowIngressFromNamespaces ?? [];
    if (from.length > 0) {
      new k8s.KubeNetworkPolicy(this, 'AllowIngress', {
        metadata: meta('allow-ingress-from-namespaces'),
        spec: {
          podSelector: {},
          policyTypes: ['Ingress'],
          ingress: [{ from: from.map((n) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': n } } })) }],
        },
      });
    }
  }
}
