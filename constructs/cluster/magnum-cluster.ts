import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { checkImageVisible, checkMagnumName, IClusterTemplate } from './cluster-template';
import { checkExtraLabels, magnumBool, sortedLabels } from './magnum-labels';
import { IMagnumCluster, IMagnumNodeGroup, MagnumNodeGroup, MagnumNodeGroupOptions } from './node-group';
import { credentialsText, defaultCloudName, providerFor, TenantCloud } from './tenant-cloud';
import { bindings } from '../common/bindings';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { NetworkInterfaceType } from '../compute/baremetal-node';
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
   * Required with bare-metal node groups: their Ironic nodes use the `neutron` network interface and the network is
   * one whose physnet binds bare-metal ports (a VLAN tenant network), since Ironic can put a node's switch port only
   * into a VLAN or flat segment, never into the overlay network the driver would create.
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

/** Props of {@link MagnumCluster.fromClusterName}: the cluster's name and what synth must know about it. */
export interface MagnumClusterLookupProps {
  /** Name of the existing cluster. */
  readonly clusterName: string;
  /**
   * The cluster's template (e.g. {@link ClusterTemplate.fromTemplateName}); the cluster's Kubernetes version is the
   * template's, which the plan checks against the cluster's `kube_tag` label.
   */
  readonly template: IClusterTemplate;
  /**
   * Whether the cluster runs the autoscaler (label `auto_scaling_enabled`, checked by the plan); without it node
   * groups stay at their pools' node count.
   * @default false
   */
  readonly autoScaling?: boolean;
  /**
   * The credentials that own the cluster (a cluster is visible in its own project only); node groups added to it use them.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
  /**
   * The cluster's network (its `fixed_network`), e.g. a {@link TenantNetwork.fromNetworkName} lookup: bare-metal node
   * groups are checked against it as on a cluster this app creates (Ironic must be able to bind the nodes into it).
   * @default - unknown: bare-metal node groups are refused
   */
  readonly network?: ITenantNetwork;
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
  /**
   * An existing Magnum cluster, looked up by name (`data.openstack_containerinfra_cluster_v1`), e.g. one another
   * repository manages, so this app can add GPU node groups to it (`addNodeGroup`) and apply manifests to it
   * ({@link ClusterManifests}). The plan fails when the cluster does not exist, or when its `kube_tag` or
   * `auto_scaling_enabled` labels differ from `props`.
   */
  public static fromClusterName(scope: Construct, id: string, props: MagnumClusterLookupProps): IMagnumCluster {
    return new ImportedMagnumCluster(scope, id, props);
  }

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
  private readonly network?: ITenantNetwork;

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
    this.network = props.network;
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
      keypair = new (bindings.computeKeypairV2().ComputeKeypairV2)(this, 'Keypair', { name: `${this.clusterName}-nodes`, publicKey: props.sshPublicKey.trim(), provider }).name;
    }

    const cluster = new (bindings.containerinfraClusterV1().ContainerinfraClusterV1)(this, 'Resource', {
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
    return addNodeGroupTo(this, this.groups, id, options, (group) => checkBareMetalNetwork(this, this.network, group));
  }

  private validateNodeGroups(): string[] {
    return nodeGroupErrors(this, this.groups);
  }
}

/** Adds a node group to a cluster of this app or a looked-up one (unique names, one group per pool). */
function addNodeGroupTo(cluster: IMagnumCluster & Construct, groups: MagnumNodeGroup[], id: string,
  options: MagnumNodeGroupOptions, check: (group: MagnumNodeGroup) => void): MagnumNodeGroup {
  const name = options.nodeGroupName ?? options.pool.poolName;
  const clash = groups.find((g) => g.nodeGroupName === name);
  if (clash) invalid(cluster, `node group ${name} already exists (${clash.node.path}); node group names are unique in a cluster`);
  const pooled = groups.find((g) => g.pool === options.pool);
  if (pooled) invalid(cluster, `pool ${options.pool.poolName} already has node group ${pooled.nodeGroupName}; one node group per pool keeps the pool's node counts true`);
  const group = new MagnumNodeGroup(cluster, id, { ...options, cluster });
  check(group);
  groups.push(group);
  return group;
}

/**
 * Bare-metal nodes join the cluster's network only the way Ironic's network interface lets them: `flat` (and `noop`)
 * leave the node's switch port as cabled, so the node stays on the provisioning network; `neutron` has the ML2
 * switch driver (networking-generic-switch) bind the port into a VLAN or flat segment of the requested network
 * (openstack/ironic 38.0 `ironic/drivers/modules/network/flat.py`, "useful for shared, flat networks", and `neutron.py`).
 * magnum-cluster-api without a `fixed_network` creates a private network of the project's default type (an overlay)
 * that neither can join, and the nodes would never register with the control plane.
 */
function checkBareMetalNetwork(cluster: IMagnumCluster & Construct, network: ITenantNetwork | undefined, group: MagnumNodeGroup): void {
  if (!group.bareMetal) return;
  const ironicPool = (group.flavor as { pool?: { poolName?: string; nodes?: { nodeName: string; networkInterface?: string }[] } }).pool;
  const nodes = ironicPool?.nodes ?? [];
  const notBound = nodes.filter((n) => n.networkInterface !== undefined && n.networkInterface !== NetworkInterfaceType.NEUTRON);
  const where = `bare-metal node group ${group.nodeGroupName}`;
  if (notBound.length > 0) {
    invalid(cluster, `${where}: Ironic nodes ${notBound.map((n) => n.nodeName).join(', ')} use the ${notBound[0].networkInterface} network interface, ` +
      `which leaves them on the network they are cabled to (the provisioning network), so they cannot join cluster ${cluster.clusterName}'s network; ` +
      'enroll them with NetworkInterfaceType.NEUTRON and local link connections, and give the cluster a VLAN tenant network on their physnet');
  }
  if (!network) {
    invalid(cluster, `${where}: without a network magnum-cluster-api puts cluster ${cluster.clusterName} on a private overlay network it creates, ` +
      "which Ironic cannot bind bare-metal switch ports into; give the cluster network: a VLAN tenant network on the nodes' physnet");
  }
  if (!network.capabilities.baremetal) {
    invalid(cluster, `${where}: network ${network.networkName} cannot bind bare-metal switch ports (capabilities from ` +
      `${network.capabilities.declaredBy}), so Ironic cannot attach the nodes; give the cluster a VLAN tenant network on the nodes' physnet`);
  }
}

/** What node groups of one cluster must satisfy together (autoscaler, enrolled bare-metal servers). */
function nodeGroupErrors(cluster: IMagnumCluster, groups: MagnumNodeGroup[]): string[] {
  const errors: string[] = [];
  for (const g of groups) {
    const p = g.pool;
    if (!cluster.autoScaling && (p.minNodeCount !== p.nodeCount || p.maxNodeCount !== p.nodeCount)) {
      errors.push(
        `pool ${p.poolName} scales between ${p.minNodeCount} and ${p.maxNodeCount} nodes, but cluster ${cluster.clusterName} runs no autoscaler, ` +
          `so node group ${g.nodeGroupName} stays at ${p.nodeCount}; set autoScaling: true on the cluster or give the pool minNodeCount = maxNodeCount = nodeCount`,
      );
    }
  }
  // bare-metal node groups cannot grow beyond the servers enrolled in their Ironic pool
  const byPool = new Map<unknown, { name: string; enrolled: number; max: number; groups: string[] }>();
  for (const g of groups) {
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

/** A Magnum cluster that exists already (see {@link MagnumCluster.fromClusterName}). */
class ImportedMagnumCluster extends Construct implements IMagnumCluster {
  public readonly clusterId: string;
  public readonly clusterName: string;
  public readonly template: IClusterTemplate;
  public readonly kubernetesVersion: string;
  public readonly autoScaling: boolean;
  public readonly credentials?: TenantCloud;
  public readonly cloudName?: string;
  public readonly region?: string;
  private readonly groups: MagnumNodeGroup[] = [];
  private readonly network?: ITenantNetwork;

  constructor(scope: Construct, id: string, props: MagnumClusterLookupProps) {
    super(scope, id);
    checkMagnumName(this, 'clusterName', props.clusterName);
    this.clusterName = props.clusterName;
    this.template = props.template;
    this.kubernetesVersion = props.template.kubernetesVersion;
    this.autoScaling = props.autoScaling ?? false;
    this.credentials = props.credentials;
    this.cloudName = props.credentials?.cloudName ?? defaultCloudName(this);
    this.region = props.credentials?.region;
    this.network = props.network;
    const cluster = new (bindings.dataOpenstackContainerinfraClusterV1().DataOpenstackContainerinfraClusterV1)(this, 'Resource', {
      name: props.clusterName,
      provider: providerFor(this, props.credentials),
      lifecycle: {
        postcondition: [
          {
            condition: `\${try(self.labels.kube_tag, "") == "${this.kubernetesVersion}"}`,
            errorMessage: `Cluster ${this.clusterName}: its kube_tag label is not ${this.kubernetesVersion}, the Kubernetes version of template ${this.template.templateName}.`,
          },
          {
            condition: `\${lower(try(self.labels.auto_scaling_enabled, "false")) == "${magnumBool(this.autoScaling)}"}`,
            errorMessage: `Cluster ${this.clusterName}: its autoscaler is ${this.autoScaling ? 'off' : 'on'}, but autoScaling says ${this.autoScaling}.`,
          },
        ],
      },
    });
    this.clusterId = cluster.id;
    this.node.addValidation({ validate: () => nodeGroupErrors(this, this.groups) });
  }

  public get nodeGroups(): IMagnumNodeGroup[] {
    return [...this.groups];
  }

  public addNodeGroup(id: string, options: MagnumNodeGroupOptions): MagnumNodeGroup {
    return addNodeGroupTo(this, this.groups, id, options, (group) => {
      if (group.bareMetal && !this.network) {
        invalid(this, `bare-metal node group ${group.nodeGroupName}: the network of cluster ${this.clusterName} is unknown; give network in ` +
          'MagnumCluster.fromClusterName (the cluster\'s fixed_network), so the nodes are checked against it');
      }
      checkBareMetalNetwork(this, this.network, group);
    });
  }
}
