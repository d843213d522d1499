// The factory model: what the synthesized output says will exist, read by resource type and field (never by an
// example's construct names), so it works on any factory and on two checkouts of the same one (the review aid).
//
// Fields read, by platform (the upstream sources that define them):
// - Nova flavor extra specs: `pci_passthrough:alias` = `<alias>:<count>` (nova/api/validation/extra_specs/pci_passthrough.py),
//   `resources:<CLASS>` = `<amount>` (nova/api/validation/extra_specs/resources.py; `resources:VGPU`, `resources:CUSTOM_*`),
//   `trait:<TRAIT>` = `required` (nova/api/validation/extra_specs/traits.py), in openstack/nova master.
// - Ironic nodes: `resource_class`; Nova's bare-metal flavors request `resources:CUSTOM_<RESOURCE_CLASS>=1`, the class
//   upper-cased with every non-alphanumeric character replaced by `_`
//   (https://docs.openstack.org/ironic/latest/install/configure-nova-flavors.html).
// - Keystone unified limits for Nova: `resource_name` `servers`, `class:<RESOURCE_CLASS>`
//   (https://docs.openstack.org/nova/latest/admin/unified-limits.html).
// - mig-parted configs: `version: v1`, `mig-configs.<name>[].mig-devices.<profile>: <count>`
//   (NVIDIA/mig-parted, examples/config.yaml).
// - Kueue ClusterQueue `spec.resourceGroups[].flavors[].resources[].nominalQuota` (kubernetes-sigs/kueue,
//   apis/kueue/v1beta1/clusterqueue_types.go).
import * as YAML from 'yaml';
import { cmp, k8sKey, kubernetesObjects, referencedAddress, SynthesizedFactory, terraformDataSources, terraformResources, TerraformResourceRef } from './documents';
import { GpuModel } from '../hardware/gpu';
import { ServerProfile } from '../hardware/server';
import { LlmModel, NumericFormat } from '../models/llm';
import { ServingPlanner } from '../models/serving-plan';

/** How a flavor (or node group) gets its GPUs. */
export type GpuAttachmentKind = 'passthrough' | 'vgpu' | 'mig-vgpu' | 'baremetal' | 'none';

export interface FlavorModel {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly vcpus: number;
  readonly ramMb: number;
  /** GPUs (or vGPUs / MIG-backed vGPUs) one server of this flavor gets. */
  readonly gpus: number;
  readonly attachment: GpuAttachmentKind;
  /** The GPU model's display name when known, else the alias or resource class. */
  readonly gpuModel?: string;
  /** MIG profile of a MIG-backed vGPU flavor (from its `trait:CUSTOM_MIG_<PROFILE>`), e.g. `3g.71gb`. */
  readonly migProfile?: string;
  /** Placement resource class a GPU of this flavor consumes (quota unit), e.g. `CUSTOM_PCI_10DE_2335`. */
  readonly gpuResourceClass?: string;
  /** Units of `gpuResourceClass` one server consumes (1 for bare metal, the GPU count otherwise). */
  readonly gpuUnits: number;
  readonly isPublic: boolean;
  /** Tenants given access (`openstack_compute_flavor_access_v2`). */
  readonly tenants: string[];
}

export interface PoolModel {
  /** The Ironic resource class, e.g. `baremetal-hgx-h200-8gpu`. */
  readonly resourceClass: string;
  /** The Placement class Nova flavors request, e.g. `CUSTOM_BAREMETAL_HGX_H200_8GPU`. */
  readonly placementClass: string;
  readonly servers: string[];
  readonly gpusPerServer: number;
  readonly gpuModel?: string;
  /** Where the GPU count came from: a bare-metal flavor's description, the server profile catalog, or unknown. */
  readonly gpuSource: 'flavor' | 'catalog' | 'unknown';
  /** Bare-metal flavors that schedule onto this pool. */
  readonly flavors: string[];
  /** Servers the operator keeps (`ironic_allocation`), by allocation name. */
  readonly operatorAllocations: string[];
}

export interface TenantModel {
  readonly name: string;
  /** `project` when this output creates the project, `existing` when it only looks one up. */
  readonly origin: 'project' | 'existing' | 'kubernetes';
  readonly address?: string;
  /** Keystone unified limits (`resource_name` → `resource_limit`). */
  readonly limits: { [resource: string]: number };
  /** Other quotas, `<service>.<field>` → value (network, block storage). */
  readonly quotas: { [key: string]: number };
  readonly flavors: string[];
}

export interface NetworkModel {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly tenant?: string;
  /** `ovn` (tenant overlay, no segments), `vlan`, `flat`, `vxlan`/`geneve`, or `infiniband` (an IPoIB/pkey network). */
  readonly kind: string;
  readonly physicalNetworks: string[];
  readonly segmentationIds: number[];
  readonly external: boolean;
  readonly shared: boolean;
  /** Tenants it is shared with through RBAC (`openstack_networking_rbac_policy_v2`). */
  readonly sharedWith: string[];
}

export interface RbacShareModel {
  readonly address: string;
  readonly objectType: string;
  readonly object: string;
  readonly action: string;
  readonly target: string;
}

export interface StorageModel {
  readonly stack: string;
  readonly address: string;
  readonly kind: 'volume' | 'share' | 'bucket' | 'pvc';
  readonly name: string;
  readonly tenant?: string;
  readonly sizeGb?: number;
  readonly protected: boolean;
  /** Share access grants, `<level> <type>:<to>`. */
  readonly access: string[];
}

export interface NodeGroupModel {
  readonly name: string;
  readonly flavor?: string;
  readonly nodeCount: number;
  readonly minNodes?: number;
  readonly maxNodes?: number;
  readonly gpusPerNode: number;
  readonly gpuModel?: string;
  readonly attachment: GpuAttachmentKind;
}

export interface ClusterModel {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  readonly tenant?: string;
  readonly masters: number;
  readonly nodeGroups: NodeGroupModel[];
}

export interface MigLayoutModel {
  readonly source: string;
  readonly configName: string;
  /** Slices per GPU, profile → count. */
  readonly slicesPerGpu: { [profile: string]: number };
}

/** A Kueue ResourceFlavor: the node labels that pick its nodes. */
export interface KueueFlavorModel {
  readonly name: string;
  readonly nodeLabels: { [label: string]: string };
}

export interface KueueQuotaModel {
  readonly clusterQueue: string;
  /**
   * The tenant(s) whose namespaces the queue admits (its `namespaceSelector` on `kubernetes.io/metadata.name`, each
   * namespace's `ai-factory.dev/tenant` label or else its name), comma-separated; unset when the selector says no names.
   */
  readonly tenant?: string;
  readonly cohort?: string;
  readonly flavor: string;
  readonly resource: string;
  readonly nominal: number;
  readonly borrowingLimit?: number;
}

export interface ModelServerModel {
  readonly source: string;
  readonly kind: string;
  readonly name: string;
  readonly namespaceName: string;
  /**
   * The tenant whose namespace the server runs in: the namespace's `ai-factory.dev/tenant` label, else the project of
   * the same name.
   * @default - none: the namespace is no tenant's
   */
  readonly tenant?: string;
  readonly replicas?: number;
  /** Pods per replica (a LeaderWorkerSet group's size; 1 otherwise). */
  readonly podsPerReplica: number;
  /** Accelerator resources one pod asks for, resource name → count. */
  readonly acceleratorsPerPod: { [resource: string]: number };
  readonly gpusPerReplica: number;
  readonly pool?: string;
  /** The model and the serving flags that make the plan (tensor/pipeline parallelism, context length, ...). */
  readonly plan: { [key: string]: string };
  /** GPU memory of the plan; unset when the model (label `ai-factory.dev/model`) is not in the catalog. */
  readonly memory?: ServingMemoryModel;
}

/**
 * What one GPU of a model server holds: the weights, and with a known GPU the KV cache left beside them, computed by
 * the library's serving planner from the flags vLLM is started with (TP, PP, `--max-model-len`,
 * `--gpu-memory-utilization`, `--quantization`, `--kv-cache-dtype`).
 */
export interface ServingMemoryModel {
  /** The catalog model (`LlmModel.name`). */
  readonly model: string;
  /** Weights per GPU in GB (weights ÷ TP × PP). */
  readonly weightsPerGpuGb: number;
  /**
   * The GPU (display name), from the node groups of the server's GPU pool or, when the output holds one GPU model
   * only, that one; unset when the output does not say.
   */
  readonly gpu?: string;
  /** Memory of one GPU unit (a whole GPU or the MIG slice) in GB; with `gpu`. */
  readonly gpuMemoryGb?: number;
  /** KV-cache memory per GPU in GB: usable memory − weights − activation reserve; with `gpu`. */
  readonly kvCachePerGpuGb?: number;
  /** Sequences of `--max-model-len` tokens the KV cache of one replica holds at once; with `gpu`. */
  readonly maxConcurrentSequences?: number;
  /** The planner's refusal when the plan does not fit the GPU (vLLM would fail to start). */
  readonly problem?: string;
}

export interface ExposureModel {
  readonly stack: string;
  readonly address: string;
  readonly kind: 'security-rule' | 'router' | 'external-network' | 'gateway-listener' | 'http-route' | 'load-balancer';
  readonly tenant?: string;
  /** What is open, in words (stable: the review compares these). */
  readonly detail: string;
}

export interface StatefulModel {
  readonly stack: string;
  readonly address: string;
  /** The Terraform resource type. */
  readonly resourceType: string;
  readonly kind: string;
  readonly name: string;
  readonly tenant?: string;
  /** Its arguments (without cdktf metadata), so a review can see one that forces replacement change. */
  readonly attrs: { readonly [attr: string]: unknown };
}

export interface MovedModel {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
}

export interface FactoryModel {
  readonly stacks: string[];
  readonly flavors: FlavorModel[];
  readonly pools: PoolModel[];
  readonly tenants: TenantModel[];
  readonly networks: NetworkModel[];
  readonly rbac: RbacShareModel[];
  readonly storage: StorageModel[];
  readonly clusters: ClusterModel[];
  readonly migLayouts: MigLayoutModel[];
  readonly kueueQuotas: KueueQuotaModel[];
  readonly kueueFlavors: KueueFlavorModel[];
  /**
   * Kubernetes node labels per cluster node group, from the node-group labeler's script
   * (`configure '<group>' '<hash>' '<taints>' '<labels>'`): Magnum labels nodes only with their group name.
   */
  readonly nodeGroupLabels: { [group: string]: { [label: string]: string } };
  readonly modelServers: ModelServerModel[];
  readonly exposure: ExposureModel[];
  readonly stateful: StatefulModel[];
  readonly moved: MovedModel[];
  /** Every resource address, `<stack>/<type>.<id>`, and every Kubernetes object key (the review's identity). */
  readonly addresses: string[];
}

/** Terraform resource types that hold data: destroying one loses it. */
export const STATEFUL_TYPES: { [type: string]: string } = {
  openstack_blockstorage_volume_v3: 'volume',
  openstack_sharedfilesystem_share_v2: 'share',
  openstack_objectstorage_container_v1: 'bucket',
  openstack_identity_project_v3: 'project',
  openstack_images_image_v2: 'image',
  openstack_containerinfra_cluster_v1: 'cluster',
  ironic_node: 'bare-metal node',
};

/** The Placement class Nova derives from an Ironic resource class. */
export function placementClassOf(resourceClass: string): string {
  return `CUSTOM_${resourceClass.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Builds the model of one synthesis. */
export function buildModel(input: SynthesizedFactory): FactoryModel {
  const resources = terraformResources(input);
  const data = terraformDataSources(input);
  const byAddr = new Map<string, TerraformResourceRef>();
  for (const r of [...resources, ...data]) byAddr.set(`${r.stack}/${r.address}`, r);
  const ofType = (t: string) => resources.filter((r) => r.resourceType === t);
  /**
   * The `<stack>/<type>.<id>` a reference in `stack` points at, across stacks too: cdktf turns a reference to another
   * stack into `${data.terraform_remote_state.<id>.outputs.<output>}`, an output of the stack that owns the resource
   * (its remote-state id ends in that stack's name, `cross-stack-reference-input-<stack>`).
   */
  const ref = (stack: string, value: unknown): string | undefined => {
    const m = typeof value === 'string' ? /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/.exec(value.trim()) : null;
    if (!m) {
      const addr = referencedAddress(value);
      return addr ? `${stack}/${addr}` : undefined;
    }
    const owners = input.stacks.filter((x) => x.stack !== stack && x.json?.output?.[m[2]] !== undefined);
    const owner = owners.find((x) => m[1].endsWith(`-${x.stack}`)) ?? (owners.length === 1 ? owners[0] : undefined);
    const addr = owner && referencedAddress(owner.json.output[m[2]].value);
    return owner && addr ? `${owner.stack}/${addr}` : undefined;
  };

  // --- tenants ---------------------------------------------------------------------------------------------------
  const providerCloud = new Map<string, string>(); // `<stack>/openstack.<alias>` → cloud
  for (const s of input.stacks) {
    for (const p of (s.json?.provider?.openstack ?? []) as any[]) {
      if (p.alias) providerCloud.set(`${s.stack}/openstack.${p.alias}`, String(p.cloud ?? p.tenant_name ?? p.alias));
    }
  }
  const tenantOfProvider = (r: TerraformResourceRef): string | undefined =>
    typeof r.attrs?.provider === 'string' ? providerCloud.get(`${r.stack}/${r.attrs.provider}`) : undefined;
  const tenantOfRef = (stack: string, value: unknown): string | undefined => {
    const addr = ref(stack, value);
    if (!addr) return undefined;
    const target = byAddr.get(addr);
    if (!target) return undefined;
    if (target.resourceType === 'openstack_identity_project_v3') return String(target.attrs.name);
    if (target.resourceType === 'openstack_identity_auth_scope_v3') return tenantOfProvider(target) ?? String(target.attrs.name);
    return undefined;
  };
  const tenantOf = (r: TerraformResourceRef): string | undefined =>
    tenantOfRef(r.stack, r.attrs?.tenant_id) ?? tenantOfRef(r.stack, r.attrs?.project_id) ?? tenantOfProvider(r);

  const tenants = new Map<string, { name: string; origin: TenantModel['origin']; address?: string; limits: { [k: string]: number }; quotas: { [k: string]: number }; flavors: Set<string> }>();
  const tenant = (name: string, origin: TenantModel['origin'], address?: string) => {
    let t = tenants.get(name);
    if (!t) tenants.set(name, (t = { name, origin, address, limits: {}, quotas: {}, flavors: new Set() }));
    else if (origin === 'project' && t.origin !== 'project') Object.assign(t, { origin, address });
    return t;
  };
  for (const p of ofType('openstack_identity_project_v3')) tenant(String(p.attrs.name), 'project', `${p.stack}/${p.address}`);
  for (const d of data.filter((x) => x.resourceType === 'openstack_identity_auth_scope_v3')) {
    tenant(tenantOfProvider(d) ?? String(d.attrs.name), 'existing', `${d.stack}/${d.address}`);
  }
  for (const l of ofType('openstack_identity_limit_v3')) {
    const t = tenantOf(l);
    if (t) tenant(t, 'existing').limits[String(l.attrs.resource_name)] = Number(l.attrs.resource_limit);
  }
  for (const [type, service] of [['openstack_networking_quota_v2', 'network'], ['openstack_blockstorage_quotaset_v3', 'volume'], ['openstack_compute_quotaset_v2', 'compute']]) {
    for (const q of ofType(type)) {
      const t = tenantOf(q);
      if (!t) continue;
      for (const [k, v] of Object.entries(q.attrs)) {
        if (typeof v === 'number') tenant(t, 'existing').quotas[`${service}.${k}`] = v;
      }
    }
  }

  // --- flavors ---------------------------------------------------------------------------------------------------
  const flavorAccess = new Map<string, string[]>();
  for (const a of ofType('openstack_compute_flavor_access_v2')) {
    const f = ref(a.stack, a.attrs.flavor_id);
    const t = tenantOfRef(a.stack, a.attrs.tenant_id);
    if (f && t) flavorAccess.set(f, [...(flavorAccess.get(f) ?? []), t]);
  }
  const flavors: FlavorModel[] = ofType('openstack_compute_flavor_v2').map((f) => {
    const specs: { [k: string]: string } = f.attrs.extra_specs ?? {};
    const g = gpuOfFlavor(specs, String(f.attrs.description ?? ''));
    const access = [...new Set(flavorAccess.get(`${f.stack}/${f.address}`) ?? [])].sort(cmp);
    for (const t of access) tenant(t, 'existing').flavors.add(String(f.attrs.name));
    return {
      stack: f.stack,
      address: `${f.stack}/${f.address}`,
      name: String(f.attrs.name),
      vcpus: Number(f.attrs.vcpus ?? 0),
      ramMb: Number(f.attrs.ram ?? 0),
      ...g,
      isPublic: f.attrs.is_public !== false,
      tenants: access,
    };
  });

  // --- pools (Ironic) --------------------------------------------------------------------------------------------
  const poolsByClass = new Map<string, { servers: string[]; allocations: string[] }>();
  for (const n of ofType('ironic_node')) {
    const rc = String(n.attrs.resource_class ?? '');
    const p = poolsByClass.get(rc) ?? { servers: [], allocations: [] };
    p.servers.push(String(n.attrs.name ?? n.id));
    poolsByClass.set(rc, p);
  }
  for (const a of ofType('ironic_allocation')) {
    const p = poolsByClass.get(String(a.attrs.resource_class ?? ''));
    if (p) p.allocations.push(String(a.attrs.name ?? a.id));
  }
  const pools: PoolModel[] = [...poolsByClass.keys()].sort(cmp).map((rc) => {
    const placementClass = placementClassOf(rc);
    const bm = flavors.filter((f) => f.attachment === 'baremetal' && f.gpuResourceClass === placementClass);
    const fromFlavor = bm.find((f) => f.gpus > 0);
    const profile = catalogProfiles().find((s) => `baremetal-${s.name}` === rc);
    const p = poolsByClass.get(rc)!;
    return {
      resourceClass: rc,
      placementClass,
      servers: [...p.servers].sort(cmp),
      gpusPerServer: fromFlavor?.gpus ?? profile?.gpuCount ?? 0,
      gpuModel: fromFlavor?.gpuModel ?? profile?.gpuModel?.displayName,
      gpuSource: fromFlavor ? 'flavor' : profile ? 'catalog' : 'unknown',
      flavors: bm.map((f) => f.name).sort(cmp),
      operatorAllocations: [...p.allocations].sort(cmp),
    };
  });

  // --- networks, RBAC --------------------------------------------------------------------------------------------
  const rbac: RbacShareModel[] = ofType('openstack_networking_rbac_policy_v2').map((r) => {
    const obj = ref(r.stack, r.attrs.object_id);
    const target = obj ? byAddr.get(obj) : undefined;
    return {
      address: `${r.stack}/${r.address}`,
      objectType: String(r.attrs.object_type),
      object: target ? String(target.attrs.name ?? target.id) : String(r.attrs.object_id),
      action: String(r.attrs.action),
      target: r.attrs.target_tenant === '*' ? '*' : tenantOfRef(r.stack, r.attrs.target_tenant) ?? String(r.attrs.target_tenant),
    };
  });
  const networks: NetworkModel[] = ofType('openstack_networking_network_v2').map((n) => {
    const segs: any[] = n.attrs.segments ?? (n.attrs.segments === undefined && n.attrs['provider:network_type'] ? [] : []);
    const types = [...new Set(segs.map((s) => String(s.network_type)))];
    const ib = /\bpkey\b|IPoIB|infiniband/i.test(String(n.attrs.description ?? ''));
    const name = String(n.attrs.name ?? n.id);
    return {
      stack: n.stack,
      address: `${n.stack}/${n.address}`,
      name,
      tenant: tenantOf(n),
      kind: ib ? 'infiniband' : types.length ? types.join('+') : 'ovn',
      physicalNetworks: segs.map((s) => s.physical_network).filter((x) => x !== undefined).map(String),
      segmentationIds: segs.map((s) => s.segmentation_id).filter((x) => typeof x === 'number'),
      external: n.attrs.external === true,
      shared: n.attrs.shared === true,
      sharedWith: rbac.filter((r) => r.objectType === 'network' && r.object === name).map((r) => r.target).sort(cmp),
    };
  });

  // --- storage ---------------------------------------------------------------------------------------------------
  const shareAccess = new Map<string, string[]>();
  for (const a of ofType('openstack_sharedfilesystem_share_access_v2')) {
    const s = ref(a.stack, a.attrs.share_id) ?? `${a.stack}/${a.attrs.share_id}`;
    shareAccess.set(s, [...(shareAccess.get(s) ?? []), `${a.attrs.access_level} ${a.attrs.access_type}:${a.attrs.access_to}`]);
  }
  const storage: StorageModel[] = [];
  const protectedOf = (r: TerraformResourceRef) => r.attrs?.lifecycle?.prevent_destroy === true;
  for (const v of ofType('openstack_blockstorage_volume_v3')) {
    storage.push({ stack: v.stack, address: `${v.stack}/${v.address}`, kind: 'volume', name: String(v.attrs.name ?? v.id), tenant: tenantOf(v), sizeGb: v.attrs.size, protected: protectedOf(v), access: [] });
  }
  for (const s of ofType('openstack_sharedfilesystem_share_v2')) {
    const address = `${s.stack}/${s.address}`;
    storage.push({ stack: s.stack, address, kind: 'share', name: String(s.attrs.name ?? s.id), tenant: tenantOf(s), sizeGb: s.attrs.size, protected: protectedOf(s), access: [...(shareAccess.get(address) ?? [])].sort(cmp) });
  }
  for (const c of ofType('openstack_objectstorage_container_v1')) {
    storage.push({ stack: c.stack, address: `${c.stack}/${c.address}`, kind: 'bucket', name: String(c.attrs.name ?? c.id), tenant: tenantOf(c), protected: protectedOf(c), access: c.attrs.container_read ? [`read ${tenantOfRef(c.stack, String(c.attrs.container_read).split(':')[0]) ?? c.attrs.container_read}`] : [] });
  }

  // --- clusters --------------------------------------------------------------------------------------------------
  const flavorByAddr = new Map(flavors.map((f) => [f.address, f]));
  const clusters: ClusterModel[] = ofType('openstack_containerinfra_cluster_v1').map((c) => {
    const address = `${c.stack}/${c.address}`;
    const groups = ofType('openstack_containerinfra_nodegroup_v1')
      .filter((g) => ref(g.stack, g.attrs.cluster_id) === `${c.stack}/${c.address}`)
      .map((g): NodeGroupModel => {
        const fl = flavorByAddr.get(ref(g.stack, g.attrs.flavor_id) ?? '');
        const ng: NodeGroupModel = {
          name: String(g.attrs.name ?? g.id),
          flavor: fl?.name,
          nodeCount: Number(g.attrs.node_count ?? 1),
          minNodes: g.attrs.min_node_count,
          maxNodes: g.attrs.max_node_count,
          gpusPerNode: 0,
          attachment: fl?.attachment ?? 'none',
          gpuModel: fl?.gpuModel,
        };
        return { ...ng, gpusPerNode: fl?.gpus ?? 0 };
      })
      .sort((a, b) => cmp(a.name, b.name));
    const name = String(c.attrs.name ?? c.id);
    return { stack: c.stack, address, name, tenant: tenantOf(c), masters: Number(c.attrs.master_count ?? 1), nodeGroups: groups };
  });

  // --- Kubernetes ------------------------------------------------------------------------------------------------
  const objects = kubernetesObjects(input);
  const migLayouts: MigLayoutModel[] = [];
  for (const o of objects.filter((x) => x.doc.kind === 'ConfigMap')) {
    for (const text of Object.values(o.doc.data ?? {})) {
      if (typeof text !== 'string' || !text.includes('mig-configs')) continue;
      let parsed: any;
      try {
        parsed = YAML.parse(text);
      } catch {
        continue;
      }
      for (const [configName, entries] of Object.entries(parsed?.['mig-configs'] ?? {})) {
        const slices: { [p: string]: number } = {};
        for (const e of (entries as any[]) ?? []) {
          if (e?.['mig-enabled'] !== true) continue;
          for (const [p, n] of Object.entries(e['mig-devices'] ?? {})) slices[p] = (slices[p] ?? 0) + Number(n);
        }
        if (Object.keys(slices).length) migLayouts.push({ source: `${o.doc.metadata?.namespace ?? ''}/${o.doc.metadata?.name}`, configName, slicesPerGpu: slices });
      }
    }
  }
  const kueueQuotas: KueueQuotaModel[] = [];
  // the tenant of a namespace: its ai-factory.dev/tenant label, else a project of the same name; any other namespace
  // (a gateway's, a system one) is no tenant's
  const labelledNamespace = new Map<string, string>();
  for (const o of objects.filter((x) => x.doc.kind === 'Namespace' && x.doc.metadata?.labels?.['ai-factory.dev/tenant'])) {
    labelledNamespace.set(String(o.doc.metadata.name), String(o.doc.metadata.labels['ai-factory.dev/tenant']));
  }
  const tenantOfNamespace = (ns: unknown): string | undefined =>
    labelledNamespace.get(String(ns)) ?? (tenants.has(String(ns)) ? String(ns) : undefined);
  const namespaceTenant = new Map<string, string>();
  for (const o of objects.filter((x) => x.doc.kind === 'Namespace')) {
    namespaceTenant.set(String(o.doc.metadata?.name), String(o.doc.metadata?.labels?.['ai-factory.dev/tenant'] ?? o.doc.metadata?.name));
  }
  const queueTenant = (sel: any): string | undefined => {
    const names: string[] = [];
    const byLabel = sel?.matchLabels?.['kubernetes.io/metadata.name'];
    if (byLabel) names.push(String(byLabel));
    for (const e of sel?.matchExpressions ?? []) {
      if (e.key === 'kubernetes.io/metadata.name' && e.operator === 'In') names.push(...(e.values ?? []).map(String));
    }
    const tenantsOf = [...new Set(names.map((n) => namespaceTenant.get(n) ?? n))].sort(cmp);
    return tenantsOf.length ? tenantsOf.join(', ') : undefined;
  };
  for (const o of objects.filter((x) => x.doc.kind === 'ClusterQueue' && String(x.doc.apiVersion).startsWith('kueue.x-k8s.io/'))) {
    for (const g of o.doc.spec?.resourceGroups ?? []) {
      for (const f of g.flavors ?? []) {
        for (const r of f.resources ?? []) {
          if (!isAcceleratorResource(String(r.name))) continue;
          kueueQuotas.push({
            clusterQueue: String(o.doc.metadata?.name),
            tenant: queueTenant(o.doc.spec?.namespaceSelector),
            cohort: o.doc.spec?.cohortName ?? o.doc.spec?.cohort,
            flavor: String(f.name),
            resource: String(r.name),
            nominal: quantity(r.nominalQuota),
            borrowingLimit: r.borrowingLimit === undefined ? undefined : quantity(r.borrowingLimit),
          });
        }
      }
    }
  }
  const kueueFlavors: KueueFlavorModel[] = objects
    .filter((x) => x.doc.kind === 'ResourceFlavor' && String(x.doc.apiVersion).startsWith('kueue.x-k8s.io/'))
    .map((x) => ({ name: String(x.doc.metadata?.name), nodeLabels: { ...(x.doc.spec?.nodeLabels ?? {}) } }));
  const nodeGroupLabels: { [group: string]: { [label: string]: string } } = {};
  for (const o of objects.filter((x) => x.doc.kind === 'ConfigMap')) {
    for (const text of Object.values(o.doc.data ?? {})) {
      if (typeof text !== 'string') continue;
      for (const m of text.matchAll(/^\s*configure '([^']+)' '[^']*' '[^']*' '([^']*)'\s*$/gm)) {
        const labels: { [k: string]: string } = {};
        for (const kv of m[2].split(/\s+/).filter(Boolean)) {
          const i = kv.indexOf('=');
          if (i > 0) labels[kv.slice(0, i)] = kv.slice(i + 1);
        }
        nodeGroupLabels[m[1]] = labels;
      }
    }
  }
  // the GPU of a model server's pool: its node groups' flavors (pool label on the node group), else the output's one GPU model
  const gpuNames = new Set([
    ...pools.map((p) => p.gpuModel),
    ...flavors.filter((f) => f.gpus > 0).map((f) => f.gpuModel),
    ...clusters.flatMap((c) => c.nodeGroups.map((g) => g.gpuModel)),
  ].filter((n): n is string => !!n));
  const gpuOfPool = (pool: string | undefined): string | undefined => {
    const inPool = new Set(clusters.flatMap((c) => c.nodeGroups)
      .filter((g) => pool !== undefined && g.gpuModel && Object.entries(nodeGroupLabels[g.name] ?? {}).some(([k, v]) => k.endsWith('/gpu-pool') && v === pool))
      .map((g) => g.gpuModel!));
    if (inPool.size) return inPool.size === 1 ? [...inPool][0] : undefined;
    return gpuNames.size === 1 ? [...gpuNames][0] : undefined;
  };
  const modelServers: ModelServerModel[] = [];
  for (const o of objects) {
    const d = o.doc;
    const tpl = d.kind === 'LeaderWorkerSet' ? d.spec?.leaderWorkerTemplate?.workerTemplate : ['Deployment', 'StatefulSet'].includes(d.kind) ? d.spec?.template : undefined;
    if (!tpl) continue;
    const acc: { [r: string]: number } = {};
    for (const c of tpl.spec?.containers ?? []) {
      for (const [r, v] of Object.entries({ ...(c.resources?.requests ?? {}), ...(c.resources?.limits ?? {}) })) {
        if (isAcceleratorResource(r)) acc[r] = Math.max(acc[r] ?? 0, quantity(v));
      }
    }
    if (!Object.keys(acc).length) continue;
    const pods = d.kind === 'LeaderWorkerSet' ? Number(d.spec?.leaderWorkerTemplate?.size ?? 1) : 1;
    const gpusPerPod = Object.entries(acc).filter(([r]) => isGpuResource(r)).reduce((s, [, n]) => s + n, 0);
    // a LeaderWorkerSet's leader starts vLLM with the plan's flags; its workers only join (Ray or multiprocessing)
    const planTpl = d.kind === 'LeaderWorkerSet' ? (d.spec?.leaderWorkerTemplate?.leaderTemplate ?? tpl) : tpl;
    const plan = planOf(d, planTpl);
    const pool = Object.entries(tpl.spec?.nodeSelector ?? {}).filter(([k]) => k.endsWith('/gpu-pool')).map(([, v]) => String(v))[0];
    const modelName = tpl.metadata?.labels?.['ai-factory.dev/model'] ?? d.metadata?.labels?.['ai-factory.dev/model'];
    const memory = servingMemory(modelName, plan, acc, gpusPerPod, pods, plan.gpu ?? gpuOfPool(pool));
    modelServers.push({
      source: o.source,
      kind: d.kind,
      name: String(d.metadata?.name),
      namespaceName: String(d.metadata?.namespace ?? 'default'),
      ...(tenantOfNamespace(d.metadata?.namespace) ? { tenant: tenantOfNamespace(d.metadata?.namespace) } : {}),
      replicas: d.spec?.replicas,
      podsPerReplica: pods,
      acceleratorsPerPod: acc,
      gpusPerReplica: gpusPerPod * pods,
      pool,
      plan,
      ...(memory ? { memory } : {}),
    });
  }
  modelServers.sort((a, b) => cmp(`${a.namespaceName}/${a.name}`, `${b.namespaceName}/${b.name}`));
  for (const o of objects.filter((x) => x.doc.kind === 'Namespace')) {
    const t = o.doc.metadata?.labels?.['ai-factory.dev/tenant'];
    if (t && !tenants.has(String(t))) tenant(String(t), 'kubernetes');
  }
  for (const o of objects.filter((x) => x.doc.kind === 'PersistentVolumeClaim')) {
    storage.push({ stack: '', address: k8sKey(o.doc), kind: 'pvc', name: String(o.doc.metadata?.name), tenant: o.doc.metadata?.namespace, sizeGb: gib(o.doc.spec?.resources?.requests?.storage), protected: false, access: (o.doc.spec?.accessModes ?? []).map(String) });
  }

  // --- exposure --------------------------------------------------------------------------------------------------
  const exposure: ExposureModel[] = [];
  for (const r of ofType('openstack_networking_secgroup_rule_v2')) {
    const prefix = String(r.attrs.remote_ip_prefix ?? '');
    if (r.attrs.direction !== 'ingress' || (prefix !== '0.0.0.0/0' && prefix !== '::/0')) continue;
    const sg = byAddr.get(ref(r.stack, r.attrs.security_group_id) ?? '');
    exposure.push({ stack: r.stack, address: `${r.stack}/${r.address}`, kind: 'security-rule', tenant: tenantOf(r) ?? (sg && tenantOf(sg)), detail: `security group ${sg?.attrs.name ?? r.attrs.security_group_id} allows ${ports(r.attrs)} from ${prefix}` });
  }
  for (const r of ofType('openstack_networking_router_v2')) {
    const ext = byAddr.get(ref(r.stack, r.attrs.external_network_id) ?? '');
    if (!r.attrs.external_network_id) continue;
    exposure.push({ stack: r.stack, address: `${r.stack}/${r.address}`, kind: 'router', tenant: tenantOf(r), detail: `router ${r.attrs.name ?? r.id} routes to external network ${ext?.attrs.name ?? r.attrs.external_network_id}` });
  }
  for (const o of objects) {
    const d = o.doc;
    if (d.kind === 'Gateway' && String(d.apiVersion).startsWith('gateway.networking.k8s.io/')) {
      for (const l of d.spec?.listeners ?? []) {
        exposure.push({ stack: '', address: k8sKey(d), kind: 'gateway-listener', tenant: tenantOfNamespace(d.metadata?.namespace), detail: `gateway ${d.metadata?.namespace}/${d.metadata?.name} listens on ${l.protocol} ${l.port}${l.hostname ? ` for ${l.hostname}` : ''}` });
      }
    }
    if (['HTTPRoute', 'GRPCRoute', 'AIGatewayRoute'].includes(d.kind)) {
      const parents = (d.spec?.parentRefs ?? []).map((p: any) => `${p.namespace ?? d.metadata?.namespace}/${p.name}`).join(', ');
      const backends = [...new Set((d.spec?.rules ?? []).flatMap((ru: any) => (ru.backendRefs ?? []).map((b: any) => `${b.kind ?? 'Service'} ${b.name}`)))].join(', ');
      const hosts = (d.spec?.hostnames ?? []).join(', ');
      exposure.push({ stack: '', address: k8sKey(d), kind: 'http-route', tenant: tenantOfNamespace(d.metadata?.namespace), detail: `${d.kind} ${d.metadata?.namespace}/${d.metadata?.name}${hosts ? ` (${hosts})` : ''} on ${parents || 'no gateway'} to ${backends || 'no backend'}` });
    }
    if (d.kind === 'Service' && d.spec?.type === 'LoadBalancer') {
      const p = (d.spec?.ports ?? []).map((x: any) => `${x.protocol ?? 'TCP'} ${x.port}`).join(', ');
      exposure.push({ stack: '', address: k8sKey(d), kind: 'load-balancer', tenant: tenantOfNamespace(d.metadata?.namespace), detail: `service ${d.metadata?.namespace}/${d.metadata?.name} is a load balancer on ${p}` });
    }
  }
  exposure.sort((a, b) => cmp(a.address, b.address));

  // --- stateful, moved, addresses --------------------------------------------------------------------------------
  const stateful: StatefulModel[] = resources
    .filter((r) => STATEFUL_TYPES[r.resourceType])
    .map((r) => {
      const { ['//']: _meta, depends_on: _deps, ...attrs } = r.attrs ?? {};
      void _meta;
      void _deps;
      return { stack: r.stack, address: `${r.stack}/${r.address}`, resourceType: r.resourceType, kind: STATEFUL_TYPES[r.resourceType], name: String(r.attrs.name ?? r.id), tenant: r.resourceType === 'openstack_identity_project_v3' ? String(r.attrs.name) : tenantOf(r), attrs };
    });
  const moved: MovedModel[] = [];
  for (const s of input.stacks) {
    for (const m of (s.json?.moved ?? []) as any[]) moved.push({ stack: s.stack, from: String(m.from), to: String(m.to) });
  }

  return {
    stacks: input.stacks.map((s) => s.stack).sort(cmp),
    flavors: flavors.sort((a, b) => cmp(a.name, b.name)),
    pools,
    tenants: [...tenants.values()]
      .map((t) => ({
        name: t.name,
        origin: t.origin,
        address: t.address,
        limits: sortKeys(t.limits),
        quotas: sortKeys(t.quotas),
        flavors: [...t.flavors].sort(cmp),
      }))
      .sort((a, b) => cmp(a.name, b.name)),
    networks: networks.sort((a, b) => cmp(a.address, b.address)),
    rbac,
    storage: storage.sort((a, b) => cmp(a.address, b.address)),
    clusters,
    migLayouts,
    kueueQuotas,
    kueueFlavors,
    nodeGroupLabels,
    modelServers,
    exposure,
    stateful,
    moved,
    addresses: [...resources.map((r) => `${r.stack}/${r.address}`), ...objects.map((o) => k8sKey(o.doc))].sort(cmp),
  };
}

/** GPUs of a flavor from its extra specs (and, for bare metal, its description: the pool's server says how many). */
function gpuOfFlavor(specs: { [k: string]: string }, description: string): Pick<FlavorModel, 'gpus' | 'attachment' | 'gpuModel' | 'migProfile' | 'gpuResourceClass' | 'gpuUnits'> {
  const alias = specs['pci_passthrough:alias'];
  if (alias) {
    // `<alias>:<count>[,<alias>:<count>]`
    let gpus = 0;
    const names: string[] = [];
    for (const part of alias.split(',')) {
      const [name, count] = part.split(':');
      gpus += Number(count ?? 1);
      names.push(name);
    }
    const model = catalogGpus().find((g) => g.name === names[0]);
    return { gpus, attachment: 'passthrough', gpuModel: model?.displayName ?? names[0], gpuResourceClass: model ? `CUSTOM_PCI_${model.vendor.toUpperCase()}_${model.pciProductId.toUpperCase()}` : undefined, gpuUnits: gpus };
  }
  if (specs['resources:VGPU']) {
    const n = Number(specs['resources:VGPU']);
    const migTrait = Object.keys(specs).find((k) => /^trait:CUSTOM_MIG_/.test(k) && specs[k] === 'required');
    const mig = migTrait ? migTrait.replace(/^trait:CUSTOM_MIG_/, '').toLowerCase().replace(/^(\d+g)_/, '$1.') : undefined;
    return { gpus: n, attachment: mig ? 'mig-vgpu' : 'vgpu', migProfile: mig, gpuModel: gpuNameIn(description), gpuResourceClass: 'VGPU', gpuUnits: n };
  }
  const custom = Object.keys(specs).filter((k) => /^resources:CUSTOM_/.test(k) && Number(specs[k]) > 0);
  if (custom.length) {
    const rc = custom[0].replace(/^resources:/, '');
    // the bare-metal flavor says what one server of its resource class holds: `..., N× <GPU>, resource class ...`
    // (the CPUs are written the same way, `2× Xeon ...`: prefer a GPU model of the catalog, else the last count)
    const counts = [...description.matchAll(/(\d+)× ([^,()]+)/g)].map((m) => ({ n: Number(m[1]), name: m[2].trim() }));
    const m = counts.find((c) => catalogGpus().some((g) => g.displayName === c.name)) ?? counts[counts.length - 1];
    return { gpus: m?.n ?? 0, attachment: 'baremetal', gpuModel: m?.name, gpuResourceClass: rc, gpuUnits: Number(specs[custom[0]]) };
  }
  return { gpus: 0, attachment: 'none', gpuUnits: 0 };
}

function gpuNameIn(description: string): string | undefined {
  return catalogGpus().find((g) => description.includes(g.displayName))?.displayName;
}

/** Every GPU model of the catalog (the static fields of `GpuModel`). */
export function catalogGpus(): GpuModel[] {
  return Object.values(GpuModel).filter((v): v is GpuModel => v instanceof GpuModel);
}

/** Every server profile of the catalog (the static fields of `ServerProfile`). */
export function catalogProfiles(): ServerProfile[] {
  return Object.values(ServerProfile).filter((v): v is ServerProfile => v instanceof ServerProfile);
}

/** Whole GPUs, MIG slices or other accelerators a pod can request (device-plugin resources). */
export function isAcceleratorResource(name: string): boolean {
  return /^(nvidia\.com|amd\.com|gpu\.intel\.com)\//.test(name);
}

/** Whole GPUs (not MIG slices, not shared replicas). */
export function isGpuResource(name: string): boolean {
  return name === 'nvidia.com/gpu' || name === 'amd.com/gpu' || name === 'gpu.intel.com/i915' || name === 'gpu.intel.com/xe';
}

/** A Kubernetes quantity as a number (plain integers, the only form accelerators take; `k`/`Ki`.. scaled). */
function quantity(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+(?:\.\d+)?)([KMGTP]i?|k|m)?$/.exec(String(v ?? '').trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const scale: { [u: string]: number } = { '': 1, 'm': 0.001, 'k': 1e3, 'K': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50 };
  return n * scale[unit];
}

function gib(v: unknown): number | undefined {
  const n = quantity(v);
  return n ? Math.round((n / 2 ** 30) * 100) / 100 : undefined;
}

const PLAN_PREFIX = 'ai-factory.dev/';

/** The key of a plan annotation (a `ServingPlanAnnotations` name) in {@link ModelServerModel.plan}: without its prefix. */
export function planKey(annotation: string): string {
  return annotation.startsWith(PLAN_PREFIX) ? annotation.slice(PLAN_PREFIX.length) : annotation;
}

/** The serving plan: `ai-factory.dev/*` annotations, the model and the flags of the serving container that shape it. */
function planOf(d: any, tpl: any): { [k: string]: string } {
  const plan: { [k: string]: string } = {};
  for (const src of [d.metadata?.annotations ?? {}, tpl.metadata?.annotations ?? {}]) {
    for (const [k, v] of Object.entries(src)) if (k.startsWith(PLAN_PREFIX)) plan[planKey(k)] = String(v);
  }
  const c = (tpl.spec?.containers ?? []).find((x: any) =>
    Object.keys({ ...x.resources?.limits, ...x.resources?.requests }).some(isAcceleratorResource));
  const argv: string[] = [...(c?.command ?? []), ...(c?.args ?? [])].map(String).flatMap((a) => (a.includes(' --') ? a.split(/\s+/) : [a]));
  const keys = ['model', 'tensor-parallel-size', 'pipeline-parallel-size', 'data-parallel-size', 'max-model-len', 'gpu-memory-utilization', 'max-num-seqs', 'quantization', 'kv-cache-dtype', 'enable-expert-parallel'];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !keys.includes(m[1])) continue;
    plan[m[1]] = m[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : 'true');
  }
  // `vllm serve <model>`, alone or at the end of a shell line (a multi-node leader starts Ray first)
  const serve = argv.findIndex((a, i) => a === 'vllm' && argv[i + 1] === 'serve');
  if (!plan.model && serve >= 0 && argv[serve + 2] && !argv[serve + 2].startsWith('--')) plan.model = argv[serve + 2];
  return sortKeys(plan);
}

/**
 * The GPU memory of a serving plan, by the same planner the serving constructs size with (`ServingPlanner`), pinned
 * to the layout the output starts vLLM with; only the weights when the GPU is unknown.
 */
function servingMemory(
  modelName: unknown, plan: { [k: string]: string }, acc: { [r: string]: number }, gpusPerPod: number, pods: number, gpuName: string | undefined,
): ServingMemoryModel | undefined {
  const model = LlmModel.all().find((m) => m.name === modelName);
  if (!model || gpusPerPod < 1) return undefined;
  const int = (k: string) => (plan[k] !== undefined && /^\d+$/.test(plan[k]) ? Number(plan[k]) : undefined);
  const tp = int('tensor-parallel-size') ?? gpusPerPod;
  const pp = int('pipeline-parallel-size') ?? 1;
  const weightFormat = plan.quantization === 'fp8' ? NumericFormat.FP8 : model.nativeFormat;
  const kvCacheFormat = plan['kv-cache-dtype']?.startsWith('fp8') ? NumericFormat.FP8 : undefined;
  const weightsPerGpuGb = Math.round((model.weightsGb(weightFormat) / (tp * pp)) * 100) / 100;
  const gpu = gpuName ? GpuModel.all().find((g) => g.displayName === gpuName) : undefined;
  if (!gpu) return { model: model.name, weightsPerGpuGb };
  const mig = Object.keys(acc).map((r) => /^nvidia\.com\/mig-(.+)$/.exec(r)?.[1]).find((x) => x);
  const util = plan['gpu-memory-utilization'] !== undefined ? Number(plan['gpu-memory-utilization']) : undefined;
  try {
    const p = ServingPlanner.plan({
      model,
      gpu,
      gpusPerNode: gpusPerPod,
      maxNodesPerReplica: pods,
      tensorParallelSize: tp,
      pipelineParallelSize: pp,
      maxModelLen: int('max-model-len'),
      gpuMemoryUtilization: util,
      weightFormat,
      kvCacheFormat,
      migProfile: mig,
    });
    return {
      model: model.name,
      weightsPerGpuGb: p.weightsPerGpuGb,
      gpu: gpu.displayName,
      gpuMemoryGb: p.gpuMemoryGb,
      kvCachePerGpuGb: p.kvCachePerGpuGb,
      maxConcurrentSequences: p.maxConcurrentSequences,
    };
  } catch (e) {
    return { model: model.name, weightsPerGpuGb, gpu: gpu.displayName, problem: (e as Error).message };
  }
}

function ports(a: any): string {
  const proto = a.protocol ? String(a.protocol).toUpperCase() : 'all protocols';
  if (a.port_range_min === undefined && a.port_range_max === undefined) return a.protocol ? `${proto} (all ports)` : 'all traffic';
  return a.port_range_min === a.port_range_max ? `${proto} ${a.port_range_min}` : `${proto} ${a.port_range_min}-${a.port_range_max}`;
}

function sortKeys<T>(o: { [k: string]: T }): { [k: string]: T } {
  const out: { [k: string]: T } = {};
  for (const k of Object.keys(o).sort(cmp)) out[k] = o[k];
  return out;
}
