// The pull-request review aid: what a change to the factory does, in capacity, tenancy and exposure rather than in
// resources. Compares two models built from two syntheses (before and after) and writes Markdown for a PR comment.
import { capacityOf } from './capacity';
import { cmp } from './documents';
import { FactoryModel, ModelServerModel, planKey } from './model';
import { ServingPlanAnnotations as A } from '../models/serving-plan';

/**
 * Arguments that make Terraform replace a stateful resource instead of updating it ("Changing this creates a new
 * ..."), per terraform-provider-openstack docs/resources/<resource>.md (main): sharedfilesystem_share_v2 (`region`,
 * `share_proto`, `snapshot_id`, `share_network_id`, `availability_zone`), blockstorage_volume_v3 (`region`,
 * `availability_zone`, `snapshot_id`, `source_vol_id`, `image_id`, `backup_id`), objectstorage_container_v1 (`name`,
 * `region`), identity_project_v3 (`domain_id`, `parent_id`, `is_domain`, `region`).
 */
export const REPLACING_ATTRIBUTES: { [type: string]: string[] } = {
  openstack_sharedfilesystem_share_v2: ['region', 'share_proto', 'snapshot_id', 'share_network_id', 'availability_zone'],
  openstack_blockstorage_volume_v3: ['region', 'availability_zone', 'snapshot_id', 'source_vol_id', 'image_id', 'backup_id'],
  openstack_objectstorage_container_v1: ['region', 'name'],
  openstack_identity_project_v3: ['region', 'domain_id', 'parent_id', 'is_domain'],
};

/** One stateful resource a change destroys or replaces. */
export interface DestructiveChange {
  readonly address: string;
  readonly kind: string;
  readonly name: string;
  /** Why: the address is gone (and no `moved` block accounts for it), or an argument that forces replacement changed. */
  readonly reason: string;
}

export interface ReviewResult {
  /** The Markdown comment. */
  readonly markdown: string;
  readonly destructive: DestructiveChange[];
  /** Every change line, in order (what the Markdown lists under its headings). */
  readonly lines: string[];
}

/** Compares two syntheses. */
export function review(before: FactoryModel, after: FactoryModel): ReviewResult {
  const sections: { title: string; lines: string[] }[] = [
    { title: 'GPUs', lines: gpuChanges(before, after) },
    { title: 'Quotas', lines: quotaChanges(before, after) },
    { title: 'Exposure', lines: exposureChanges(before, after) },
    { title: 'Stateful resources destroyed or replaced', lines: [] },
    { title: 'Model plans', lines: modelChanges(before, after) },
  ];
  const destructive = destructiveChanges(before, after);
  sections[3].lines = destructive.map((d) => `- **${d.kind} ${d.name}** (\`${d.address}\`): ${d.reason}`);

  const out: string[] = ['## Factory review', ''];
  const changed = sections.filter((s) => s.lines.length);
  if (!changed.length) {
    out.push('No change to GPUs, quotas, exposure, stateful resources or model plans.', '');
  } else {
    if (destructive.length) out.push(`> **${destructive.length} stateful resource(s) destroyed or replaced.** Data in them is lost unless it is moved first.`, '');
    for (const s of changed) out.push(`### ${s.title}`, '', ...s.lines, '');
  }
  return { markdown: out.join('\n'), destructive, lines: changed.flatMap((s) => s.lines) };
}

function delta(a: number, b: number): string {
  const d = b - a;
  return d > 0 ? `+${d}` : String(d);
}

function gpuChanges(before: FactoryModel, after: FactoryModel): string[] {
  const lines: string[] = [];
  const cb = capacityOf(before);
  const ca = capacityOf(after);
  // pools: installed GPUs and servers
  for (const pool of union(cb.pools.map((p) => p.pool), ca.pools.map((p) => p.pool))) {
    const b = cb.pools.find((p) => p.pool === pool);
    const a = ca.pools.find((p) => p.pool === pool);
    const gb = b?.gpus ?? 0;
    const ga = a?.gpus ?? 0;
    if (gb !== ga) {
      const sb = before.pools.find((p) => p.resourceClass === pool)?.servers ?? [];
      const sa = after.pools.find((p) => p.resourceClass === pool)?.servers ?? [];
      const added = sa.filter((s) => !sb.includes(s));
      const removed = sb.filter((s) => !sa.includes(s));
      const who = [...added.map((s) => `+${s}`), ...removed.map((s) => `-${s}`)].join(', ');
      lines.push(`- pool ${pool}: ${gb} → ${ga} GPUs (${delta(gb, ga)})${who ? `; servers ${who}` : ''}`);
    }
  }
  // tenants: GPU limits (in GPUs) and GPUs in their clusters
  const tq = (c: typeof cb, t: string, r: string) => c.tenantQuotas.find((q) => q.tenant === t && q.resource === r);
  for (const key of union(cb.tenantQuotas.map((q) => `${q.tenant}\u0000${q.resource}`), ca.tenantQuotas.map((q) => `${q.tenant}\u0000${q.resource}`))) {
    const [t, r] = key.split('\u0000');
    const b = tq(cb, t, r)?.limitGpus ?? 0;
    const a = tq(ca, t, r)?.limitGpus ?? 0;
    if (a !== b) lines.push(`- tenant ${t} ${a > b ? 'gains' : 'loses'} ${Math.abs(a - b)} GPUs of ${r}: ${b} → ${a}`);
  }
  const clusterGpus = (c: typeof cb, t: string) => c.tenantClusters.filter((x) => x.tenant === t).reduce((s, x) => s + x.gpus, 0);
  for (const t of union(cb.tenantClusters.map((x) => x.tenant), ca.tenantClusters.map((x) => x.tenant))) {
    const b = clusterGpus(cb, t);
    const a = clusterGpus(ca, t);
    if (a !== b) lines.push(`- tenant ${t} ${a > b ? 'gains' : 'loses'} ${Math.abs(a - b)} GPUs in its clusters: ${b} → ${a}`);
  }
  // MIG slices per node group and profile
  const mk = (m: { nodeGroup: string; profile: string }) => `${m.nodeGroup}\u0000${m.profile}`;
  for (const key of union(cb.mig.map(mk), ca.mig.map(mk))) {
    const [g, p] = key.split('\u0000');
    const b = cb.mig.find((m) => mk(m) === key)?.slices ?? 0;
    const a = ca.mig.find((m) => mk(m) === key)?.slices ?? 0;
    if (a !== b) lines.push(`- node group ${g}: ${b} → ${a} MIG ${p} slices (${delta(b, a)})`);
  }
  // Kubernetes quotas (Kueue)
  const kk = (q: { clusterQueue: string; flavor: string; resource: string }) => `${q.clusterQueue}\u0000${q.flavor}\u0000${q.resource}`;
  for (const key of union(before.kueueQuotas.map(kk), after.kueueQuotas.map(kk))) {
    const [cq, f, r] = key.split('\u0000');
    const b = before.kueueQuotas.find((q) => kk(q) === key)?.nominal ?? 0;
    const a = after.kueueQuotas.find((q) => kk(q) === key)?.nominal ?? 0;
    const tenant = (after.kueueQuotas.find((q) => kk(q) === key) ?? before.kueueQuotas.find((q) => kk(q) === key))?.tenant;
    const who = tenant ? `tenant ${tenant} (cluster queue ${cq})` : `cluster queue ${cq}`;
    if (a !== b) lines.push(`- ${who} ${a > b ? 'gains' : 'loses'} ${Math.abs(a - b)} ${r} on ${f}: ${b} → ${a}`);
  }
  // GPU flavors appearing or disappearing, and flavors given to or taken from tenants
  for (const name of union(before.flavors.filter((f) => f.gpus > 0).map((f) => f.name), after.flavors.filter((f) => f.gpus > 0).map((f) => f.name))) {
    const b = before.flavors.find((f) => f.name === name);
    const a = after.flavors.find((f) => f.name === name);
    if (!b && a) {lines.push(`- new GPU flavor ${name} (${a.gpus}× ${a.gpuModel ?? 'GPU'}, ${a.attachment})`);} else if (b && !a) {lines.push(`- GPU flavor ${name} removed`);} else if (a && b) {
      if (a.gpus !== b.gpus) lines.push(`- GPU flavor ${name}: ${b.gpus} → ${a.gpus} GPUs per server`);
      for (const t of a.tenants.filter((x) => !b.tenants.includes(x))) lines.push(`- tenant ${t} gets flavor ${name}`);
      for (const t of b.tenants.filter((x) => !a.tenants.includes(x))) lines.push(`- tenant ${t} loses flavor ${name}`);
    }
  }
  return lines;
}

function quotaChanges(before: FactoryModel, after: FactoryModel): string[] {
  const lines: string[] = [];
  for (const name of union(before.tenants.map((t) => t.name), after.tenants.map((t) => t.name))) {
    const b = before.tenants.find((t) => t.name === name);
    const a = after.tenants.find((t) => t.name === name);
    if (!b && a) {
      lines.push(`- new tenant ${name}`);
      continue;
    }
    if (b && !a) {
      lines.push(`- tenant ${name} removed`);
      continue;
    }
    const entries = (t: typeof a): { [k: string]: number } => ({
      ...t!.quotas,
      ...Object.fromEntries(Object.entries(t!.limits).filter(([k]) => !isGpuLimit(before, after, k))),
    });
    const eb = entries(b);
    const ea = entries(a);
    for (const k of union(Object.keys(eb), Object.keys(ea))) {
      if (eb[k] === ea[k]) continue;
      lines.push(`- tenant ${name}: ${k} ${eb[k] ?? 'unset'} → ${ea[k] ?? 'unset'}`);
    }
  }
  return lines;
}

/** GPU limits are reported under GPUs (in GPUs), not again under quotas. */
function isGpuLimit(before: FactoryModel, after: FactoryModel, resource: string): boolean {
  const rc = resource.replace(/^class:/, '');
  if (!resource.startsWith('class:')) return false;
  return rc === 'VGPU' || [...before.flavors, ...after.flavors].some((f) => f.gpuResourceClass === rc) || [...before.pools, ...after.pools].some((p) => p.placementClass === rc);
}

function exposureChanges(before: FactoryModel, after: FactoryModel): string[] {
  const lines: string[] = [];
  const bd = new Set(before.exposure.map((e) => `${e.address}\u0000${e.detail}`));
  const ad = new Set(after.exposure.map((e) => `${e.address}\u0000${e.detail}`));
  for (const e of after.exposure) {
    if (bd.has(`${e.address}\u0000${e.detail}`)) continue;
    const old = before.exposure.find((x) => x.address === e.address);
    const tenant = e.tenant ? ` (tenant ${e.tenant})` : '';
    if (old) lines.push(`- **changed**: ${old.detail} → ${e.detail}${tenant}`);
    else if (!before.exposure.some((x) => x.detail === e.detail && x.kind === e.kind)) lines.push(`- **new**: ${e.detail}${tenant}`);
  }
  for (const e of before.exposure) {
    if (!ad.has(`${e.address}\u0000${e.detail}`) && !after.exposure.some((x) => x.address === e.address) && !after.exposure.some((x) => x.detail === e.detail && x.kind === e.kind)) {
      lines.push(`- closed: ${e.detail}`);
    }
  }
  // sharing: RBAC and networks that become shared or external
  const rk = (r: { objectType: string; object: string; action: string; target: string }) => `${r.objectType} ${r.object} ${r.action} to ${r.target === '*' ? 'every project' : `tenant ${r.target}`}`;
  const rb = new Set(before.rbac.map(rk));
  const ra = new Set(after.rbac.map(rk));
  for (const r of [...ra].sort(cmp)) if (!rb.has(r)) lines.push(`- **new share**: ${r}`);
  for (const r of [...rb].sort(cmp)) if (!ra.has(r)) lines.push(`- share revoked: ${r}`);
  for (const n of after.networks) {
    const b = before.networks.find((x) => x.name === n.name);
    if (n.shared && !b?.shared) lines.push(`- **network ${n.name} becomes shared with every project**`);
    if (n.external && !b?.external) lines.push(`- **network ${n.name} becomes external**`);
  }
  return lines;
}

function destructiveChanges(before: FactoryModel, after: FactoryModel): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  const afterAddrs = new Set(after.stateful.map((s) => s.address));
  const afterByAddr = new Map(after.stateful.map((s) => [s.address, s]));
  const movedFrom = new Map(after.moved.map((m) => [`${m.stack}/${m.from}`, `${m.stack}/${m.to}`]));
  for (const s of before.stateful) {
    if (afterAddrs.has(s.address)) {
      const a = afterByAddr.get(s.address)!;
      const forcing = (REPLACING_ATTRIBUTES[s.resourceType] ?? []).filter((k) => JSON.stringify(s.attrs[k]) !== JSON.stringify(a.attrs[k]));
      if (forcing.length) {
        const what = forcing.map((k) => `${k} ${show(s.attrs[k])} → ${show(a.attrs[k])}`).join(', ');
        out.push({ address: s.address, kind: s.kind, name: s.name, reason: `replaced: ${what} forces a new ${s.kind}` });
      }
      continue;
    }
    const target = movedFrom.get(s.address);
    if (target && afterAddrs.has(target)) continue;
    const successor = after.stateful.find((x) => x.kind === s.kind && x.name === s.name && !before.stateful.some((y) => y.address === x.address));
    out.push({
      address: s.address,
      kind: s.kind,
      name: s.name,
      reason: successor
        ? `replaced: its address changes to \`${successor.address}\` without a \`moved\` block, so Terraform destroys it and creates an empty one`
        : 'destroyed: its address is gone and no `moved` block accounts for it',
    });
  }
  return out.sort((a, b) => cmp(a.address, b.address));
}

/** Plan annotations the review reports in their own words (GPUs per replica, weights and KV cache per GPU). */
const SAID_WITH_UNITS = new Set([A.GPUS_PER_REPLICA, A.WEIGHTS_PER_GPU_GB, A.KV_CACHE_PER_GPU_GB, A.MAX_CONCURRENT_SEQUENCES].map(planKey));

function modelChanges(before: FactoryModel, after: FactoryModel): string[] {
  const lines: string[] = [];
  const key = (m: ModelServerModel) => `${m.namespaceName}/${m.name}`;
  for (const k of union(before.modelServers.map(key), after.modelServers.map(key))) {
    const b = before.modelServers.find((m) => key(m) === k);
    const a = after.modelServers.find((m) => key(m) === k);
    if (!b && a) {
      lines.push(`- new model server ${k}: ${a.gpusPerReplica} GPUs per replica${a.replicas === undefined ? '' : `, ${a.replicas} replica(s)`}`);
      continue;
    }
    if (b && !a) {
      lines.push(`- model server ${k} removed (${b.gpusPerReplica} GPUs per replica)`);
      continue;
    }
    const parts: string[] = [];
    if (a!.gpusPerReplica !== b!.gpusPerReplica) parts.push(`GPUs per replica ${b!.gpusPerReplica} → ${a!.gpusPerReplica}`);
    if (a!.replicas !== b!.replicas) parts.push(`replicas ${b!.replicas ?? 'autoscaled'} → ${a!.replicas ?? 'autoscaled'}`);
    if (a!.pool !== b!.pool) parts.push(`pool ${b!.pool ?? '-'} → ${a!.pool ?? '-'}`);
    for (const p of union(Object.keys(b!.plan), Object.keys(a!.plan))) {
      // the serving constructs' plan annotations repeat what the lines around this one say with units
      if (SAID_WITH_UNITS.has(p)) continue;
      if (b!.plan[p] !== a!.plan[p]) parts.push(`${p} ${b!.plan[p] ?? 'unset'} → ${a!.plan[p] ?? 'unset'}`);
    }
    const mb = b!.memory;
    const ma = a!.memory;
    if (mb?.weightsPerGpuGb !== ma?.weightsPerGpuGb) parts.push(`weights per GPU ${mb?.weightsPerGpuGb ?? '-'} → ${ma?.weightsPerGpuGb ?? '-'} GB`);
    if (ma?.problem && !mb?.problem) {parts.push(`**no longer fits its ${ma.gpu}**: ${ma.problem}`);} else if (mb?.kvCachePerGpuGb !== ma?.kvCachePerGpuGb || mb?.maxConcurrentSequences !== ma?.maxConcurrentSequences) {
      parts.push(`KV cache per GPU ${mb?.kvCachePerGpuGb ?? '-'} → ${ma?.kvCachePerGpuGb ?? '-'} GB (${mb?.maxConcurrentSequences ?? '-'} → ${ma?.maxConcurrentSequences ?? '-'} full-length sequences)`);
    }
    if (parts.length) lines.push(`- model server ${k}: ${parts.join('; ')}`);
  }
  return lines;
}

function show(v: unknown): string {
  return v === undefined ? 'unset' : typeof v === 'string' ? v : JSON.stringify(v);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort(cmp);
}
