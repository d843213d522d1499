import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { checkImageVisible, checkMagnumName, IClusterTemplate } from './cluster-template';
import { checkExtraLabels, magnumBool, sortedLabels } from './magnum-labels';
import { IMagnumCluster, IMagnumNodeGroup, MagnumNodeGroup, MagnumNodeGroupOptions } from './node-group';
import { credentialsText, defaultCloudName, providerFor, TenantCloud } from './tenant-cloud';
import { ComputeKeypairV2 } from '../../generated/terraform/openstack/compute-keypair-v2';
import { ContainerinfraClusterV1 } from '../../generated/terraform/openstack/containerinfra-cluster-v1';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { ITenantNetwork } from '../network/tenant-network';

/** Props of {@link MagnumCluster}. */
export interface MagnumClusterProps {
  /** The cluster template (image, Kubernetes version, CNI, API load balancer, flavors). */
  readonly template: IClusterTemplate;
  /**
   * Cluster name (also how the workloads stack finds the cluster); unique in the project.
   * @default - the construct id, lower-cased
   */
  readonly clusterName?: string;
  /**
   * Control plane VMs; magnum-cluster-api refuses an even count (etcd quorum).
   * @default 3
   */
  readonly controlPlaneCount?: number;
  /**
   * Nodes of the default worker group (template's workerFlavor): the system pods run there (CoreDNS, the GPU and network
   * operators, Kueue, the node labeler), off the GPU nodes.
   * @default 2
   */
  readonly defaultWorkerCount?: number;
  /**
   * Put the nodes on this tenant network (`fixed_network`, `fixed_subnet`); it needs a router to the external network.
   * @default - the driver creates a network and router for the cluster
   */
  readonly network?: ITenantNetwork;
  /**
   * Create the cluster as a tenant: Magnum creates it in the caller's project, so a tenant's cluster needs the tenant's
   * credentials. Its node groups and key pair use them too.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
  /**
   * SSH public key for the nodes (an `openstack_compute_keypair_v2` of the cluster's credentials; key pairs belong to a user).
   * @default - no SSH key on the nodes
   */
  readonly sshPublicKey?: string;
  /**
   * Run the cluster autoscaler (label `auto_scaling_enabled`): node groups then scale between their pools' minNodeCount
   * and maxNodeCount. Without it Magnum ignores min/max. Changing it recreates the cluster.
   * @default false
   */
  readonly autoScaling?: boolean;
  /**
   * Replace nodes that stay NotReady for 5 minutes (label `auto_healing_enabled`; stops when more than 40 % are unhealthy).
   * @default true
   */
  readonly autoHealing?: boolean;
  /**
   * Minutes Magnum waits for the cluster.
   * @default 60
   */
  readonly createTimeoutMinutes?: number;
  /**
   * More magnum-cluster-api labels for this cluster, merged over the template's (`merge_labels`). Changing labels
   * recreates the cluster.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A Magnum Kubernetes cluster (magnum-cluster-api) in a tenant's project, with GPU node groups for GPU pools
 * (`addNodeGroup`) and its kubeconfig as sensitive Terraform outputs.
 *
 * The cluster takes its template's labels and merges its own (`merge_labels`): autoscaling, auto-healing. Its kubeconfig
 * (`raw_config`, `host`, `cluster_ca_certificate`, `client_certificate`, `client_key`) is computed by the provider and
 * exported as sensitive outputs `<name>_kubeconfig`, `<name>_kube_host`, ...; another stack reaches the cluster with
 * {@link ClusterManifests}.
 */
export class MagnumCluster extends Construct implements IMagnumCluster {
  public readonly clusterId: string;
  public readonly clusterName: string;
  public readonly template: IClusterTemplate;
  public readonly kubernetesVersion: string;
  public readonly autoScaling: boolean;
  public readonly credentials?: TenantCloud;
  public readonly cloudName?: string;
  public readonly region?: string;
  /** Control plane VMs. */
  public readonly controlPlaneCount: number;
  /** Nodes of the default worker group. */
  public readonly defaultWorkerCount: number;
  /** The cluster's own labels (merged over the template's). */
  public readonly labels: { [key: string]: string };
  /** The API endpoint, `https://<address>:6443` (a Terraform reference). */
  public readonly apiAddress: string;
  /** Names of the sensitive kubeconfig outputs: raw_config, host, cluster_ca_certificate, client_certificate, client_key. */
  public readonly kubeconfigOutputNames: string[];
  private readonly groups: MagnumNodeGroup[] = [];

  constructor(scope: Construct, id: string, props: MagnumClusterProps) {
    super(scope, id);
    this.clusterName = props.clusterName ?? id.toLowerCase();
    checkMagnumName(this, 'clusterName', this.clusterName);
    this.template = props.template;
    this.kubernetesVersion = props.template.kubernetesVersion;
    this.credentials = props.credentials;
    this.cloudName = props.credentials?.cloudName ?? defaultCloudName(this);
    this.region = props.credentials?.region;
    this.autoScaling = props.autoScaling ?? false;
    this.controlPlaneCount = props.controlPlaneCount ?? 3;
    this.defaultWorkerCount = props.defaultWorkerCount ?? 2;
    if (!Number.isInteger(this.controlPlaneCount) || this.controlPlaneCount < 1 || this.controlPlaneCount % 2 === 0) {
      invalid(this, `controlPlaneCount ${this.controlPlaneCount} must be odd (1, 3, 5): magnum-cluster-api refuses even control planes (etcd quorum)`);
    }
    if (!Number.isInteger(this.defaultWorkerCount) || this.defaultWorkerCount < 1) {
      invalid(this, `defaultWorkerCount ${this.defaultWorkerCount} must be at least 1: the system pods (CoreDNS, operators) need a node off the GPU pools`);
    }
    const createTimeout = props.createTimeoutMinutes ?? 60;
    if (!Number.isInteger(createTimeout) || createTimeout < 10) invalid(this, `createTimeoutMinutes ${createTimeout} must be an integer of at least 10`);
    if (!props.template.isPublic && props.template.credentials !== props.credentials) {
      invalid(
        this,
        `template ${props.template.templateName} is private to ${credentialsText(props.template.credentials)}, but the cluster is created with ` +
          `${credentialsText(props.credentials)}, whose project cannot see it; make the template public or create it with the cluster's credentials`,
      );
    }
    checkImageVisible(this, props.template.image, props.credentials);

    const managed: { [key: string]: string } = {
      auto_scaling_enabled: magnumBool(this.autoScaling),
      auto_healing_enabled: magnumBool(props.autoHealing ?? true),
    };
    if (this.autoScaling) {
      // keep the default workers where they are: the driver falls back to the max_node_count label for a group without a
      // maximum (utils.py get_node_group_max_node_count)
      managed.min_node_count = String(this.defaultWorkerCount);
      managed.max_node_count = String(this.defaultWorkerCount);
    }
    const extra = props.labels ?? {};
    if ('kube_tag' in extra) invalid(this, 'label kube_tag comes from the template (kubernetesVersion); a cluster cannot run another version than its image');
    const unknown = guard(this, () => checkExtraLabels(extra, managed));
    for (const key of unknown) warn(this, `label ${key} is not a magnum-cluster-api label; the driver ignores it`);
    this.labels = sortedLabels({ ...managed, ...extra });

    const provider = providerFor(this, props.credentials);
    let keypair: string | undefined;
    if (props.sshPublicKey !== undefined) {
      if (!/^(ssh-(rsa|ed25519)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( \S.*)?$/.test(props.sshPublicKey.trim())) {
        invalid(this, 'sshPublicKey must be an OpenSSH public key (ssh-ed25519 AAAA... comment); never a private key');
      }
      keypair = new ComputeKeypairV2(this, 'Keypair', { name: `${this.clusterName}-nodes`, publicKey: props.sshPublicKey.trim(), provider }).name;
    }

    const cluster = new ContainerinfraClusterV1(this, 'Resource', {
      name: this.clusterName,
      clusterTemplateId: props.template.templateId,
      masterCount: this.controlPlaneCount,
      nodeCount: this.defaultWorkerCount,
      keypair,
      labels: this.labels,
      mergeLabels: true,
      fixedNetwork: props.network?.networkId,
      fixedSubnet: props.network?.subnetId,
      createTimeout,
      provider,
      timeouts: { create: `${createTimeout}m`, update: `${createTimeout}m`, delete: '60m' },
    });
    this.clusterId = cluster.id;
    this.apiAddress = cluster.apiAddress;

    const prefix = this.clusterName.replace(/[^A-Za-z0-9_]/g, '_');
    const pieces: [string, string, string][] = [
      ['kubeconfig', 'raw_config', 'kubeconfig of the cluster admin'],
      ['kube_host', 'host', 'Kubernetes API endpoint'],
      ['kube_cluster_ca_certificate', 'cluster_ca_certificate', 'CA certificate of the Kubernetes API (PEM)'],
      ['kube_client_certificate', 'client_certificate', 'client certificate of the cluster admin (PEM)'],
      ['kube_client_key', 'client_key', 'client key of the cluster admin (PEM)'],
    ];
    this.kubeconfigOutputNames = pieces.map(([name, key, description]) => {
      const output = new TerraformOutput(this, name, { value: cluster.kubeconfig.lookup(key), sensitive: true, description: `${this.clusterName}: ${description}` });
      output.overrideLogicalId(`${prefix}_${name}`);
      return `${prefix}_${name}`;
    });

    this.node.addValidation({ validate: () => this.validateNodeGroups() });
  }

  /** The GPU node groups, in creation order. */
  public get nodeGroups(): IMagnumNodeGroup[] {
    return [...this.groups];
  }

  /** Adds a GPU node group for a pool (created after the node groups added before it). */
  public addNodeGroup(id: string, options: MagnumNodeGroupOptions): MagnumNodeGroup {
    const name = options.nodeGroupName ?? options.pool.poolName;
    const clash = this.groups.find((g) => g.nodeGroupName === name);
    if (clash) invalid(this, `node group ${name} already exists (${clash.node.path}); node group names are unique in a cluster`);
    const pooled = this.groups.find((g) => g.pool === options.pool);
    if (pooled) invalid(this, `pool ${options.pool.poolName} already has node group ${pooled.nodeGroupName}; one node group per pool keeps the pool's node counts true`);
    const group = new MagnumNodeGroup(this, id, { ...options, cluster: this });
    this.groups.push(group);
    return group;
  }

  private validateNodeGroups(): string[] {
    const errors: string[] = [];
    for (const g of this.groups) {
      const p = g.pool;
      if (!this.autoScaling && (p.minNodeCount !== p.nodeCount || p.maxNodeCount !== p.nodeCount)) {
        errors.push(
          `pool ${p.poolName} scales between ${p.minNodeCount} and ${p.maxNodeCount} nodes, but cluster ${this.clusterName} runs no autoscaler, ` +
            `so node group ${g.nodeGroupName} stays at ${p.nodeCount}; set autoScaling: true on the cluster or give the pool minNodeCount = maxNodeCount = nodeCount`,
        );
      }
    }
    // bare-metal node groups cannot grow beyond the servers enrolled in their Ironic pool
    const byPool = new Map<unknown, { name: string; enrolled: number; max: number; groups: string[] }>();
    for (const g of this.groups) {
      const ironicPool = (g.flavor as { pool?: { poolName?: string; nodes?: unknown[] } }).pool;
      if (!g.bareMetal || !ironicPool?.nodes) continue;
      const entry = byPool.get(ironicPool) ?? { name: ironicPool.poolName ?? '?', enrolled: ironicPool.nodes.length, max: 0, groups: [] };
      entry.max += g.pool.maxNodeCount;
      entry.groups.push(g.nodeGroupName);
      byPool.set(ironicPool, entry);
    }
    for (const e of byPool.values()) {
      if (e.max > e.enrolled) {
        errors.push(`node groups ${e.groups.join(', ')} can grow to ${e.max} bare-metal servers but Ironic pool ${e.name} has ${e.enrolled} enrolled; enroll more nodes or lower the pools' maxNodeCount`);
      }
    }
    return errors;
  }
}
