import * as cdk8s from 'cdk8s';
import { App, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { TenantFlavorView } from './ai-factory-flavor';
import { FactoryTenantParts } from './ai-factory-parts';
import { FactoryGatewaySpec, FactoryGpuPurchase, FactoryKubernetesSpec, FactoryNetworkSpec, FactoryPool, FactoryStorageSpec, FactoryTenantSpec } from './ai-factory-props';
import { FactoryStack, IronicEndpoint } from './factory-stack';
import { FactoryTenant } from './factory-tenant';
import { ServingChart } from './serving-chart';
import { S3StateBackendOptions } from './state-backend';
import { GpuServerAllocation, Tenant } from './tenant';
import { GpuNodePool } from '../constructs/accelerators/gpu-node-pool';
import { GpuOperatorPolicy } from '../constructs/accelerators/gpu-operator-policy';
import { InfinibandFabric } from '../constructs/accelerators/infiniband-fabric';
import { offerCapacity } from '../constructs/accelerators/k8s-util';
import { ComputeResourceFlavor, GpuResourceFlavor, TenantQueue } from '../constructs/batch/kueue';
import { ClusterImage } from '../constructs/cluster/cluster-image';
import { ClusterManifests } from '../constructs/cluster/cluster-manifests';
import { ClusterTemplate } from '../constructs/cluster/cluster-template';
import { ExistingFlavor } from '../constructs/cluster/existing-flavor';
import { MagnumCluster } from '../constructs/cluster/magnum-cluster';
import { NodeGroupLabeler } from '../constructs/cluster/node-group-labeler';
import { TenantCloud } from '../constructs/cluster/tenant-cloud';
import { EgressRule, PodSecurityLevel, TenantNamespace } from '../constructs/cluster/tenant-namespace';
import { isDnsLabel } from '../constructs/common/k8s';
import { guard, invalid } from '../constructs/common/validation';
import { printWarnings } from '../constructs/common/warnings';
import { BaremetalFlavor } from '../constructs/compute/baremetal-flavor';
import { BaremetalNodePool } from '../constructs/compute/baremetal-node-pool';
import { GpuFlavor, IGpuFlavor } from '../constructs/compute/gpu-flavor';
import { NovaUnifiedLimits } from '../constructs/identity/nova-limits';
import { AiGateway } from '../constructs/ingress/ai-gateway';
import { GatewayImplementation, GatewayImplementationKind, GatewayTlsSource } from '../constructs/ingress/options';
import { ExternalNetwork } from '../constructs/network/external-network';
import { InfiniBandRails } from '../constructs/network/infiniband-network';
import { NetworkSite } from '../constructs/network/network-site';
import { InferencePool } from '../constructs/serving/inference-pool';
import { ModelSourceKind } from '../constructs/serving/model-source';
import { VllmServer } from '../constructs/serving/vllm-server';
import { Bucket } from '../constructs/storage/bucket';
import { Share } from '../constructs/storage/share';
import { ShareTypeCatalog } from '../constructs/storage/share-type-catalog';
import { FactoryDeployStep, DeployOrder } from '../lib/factory/deploy-order';
import { FactoryPlan, FactoryPlanner, PlannedFlavor, PoolProvisioning } from '../lib/factory/factory-plan';
import { GpuAttachment, GpuAttachmentKind } from '../lib/hardware/gpu-attachment';
import { LinkType, PhysicalNetwork } from '../lib/net/physical-network';
import { ShareAccessRule } from '../lib/storage/share-access';

/** Props of {@link AiFactory}. */
export interface AiFactoryProps {
  /** Name of the factory: a lower-case DNS label; it prefixes every stack (`<name>-site`, `<name>-<tenant>`, ...). */
  readonly factoryName: string;
  /**
   * The clouds.yaml entry of the site's administrator (site stack, tenants' projects and quotas).
   * @default 'openstack'
   */
  readonly cloud?: string;
  /**
   * The Ironic API, needed when a pool is enrolled in Ironic.
   * @default - no Ironic provider
   */
  readonly ironic?: IronicEndpoint;
  /** The hardware inventory. */
  readonly pools: FactoryPool[];
  /** The site's networks. */
  readonly network: FactoryNetworkSpec;
  /**
   * The site's storage offer.
   * @default - no shares, no buckets
   */
  readonly storage?: FactoryStorageSpec;
  /**
   * The site's Kubernetes offer (Magnum images and template); required when a tenant has a cluster.
   * @default - no clusters
   */
  readonly kubernetes?: FactoryKubernetesSpec;
  /** The tenants: what each bought and what each runs. */
  readonly tenants: FactoryTenantSpec[];
  /**
   * Count GPUs in Keystone unified limits (`class:<RC>` per tenant; Nova's legacy quotas cannot limit GPUs).
   * @default true
   */
  readonly unifiedLimits?: boolean;
  /**
   * Keep every stack's Terraform state in one S3-compatible bucket (Ceph RGW), each at `<stack name>/terraform.tfstate`,
   * locked with Terraform's S3-native lock file; the tenant and workloads stacks then read the site's and tenants'
   * outputs from there (`terraform_remote_state` with the same settings). Leave `key` out: the stacks need one each.
   * @default - the local backend: each stack's state in `terraform.<stack name>.tfstate` of its working directory
   */
  readonly stateBackend?: S3StateBackendOptions;
  /**
   * Folder of the cluster sides' Kubernetes YAML (one `<factory>-<tenant>-cluster.k8s.yaml` and
   * `<factory>-<tenant>-serving.k8s.yaml` per cluster).
   * @default 'dist'
   */
  readonly kubernetesOutdir?: string;
}

/**
 * An AI factory from one description: the hardware inventory, the site's networks and storage, the tenants (what
 * each bought and serves). It creates
 * - a **site stack** `<name>-site`: the Ironic pools, one flavor per pool, attachment and size that a tenant bought,
 *   the network site with its allocators, share types, Nova's unified limits, the Magnum node images and template;
 * - **one stack per tenant** `<name>-<tenant>`: project, members, quotas and GPU limits derived from the purchases
 *   and the cluster, the network (and InfiniBand partition), shares and buckets, the Magnum cluster and one GPU node
 *   group per whole-GPU purchase; site values arrive as cdktf cross-stack references (remote state), and the
 *   flavor access grants live here, so the site never reads a tenant's value;
 * - per cluster, the **cluster side** (cdk8s): the node pools derived from the node groups (the purchase is the one
 *   description of both), the GPU Operator policy with the MIG layouts, the InfiniBand fabric, the node labeler that
 *   puts the pools' labels and taints on the nodes, the tenant namespace and Kueue queue, the model servers and
 *   InferencePools; and a **workloads stack** `<name>-<tenant>-workloads` that applies it through `ClusterManifests`.
 *
 * The purchases are checked against the inventory before anything is built: tenants that bought more GPUs or servers
 * of a pool than it has are refused at synth. The deploy order is the stacks' dependencies, the `deploy_order` output
 * of the site stack and {@link AiFactory.deployOrder}. Every part is an ordinary construct, reachable through
 * {@link AiFactory.tenant} to extend (e.g. an AI gateway in front of the tenants' InferencePools).
 */
export class AiFactory extends Construct {
  /** The factory's name. */
  public readonly factoryName: string;
  /** The site stack. */
  public readonly siteStack: FactoryStack;
  /** The site's network allocators (add provider networks to it). */
  public readonly networkSite: NetworkSite;
  /** The plan: flavors, purchases and GPU accounting per pool. */
  public readonly plan: FactoryPlan;
  /** The deploy order. */
  public readonly deployOrder: FactoryDeployStep[];
  /** The cdk8s apps of the cluster sides, one per cluster. */
  public readonly kubernetesApps: cdk8s.App[] = [];
  private readonly flavors = new Map<string, IGpuFlavor>();
  private readonly ironicPools = new Map<string, BaremetalNodePool>();
  private readonly tenantParts = new Map<string, FactoryTenantParts>();
  private readonly poolSpecs = new Map<string, FactoryPool>();
  private readonly specs = new Map<string, FactoryGpuPurchase>();

  constructor(scope: Construct, id: string, props: AiFactoryProps) {
    super(scope, id);
    const app = App.of(scope);
    this.factoryName = props.factoryName;
    if (!isDnsLabel(props.factoryName)) invalid(this, `factoryName ${JSON.stringify(props.factoryName)} must be a lower-case DNS label; it prefixes every stack name`);
    this.checkNames(props);
    this.plan = guard(this, () => FactoryPlanner.plan({
      pools: props.pools.map((p) => ({
        poolName: p.poolName,
        server: p.server,
        serverCount: this.serverCount(p),
        provisioning: p.ironic ? PoolProvisioning.BARE_METAL : PoolProvisioning.HYPERVISOR,
      })),
      tenants: props.tenants.map((t) => ({ tenantName: t.tenantName, gpus: t.gpus })),
    }));
    for (const p of props.pools) this.poolSpecs.set(p.poolName, p);
    for (const t of props.tenants) for (const g of t.gpus ?? []) this.specs.set(`${t.tenantName}/${g.purchaseName}`, g);

    // ---- the site -----------------------------------------------------------------------------------------------
    const cloud = props.cloud ?? 'openstack';
    if (props.stateBackend?.key !== undefined) {
      invalid(this, `stateBackend.key ${JSON.stringify(props.stateBackend.key)} would put every stack's state in one object; leave key out, ` +
        'each stack keeps its state at <stack name>/terraform.tfstate');
    }
    const s3Backend = props.stateBackend;
    this.siteStack = new FactoryStack(app, `${props.factoryName}-site`, { cloud, ironic: props.ironic, s3Backend });
    const site = this.siteStack;
    this.networkSite = new NetworkSite(site, 'Network', {
      tenantSupernet: props.network.tenantSupernet,
      physicalNetworks: props.network.physicalNetworks,
      overlayUnderlayMtuBytes: props.network.overlayUnderlayMtuBytes ?? 9000,
      reservedCidrs: props.network.reservedCidrs,
    });
    const pools = new Construct(site, 'Pools');
    for (const p of props.pools) {
      if (!p.ironic) continue;
      const { nodes, requiredTraits: _traits, ...options } = p.ironic;
      this.ironicPools.set(p.poolName, new BaremetalNodePool(pools, p.poolName, { ...options, poolName: p.poolName, server: p.server, nodes }));
    }
    const flavors = new Construct(site, 'Flavors');
    for (const f of this.plan.flavors) this.flavors.set(f.flavorKey, this.siteFlavor(flavors, f));
    if (props.storage?.shareTypes && props.storage.shareTypes.length > 0) {
      new ShareTypeCatalog(site, 'ShareTypes', { shareTypes: props.storage.shareTypes });
    }
    const nova = (props.unifiedLimits ?? true) ? new NovaUnifiedLimits(site, 'NovaLimits') : undefined;
    const clustered = props.tenants.filter((t) => t.cluster !== undefined);
    const k8s = clustered.length > 0 ? this.siteKubernetes(props) : undefined;

    // ---- the tenants --------------------------------------------------------------------------------------------
    for (const t of props.tenants) {
      const stack = new FactoryStack(app, `${props.factoryName}-${t.tenantName}`, { cloud, s3Backend });
      const views = new Construct(stack, 'Flavors');
      const flavorOf = new Map<string, IGpuFlavor>();
      for (const p of this.plan.purchases.filter((x) => x.tenantName === t.tenantName)) {
        if (!flavorOf.has(p.flavorKey)) flavorOf.set(p.flavorKey, new TenantFlavorView(views, p.flavorKey, this.flavors.get(p.flavorKey)!));
      }
      const purchases = this.plan.purchases.filter((x) => x.tenantName === t.tenantName);
      const gpuServers: GpuServerAllocation[] = purchases.map((p) => ({ flavor: flavorOf.get(p.flavorKey)!, count: p.servers }));
      const k = props.kubernetes;
      const clusterServers = t.cluster && k ? [
        { name: `${k.controlPlaneFlavor.flavorName} (control plane of ${t.tenantName})`, count: t.cluster.controlPlaneCount ?? 3, vcpus: k.controlPlaneFlavor.vcpus, ramMb: k.controlPlaneFlavor.ramMb, dedicatedCpus: false },
        { name: `${k.workerFlavor.flavorName} (system workers of ${t.tenantName})`, count: t.cluster.defaultWorkerCount ?? 2, vcpus: k.workerFlavor.vcpus, ramMb: k.workerFlavor.ramMb, dedicatedCpus: false },
      ] : [];
      // a FactoryTenant: the project side under the same construct ids as a Tenant, plus its namespace and queue
      const tenant = new FactoryTenant(stack, 'Tenant', {
        tenantName: t.tenantName,
        projectName: t.tenantName,
        description: t.description,
        members: t.members,
        projectScope: t.projectScope,
        gpuServers,
        servers: clusterServers,
        novaLimits: nova,
        headroomPercent: t.headroomPercent,
        networkSite: this.networkSite,
      });
      const publicNet = new ExternalNetwork(stack, 'Public', { networkName: props.network.externalNetworkName });
      const network = tenant.addNetwork('Net', {
        networkName: t.tenantName,
        dnsNameservers: props.network.dnsNameservers,
        externalNetwork: publicNet,
        physicalNetwork: t.network === undefined ? this.bareMetalClusterPhysnet(t) : undefined,
        ...t.network,
      });
      const rails = t.infiniBand ? this.infiniBandRails(tenant, t) : undefined;
      const shares = (t.shares ?? []).map((s) => {
        const shareType = s.shareType ?? props.storage?.shareTypes?.[0];
        if (!shareType) invalid(this, `tenant ${t.tenantName} has share ${s.shareName} but the site offers no share types; add storage.shareTypes`);
        const share = new Share(stack, `Share-${s.shareName}`, { tenant, shareType, sizeGb: s.sizeGb, shareName: s.shareName });
        if (s.cephxClient) share.grantAccess(ShareAccessRule.cephx(s.cephxClient));
        return share;
      });
      const buckets = (t.buckets ?? []).map((b) => {
        const service = props.storage?.objectStorage;
        if (!service) invalid(this, `tenant ${t.tenantName} has bucket ${b.bucketName} but the site offers no object storage; add storage.objectStorage`);
        return new Bucket(stack, `Bucket-${b.bucketName}`, { tenant, service, bucketName: b.bucketName, versioning: b.versioning });
      });
      const parts = new FactoryTenantParts({ tenantName: t.tenantName, stack, tenant, network, infiniBand: rails, shares, buckets });
      this.tenantParts.set(t.tenantName, parts);
      if (t.cluster) this.buildCluster(props, t, parts, flavorOf, k8s!);
      else if ((t.models ?? []).length > 0) invalid(this, `tenant ${t.tenantName} serves models but has no cluster; give it a cluster`);
    }

    this.deployOrder = DeployOrder.of(this.siteStack.node.id, props.tenants.map((t) => ({
      tenantName: t.tenantName,
      stackName: this.tenantParts.get(t.tenantName)!.stack.node.id,
      workloadsStackName: this.tenantParts.get(t.tenantName)!.workloadsStack?.node.id,
      gatewayCharts: t.gateway && t.cluster ? gatewayCharts(t.gateway) : undefined,
    })));
    new TerraformOutput(site, 'deploy_order', { value: DeployOrder.render(this.deployOrder), description: 'the order to deploy the factory\'s stacks in' });
  }

  /** The parts of one tenant (stacks, project, networks, cluster, charts, node pools, model servers). */
  public tenant(tenantName: string): FactoryTenantParts {
    const parts = this.tenantParts.get(tenantName);
    if (!parts) invalid(this, `tenant ${tenantName} is not in the factory; it has ${[...this.tenantParts.keys()].join(', ')}`);
    return parts;
  }

  /** Every tenant's parts, in description order. */
  public get tenants(): FactoryTenantParts[] {
    return [...this.tenantParts.values()];
  }

  /** The site flavor of a pool, attachment and size ({@link PlannedFlavor.flavorKey}, e.g. `h200/passthrough/4`). */
  public flavor(flavorKey: string): IGpuFlavor {
    const flavor = this.flavors.get(flavorKey);
    if (!flavor) invalid(this, `no tenant bought flavor ${flavorKey}; the site offers ${[...this.flavors.keys()].join(', ')}`);
    return flavor;
  }

  /** Synthesizes the Terraform stacks and the cluster sides' YAML. */
  public synth(): void {
    App.of(this).synth();
    for (const a of this.kubernetesApps) a.synth();
  }

  private serverCount(p: FactoryPool): number {
    if (p.ironic) {
      if (p.serverCount !== undefined && p.serverCount !== p.ironic.nodes.length) {
        invalid(this, `pool ${p.poolName} has serverCount ${p.serverCount} but enrolls ${p.ironic.nodes.length} Ironic nodes; drop serverCount, the nodes are the pool`);
      }
      return p.ironic.nodes.length;
    }
    if (p.serverCount === undefined) invalid(this, `pool ${p.poolName} has no serverCount; give the number of hypervisors, or ironic nodes for a bare-metal pool`);
    return p.serverCount;
  }

  private checkNames(props: AiFactoryProps): void {
    for (const p of props.pools) {
      if (!isDnsLabel(p.poolName)) invalid(this, `poolName ${JSON.stringify(p.poolName)} must be a lower-case DNS label (letters, digits, dashes; at most 63)`);
    }
    for (const t of props.tenants) {
      if (!isDnsLabel(t.tenantName)) invalid(this, `tenantName ${JSON.stringify(t.tenantName)} must be a lower-case DNS label (letters, digits, dashes; at most 63)`);
      if (t.tenantName === 'site') invalid(this, 'tenantName site would name the tenant\'s stack like the site stack; choose another name');
      for (const g of t.gpus ?? []) {
        if (!isDnsLabel(g.purchaseName)) invalid(this, `tenant ${t.tenantName}: purchaseName ${JSON.stringify(g.purchaseName)} must be a lower-case DNS label; it names the node group`);
      }
    }
  }

  private siteFlavor(scope: Construct, f: PlannedFlavor): IGpuFlavor {
    const pool = this.poolSpecs.get(f.poolName)!;
    const id = f.flavorKey;
    if (f.attachmentKind === GpuAttachmentKind.BARE_METAL) {
      return new BaremetalFlavor(scope, id, { pool: this.ironicPools.get(f.poolName)!, flavorName: `bm.${f.poolName}`, requiredTraits: pool.ironic!.requiredTraits });
    }
    const purchase = this.purchaseOf(f.flavorKey);
    const attachment = purchase.attachment ?? GpuAttachment.passthrough();
    const kind = f.flavorKey.split('/')[1];
    // h200.gpu.4x, l40s.vgpu.l40s-12q.2x, h200.mig.3g.71gb.1x, mi300x.vf.8vf.1x
    const unit = kind === 'passthrough' ? 'gpu' : kind.replace(/^vgpu-/, 'vgpu.').replace(/^mig-/, 'mig.').replace(/^sriov-vf-(\d+)$/, 'vf.$1vf');
    const name = `${f.poolName}.${unit}.${f.gpusPerServer}x`;
    return new GpuFlavor(scope, id, { server: pool.server, gpuCount: f.gpusPerServer, attachment, flavorName: name });
  }

  /** The first purchase (in description order) of a flavor: it carries the attachment's options. */
  private purchaseOf(flavorKey: string): FactoryGpuPurchase {
    const p = this.plan.purchases.find((x) => x.flavorKey === flavorKey)!;
    return this.specOf(p.tenantName, p.purchaseName);
  }

  private specOf(tenantName: string, purchaseName: string): FactoryGpuPurchase {
    return this.specs.get(`${tenantName}/${purchaseName}`)!;
  }

  private siteKubernetes(props: AiFactoryProps): { template: ClusterTemplate; bareMetalImage?: ClusterImage } {
    const k = props.kubernetes;
    if (!k) {
      const names = props.tenants.filter((t) => t.cluster).map((t) => t.tenantName);
      invalid(this, `tenants ${names.join(', ')} have clusters but the site has no kubernetes offer; add kubernetes { kubernetesVersion, imageUrl, ... }`);
    }
    const site = this.siteStack;
    const v = k.kubernetesVersion;
    const image = new ClusterImage(site, 'NodeImage', { imageName: `ubuntu-24.04-${v}`, kubernetesVersion: v, sourceUrl: k.imageUrl });
    const bareMetalImage = k.bareMetalImageUrl === undefined ? undefined
      : new ClusterImage(site, 'BareMetalNodeImage', { imageName: `ubuntu-24.04-${v}-baremetal`, kubernetesVersion: v, bareMetal: true, sourceUrl: k.bareMetalImageUrl });
    const template = new ClusterTemplate(site, 'ClusterTemplate', {
      templateName: `k8s-${v}`,
      image,
      externalNetwork: new ExternalNetwork(site, 'Public', { networkName: props.network.externalNetworkName }),
      controlPlaneFlavor: new ExistingFlavor(site, 'ControlPlaneFlavor', { flavorName: k.controlPlaneFlavor.flavorName }),
      workerFlavor: new ExistingFlavor(site, 'WorkerFlavor', { flavorName: k.workerFlavor.flavorName }),
      containerRegistry: k.containerRegistry,
      isPublic: true,
    });
    return { template, bareMetalImage };
  }

  /**
   * The physnet of the cluster network when the tenant describes none and its cluster has bare-metal node groups: their
   * servers join the cluster network through their switch ports (Ironic's neutron network interface), so it must be a
   * VLAN on a physnet with bare-metal ports. With exactly one such physnet at the site, that one; with several, the
   * tenant must choose; with none, the node group's own check explains what is missing.
   */
  private bareMetalClusterPhysnet(t: FactoryTenantSpec): PhysicalNetwork | undefined {
    if (!t.cluster) return undefined;
    const bareMetal = this.plan.purchases.filter((p) => p.tenantName === t.tenantName && p.attachmentKind === GpuAttachmentKind.BARE_METAL
      && (this.specOf(t.tenantName, p.purchaseName).nodeGroup ?? true));
    if (bareMetal.length === 0) return undefined;
    const physnets = this.networkSite.physicalNetworks.filter((n) => n.linkType === LinkType.ETHERNET && n.baremetal);
    if (physnets.length > 1) {
      invalid(this, `tenant ${t.tenantName}'s cluster has bare-metal node group ${bareMetal[0].purchaseName}, and the site has several physnets with ` +
        `bare-metal ports (${physnets.map((n) => n.name).join(', ')}); give the tenant network.physicalNetwork, one of them`);
    }
    return physnets[0];
  }

  private infiniBandRails(tenant: Tenant, t: FactoryTenantSpec): InfiniBandRails {
    const physnets = this.networkSite.infiniBandPhysicalNetworks;
    if (physnets.length === 0) invalid(this, `tenant ${t.tenantName} asks for InfiniBand but the site has no InfiniBand physical networks; add them to network.physicalNetworks`);
    // through the tenant, so the rail networks count into its Neutron quota
    return tenant.addInfiniBandRails('InfiniBand', { physicalNetworks: physnets, railSetName: `${t.tenantName}-ib` });
  }

  private buildCluster(props: AiFactoryProps, t: FactoryTenantSpec, parts: FactoryTenantParts, flavorOf: Map<string, IGpuFlavor>,
    k8s: { template: ClusterTemplate; bareMetalImage?: ClusterImage }): void {
    const c = t.cluster!;
    const prefix = `${props.factoryName}-${t.tenantName}`;
    const k8sApp = new cdk8s.App({ outdir: props.kubernetesOutdir ?? 'dist' });
    this.kubernetesApps.push(k8sApp);
    const chart = new cdk8s.Chart(k8sApp, `${prefix}-cluster`, { disableResourceNameHashes: true });
    // cdk8s prints no construct warnings (a model that barely fits, a deprecated option): print them during synth
    printWarnings(chart);
    const credentials = new TenantCloud(parts.stack, 'Cloud', { cloud: t.projectScope.cloud, region: t.projectScope.region, project: parts.tenant.project });
    const magnum = new MagnumCluster(parts.stack, 'Cluster', {
      clusterName: c.clusterName ?? t.tenantName,
      template: k8s.template,
      credentials,
      network: parts.network,
      controlPlaneCount: c.controlPlaneCount,
      defaultWorkerCount: c.defaultWorkerCount,
      sshPublicKey: c.sshPublicKey,
    });

    // the node groups: one per whole-GPU purchase; the cluster side's node pool is derived from the same purchase
    const fabrics = new Map<string, InfinibandFabric>();
    const pools: GpuNodePool[] = [];
    for (const p of this.plan.purchases.filter((x) => x.tenantName === t.tenantName)) {
      const spec = this.specOf(t.tenantName, p.purchaseName);
      const whole = p.attachmentKind === GpuAttachmentKind.PASSTHROUGH || p.attachmentKind === GpuAttachmentKind.BARE_METAL;
      if (spec.nodeGroup === true && !whole) {
        invalid(this, `tenant ${t.tenantName}: purchase ${p.purchaseName} gives vGPUs (${p.attachmentKind}), which a Magnum node group cannot use ` +
          '(the GPU Operator needs whole GPUs in the node); buy passthrough or bare-metal GPUs for the cluster, or set nodeGroup false');
      }
      if (!(spec.nodeGroup ?? whole)) continue;
      const poolSpec = this.poolSpecs.get(p.poolName)!;
      let rdma;
      if (t.infiniBand && poolSpec.rdmaRails && poolSpec.rdmaRails.length > 0) {
        const fabric = fabrics.get(p.poolName) ?? new InfinibandFabric(chart, `${p.poolName}-fabric`, { fabricName: `${p.poolName}-ib`, rails: poolSpec.rdmaRails });
        fabrics.set(p.poolName, fabric);
        rdma = fabric.attachment;
      }
      const flavor = flavorOf.get(p.flavorKey)!;
      const pool = new GpuNodePool(chart, p.purchaseName, {
        poolName: p.purchaseName,
        gpuModel: flavor.gpuModel,
        gpusPerNode: flavor.gpuCount,
        nodeCount: p.servers,
        partitioning: spec.partitioning,
        rdma,
      });
      pools.push(pool);
      if (p.attachmentKind === GpuAttachmentKind.BARE_METAL && !k8s.bareMetalImage) {
        invalid(this, `tenant ${t.tenantName}: purchase ${p.purchaseName} is a bare-metal node group but the site has no bare-metal node image; ` +
          'add kubernetes.bareMetalImageUrl');
      }
      const image = p.attachmentKind === GpuAttachmentKind.BARE_METAL ? k8s.bareMetalImage : undefined;
      magnum.addNodeGroup(p.purchaseName, { pool, flavor, image });
    }
    if (pools.length === 0) invalid(this, `tenant ${t.tenantName} has a cluster but no whole-GPU purchase to make a node group of; buy passthrough or bare-metal GPUs`);

    new GpuOperatorPolicy(chart, 'GpuOperator', { pools, gpuDirectRdma: fabrics.size > 0 ? true : undefined });
    new NodeGroupLabeler(chart, 'NodeLabels', { nodeGroups: magnum.nodeGroups });
    // the namespace may use its node groups: CPU and memory of the GPU nodes, every GPU unit they offer
    let cpuCores = 0;
    let memoryGib = 0;
    for (const g of magnum.nodeGroups) {
      const f = flavorOf.get(this.plan.purchases.find((x) => x.tenantName === t.tenantName && x.purchaseName === g.nodeGroupName)!.flavorKey)!;
      cpuCores += f.vcpus * g.pool.maxNodeCount;
      memoryGib += Math.floor(f.ramMb / 1024) * g.pool.maxNodeCount;
    }
    const gpuLimits = pools.flatMap((pool) => pool.offers.map((o) => ({ pool, migProfile: o.migProfile, count: offerCapacity(pool, o) })));
    // the tenant's namespace, defined once (by the tenant, with its label); the serving chart lands in it
    const namespace = parts.tenant.addNamespace(chart, {
      namespaceName: t.tenantName,
      cpuCores,
      memoryGib,
      gpuLimits,
      podSecurity: fabrics.size > 0 ? PodSecurityLevel.PRIVILEGED : undefined, // RDMA pods add IPC_LOCK
    });
    let queue: TenantQueue | undefined;
    const gpuFlavors: GpuResourceFlavor[] = [];
    if (c.batchQueue) {
      const compute = new ComputeResourceFlavor(chart, 'ComputeFlavor');
      for (const pool of pools) {
        for (const o of pool.offers) gpuFlavors.push(new GpuResourceFlavor(chart, `${pool.poolName}-${o.migProfile ?? 'gpu'}`, { pool, migProfile: o.migProfile }));
      }
      queue = parts.tenant.addQueue(chart, 'Queue', {
        namespaces: [namespace],
        computeFlavor: compute,
        cpuCores,
        memoryGib,
        gpuQuotas: gpuFlavors.map((flavor) => ({ flavor, nominal: flavor.capacity })),
      });
    }

    // serving, in the tenant's namespace (the Namespace object is the tenant's, defined once in the cluster chart). Not
    // a ServingChart: its dependency on the cluster chart would make cdk8s number the files (0000-...-cluster.k8s.yaml);
    // `kubectl apply -f dist/` applies -cluster before -serving anyway, and ClusterManifests orders the namespace first
    const serving = new cdk8s.Chart(k8sApp, `${prefix}-serving`, { namespace: namespace.namespaceName, disableResourceNameHashes: true });
    const servers: VllmServer[] = [];
    const inferencePools: InferencePool[] = [];
    const routes: { modelName: string; pool: InferencePool }[] = []; // what a gateway routes to
    for (const m of t.models ?? []) {
      const pool = pools.find((x) => x.poolName === m.nodeGroupName);
      if (!pool) {
        invalid(this, `tenant ${t.tenantName} serves ${m.model.name} on node group ${m.nodeGroupName}, which it does not have; use ${pools.map((x) => x.poolName).join(', ')}`);
      }
      const name = m.serverName ?? m.model.name.replace(/[^a-z0-9-]+/g, '-');
      const inferencePool = m.inferencePool ? new InferencePool(serving, `${name}-pool`, { poolName: name }) : undefined;
      if (inferencePool) inferencePools.push(inferencePool);
      const offer = m.migProfile === undefined ? undefined : pool.offers.find((o) => o.migProfile === m.migProfile);
      if (m.migProfile !== undefined && !offer) {
        invalid(this, `tenant ${t.tenantName}: model ${m.model.name} asks for MIG profile ${m.migProfile}, which node group ${pool.poolName} does not offer; ` +
          `it offers ${pool.offers.map((o) => o.resourceName).join(', ')}`);
      }
      servers.push(new VllmServer(serving, name, {
        model: m.model,
        pool,
        gpuResourceName: offer?.resourceName,
        maxModelLen: m.maxModelLen,
        replicas: m.replicas,
        maxNodesPerReplica: m.maxNodesPerReplica,
        modelSource: m.modelSource,
        apiKey: m.apiKey,
        serverName: m.serverName,
        // behind the gateway, clients name the model as the gateway routes it (its body's "model")
        servedModelName: m.servedModelName ?? (t.gateway && inferencePool ? name : undefined),
        inferencePool,
      }));
      if (inferencePool) routes.push({ modelName: servers[servers.length - 1].servedModelName, pool: inferencePool });
    }

    this.allowServingEgress(props, t, namespace, parts, servers, inferencePools);
    const gateway = t.gateway ? this.tenantGateway(k8sApp, prefix, t, t.gateway, routes) : undefined;

    const workloads = new FactoryStack(App.of(this), `${prefix}-workloads`, { cloud: t.projectScope.cloud, s3Backend: props.stateBackend });
    const manifests = new ClusterManifests(workloads, 'Manifests', { cluster: magnum, cdk8sApp: k8sApp });
    parts._attachCluster({
      cluster: magnum,
      credentials,
      workloadsStack: workloads,
      manifests,
      kubernetesApp: k8sApp,
      clusterChart: chart,
      servingChart: serving,
      nodePools: pools,
      namespace,
      queue,
      gpuFlavors,
      servers,
      inferencePools,
      gateway,
    });
  }

  /**
   * The tenant's AI gateway, as `AiGateway` builds it, in a chart of the cluster's app that creates the gateway's
   * namespace: one model per InferencePool, named as its server serves it, all routed on the tenant's listener.
   */
  private tenantGateway(k8sApp: cdk8s.App, prefix: string, t: FactoryTenantSpec, g: FactoryGatewaySpec,
    routes: { modelName: string; pool: InferencePool }[]): AiGateway {
    if (routes.length === 0) {
      invalid(this, `tenant ${t.tenantName} has a gateway but no model behind an InferencePool for it to route to; set inferencePool on a model`);
    }
    const chart = new ServingChart(k8sApp, `${prefix}-gateway`, { namespaceName: g.gatewayNamespaceName ?? 'ai-gateway' });
    const gateway = new AiGateway(chart, 'Gateway', { implementation: g.implementation, tls: g.tls, monitoringNamespaceName: g.monitoringNamespaceName });
    for (const r of routes) gateway.addModel(r.modelName, r.pool);
    const tenant = gateway.addTenant(t.tenantName, {
      namespaceName: routes[0].pool.namespaceName,
      hostname: g.hostname,
      authentication: g.authentication,
      limits: g.limits,
      plans: g.plans,
    });
    for (const r of routes) tenant.routeModel(r.modelName);
    return gateway;
  }

  /**
   * The tenant namespace denies egress by default, so each workload of the serving chart gets exactly the destination
   * it needs to start, one NetworkPolicy per workload selecting only its pods: a model server its weights' source
   * (the Hugging Face Hub, or the site's object store on the S3 endpoint's port; nothing for a claim, which the node's
   * CSI plugin mounts outside the pod's network), an endpoint picker the API server (it watches the pool's pods and
   * the InferencePool, as the pool's Role allows). The API server's endpoints (behind the `kubernetes` Service, which
   * Calico translates before it matches the policy) are the control-plane nodes, which magnum-cluster-api puts on the
   * cluster's `fixed_network`: the tenant network.
   */
  private allowServingEgress(props: AiFactoryProps, t: FactoryTenantSpec, namespace: TenantNamespace, parts: FactoryTenantParts,
    servers: VllmServer[], inferencePools: InferencePool[]): void {
    (t.models ?? []).forEach((m, i) => {
      const server = servers[i];
      const rule = m.modelSourceEgress ?? this.modelSourceEgress(props, t, m.model.name, m.modelSource?.kind ?? ModelSourceKind.HUGGING_FACE);
      if (rule) namespace.allowEgress(`${server.serverName}-weights`, rule, server.podLabels);
    });
    for (const pool of inferencePools) {
      namespace.allowEgress(`${pool.endpointPickerServiceName}-api-server`, EgressRule.kubernetesApi({ controlPlaneCidr: parts.network.cidr }),
        { 'app.kubernetes.io/instance': pool.endpointPickerServiceName });
    }
  }

  private modelSourceEgress(props: AiFactoryProps, t: FactoryTenantSpec, model: string, kind: ModelSourceKind): EgressRule | undefined {
    switch (kind) {
      case ModelSourceKind.HUGGING_FACE:
        return EgressRule.huggingFaceHub();
      case ModelSourceKind.S3: {
        const endpointUrl = props.storage?.objectStorage?.s3EndpointUrl;
        const cidr = props.storage?.objectStorageCidr;
        if (endpointUrl === undefined || cidr === undefined) {
          invalid(this, `tenant ${t.tenantName}: model ${model} streams its weights over S3, but its namespace denies egress and the site gives no ` +
            'object store address; set storage.objectStorage with s3EndpointUrl and storage.objectStorageCidr, or give the model modelSourceEgress');
        }
        return EgressRule.objectStorage({ endpointUrl, cidr });
      }
      default:
        return undefined;
    }
  }
}

/**
 * The Helm charts an AI gateway needs in the cluster before its objects are applied: the implementation's controllers
 * (Envoy Gateway with its global rate limit service, which Envoy AI Gateway's request and token limits use; Kuadrant's
 * operator on an Envoy Gateway data plane; F5's own) and cert-manager unless the certificate is an existing Secret.
 */
function gatewayCharts(g: FactoryGatewaySpec): string[] {
  const implementation = g.implementation ?? GatewayImplementation.envoyAiGateway();
  const charts = implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY ? ['Envoy Gateway (global rate limit with Redis)', 'Envoy AI Gateway']
    : implementation.kind === GatewayImplementationKind.KUADRANT ? ['Envoy Gateway', 'Kuadrant operator']
      : ['F5 BIG-IP Next for Kubernetes'];
  return g.tls.source === GatewayTlsSource.EXISTING_SECRET ? charts : [...charts, 'cert-manager'];
}
