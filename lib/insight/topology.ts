// The topology diagram: the site's pools and flavors, the tenants with what they hold, the clusters and model servers,
// and what the world can reach. `topologyDot` writes Graphviz DOT (pure, deterministic); `renderSvg` lays it out with
// Graphviz compiled to WebAssembly (@viz-js/viz, https://github.com/mdaines/viz-js), so no system package is needed.
import { capacityOf } from './capacity';
import { cmp } from './documents';
import { FactoryModel, TenantModel } from './model';

/** The font Graphviz sizes labels for (it has metrics for it built in), and the families the SVG asks for. */
const FONT = 'DejaVu Sans';
const FONT_FAMILY = 'DejaVu Sans,Verdana,Helvetica,Arial,sans-serif';

/** Up to this many tenants get a box each; more are summarized in tables of `TENANTS_PER_TABLE` rows. */
export const TENANT_BOXES_MAX = 12;
export const TENANTS_PER_TABLE = 10;

const COLORS = { site: '#eef3fb', pool: '#cfe0f7', tenant: '#f4f8ee', k8s: '#fbf4ea', world: '#fde3e1', edge: '#5b6b7f', open: '#c0392b' };

/** The DOT source of the topology diagram. */
export function topologyDot(model: FactoryModel, title: string): string {
  const cap = capacityOf(model);
  const out: string[] = [];
  const id = (s: string) => `"${s.replace(/["\\]/g, '_')}"`;
  out.push(
    `digraph ${id(title)} {`,
    `  graph [rankdir=LR, fontname="${FONT}", fontsize=12, nodesep=0.25, ranksep=0.9, labelloc=t, label=${html(`<b>${esc(title)}</b>`)}];`,
    `  node [shape=box, style="rounded,filled", fontname="${FONT}", fontsize=10, fillcolor=white, color="#8a9bb0"];`,
    `  edge [fontname="${FONT}", fontsize=9, color="${COLORS.edge}", fontcolor="${COLORS.edge}"];`,
  );

  // --- the site: pools and GPU flavors ---------------------------------------------------------------------------
  out.push(`  subgraph cluster_site { label="site"; style="rounded,filled"; fillcolor="${COLORS.site}"; color="#9fb3cc";`);
  for (const p of cap.pools) {
    const pm = model.pools.find((x) => x.resourceClass === p.pool)!;
    const rows = [`<b>${esc(p.pool)}</b>`, `${plural(p.servers, 'server')} × ${p.gpusPerServer} ${esc(shortGpu(p.gpuModel))} = ${plural(p.gpus, 'GPU')}`, `allocated ${p.allocatedGpus}, free ${p.freeGpus}`];
    if (pm.operatorAllocations.length) rows.push(`operator keeps ${pm.operatorAllocations.length}`);
    out.push(`    ${id(`pool:${p.pool}`)} [label=${html(rows.join('<br/>'))}, fillcolor="${COLORS.pool}"];`);
  }
  const vmFlavors = model.flavors.filter((f) => f.gpus > 0 && f.attachment !== 'baremetal');
  const families = new Map<string, string[]>();
  for (const f of vmFlavors) {
    const k = `${shortGpu(f.gpuModel)} ${f.migProfile ? `MIG ${f.migProfile}` : f.attachment}`;
    families.set(k, [...(families.get(k) ?? []), f.migProfile ? `${f.gpus}` : `${f.gpus}×`]);
  }
  if (families.size) {
    const rows = [...families.entries()].sort(([a], [b]) => cmp(a, b)).map(([k, v]) => `${esc(k)}: ${v.join(' ')}`);
    out.push(`    "flavors" [label=${html(`<b>GPU VM flavors</b><br/>${rows.join('<br/>')}`)}];`);
  }
  out.push('  }');

  // --- the world -------------------------------------------------------------------------------------------------
  const externals = [...new Set(model.exposure.filter((e) => e.kind === 'router').map((e) => /external network (.+)$/.exec(e.detail)?.[1] ?? 'external'))].sort(cmp);
  const worldOpen = model.exposure.filter((e) => e.kind === 'security-rule' || e.kind === 'gateway-listener' || e.kind === 'load-balancer');
  if (externals.length || worldOpen.length) {
    out.push(`  "world" [label=${html('<b>internet</b>')}, shape=ellipse, fillcolor="${COLORS.world}", color="${COLORS.open}"];`);
    for (const n of externals) out.push(`  ${id(`ext:${n}`)} [label=${html(`external network<br/><b>${esc(n)}</b>`)}, shape=ellipse];`, `  "world" -> ${id(`ext:${n}`)} [dir=none];`);
  }

  // --- tenants ---------------------------------------------------------------------------------------------------
  const gpuOfTenant = (t: string) =>
    cap.tenantQuotas.filter((q) => q.tenant === t).reduce((s, q) => s + q.limitGpus, 0) ||
    cap.tenantClusters.filter((c) => c.tenant === t).reduce((s, c) => s + c.gpus, 0);
  const tenants = model.tenants;
  const edgesToPools = new Map<string, Map<string, number>>(); // from node → pool node → GPUs
  const addPoolEdge = (from: string, to: string, n: number) => {
    const m = edgesToPools.get(from) ?? new Map<string, number>();
    m.set(to, (m.get(to) ?? 0) + n);
    edgesToPools.set(from, m);
  };
  const poolNodeOf = (resource: string): string | undefined => {
    const rc = resource.replace(/^class:/, '');
    const p = model.pools.find((x) => x.placementClass === rc);
    if (p) return `pool:${p.resourceClass}`;
    return families.size ? 'flavors' : undefined;
  };
  const tenantNode = (t: TenantModel, group?: string) => {
    for (const q of cap.tenantQuotas.filter((x) => x.tenant === t.name)) {
      const to = poolNodeOf(q.resource);
      if (to) addPoolEdge(group ?? `tenant:${t.name}`, to, q.limitGpus);
    }
    for (const c of cap.tenantClusters.filter((x) => x.tenant === t.name)) {
      const p = model.pools.find((x) => c.flavor && x.flavors.includes(c.flavor));
      const to = p ? `pool:${p.resourceClass}` : families.size ? 'flavors' : undefined;
      if (to && !cap.tenantQuotas.some((q) => q.tenant === t.name && poolNodeOf(q.resource) === to)) addPoolEdge(group ?? `tenant:${t.name}`, to, c.gpus);
    }
  };
  const k8sTenants: string[] = [];
  if (tenants.length <= TENANT_BOXES_MAX) {
    for (const t of tenants) {
      const nets = model.networks.filter((n) => n.tenant === t.name);
      const store = model.storage.filter((s) => s.tenant === t.name);
      const clusters = model.clusters.filter((c) => c.tenant === t.name);
      const rows = [`<b>tenant ${esc(t.name)}</b>`];
      const gpus = gpuOfTenant(t.name);
      if (gpus) rows.push(plural(gpus, 'GPU'));
      if (nets.length) rows.push(esc(networkSummary(nets)));
      if (store.length) rows.push(esc(storageSummary(store)));
      for (const c of clusters) rows.push(`cluster ${esc(c.name)}: ${c.nodeGroups.map((g) => `${esc(g.name)} ${g.nodeCount}×${g.gpusPerNode}`).join(', ')}`);
      const queued = model.kueueQuotas.filter((q) => q.tenant === t.name);
      if (queued.length) rows.push(`Kueue: ${queued.map((q) => `${q.nominal} ${esc(q.resource.replace(/^nvidia\.com\//, ''))}`).join(', ')}`);
      const line = `  ${id(`tenant:${t.name}`)} [label=${html(rows.join('<br/>'))}, fillcolor="${COLORS.tenant}"];`;
      // a tenant that exists only in Kubernetes is drawn inside the Kubernetes box
      if (t.origin === 'kubernetes') k8sTenants.push(line);
      else out.push(line);
      tenantNode(t);
    }
  } else {
    for (let i = 0; i < tenants.length; i += TENANTS_PER_TABLE) {
      const chunk = tenants.slice(i, i + TENANTS_PER_TABLE);
      const group = `tenants:${i / TENANTS_PER_TABLE}`;
      const rows = chunk.map((t) => {
        const nets = model.networks.filter((n) => n.tenant === t.name).length;
        const store = model.storage.filter((s) => s.tenant === t.name).length;
        const open = model.exposure.filter((e) => e.tenant === t.name && e.kind === 'security-rule').length;
        return `<tr><td align="left">${esc(t.name)}</td><td align="right">${gpuOfTenant(t.name)}</td><td align="right">${nets}</td><td align="right">${store}</td><td align="right">${open ? `<font color="${COLORS.open}">${open}</font>` : '0'}</td></tr>`;
      });
      const head = `<tr><td colspan="5"><b>tenants ${i + 1}–${i + chunk.length} of ${tenants.length}</b></td></tr><tr><td align="left"><i>tenant</i></td><td><i>GPUs</i></td><td><i>nets</i></td><td><i>storage</i></td><td><i>open</i></td></tr>`;
      out.push(`  ${id(group)} [shape=plain, label=<<table border="0" cellborder="1" cellspacing="0" cellpadding="4" bgcolor="${COLORS.tenant}">${head}${rows.join('')}</table>>];`);
      for (const t of chunk) tenantNode(t, group);
    }
    // side by side, in order: a chain of invisible edges puts table i+1 one rank to the right of table i
    const tables = Math.ceil(tenants.length / TENANTS_PER_TABLE);
    for (let i = 0; i + 1 < tables; i++) out.push(`  ${id(`tenants:${i}`)} -> ${id(`tenants:${i + 1}`)} [style=invis];`);
  }
  for (const [from, m] of [...edgesToPools.entries()].sort(([a], [b]) => cmp(a, b))) {
    for (const [to, n] of [...m.entries()].sort(([a], [b]) => cmp(a, b))) out.push(`  ${id(from)} -> ${id(to)} [label="${plural(n, 'GPU')}"];`);
  }
  // routers to external networks, world-open rules, RBAC shares (per tenant, or per tenant table)
  const nodeOfTenant = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const i = tenants.findIndex((t) => t.name === name);
    if (i < 0) return undefined;
    return tenants.length <= TENANT_BOXES_MAX ? `tenant:${name}` : `tenants:${Math.floor(i / TENANTS_PER_TABLE)}`;
  };
  const extEdges = new Set<string>();
  for (const e of model.exposure.filter((x) => x.kind === 'router')) {
    const from = nodeOfTenant(e.tenant);
    const ext = /external network (.+)$/.exec(e.detail)?.[1] ?? 'external';
    if (from) extEdges.add(`  ${id(from)} -> ${id(`ext:${ext}`)} [dir=none, style=dashed];`);
  }
  const open = new Map<string, string[]>();
  for (const e of worldOpen) {
    const to = nodeOfTenant(e.tenant) ?? (e.kind === 'security-rule' ? undefined : 'k8s');
    if (!to) continue;
    const what = /allows (.+) from/.exec(e.detail)?.[1] ?? /listens on (.+?)( for|$)/.exec(e.detail)?.[1] ?? /balancer on (.+)$/.exec(e.detail)?.[1] ?? e.kind;
    open.set(to, [...new Set([...(open.get(to) ?? []), what])]);
  }
  out.push(...[...extEdges].sort(cmp));
  for (const [to, what] of [...open.entries()].sort(([a], [b]) => cmp(a, b))) {
    out.push(`  "world" -> ${id(to)} [color="${COLORS.open}", fontcolor="${COLORS.open}", penwidth=1.6, label=${html(esc(summarize(what, 3)))}];`);
  }
  const shares = new Map<string, number>();
  for (const r of model.rbac) {
    const to = r.target === '*' ? undefined : nodeOfTenant(r.target);
    if (to) shares.set(`${r.objectType}\u0000${to}`, (shares.get(`${r.objectType}\u0000${to}`) ?? 0) + 1);
  }
  if (shares.size) out.push(`  "shared" [label=${html('<b>shared by the site</b>')}, shape=note];`);
  for (const [k, n] of [...shares.entries()].sort(([a], [b]) => cmp(a, b))) {
    const [type, to] = k.split('\u0000');
    out.push(`  "shared" -> ${id(to)} [style=dotted, label="${plural(n, type.replace(/_/g, ' '))}"];`);
  }

  // --- Kubernetes: GPU node pools, queues and model servers -------------------------------------------------------
  const servers = model.modelServers;
  const shownInTenant = (tenant: string | undefined) => tenants.length <= TENANT_BOXES_MAX && tenants.some((t) => t.name === tenant);
  const queues = [...new Set(model.kueueQuotas.filter((q) => !shownInTenant(q.tenant)).map((q) => q.clusterQueue))].sort(cmp);
  const k8sPools = [...new Set(servers.map((s) => s.pool).filter((p): p is string => !!p))].sort(cmp);
  if (servers.length || queues.length || open.has('k8s') || k8sTenants.length) {
    out.push(`  subgraph cluster_k8s { label="Kubernetes"; style="rounded,filled"; fillcolor="${COLORS.k8s}"; color="#d2b48c";`);
    out.push(...k8sTenants.map((l) => `  ${l}`));
    if (open.has('k8s')) out.push(`    "k8s" [label=${html('<b>gateways</b>')}];`);
    for (const p of k8sPools) out.push(`    ${id(`k8spool:${p}`)} [label=${html(`<b>${esc(p)}</b><br/>GPU node pool`)}, fillcolor="${COLORS.pool}"];`);
    const ownerEdges: string[] = [];
    const perNs = new Map<string, typeof servers>();
    for (const s of servers) perNs.set(s.namespaceName, [...(perNs.get(s.namespaceName) ?? []), s]);
    for (const [ns, list] of [...perNs.entries()].sort(([a], [b]) => cmp(a, b))) {
      const shown = list.slice(0, 8);
      const rows = shown.map((s) => {
        const pp = Number(s.plan['pipeline-parallel-size'] ?? 1) > 1 ? `×PP${s.plan['pipeline-parallel-size']}` : '';
        const tp = s.plan['tensor-parallel-size'] ? ` TP${s.plan['tensor-parallel-size']}${pp}` : '';
        const rep = s.replicas === undefined ? 'autoscaled ×' : `${s.replicas}×`;
        const kv = s.memory?.kvCachePerGpuGb !== undefined && !s.memory.problem ? `, KV ${Math.round(s.memory.kvCachePerGpuGb)} GB/GPU` : '';
        return `${esc(s.name)}: ${rep} ${plural(s.gpusPerReplica, 'GPU')}${tp}${kv}${s.memory?.problem ? ' <b>does not fit</b>' : ''}`;
      });
      if (list.length > shown.length) rows.push(`… and ${list.length - shown.length} more`);
      out.push(`    ${id(`ns:${ns}`)} [label=${html(`<b>models in ${esc(ns)}</b><br/>${rows.join('<br/>')}`)}];`);
      // the tenant that owns the namespace, when it has a box of its own
      const owner = list[0].tenant;
      if (owner && tenants.length <= TENANT_BOXES_MAX && tenants.some((t) => t.name === owner)) {
        // outside the Kubernetes subgraph: an edge inside it would draw the tenant in there too
        ownerEdges.push(`  ${id(`tenant:${owner}`)} -> ${id(`ns:${ns}`)} [style=dashed, arrowhead=none, label="runs"];`);
      }
      for (const p of [...new Set(list.map((s) => s.pool).filter((x): x is string => !!x))].sort(cmp)) {
        const onPool = list.filter((s) => s.pool === p);
        const n = onPool.reduce((sum, s) => sum + (s.replicas ?? 1) * s.gpusPerReplica, 0);
        // an autoscaled server counts one replica: the edge says "at least"
        const atLeast = onPool.some((s) => s.replicas === undefined) ? '≥ ' : '';
        out.push(`    ${id(`ns:${ns}`)} -> ${id(`k8spool:${p}`)} [label="${atLeast}${plural(n, 'GPU')}"];`);
      }
    }
    if (queues.length) {
      const rows = queues.slice(0, 12).map((q) => {
        const r = model.kueueQuotas.filter((x) => x.clusterQueue === q);
        return `${esc(q)}: ${r.map((x) => `${x.nominal} ${esc(x.resource.replace(/^nvidia\.com\//, ''))}`).join(', ')}`;
      });
      if (queues.length > 12) rows.push(`… and ${queues.length - 12} more`);
      out.push(`    "queues" [label=${html(`<b>Kueue cluster queues</b><br/>${rows.join('<br/>')}`)}];`);
    }
    out.push('  }', ...ownerEdges);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/**
 * Renders DOT to SVG in-process (Graphviz in WebAssembly). Graphviz there has no fonts and sizes text from its
 * built-in metrics of the named font; boxes are sized for DejaVu Sans, wider than Helvetica or Arial, and the SVG
 * names narrower fallbacks after it, so labels fit their boxes whichever of these the viewer has.
 */
export async function renderSvg(dot: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const viz = require('@viz-js/viz') as { instance(): Promise<{ renderString(src: string, options: { format: string; engine: string }): string }> };
  const instance = await viz.instance();
  return instance.renderString(dot, { format: 'svg', engine: 'dot' }).split(`font-family="${FONT}"`).join(`font-family="${FONT_FAMILY}"`);
}

function networkSummary(nets: FactoryModel['networks']): string {
  const kinds = new Map<string, number>();
  const word = (k: string) => (k === 'infiniband' ? 'IB rail' : k === 'ovn' ? 'OVN network' : `${k.toUpperCase()} network`);
  for (const n of nets) kinds.set(word(n.kind), (kinds.get(word(n.kind)) ?? 0) + 1);
  return [...kinds.entries()].sort(([a], [b]) => cmp(a, b)).map(([k, n]) => plural(n, k)).join(', ');
}

function storageSummary(items: FactoryModel['storage']): string {
  const kinds = new Map<string, number>();
  for (const s of items) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  return [...kinds.entries()].sort(([a], [b]) => cmp(a, b)).map(([k, n]) => plural(n, k)).join(', ');
}

/** `1 share`, `2 shares`, `2 qos policies`. */
function plural(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`;
  return `${n} ${/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

function summarize(items: string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max}`;
}

function shortGpu(name: string | undefined): string {
  return (name ?? 'GPU').replace(/^NVIDIA |^AMD Instinct /, '');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function html(s: string): string {
  return `<${s}>`;
}
