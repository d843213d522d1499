/**
 * The pure part of an AI factory's description: the hardware inventory (pools of servers of one profile), what each
 * tenant bought from it (GPUs by pool and attachment), and the plan derived from both: the flavors the site must
 * offer (one per pool, attachment and size, shared by every tenant that bought it), the node groups of the tenants'
 * clusters, and the GPU accounting that proves the purchases fit the inventory.
 *
 * No constructs here: `AiFactory` (stacks/ai-factory.ts) turns the plan into stacks.
 */
import { check, fail, oneOf } from '../errors';
import { GpuAttachment, GpuAttachmentKind } from '../hardware/gpu-attachment';
import { ServerProfile } from '../hardware/server';

/** How a pool's servers are given to tenants. */
export enum PoolProvisioning {
  /** Nova hypervisors: tenants get VMs with GPUs by passthrough, vGPU or MIG-backed vGPU. */
  HYPERVISOR = 'hypervisor',
  /** Ironic bare-metal nodes: tenants get whole servers. */
  BARE_METAL = 'bare-metal',
}

/** One pool of the inventory: servers of one profile, provisioned one way. */
export interface FactoryPoolSpec {
  /** Pool name, unique in the factory (it names flavors and node groups; `AiFactory` checks it is a DNS label). */
  readonly poolName: string;
  /** The server profile of every server of the pool (CPUs, memory, GPUs and their NUMA nodes, NICs). */
  readonly server: ServerProfile;
  /** Number of servers. */
  readonly serverCount: number;
  /** Hypervisors or bare-metal nodes. */
  readonly provisioning: PoolProvisioning;
}

/** GPUs a tenant bought from one pool, in one attachment and size. */
export interface GpuPurchaseSpec {
  /**
   * Name of the purchase: a lower-case DNS label unique within the tenant. It names the tenant's node group when the
   * purchase joins the tenant's cluster.
   */
  readonly purchaseName: string;
  /** The pool the GPUs come from. */
  readonly poolName: string;
  /** Number of servers: VMs on a hypervisor pool, whole servers on a bare-metal pool. */
  readonly servers: number;
  /**
   * GPUs per server: whole GPUs (passthrough), or vGPUs / MIG-backed vGPUs (vGPU attachments). Ignored for a
   * bare-metal pool, whose servers come with all their GPUs.
   * @default - every GPU of the server profile (bare metal and passthrough), 1 vGPU (vGPU attachments)
   */
  readonly gpusPerServer?: number;
  /**
   * How a VM gets its GPUs. Not for bare-metal pools.
   * @default GpuAttachment.passthrough()
   */
  readonly attachment?: GpuAttachment;
}

/** What one tenant bought. */
export interface TenantPurchaseSpec {
  /** Tenant name: a lower-case DNS label, unique in the factory. */
  readonly tenantName: string;
  /**
   * The GPUs the tenant bought.
   * @default - none
   */
  readonly gpus?: GpuPurchaseSpec[];
}

/** The whole description the planner checks. */
export interface FactorySpec {
  /** The inventory. */
  readonly pools: FactoryPoolSpec[];
  /** The tenants and what they bought. */
  readonly tenants: TenantPurchaseSpec[];
}

/** A flavor the site offers: one per pool, attachment and GPU count, shared by every tenant that bought it. */
export interface PlannedFlavor {
  /**
   * Stable key of the flavor, `<pool>/<attachment>/<gpus>`, e.g. `h200/passthrough/4`, `h200/mig-3g.71gb/1` or
   * `mi300x/sriov-vf-8/1`.
   */
  readonly flavorKey: string;
  /** The pool. */
  readonly poolName: string;
  /** The attachment kind (`BARE_METAL` for a bare-metal pool). */
  readonly attachmentKind: GpuAttachmentKind;
  /** GPUs (or vGPUs) per server. */
  readonly gpusPerServer: number;
  /** The tenants that bought it, sorted. */
  readonly tenantNames: string[];
}

/** One purchase, resolved against its pool. */
export interface PlannedPurchase {
  /** The tenant. */
  readonly tenantName: string;
  /** The purchase. */
  readonly purchaseName: string;
  /** The pool. */
  readonly poolName: string;
  /** The flavor it uses ({@link PlannedFlavor.flavorKey}). */
  readonly flavorKey: string;
  /** Servers (VMs or bare-metal servers). */
  readonly servers: number;
  /** GPUs or vGPUs per server. */
  readonly gpusPerServer: number;
  /** The attachment kind. */
  readonly attachmentKind: GpuAttachmentKind;
  /** Physical GPUs the purchase holds, in GPU units (a vGPU or MIG slice counts as its share of a GPU). */
  readonly gpuShare: number;
}

/** How much of a pool the tenants bought. */
export interface PoolUsage {
  /** The pool. */
  readonly poolName: string;
  /** Servers in the pool. */
  readonly serverCount: number;
  /** GPUs in the pool (servers × GPUs per server). */
  readonly gpuCapacity: number;
  /**
   * Physical GPUs the purchases occupy: whole GPUs, and for each vGPU type or MIG profile the GPUs that must carry it
   * (its vGPUs of every tenant together, divided by the vGPUs one GPU hosts, rounded up).
   */
  readonly gpusAllocated: number;
  /** Servers the purchases need, VMs packed onto servers (first fit, largest VM first). */
  readonly serversAllocated: number;
  /** GPUs no tenant bought. */
  readonly gpusFree: number;
}

/** The plan derived from a {@link FactorySpec}. */
export interface FactoryPlan {
  /** The flavors the site offers, sorted by key. */
  readonly flavors: PlannedFlavor[];
  /** Every purchase, in tenant order, then purchase order. */
  readonly purchases: PlannedPurchase[];
  /** Usage per pool, in inventory order. */
  readonly pools: PoolUsage[];
}

/**
 * Checks a factory's description and derives its plan. Refuses (with what was given, the rule and the fix) a
 * purchase from a pool that does not exist, an attachment the pool cannot give, and tenants that together bought
 * more GPUs or servers of a pool than it has.
 */
export class FactoryPlanner {
  /** The plan, or a `FactoryError` naming the first rule the description breaks. */
  public static plan(spec: FactorySpec): FactoryPlan {
    const pools = new Map<string, FactoryPoolSpec>();
    for (const p of spec.pools) {
      check(!pools.has(p.poolName), `pool ${p.poolName} is described twice; give each pool of the inventory its own name`);
      check(Number.isSafeInteger(p.serverCount) && p.serverCount >= 0,
        `pool ${p.poolName}: serverCount ${p.serverCount} must be a non-negative integer`);
      check(p.server.gpuCount > 0, `pool ${p.poolName}: server profile ${p.server.name} has no GPUs; a GPU pool needs a GPU server profile`);
      pools.set(p.poolName, p);
    }
    const tenantNames = new Set<string>();
    const purchases: PlannedPurchase[] = [];
    const flavors = new Map<string, { flavor: Omit<PlannedFlavor, 'tenantNames'>; tenants: Set<string> }>();
    for (const t of spec.tenants) {
      check(!tenantNames.has(t.tenantName), `tenant ${t.tenantName} is described twice; give each tenant its own name`);
      tenantNames.add(t.tenantName);
      const purchaseNames = new Set<string>();
      for (const g of t.gpus ?? []) {
        check(!purchaseNames.has(g.purchaseName), `tenant ${t.tenantName} has two purchases named ${g.purchaseName}; name each purchase once`);
        purchaseNames.add(g.purchaseName);
        const pool = pools.get(g.poolName);
        if (pool === undefined) {
          fail(`tenant ${t.tenantName} buys ${g.purchaseName} from pool ${g.poolName}, which the inventory does not have; ` +
            `use ${spec.pools.length > 0 ? oneOf(spec.pools.map((p) => p.poolName)) : 'a pool of the inventory (add one)'}`);
        }
        const p = resolvePurchase(t.tenantName, g, pool);
        purchases.push(p);
        const entry = flavors.get(p.flavorKey) ?? {
          flavor: { flavorKey: p.flavorKey, poolName: p.poolName, attachmentKind: p.attachmentKind, gpusPerServer: p.gpusPerServer },
          tenants: new Set<string>(),
        };
        entry.tenants.add(t.tenantName);
        flavors.set(p.flavorKey, entry);
      }
    }
    const usage = spec.pools.map((pool) => poolUsage(pool, purchases.filter((p) => p.poolName === pool.poolName), spec.tenants));
    return {
      flavors: [...flavors.values()]
        .map((e) => ({ ...e.flavor, tenantNames: [...e.tenants].sort() }))
        .sort((a, b) => compare(a.flavorKey, b.flavorKey)),
      purchases,
      pools: usage,
    };
  }
}

/**
 * The attachment of a purchase as a key fragment: `passthrough`, `vgpu-<type>`, `mig-<profile>` or `sriov-vf-<VFs per
 * GPU>` (AMD MxGPU: the host driver splits each GPU into that many VFs, so VFs of another count need other GPUs).
 */
function attachmentKey(attachment: GpuAttachment, instancesPerGpu: number): string {
  switch (attachment.kind) {
    case GpuAttachmentKind.VGPU:
      return `vgpu-${attachment.vgpuType!.toLowerCase()}`;
    case GpuAttachmentKind.MIG_VGPU:
      return `mig-${attachment.migProfileName}`;
    case GpuAttachmentKind.SRIOV_VF:
      return `sriov-vf-${instancesPerGpu}`;
    case GpuAttachmentKind.PASSTHROUGH:
      return 'passthrough';
    default:
      return fail(`attachment ${attachment.kind} has no flavor key; use passthrough, vGPU, MIG or SR-IOV VF attachments`);
  }
}

function resolvePurchase(tenantName: string, g: GpuPurchaseSpec, pool: FactoryPoolSpec): PlannedPurchase {
  const where = `tenant ${tenantName}, purchase ${g.purchaseName}`;
  check(Number.isSafeInteger(g.servers) && g.servers >= 1, `${where}: servers ${g.servers} must be a positive integer`);
  const gpuModel = pool.server.requireGpuModel();
  const bareMetal = pool.provisioning === PoolProvisioning.BARE_METAL;
  if (bareMetal) {
    check(g.attachment === undefined,
      `${where}: pool ${pool.poolName} is bare metal (Ironic), so a purchase gets whole servers with all their GPUs; drop attachment or buy from a hypervisor pool`);
    check(g.gpusPerServer === undefined || g.gpusPerServer === pool.server.gpuCount,
      `${where}: gpusPerServer ${g.gpusPerServer} on bare-metal pool ${pool.poolName}, whose servers come with all ${pool.server.gpuCount} GPUs; drop gpusPerServer`);
    const key = `${pool.poolName}/bare-metal/${pool.server.gpuCount}`;
    return {
      tenantName,
      purchaseName: g.purchaseName,
      poolName: pool.poolName,
      flavorKey: key,
      servers: g.servers,
      gpusPerServer: pool.server.gpuCount,
      attachmentKind: GpuAttachmentKind.BARE_METAL,
      gpuShare: g.servers * pool.server.gpuCount,
    };
  }
  const attachment = g.attachment ?? GpuAttachment.passthrough();
  const resolved = attachment.resolve(gpuModel);
  const whole = attachment.kind === GpuAttachmentKind.PASSTHROUGH;
  const gpusPerServer = g.gpusPerServer ?? (whole ? pool.server.gpuCount : 1);
  check(Number.isSafeInteger(gpusPerServer) && gpusPerServer >= 1, `${where}: gpusPerServer ${gpusPerServer} must be a positive integer`);
  if (whole) {
    check(gpusPerServer <= pool.server.gpuCount,
      `${where}: ${gpusPerServer} GPUs per VM is more than the ${pool.server.gpuCount} GPUs of a ${pool.server.name} server in pool ${pool.poolName}; use 1 to ${pool.server.gpuCount}`);
  } else {
    const most = resolved.instancesPerGpu * pool.server.gpuCount;
    check(gpusPerServer <= most,
      `${where}: ${gpusPerServer} vGPUs per VM is more than one ${pool.server.name} server of pool ${pool.poolName} hosts ` +
      `(${resolved.instancesPerGpu} per GPU x ${pool.server.gpuCount} GPUs); use 1 to ${most}`);
  }
  return {
    tenantName,
    purchaseName: g.purchaseName,
    poolName: pool.poolName,
    flavorKey: `${pool.poolName}/${attachmentKey(attachment, resolved.instancesPerGpu)}/${gpusPerServer}`,
    servers: g.servers,
    gpusPerServer,
    attachmentKind: attachment.kind,
    gpuShare: (g.servers * gpusPerServer) / resolved.instancesPerGpu,
  };
}

/** vGPUs per physical GPU of a planned purchase's attachment (1 for whole GPUs). */
function unitsPerGpu(p: PlannedPurchase): number {
  return p.gpuShare === 0 ? 1 : (p.servers * p.gpusPerServer) / p.gpuShare;
}

function poolUsage(pool: FactoryPoolSpec, purchases: PlannedPurchase[], tenants: TenantPurchaseSpec[]): PoolUsage {
  const perServer = pool.server.gpuCount;
  const capacity = pool.serverCount * perServer;
  // physical GPUs, counted without expanding a purchase into its servers (a purchase of 1e9 servers is refused here, in
  // constant memory): whole GPUs per VM or server; vGPUs of one type (every tenant's together) fill whole GPUs
  const bySize = new Map<number, number>(); // GPUs per VM or server -> how many
  const add = (size: number, count: number) => bySize.set(size, (bySize.get(size) ?? 0) + count);
  const shared = new Map<string, { units: number; perGpu: number }>();
  for (const p of purchases) {
    if (p.attachmentKind === GpuAttachmentKind.BARE_METAL || p.attachmentKind === GpuAttachmentKind.PASSTHROUGH) {
      add(p.gpusPerServer, p.servers);
    } else {
      const kind = p.flavorKey.split('/')[1];
      const e = shared.get(kind) ?? { units: 0, perGpu: unitsPerGpu(p) };
      e.units += p.servers * p.gpusPerServer;
      shared.set(kind, e);
    }
  }
  for (const e of shared.values()) add(1, Math.ceil(e.units / e.perGpu - 1e-9));
  const allocated = [...bySize].reduce((s, [size, count]) => s + size * count, 0);
  if (allocated > capacity) {
    const byTenant = tenants
      .map((t) => ({ name: t.tenantName, gpus: purchases.filter((p) => p.tenantName === t.tenantName).reduce((s, p) => s + p.gpuShare, 0) }))
      .filter((t) => t.gpus > 0)
      .map((t) => `${t.name} ${formatGpus(t.gpus)}`);
    fail(`tenants bought ${allocated} GPUs of pool ${pool.poolName} (${byTenant.join(', ')}), but it has ${capacity} ` +
      `(${pool.serverCount} servers x ${perServer} GPUs); lower the purchases or add ${plural(Math.ceil((allocated - capacity) / perServer), 'server')} to the pool`);
  }
  const serversAllocated = packedServers(bySize, perServer);
  if (serversAllocated > pool.serverCount) {
    fail(`the VMs bought on pool ${pool.poolName} need ${serversAllocated} servers of ${perServer} GPUs once packed (a VM cannot span servers), ` +
      `but the pool has ${pool.serverCount}; buy VM sizes that divide ${perServer} or add ${plural(serversAllocated - pool.serverCount, 'server')}`);
  }
  return {
    poolName: pool.poolName,
    serverCount: pool.serverCount,
    gpuCapacity: capacity,
    gpusAllocated: allocated,
    serversAllocated,
    gpusFree: capacity - allocated,
  };
}

/**
 * Servers the VMs (and bare-metal servers) need once packed: a VM cannot span two servers. First fit, largest first
 * (optimal when every size divides the server's GPU count, as 1, 2, 4 and 8 do on an 8-GPU server), on runs of
 * servers with the same free GPUs instead of one entry per server, so the work grows with the number of sizes, not
 * of VMs. Every size is at most `perServer` (the planner checked each purchase against one server).
 */
function packedServers(bySize: Map<number, number>, perServer: number): number {
  const runs: { free: number; servers: number }[] = []; // in the order first fit opens them
  for (const [size, count] of [...bySize].sort(([a], [b]) => b - a)) {
    let left = count;
    for (let i = 0; i < runs.length && left > 0; i++) {
      const run = runs[i];
      const fits = Math.floor(run.free / size); // VMs of this size one server of the run takes
      if (fits === 0) continue;
      const full = Math.min(run.servers, Math.floor(left / fits)); // servers of the run that take `fits` each
      const rest = full < run.servers ? left - full * fits : 0; // VMs the next server of the run takes (fewer than fits)
      const split: { free: number; servers: number }[] = [];
      if (full > 0) split.push({ free: run.free - fits * size, servers: full });
      if (rest > 0) split.push({ free: run.free - rest * size, servers: 1 });
      const untouched = run.servers - full - (rest > 0 ? 1 : 0);
      if (untouched > 0) split.push({ free: run.free, servers: untouched });
      left -= full * fits + rest;
      runs.splice(i, 1, ...split);
      i += split.length - 1;
    }
    if (left > 0) {
      const fits = Math.floor(perServer / size);
      const full = Math.floor(left / fits);
      if (full > 0) runs.push({ free: perServer - fits * size, servers: full });
      if (left - full * fits > 0) runs.push({ free: perServer - (left - full * fits) * size, servers: 1 });
    }
  }
  return runs.reduce((s, r) => s + r.servers, 0);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatGpus(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
