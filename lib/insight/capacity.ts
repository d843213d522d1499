// Capacity: GPUs and MIG slices per pool and tenant, allocated vs free, quota headroom, and what no one can use.
// Pure numbers over the model (capacityOf) and one Markdown rendering of them (capacityReport).
import { cmp } from './documents';
import { FactoryModel, NodeGroupModel, PoolModel, planKey } from './model';
import { ServingPlanAnnotations as A } from '../models/serving-plan';

export interface PoolCapacity {
  readonly pool: string;
  readonly gpuModel?: string;
  readonly servers: number;
  readonly gpusPerServer: number;
  readonly gpus: number;
  /** GPUs tenants may take: their `class:<placement class>` limits (servers) × GPUs per server. */
  readonly tenantQuotaGpus: number;
  /** GPUs in cluster node groups built from the pool's flavors. */
  readonly clusterGpus: number;
  /** GPUs of servers the operator keeps (`ironic_allocation`). */
  readonly operatorGpus: number;
  /** GPUs counted once: per tenant the larger of its quota and its clusters, plus the operator's. */
  readonly allocatedGpus: number;
  readonly freeGpus: number;
}

export interface TenantGpuQuota {
  readonly tenant: string;
  /** The Keystone limit's resource, e.g. `class:CUSTOM_PCI_10DE_2335`. */
  readonly resource: string;
  /** What one unit is: `GPU`, `vGPU`, or `server (N GPUs)`. */
  readonly unit: string;
  readonly limit: number;
  /** The limit in GPUs (units × GPUs per unit). */
  readonly limitGpus: number;
  /** Units this output already places (cluster node groups of the tenant). */
  readonly used: number;
  readonly headroom: number;
}

export interface TenantClusterGpus {
  readonly tenant: string;
  readonly cluster: string;
  readonly nodeGroup: string;
  readonly flavor?: string;
  readonly nodes: number;
  readonly gpusPerNode: number;
  readonly gpus: number;
  readonly gpuModel?: string;
}

export interface MigCapacity {
  readonly nodeGroup: string;
  readonly layout: string;
  readonly profile: string;
  /** Slices the node group's GPUs expose: nodes × GPUs per node × slices per GPU. */
  readonly slices: number;
  /** Slices Kueue ClusterQueues hand out on flavors that select this node group. */
  readonly quota: number;
  readonly free: number;
}

export interface CapacitySummary {
  readonly pools: PoolCapacity[];
  readonly tenantQuotas: TenantGpuQuota[];
  readonly tenantClusters: TenantClusterGpus[];
  readonly mig: MigCapacity[];
  /** Findings in words: stranded capacity, oversubscription, flavors no one can use. */
  readonly findings: string[];
}

/** Computes the capacity numbers of a model. */
export function capacityOf(model: FactoryModel): CapacitySummary {
  const poolByClass = new Map(model.pools.map((p) => [p.placementClass, p]));
  const flavorByName = new Map(model.flavors.map((f) => [f.name, f]));
  const findings: string[] = [];

  const tenantClusters: TenantClusterGpus[] = model.clusters.flatMap((c) =>
    c.nodeGroups
      .filter((g) => g.gpusPerNode > 0)
      .map((g) => ({ tenant: c.tenant ?? '(unknown)', cluster: c.name, nodeGroup: g.name, flavor: g.flavor, nodes: g.nodeCount, gpusPerNode: g.gpusPerNode, gpus: g.nodeCount * g.gpusPerNode, gpuModel: g.gpuModel })),
  );
  const unitsUsed = (tenant: string, resourceClass: string) =>
    model.clusters
      .filter((c) => c.tenant === tenant)
      .flatMap((c) => c.nodeGroups)
      .reduce((s, g) => {
        const f = g.flavor ? flavorByName.get(g.flavor) : undefined;
        return f?.gpuResourceClass === resourceClass ? s + f.gpuUnits * g.nodeCount : s;
      }, 0);

  const tenantQuotas: TenantGpuQuota[] = [];
  for (const t of model.tenants) {
    for (const [resource, limit] of Object.entries(t.limits)) {
      const rc = resource.replace(/^class:/, '');
      const pool = poolByClass.get(rc);
      const gpuFlavor = model.flavors.find((f) => f.gpuResourceClass === rc && f.attachment !== 'baremetal');
      if (!pool && !gpuFlavor && rc !== 'VGPU') continue;
      const perUnit = pool ? pool.gpusPerServer : 1;
      const unit = pool ? `server (${pool.gpusPerServer} GPUs)` : rc === 'VGPU' ? 'vGPU' : 'GPU';
      const used = unitsUsed(t.name, rc);
      tenantQuotas.push({ tenant: t.name, resource, unit, limit, limitGpus: limit * perUnit, used, headroom: limit - used });
      if (used > limit) findings.push(`tenant ${t.name} places ${used} ${unit} of ${resource} in its clusters but its limit is ${limit}: Nova will refuse the servers beyond it`);
    }
  }

  const pools: PoolCapacity[] = model.pools.map((p) => poolCapacity(model, p, tenantQuotas, tenantClusters));
  for (const p of pools) {
    if (p.freeGpus < 0) findings.push(`pool ${p.pool} is oversubscribed: ${p.allocatedGpus} GPUs allocated, ${p.gpus} installed`);
  }
  for (const p of model.pools) {
    const cap = pools.find((x) => x.pool === p.resourceClass)!;
    const kept = p.operatorAllocations.length;
    if (!p.flavors.length && p.servers.length > kept) {
      const n = p.servers.length - kept;
      findings.push(`stranded: ${n} of ${p.servers.length} servers of pool ${p.resourceClass} (${n * p.gpusPerServer} GPUs) have no bare-metal flavor and no allocation, so nothing can use them`);
    } else if (p.flavors.length && cap.freeGpus > 0) {
      findings.push(`pool ${p.resourceClass}: ${cap.freeGpus} of ${cap.gpus} GPUs are in no tenant's quota or cluster`);
    }
    if (p.gpuSource === 'unknown') findings.push(`pool ${p.resourceClass}: GPUs per server unknown (no bare-metal flavor describes it and no catalog server profile matches)`);
  }
  for (const f of model.flavors) {
    if (f.gpus > 0 && !f.isPublic && !f.tenants.length) findings.push(`flavor ${f.name} (${f.gpus}× ${f.gpuModel ?? 'GPU'}) is private and no tenant has access to it`);
  }

  const mig = migCapacity(model);
  for (const m of mig) {
    if (m.quota === 0) findings.push(`stranded: MIG layout ${m.layout} on node group ${m.nodeGroup} makes ${m.slices} ${m.profile} slices no Kueue quota hands out`);
    else if (m.free < 0) findings.push(`oversubscribed: Kueue hands out ${m.quota} ${m.profile} slices on node group ${m.nodeGroup}, which has ${m.slices}`);
    else if (m.free > 0) findings.push(`stranded: ${m.free} of ${m.slices} ${m.profile} slices on node group ${m.nodeGroup} are in no Kueue quota`);
  }
  for (const g of gpuGroups(model)) {
    const quota = kueueQuotaOn(model, g.labels, 'nvidia.com/gpu');
    const gpus = g.group.nodeCount * g.group.gpusPerNode;
    if (quota > gpus) findings.push(`oversubscribed: Kueue hands out ${quota} nvidia.com/gpu on node group ${g.group.name}, which has ${gpus} GPUs`);
  }
  for (const s of model.modelServers) {
    if (s.memory?.problem) findings.push(`model server ${s.namespaceName}/${s.name} does not fit its ${s.memory.gpu}: ${s.memory.problem}`);
  }
  return { pools, tenantQuotas, tenantClusters, mig, findings };
}

function poolCapacity(model: FactoryModel, p: PoolModel, quotas: TenantGpuQuota[], clusters: TenantClusterGpus[]): PoolCapacity {
  const gpus = p.servers.length * p.gpusPerServer;
  const resource = `class:${p.placementClass}`;
  const tenants = new Set<string>();
  let allocated = 0;
  let quotaGpus = 0;
  let clusterGpus = 0;
  for (const q of quotas.filter((x) => x.resource === resource)) tenants.add(q.tenant);
  const poolClusters = clusters.filter((c) => c.flavor && p.flavors.includes(c.flavor));
  for (const c of poolClusters) tenants.add(c.tenant);
  for (const t of tenants) {
    const q = quotas.filter((x) => x.resource === resource && x.tenant === t).reduce((s, x) => s + x.limitGpus, 0);
    const c = poolClusters.filter((x) => x.tenant === t).reduce((s, x) => s + x.gpus, 0);
    quotaGpus += q;
    clusterGpus += c;
    allocated += Math.max(q, c);
  }
  const operatorGpus = p.operatorAllocations.length * p.gpusPerServer;
  allocated += operatorGpus;
  void model;
  return {
    pool: p.resourceClass,
    gpuModel: p.gpuModel,
    servers: p.servers.length,
    gpusPerServer: p.gpusPerServer,
    gpus,
    tenantQuotaGpus: quotaGpus,
    clusterGpus,
    operatorGpus,
    allocatedGpus: allocated,
    freeGpus: gpus - allocated,
  };
}

/** Node groups with GPUs and the Kubernetes labels their nodes get. */
function gpuGroups(model: FactoryModel): { group: NodeGroupModel; labels: { [k: string]: string } }[] {
  return model.clusters
    .flatMap((c) => c.nodeGroups)
    .filter((g) => g.gpusPerNode > 0)
    .map((g) => ({ group: g, labels: model.nodeGroupLabels[g.name] ?? {} }));
}

/** Kueue nominal quota of one resource on flavors whose node labels all match the given node labels. */
function kueueQuotaOn(model: FactoryModel, labels: { [k: string]: string }, resource: string): number {
  const flavors = new Set(
    model.kueueFlavors
      .filter((f) => Object.keys(f.nodeLabels).length > 0 && Object.entries(f.nodeLabels).every(([k, v]) => labels[k] === v))
      .map((f) => f.name),
  );
  return model.kueueQuotas.filter((q) => q.resource === resource && flavors.has(q.flavor)).reduce((s, q) => s + q.nominal, 0);
}

function migCapacity(model: FactoryModel): MigCapacity[] {
  const out: MigCapacity[] = [];
  for (const g of gpuGroups(model)) {
    const layoutName = g.labels['nvidia.com/mig.config'];
    const layout = model.migLayouts.find((l) => l.configName === layoutName);
    if (!layout) continue;
    for (const [profile, perGpu] of Object.entries(layout.slicesPerGpu).sort(([a], [b]) => cmp(a, b))) {
      const slices = g.group.nodeCount * g.group.gpusPerNode * perGpu;
      const quota = kueueQuotaOn(model, g.labels, `nvidia.com/mig-${profile}`);
      out.push({ nodeGroup: g.group.name, layout: layout.configName, profile, slices, quota, free: slices - quota });
    }
  }
  return out;
}

/** The capacity report, Markdown. `title` names the factory (e.g. the example). */

/** Plan annotations the capacity report shows in the GPU memory table or its GPU columns instead of the plan column. */
const MEMORY_KEYS = new Set([
  A.GPUS_PER_REPLICA, A.GPU, A.GPU_MEMORY_GB, A.USABLE_MEMORY_PER_GPU_GB, A.WEIGHTS_PER_GPU_GB, A.KV_CACHE_PER_GPU_GB,
  A.KV_CACHE_TOKENS, A.MAX_CONCURRENT_SEQUENCES, A.NODES_PER_REPLICA,
].map(planKey));
/** Parallelism degrees left out of the plan column when they are 1 (no parallelism of that kind). */
const PARALLEL_KEYS = new Set([A.DATA_PARALLEL_SIZE, A.EXPERT_PARALLEL_SIZE, A.PIPELINE_PARALLEL_SIZE].map(planKey));

export function capacityReport(model: FactoryModel, title: string): string {
  const c = capacityOf(model);
  const lines: string[] = [`# Capacity of ${title}`, ''];
  const total = c.pools.reduce((s, p) => s + p.gpus, 0);
  const clusterTotal = c.tenantClusters.reduce((s, x) => s + x.gpus, 0);
  lines.push(`${model.pools.reduce((s, p) => s + p.servers.length, 0)} bare-metal servers with ${total} GPUs in ${c.pools.length} pool(s); ${model.tenants.length} tenant(s); ${clusterTotal} GPUs in cluster node groups; ${model.modelServers.length} model server(s).`, '');

  if (c.pools.length) {
    lines.push('## Bare-metal pools', '', '| pool (resource class) | GPU | servers | GPUs | tenant quotas | in clusters | operator-kept | allocated | free |', '|---|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const p of c.pools) {
      lines.push(`| ${p.pool} | ${p.gpusPerServer}× ${p.gpuModel ?? '?'} | ${p.servers} | ${p.gpus} | ${p.tenantQuotaGpus} | ${p.clusterGpus} | ${p.operatorGpus} | ${p.allocatedGpus} | ${p.freeGpus} |`);
    }
    lines.push('');
  }
  const gpuFlavors = model.flavors.filter((f) => f.gpus > 0);
  if (gpuFlavors.length) {
    lines.push('## GPU flavors', '', '| flavor | GPUs | attachment | GPU | quota unit | vCPUs | RAM GiB | tenants |', '|---|--:|---|---|---|--:|--:|---|');
    for (const f of gpuFlavors) {
      const kind = f.migProfile ? `${f.attachment} ${f.migProfile}` : f.attachment;
      lines.push(`| ${f.name} | ${f.gpus} | ${kind} | ${f.gpuModel ?? '?'} | ${f.gpuResourceClass ? `${f.gpuUnits}× ${f.gpuResourceClass}` : '-'} | ${f.vcpus} | ${Math.round(f.ramMb / 1024)} | ${f.isPublic ? 'public' : f.tenants.join(', ') || 'none'} |`);
    }
    lines.push('');
  }
  if (c.tenantQuotas.length || c.tenantClusters.length) {
    lines.push('## Tenants', '');
    if (c.tenantQuotas.length) {
      lines.push('| tenant | GPU limit | unit | limit | = GPUs | placed here | headroom |', '|---|---|---|--:|--:|--:|--:|');
      for (const q of c.tenantQuotas) lines.push(`| ${q.tenant} | ${q.resource} | ${q.unit} | ${q.limit} | ${q.limitGpus} | ${q.used} | ${q.headroom} |`);
      lines.push('');
      const servers = model.tenants.filter((t) => t.limits.servers !== undefined);
      if (servers.length) {
        lines.push('| tenant | servers | PCPU | VCPU | RAM GiB | flavors |', '|---|--:|--:|--:|--:|---|');
        for (const t of servers) {
          const l = t.limits;
          lines.push(`| ${t.name} | ${l.servers} | ${l['class:PCPU'] ?? '-'} | ${l['class:VCPU'] ?? '-'} | ${l['class:MEMORY_MB'] === undefined ? '-' : Math.round(l['class:MEMORY_MB'] / 1024)} | ${t.flavors.join(', ') || '-'} |`);
        }
        lines.push('');
      }
    }
    if (c.tenantClusters.length) {
      lines.push('| tenant | cluster | node group | flavor | nodes | GPUs per node | GPUs |', '|---|---|---|---|--:|--:|--:|');
      for (const x of c.tenantClusters) lines.push(`| ${x.tenant} | ${x.cluster} | ${x.nodeGroup} | ${x.flavor ?? '-'} | ${x.nodes} | ${x.gpusPerNode} | ${x.gpus} |`);
      lines.push('');
    }
  }
  if (model.kueueQuotas.length) {
    lines.push('## Kubernetes GPU quotas (Kueue)', '', '| tenant | cluster queue | flavor | resource | nominal | borrowing limit |', '|---|---|---|---|--:|--:|');
    for (const q of model.kueueQuotas) lines.push(`| ${q.tenant ?? '-'} | ${q.clusterQueue} | ${q.flavor} | ${q.resource} | ${q.nominal} | ${q.borrowingLimit ?? '-'} |`);
    lines.push('');
  }
  if (c.mig.length) {
    lines.push('## MIG slices', '', '| node group | layout | profile | slices | in quotas | free |', '|---|---|---|--:|--:|--:|');
    for (const m of c.mig) lines.push(`| ${m.nodeGroup} | ${m.layout} | ${m.profile} | ${m.slices} | ${m.quota} | ${m.free} |`);
    lines.push('');
  }
  if (model.modelServers.length) {
    lines.push('## Model servers', '', '| model server | kind | pool | replicas | GPUs per replica | GPUs | plan |', '|---|---|---|--:|--:|--:|---|');
    for (const s of model.modelServers) {
      // the layout and its inputs; the memory figures have their own table below, the GPU count its own columns
      const plan = Object.entries(s.plan).filter(([k, v]) => !MEMORY_KEYS.has(k) && !(PARALLEL_KEYS.has(k) && v === '1'))
        .map(([k, v]) => `${k}=${v}`).join(', ');
      const gpus = s.replicas === undefined ? 'autoscaled' : String(s.replicas * s.gpusPerReplica);
      lines.push(`| ${s.namespaceName}/${s.name} | ${s.kind} | ${s.pool ?? '-'} | ${s.replicas ?? 'autoscaled'} | ${s.gpusPerReplica} | ${gpus} | ${plan.replace(/\|/g, '\\|') || '-'} |`);
    }
    lines.push('');
  }
  const planned = model.modelServers.filter((s) => s.memory);
  if (planned.length) {
    lines.push(
      '## GPU memory per model plan', '',
      'What each GPU holds, by the serving planner pinned to the flags vLLM starts with; the KV cache is the usable memory (× `--gpu-memory-utilization`) less weights and activation reserve.', '',
      '| model server | model | GPU | GB per GPU | weights per GPU GB | KV cache per GPU GB | sequences at max-model-len |',
      '|---|---|---|--:|--:|--:|--:|',
    );
    for (const s of planned) {
      const m = s.memory!;
      const kv = m.problem ? 'does not fit' : m.kvCachePerGpuGb ?? '-';
      lines.push(`| ${s.namespaceName}/${s.name} | ${m.model} | ${m.gpu ?? 'not in this output'} | ${m.gpuMemoryGb ?? '-'} | ${m.weightsPerGpuGb} | ${kv} | ${m.problem ? 0 : m.maxConcurrentSequences ?? '-'} |`);
    }
    lines.push('');
  }
  lines.push('## Findings', '');
  if (c.findings.length) for (const f of c.findings) lines.push(`- ${f}`);
  else lines.push('- none: every GPU is in a quota or a cluster, and every MIG slice in a quota');
  lines.push('');
  return lines.join('\n');
}
