import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../../lib/errors';
import { parseCidr } from '../../lib/net/ipv4';
import { IGpuNodePool } from '../accelerators/gpu-node-pool';
import { offerCapacity, selectOffer } from '../accelerators/k8s-util';
import { clusterScoped, isDnsLabel, isDnsSubdomain, isLabelValue } from '../common/k8s';
import { checkAmount, checkQuantity } from '../common/quantity';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';

/** A sane range of an amount that becomes a quantity: `min` to `max`, written as `unit`. */
interface AmountRange { readonly min: number; readonly max: number; readonly unit: string; readonly zeroAllowed?: boolean }

/**
 * CPU: Kubernetes keeps CPU quantities to 1m ("precision finer than 1m is not allowed", https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-cpu);
 * a million cores is far above any cluster.
 */
const CPU_RANGE: AmountRange = { min: 0.001, max: 1_000_000, unit: 'cores' };
/** Memory and storage in GiB: at least 1 MiB (1/1024 GiB), at most 1,048,576 GiB (1 PiB). */
const GIB_RANGE: AmountRange = { min: 1 / 1024, max: 1024 * 1024, unit: 'GiB' };

/**
 * A finite amount inside `range` (or 0 with `zeroAllowed`), as the plain decimal a quantity carries. Inside these
 * ranges JavaScript never writes an exponent (it does below 1e-6 and from 1e21), so `5e-324Gi` cannot be rendered.
 */
function checkRange(scope: IConstruct, field: string, value: number, range: AmountRange): string {
  const rendered = checkAmount(scope, field, value, { zeroAllowed: range.zeroAllowed });
  if (value === 0 && range.zeroAllowed) return rendered;
  if (value < range.min || value > range.max) {
    invalid(scope, `${field} ${value} is outside ${range.min}-${range.max} ${range.unit}${range.zeroAllowed ? ' (or 0)' : ''}; give the amount in ${range.unit}, e.g. 64`);
  }
  return rendered;
}

/**
 * Throws unless every key is a qualified label key (an optional DNS-subdomain prefix and `/`, then 1 to 63
 * alphanumerics, `-`, `_`, `.`) and every value a label value (k8s.io/apimachinery
 * `pkg/util/validation/validation.go`, `IsQualifiedName` and `IsValidLabelValue`, which allows the empty value): pod labels
 * become matchLabels.
 */
function checkPodLabels(scope: IConstruct, labels: { [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const name = key.slice(slash + 1);
    const keyOk = (slash < 0 || isDnsSubdomain(key.slice(0, slash))) && name.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name);
    if (!keyOk || !(value === '' || isLabelValue(value))) {
      invalid(scope, `pod label ${JSON.stringify(key)}: ${JSON.stringify(value)} is not a Kubernetes label (key: optional DNS prefix and /, then 1 to 63 `
        + "letters, digits, '-', '_' or '.'; value: the same without a prefix); give the labels the pods carry");
    }
  }
}

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

/** Props of {@link EgressRule.objectStorage}. */
export interface ObjectStorageEgressProps {
  /** The endpoint pods use (S3 or Swift), e.g. `https://rgw.example.net`; the port comes from it (443 or 80 by default). */
  readonly endpointUrl: string;
  /** Addresses the endpoint resolves to (a NetworkPolicy matches addresses, not names), e.g. the RGW VIP `/32`. */
  readonly cidr: string;
}

/** Props of {@link EgressRule.kubernetesApi}. */
export interface KubernetesApiEgressProps {
  /**
   * Addresses of the API server as pods reach it once the `kubernetes` Service is translated: the control-plane nodes
   * (Magnum: the cluster's private network). Calico and Cilium match egress policies after that translation, so the
   * Service IP alone is not enough. Cilium lets an `ipBlock` select node addresses only with
   * `policy-cidr-match-mode: nodes` (Cilium 1.15+, https://docs.cilium.io/en/stable/network/kubernetes/policy/);
   * without it, allow the `kube-apiserver` entity with a CiliumNetworkPolicy instead.
   */
  readonly controlPlaneCidr: string;
  /**
   * The API server's port on those addresses.
   * @default 6443
   */
  readonly port?: number;
}

interface EgressPort { readonly port: number; readonly endPort?: number }

/** Private and link-local ranges the Internet rule never opens (the cloud's metadata service is 169.254.169.254). */
const NOT_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'];

/**
 * A destination outside the cluster that a tenant's pods may connect to: one NetworkPolicy egress rule (TCP).
 * Give it to {@link TenantNamespace.allowEgress} with the labels of the pods that need it.
 */
export class EgressRule {
  /**
   * The Hugging Face Hub (`huggingface.co` and the CDNs it redirects downloads to): HTTPS to any public address. The
   * Hub publishes no address ranges, so the rule opens 443 to everything but the private and link-local ranges;
   * prefer a mirror or an object store at a known address where the site has one.
   */
  public static huggingFaceHub(): EgressRule {
    return new EgressRule('the Hugging Face Hub', '0.0.0.0/0', [{ port: 443 }], undefined, NOT_INTERNET);
  }

  /** An S3 or Swift endpoint (Ceph RGW, Swift) at known addresses, on the port of its URL. */
  public static objectStorage(props: ObjectStorageEgressProps): EgressRule {
    return new EgressRule(`object storage ${props.endpointUrl}`, props.cidr, [], props.endpointUrl);
  }

  /** An NFS server (NFSv4: TCP 2049 only; NFSv3's portmapper and mountd are not opened). */
  public static nfs(cidr: string): EgressRule {
    return new EgressRule('NFS', cidr, [{ port: 2049 }]);
  }

  /**
   * Native CephFS: the monitors (3300 msgr2, 6789 msgr1) and the OSD and MDS daemons, which bind in
   * `ms_bind_port_min`..`ms_bind_port_max` (6800-7300 by default; ceph/ceph src/common/options/global.yaml.in).
   * The range is one NetworkPolicy `endPort` (Kubernetes 1.25+; the CNI must implement it).
   */
  public static cephFs(cidr: string): EgressRule {
    return new EgressRule('CephFS', cidr, [{ port: 3300 }, { port: 6789 }, { port: 6800, endPort: 7300 }]);
  }

  /** The Kubernetes API server (for controllers and the inference endpoint picker, which watch pods and pools). */
  public static kubernetesApi(props: KubernetesApiEgressProps): EgressRule {
    return new EgressRule('the Kubernetes API server', props.controlPlaneCidr, [{ port: props.port ?? 6443 }]);
  }

  /** TCP to an address range on one port (or `port`..`endPort`). */
  public static tcp(cidr: string, port: number, endPort?: number): EgressRule {
    return new EgressRule(`${cidr} TCP ${port}${endPort === undefined ? '' : `-${endPort}`}`, cidr, [{ port, endPort }]);
  }

  /** What the rule opens, for messages and docs. */
  public readonly description: string;

  private constructor(description: string, private readonly cidr: string, private readonly ports: EgressPort[],
    private readonly endpointUrl?: string, private readonly except?: string[]) {
    this.description = description;
  }

  /** @internal the NetworkPolicy egress rule; throws a FactoryError on malformed input */
  public _render(): k8s.NetworkPolicyEgressRule {
    parseCidr(this.cidr);
    let ports = this.ports;
    if (this.endpointUrl !== undefined) {
      const m = /^(https?):\/\/([^\s/:]+)(?::(\d+))?(\/\S*)?$/.exec(this.endpointUrl);
      if (!m) fail(`endpointUrl ${JSON.stringify(this.endpointUrl)} must be an http(s) URL such as https://rgw.example.net`);
      ports = [{ port: m[3] !== undefined ? Number(m[3]) : m[1] === 'https' ? 443 : 80 }];
    }
    for (const p of ports) {
      const bad = (n: number | undefined) => n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 65535);
      if (bad(p.port) || bad(p.endPort) || (p.endPort !== undefined && p.endPort < p.port)) {
        fail(`port ${p.port}${p.endPort === undefined ? '' : `-${p.endPort}`} must be a TCP port (1-65535, endPort not below port)`);
      }
    }
    return {
      to: [{ ipBlock: { cidr: this.cidr, except: this.except } }],
      ports: ports.map((p) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(p.port), endPort: p.endPort })),
    };
  }
}

/** Per app: the tenants (and a namespace of each) granted GPUs on each InfiniBand fabric (its RDMA resource). */
const FABRIC_TENANTS = new WeakMap<IConstruct, Map<string, Map<string, string>>>();
function fabricTenants(scope: IConstruct): Map<string, Map<string, string>> {
  const root = scope.node.root;
  let byFabric = FABRIC_TENANTS.get(root);
  if (!byFabric) FABRIC_TENANTS.set(root, (byFabric = new Map()));
  return byFabric;
}

/** Options of {@link TenantNamespace.allowMetricsScraping}. */
export interface MetricsScrapingOptions {
  /** The port the pods serve metrics on (vLLM: 8000, the endpoint picker: 9090). */
  readonly port: number;
  /**
   * The namespace of the scraper (Prometheus).
   * @default 'monitoring'
   */
  readonly fromNamespace?: string;
  /**
   * Labels of the pods that may be scraped.
   * @default - every pod of the namespace
   */
  readonly podLabels?: { [key: string]: string };
}

/**
 * A tenant's namespace, isolated by default: a ResourceQuota (CPU, memory, and per-offer GPU caps checked against the
 * pools' real capacity; any GPU resource not granted is capped at 0), a LimitRange so pods without requests still
 * count against the quota, and NetworkPolicies that deny all traffic except inside the namespace, to the cluster DNS
 * and from the namespaces you allow. Workloads that need more get it by name and pod labels: `allowEgress` (the
 * model source, the API server) and `allowMetricsScraping` (Prometheus), one policy each.
 *
 * NetworkPolicies do not cover Multus secondary interfaces (IPoIB rails), and nothing here isolates InfiniBand: the
 * rails' IPoIB interfaces and the shared RDMA devices ride the fabric's default partition, so pods of tenants whose
 * GPU pools share a fabric can reach each other over it. A warning says so at synth; isolate tenants on InfiniBand
 * with nodes of their own whose HCA ports the subnet manager puts in a partition (pkey) of their own, or with SR-IOV
 * VFs whose pkey ib-kubernetes sets per pod.
 */
export class TenantNamespace extends Construct implements ITenantNamespace {
  public readonly namespaceName: string;
  public readonly tenantName: string;
  /** The ResourceQuota's hard limits, as rendered. */
  public readonly quota: { [resource: string]: string };
  private readonly labels: { [key: string]: string };
  private readonly egressNames = new Set<string>();

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    if (!isDnsLabel(props.namespaceName)) {
      invalid(this, `namespaceName ${JSON.stringify(props.namespaceName)} is not a DNS label; use lower-case letters, digits and dashes`);
    }
    const cpu = checkRange(this, 'cpuCores', props.cpuCores, CPU_RANGE);
    const memory = checkRange(this, 'memoryGib', props.memoryGib, GIB_RANGE);
    const pods = props.maxPods === undefined ? undefined : checkAmount(this, 'maxPods', props.maxPods, { integer: true, zeroAllowed: true });
    const storage = props.storageGib === undefined ? undefined : checkRange(this, 'storageGib', props.storageGib, { ...GIB_RANGE, zeroAllowed: true });
    for (const n of props.allowIngressFromNamespaces ?? []) {
      if (!isDnsLabel(n)) {
        invalid(this, `allowIngressFromNamespaces entry ${JSON.stringify(n)} is not a namespace name (a DNS label: 1 to 63 lower-case letters, digits and dashes, `
          + 'starting and ending with a letter or digit); it becomes the label value kubernetes.io/metadata.name, name the namespace as it exists');
      }
    }
    const defaultCpuRequest = checkQuantity(this, 'defaultCpuRequest', props.defaultCpuRequest ?? '500m');
    const defaultMemory = checkQuantity(this, 'defaultMemory', props.defaultMemory ?? '1Gi');
    if (props.tenantName !== undefined && !isLabelValue(props.tenantName)) {
      invalid(this, `tenantName ${JSON.stringify(props.tenantName)} is not a label value (1 to 63 letters, digits, '-', '_' or '.', ` +
        'starting and ending with a letter or digit); it becomes the label ai-factory.dev/tenant');
    }
    this.namespaceName = props.namespaceName;
    this.tenantName = props.tenantName ?? props.namespaceName;
    const labels = { 'ai-factory.dev/tenant': this.tenantName };
    this.labels = labels;

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
    this.noteFabrics((props.gpuLimits ?? []).filter((l) => l.count > 0).map((l) => l.pool));

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

  /**
   * Warns when tenants share an InfiniBand fabric: its IPoIB attachments (NetworkAttachmentDefinitions in the fabric's
   * namespace, which any namespace may reference) and the RDMA shared device plugin's devices give every pod on the
   * fabric's nodes the HCA ports in the default partition. Per-pod partitions exist only for SR-IOV VFs with
   * ib-kubernetes (Mellanox/network-operator v26.1.2 `api/v1alpha1/nicclusterpolicy_types.go`, `IBKubernetesSpec`).
   */
  private noteFabrics(pools: IGpuNodePool[]): void {
    const byFabric = fabricTenants(this);
    for (const pool of pools) {
      if (!pool.rdma) continue;
      const fabric = pool.rdma.resourceName;
      const tenants = byFabric.get(fabric) ?? new Map<string, string>();
      byFabric.set(fabric, tenants);
      const other = [...tenants.entries()].find(([tenant]) => tenant !== this.tenantName);
      if (other && !tenants.has(this.tenantName)) {
        warn(this, `tenants ${other[0]} (namespace ${other[1]}) and ${this.tenantName} both get GPUs on InfiniBand fabric ${fabric} ` +
          `(pool ${pool.poolName}): its IPoIB rails and RDMA devices share the default partition, so their pods can reach each other over ` +
          'InfiniBand (NetworkPolicies do not apply there); give each tenant nodes of its own in its own partition (pkey) set by the subnet ' +
          'manager, or SR-IOV VFs with ib-kubernetes');
      }
      if (!tenants.has(this.tenantName)) tenants.set(this.tenantName, this.namespaceName);
    }
  }

  /**
   * Lets the pods with `podLabels` (every pod when omitted) open connections to `rule`'s destination: one
   * NetworkPolicy `allow-egress-<name>` with that rule only. Open exactly what each workload needs, e.g. the model
   * source for the model server, the API server for the endpoint picker.
   */
  public allowEgress(name: string, rule: EgressRule, podLabels?: { [key: string]: string }): void {
    const policyName = `allow-egress-${name}`;
    if (!isDnsLabel(policyName)) {
      invalid(this, `egress name ${JSON.stringify(name)} must make ${policyName} a DNS label; use lower-case letters, digits and dashes`);
    }
    if (this.egressNames.has(name)) invalid(this, `egress ${name} is already allowed; give each rule its own name`);
    checkPodLabels(this, podLabels);
    let rendered: k8s.NetworkPolicyEgressRule;
    try {
      rendered = rule._render();
    } catch (e) {
      if (e instanceof Error) invalid(this, `egress ${name}: ${e.message}`);
      throw e;
    }
    this.egressNames.add(name);
    new k8s.KubeNetworkPolicy(this, `AllowEgress${name}`, {
      metadata: { name: policyName, namespace: this.namespaceName, labels: this.labels },
      spec: { podSelector: podLabels ? { matchLabels: podLabels } : {}, policyTypes: ['Egress'], egress: [rendered] },
    });
  }

  /** Lets the metrics scraper's namespace (Prometheus in `monitoring`) connect to the pods' metrics port. */
  public allowMetricsScraping(options: MetricsScrapingOptions): void {
    const from = options.fromNamespace ?? 'monitoring';
    if (!(Number.isInteger(options.port) && options.port >= 1 && options.port <= 65535)) invalid(this, `metrics port ${options.port} must be a TCP port (1-65535)`);
    checkPodLabels(this, options.podLabels);
    const policyName = `allow-metrics-from-${from}-${options.port}`;
    if (!isDnsLabel(from) || !isDnsLabel(policyName)) {
      invalid(this, `fromNamespace ${JSON.stringify(from)} must be a DNS label short enough for the policy name ${policyName} (63 characters)`);
    }
    new k8s.KubeNetworkPolicy(this, `AllowMetrics${from}${options.port}`, {
      metadata: { name: policyName, namespace: this.namespaceName, labels: this.labels },
      spec: {
        podSelector: options.podLabels ? { matchLabels: options.podLabels } : {},
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': from } } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(options.port) }],
        }],
      },
    });
  }
}
