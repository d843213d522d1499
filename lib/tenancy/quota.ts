import { check, oneOf } from '../errors';
import { GpuResourceClass } from './gpu-resource-class';
import { OPENSTACK_MAX_INT } from './openstack-limits';

/**
 * Servers of one size that a tenant is given. This is plain data, so quota derivation does not depend on
 * constructs: a `GpuFlavor` gives its vCPUs, RAM and GPUs, and any other flavor can be described by hand.
 */
export interface ServerAllocation {
  /** What the servers are, for messages, e.g. the flavor name `gpu.h200-sxm-141gb.4x`. */
  readonly name: string;
  /** Number of servers. */
  readonly count: number;
  /** vCPUs per server. */
  readonly vcpus: number;
  /** RAM per server in MiB. */
  readonly ramMb: number;
  /**
   * Whether the vCPUs are pinned (`hw:cpu_policy=dedicated`): Placement then counts them as `PCPU`, not `VCPU`
   * (openstack/nova `nova/scheduler/utils.py` `ResourceRequest._translate_pinning_policies`: "Switch VCPU -> PCPU").
   * @default false
   */
  readonly dedicatedCpus?: boolean;
  /**
   * Whether the servers are Ironic nodes whose flavor claims only the node's custom resource class
   * (`resources:CUSTOM_<CLASS>=1`, `resources:VCPU=0`, `resources:MEMORY_MB=0`). Nova drops the zero amounts from the
   * request (openstack/nova 32.2.1 `nova/scheduler/utils.py` `ResourceRequest.from_request_spec`: the flavor's
   * vcpus/memory_mb are added only when the extra specs name no VCPU/PCPU/MEMORY_MB, then `strip_zeros()`), and its
   * unified limits count what the request claims (`nova/limit/placement.py` `_get_deltas_by_flavor` via
   * `resources_for_limits`): so the servers' vCPUs and RAM count into neither `class:VCPU`, `class:PCPU` nor
   * `class:MEMORY_MB`. Legacy quotas still count the flavor's vcpus and memory_mb into `cores` and `ram`
   * (`nova/quota.py` `_instances_cores_ram_count_legacy` sums the instances' columns).
   * @default false
   */
  readonly bareMetal?: boolean;
  /**
   * GPUs per server.
   * @default 0
   */
  readonly gpusPerServer?: number;
  /**
   * The Placement resource class the GPUs consume; needed when `gpusPerServer` is above 0.
   * @default - the servers have no GPUs
   */
  readonly gpuResourceClass?: GpuResourceClass;
  /**
   * Neutron ports per server (one per attached network).
   * @default 1
   */
  readonly portsPerServer?: number;
}

/** Explicit compute quotas; each must hold the tenant's own servers. */
export interface ComputeQuotaOverrides {
  /**
   * Servers (`instances`, or unified limit `servers`).
   * @default - the servers' count plus headroom
   */
  readonly instances?: number;
  /**
   * Unpinned vCPUs (unified limit `class:VCPU`; part of legacy `cores`).
   * @default - the unpinned vCPUs plus headroom
   */
  readonly sharedCores?: number;
  /**
   * Pinned vCPUs (unified limit `class:PCPU`; part of legacy `cores`).
   * @default - the pinned vCPUs plus headroom
   */
  readonly dedicatedCores?: number;
  /**
   * RAM in MiB (`ram`, or unified limit `class:MEMORY_MB`).
   * @default - the servers' RAM plus headroom
   */
  readonly ramMb?: number;
  /**
   * GPU limits by Placement resource class (e.g. `{ CUSTOM_PCI_10DE_2335: 16 }`).
   * @default - the servers' GPUs plus the GPU headroom
   */
  readonly gpus?: { [resourceClass: string]: number };
}

/** Input of {@link QuotaPlanner.compute}. */
export interface ComputeQuotaInput {
  /** The servers the tenant is given. */
  readonly allocations: ServerAllocation[];
  /**
   * Headroom on servers, cores and RAM, in percent of what the servers use (room to rebuild or replace a server
   * before its predecessor is gone; Nova counts both while a resize is pending).
   * @default 10
   */
  readonly headroomPercent?: number;
  /**
   * Headroom on GPUs in percent. GPUs are what a tenant buys, so none by default.
   * @default 0
   */
  readonly gpuHeadroomPercent?: number;
  /**
   * Explicit quotas.
   * @default - derived from the allocations
   */
  readonly overrides?: ComputeQuotaOverrides;
  /**
   * Whether the quotas are Nova unified limits (`class:VCPU`, `class:PCPU`, `class:MEMORY_MB`, counted from what each
   * flavor claims in Placement: bare-metal servers add no cores or RAM) rather than legacy quotas (`cores`, `ram`,
   * counted from every flavor's vcpus and memory_mb).
   * @default false
   */
  readonly unifiedLimits?: boolean;
}

/** A GPU limit: a Placement resource class and the units a tenant may hold. */
export interface GpuLimit {
  /** Placement resource class, e.g. `CUSTOM_PCI_10DE_2335`. */
  readonly resourceClass: string;
  /** Keystone unified-limit resource name, e.g. `class:CUSTOM_PCI_10DE_2335`. */
  readonly limitResourceName: string;
  /** Units the tenant's own servers use. */
  readonly used: number;
  /** The limit. */
  readonly limit: number;
}

/** Compute quotas derived from a tenant's servers. */
export interface ComputeQuota {
  /** Servers. */
  readonly instances: number;
  /** Unpinned vCPUs (`class:VCPU`). */
  readonly sharedCores: number;
  /** Pinned vCPUs (`class:PCPU`). */
  readonly dedicatedCores: number;
  /** Legacy `cores`: every vCPU, pinned or not. */
  readonly cores: number;
  /** RAM in MiB. */
  readonly ramMb: number;
  /** GPU limits, one per resource class, sorted by resource class. */
  readonly gpuLimits: GpuLimit[];
}

/** What a tenant's networks use. */
export interface NetworkUsage {
  /** Networks (each with one subnet). */
  readonly networks: number;
  /** Routers. */
  readonly routers: number;
  /** Ports of the tenant's servers. */
  readonly serverPorts: number;
}

/** Explicit Neutron quotas; each must hold the tenant's own resources. */
export interface NetworkQuotaOverrides {
  /** @default - networks plus headroom */
  readonly networks?: number;
  /** @default - subnets plus headroom */
  readonly subnets?: number;
  /** @default - routers plus headroom */
  readonly routers?: number;
  /** @default - ports plus headroom */
  readonly ports?: number;
  /** @default 10 (Neutron's default) */
  readonly securityGroups?: number;
  /** @default 100 (Neutron's default) */
  readonly securityGroupRules?: number;
  /** @default - unchanged (Neutron's default) */
  readonly floatingIps?: number;
}

/** Input of {@link QuotaPlanner.network}. */
export interface NetworkQuotaInput {
  /** What the tenant's networks and servers use. */
  readonly usage: NetworkUsage;
  /** @default 10 */
  readonly headroomPercent?: number;
  /** @default - derived */
  readonly overrides?: NetworkQuotaOverrides;
}

/** Neutron quotas. */
export interface NetworkQuota {
  /** Networks. */
  readonly networks: number;
  /** Subnets. */
  readonly subnets: number;
  /** Routers. */
  readonly routers: number;
  /** Ports. */
  readonly ports: number;
  /** Security groups. */
  readonly securityGroups: number;
  /** Security group rules. */
  readonly securityGroupRules: number;
  /**
   * Floating IPs.
   * @default - unchanged
   */
  readonly floatingIps?: number;
}

/** One volume a tenant has. */
export interface VolumeDemand {
  /** Size in GB. */
  readonly sizeGb: number;
  /** Name of its Cinder volume type. */
  readonly volumeTypeName: string;
}

/** Explicit Cinder quotas. */
export interface BlockStorageQuotaOverrides {
  /** @default - volumes plus headroom */
  readonly volumes?: number;
  /** @default - gigabytes plus headroom */
  readonly gigabytes?: number;
}

/** Input of {@link QuotaPlanner.blockStorage}. */
export interface BlockStorageQuotaInput {
  /** The tenant's volumes. */
  readonly volumes: VolumeDemand[];
  /** @default 10 */
  readonly headroomPercent?: number;
  /** @default - derived */
  readonly overrides?: BlockStorageQuotaOverrides;
}

/** A Cinder quota for one volume type. */
export interface VolumeTypeQuota {
  /** Volume type name. */
  readonly volumeTypeName: string;
  /** Volumes of this type. */
  readonly volumes: number;
  /** Gigabytes of this type. */
  readonly gigabytes: number;
}

/** Cinder quotas. */
export interface BlockStorageQuota {
  /** Volumes. */
  readonly volumes: number;
  /** Gigabytes. */
  readonly gigabytes: number;
  /** Per volume type, sorted by type name. */
  readonly perVolumeType: VolumeTypeQuota[];
}

/** One Manila share a tenant has. */
export interface ShareDemand {
  /** Size in GB. */
  readonly sizeGb: number;
}

/** Explicit Manila quotas. */
export interface SharedFileSystemQuotaOverrides {
  /** @default - shares plus headroom */
  readonly shares?: number;
  /** @default - gigabytes plus headroom */
  readonly gigabytes?: number;
  /** @default - share networks plus headroom */
  readonly shareNetworks?: number;
}

/** Input of {@link QuotaPlanner.sharedFileSystem}. */
export interface SharedFileSystemQuotaInput {
  /** The tenant's shares. */
  readonly shares: ShareDemand[];
  /**
   * The tenant's share networks (for DHSS=True share types).
   * @default 0
   */
  readonly shareNetworks?: number;
  /** @default 10 */
  readonly headroomPercent?: number;
  /** @default - derived */
  readonly overrides?: SharedFileSystemQuotaOverrides;
}

/** Manila quotas (manila/quota.py keys `shares`, `gigabytes`, `share_networks`). */
export interface SharedFileSystemQuota {
  /** Shares. */
  readonly shares: number;
  /** Gigabytes. */
  readonly gigabytes: number;
  /** Share networks. */
  readonly shareNetworks: number;
}

const DEFAULT_HEADROOM_PERCENT = 10;

/** Neutron's defaults (`[quotas] quota_security_group = 10`, `quota_security_group_rule = 100`). */
const NEUTRON_DEFAULT_SECURITY_GROUPS = 10;
const NEUTRON_DEFAULT_SECURITY_GROUP_RULES = 100;
/** Neutron creates a `default` security group with 4 rules (ingress from the group and egress, IPv4 and IPv6) in every project. */
const DEFAULT_SECURITY_GROUP_RULES = 4;

/**
 * Derives a tenant's quotas from what it is given, so a tenant can never be over quota for its own resources:
 * each quota is what the resources use plus headroom, and an explicit quota below that use is refused.
 *
 * Sources: Nova legacy quotas (openstack/nova `nova/quota.py`) and unified limits (`nova/limit/placement.py`:
 * `servers` and `class:<resource class>` per flavor claim; https://docs.openstack.org/nova/latest/admin/unified-limits.html),
 * Neutron and Cinder quota sets, Manila quota keys (openstack/manila `manila/quota.py`).
 */
export class QuotaPlanner {
  /** `need` plus `percent` percent of it, rounded up. */
  public static withHeadroom(need: number, percent: number): number {
    return need + Math.ceil((need * percent) / 100);
  }

  /** Compute quotas (servers, cores, RAM) and GPU limits from the tenant's servers. */
  public static compute(input: ComputeQuotaInput): ComputeQuota {
    const headroom = QuotaPlanner.headroom(input.headroomPercent, DEFAULT_HEADROOM_PERCENT, 'headroomPercent');
    const gpuHeadroom = QuotaPlanner.headroom(input.gpuHeadroomPercent, 0, 'gpuHeadroomPercent');
    let instances = 0;
    let shared = 0;
    let dedicated = 0;
    let ram = 0;
    const gpus = new Map<string, { rc: GpuResourceClass; used: number; from: string[] }>();
    for (const a of input.allocations) {
      QuotaPlanner.checkAllocation(a);
      instances += a.count;
      // unified limits count what the flavor claims in Placement: a bare-metal flavor claims no VCPU/PCPU/MEMORY_MB
      const placementCounted = !(input.unifiedLimits && a.bareMetal);
      if (placementCounted) {
        if (a.dedicatedCpus) dedicated += a.count * a.vcpus;
        else shared += a.count * a.vcpus;
        ram += a.count * a.ramMb;
      }
      const perServer = a.gpusPerServer ?? 0;
      if (perServer > 0 && a.count > 0) {
        const rc = a.gpuResourceClass!;
        const entry = gpus.get(rc.resourceClass) ?? { rc, used: 0, from: [] };
        entry.used += a.count * rc.unitsPerServer(perServer);
        entry.from.push(a.name);
        gpus.set(rc.resourceClass, entry);
      }
    }
    const o = input.overrides ?? {};
    const servers = input.allocations.map((a) => `${a.count}× ${a.name}`).join(', ') || 'none';
    const pick = QuotaPlanner.picker(headroom, `the tenant's own servers use (${servers})`, 'give the tenant fewer servers');
    const sharedCores = pick('sharedCores', shared, o.sharedCores);
    const dedicatedCores = pick('dedicatedCores', dedicated, o.dedicatedCores);
    for (const rc of Object.keys(o.gpus ?? {})) {
      check(gpus.has(rc), () =>
        `a GPU quota is given for resource class ${rc} but no server uses it; use one of ${oneOf([...gpus.keys()]) || '(none: the tenant has no GPU servers)'}`);
    }
    const gpuLimits = [...gpus.values()]
      .sort((a, b) => a.rc.resourceClass.localeCompare(b.rc.resourceClass))
      .map((g) => {
        const pickGpus = QuotaPlanner.picker(gpuHeadroom, `units the tenant's own servers use (${g.from.join(', ')})`, 'give the tenant fewer GPU servers');
        const value = pickGpus(`gpus[${g.rc.resourceClass}]`, g.used, o.gpus?.[g.rc.resourceClass]);
        return { resourceClass: g.rc.resourceClass, limitResourceName: g.rc.limitResourceName, used: g.used, limit: value };
      });
    return {
      instances: pick('instances', instances, o.instances),
      sharedCores,
      dedicatedCores,
      cores: sharedCores + dedicatedCores,
      ramMb: pick('ramMb', ram, o.ramMb),
      gpuLimits,
    };
  }

  /** Neutron quotas from the tenant's networks, routers and server ports. */
  public static network(input: NetworkQuotaInput): NetworkQuota {
    const headroom = QuotaPlanner.headroom(input.headroomPercent, DEFAULT_HEADROOM_PERCENT, 'headroomPercent');
    const u = input.usage;
    for (const [k, v] of Object.entries(u)) {
      check(Number.isInteger(v) && v >= 0, `network usage ${k} ${v} must be a non-negative integer`);
    }
    // every network has one subnet (TenantNetwork), one DHCP/OVN metadata port, and one router interface when routed
    const ports = u.serverPorts + u.networks + u.routers;
    const o = input.overrides ?? {};
    const what = `the tenant's ${u.networks} network(s), ${u.routers} router(s) and ${u.serverPorts} server port(s) use`;
    const pick = QuotaPlanner.picker(headroom, what, 'give the tenant fewer network resources');
    return {
      networks: pick('networks', u.networks, o.networks),
      subnets: pick('subnets', u.networks, o.subnets),
      routers: pick('routers', u.routers, o.routers),
      ports: pick('ports', ports, o.ports),
      securityGroups: pick('securityGroups', 1, o.securityGroups, NEUTRON_DEFAULT_SECURITY_GROUPS),
      securityGroupRules: pick('securityGroupRules', DEFAULT_SECURITY_GROUP_RULES, o.securityGroupRules, NEUTRON_DEFAULT_SECURITY_GROUP_RULES),
      floatingIps: o.floatingIps === undefined ? undefined : pick('floatingIps', 0, o.floatingIps),
    };
  }

  /** Cinder quotas from the tenant's volumes, in total and per volume type. */
  public static blockStorage(input: BlockStorageQuotaInput): BlockStorageQuota {
    const headroom = QuotaPlanner.headroom(input.headroomPercent, DEFAULT_HEADROOM_PERCENT, 'headroomPercent');
    const perType = new Map<string, { volumes: number; gigabytes: number }>();
    let gigabytes = 0;
    for (const v of input.volumes) {
      check(Number.isInteger(v.sizeGb) && v.sizeGb >= 1 && v.sizeGb <= OPENSTACK_MAX_INT, `volume size ${v.sizeGb} GB must be a whole number from 1 to ${OPENSTACK_MAX_INT}`);
      gigabytes += v.sizeGb;
      const t = perType.get(v.volumeTypeName) ?? { volumes: 0, gigabytes: 0 };
      t.volumes += 1;
      t.gigabytes += v.sizeGb;
      perType.set(v.volumeTypeName, t);
    }
    const o = input.overrides ?? {};
    const what = `the tenant's ${input.volumes.length} volume(s) use (${gigabytes} GB)`;
    const pick = QuotaPlanner.picker(headroom, what, 'give the tenant fewer or smaller volumes');
    return {
      volumes: pick('volumes', input.volumes.length, o.volumes),
      gigabytes: pick('gigabytes', gigabytes, o.gigabytes),
      perVolumeType: [...perType.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([volumeTypeName, t]) => ({
          volumeTypeName,
          volumes: pick(`volumes_${volumeTypeName}`, t.volumes, undefined),
          gigabytes: pick(`gigabytes_${volumeTypeName}`, t.gigabytes, undefined),
        })),
    };
  }

  /** Manila quotas from the tenant's shares. */
  public static sharedFileSystem(input: SharedFileSystemQuotaInput): SharedFileSystemQuota {
    const headroom = QuotaPlanner.headroom(input.headroomPercent, DEFAULT_HEADROOM_PERCENT, 'headroomPercent');
    let gigabytes = 0;
    const networks = input.shareNetworks ?? 0;
    check(Number.isInteger(networks) && networks >= 0, `shareNetworks ${networks} must be a non-negative integer`);
    for (const s of input.shares) {
      check(Number.isInteger(s.sizeGb) && s.sizeGb >= 1 && s.sizeGb <= OPENSTACK_MAX_INT, `share size ${s.sizeGb} GB must be a whole number from 1 to ${OPENSTACK_MAX_INT}`);
      gigabytes += s.sizeGb;
    }
    const o = input.overrides ?? {};
    const what = `the tenant's ${input.shares.length} share(s) and ${networks} share network(s) use (${gigabytes} GB)`;
    const pick = QuotaPlanner.picker(headroom, what, 'give the tenant fewer or smaller shares');
    return {
      shares: pick('shares', input.shares.length, o.shares),
      gigabytes: pick('gigabytes', gigabytes, o.gigabytes),
      shareNetworks: pick('shareNetworks', networks, o.shareNetworks),
    };
  }

  /** Neutron ports the servers of a set of allocations use. */
  public static serverPorts(allocations: ServerAllocation[]): number {
    return allocations.reduce((n, a) => n + a.count * (a.portsPerServer ?? 1), 0);
  }

  private static headroom(value: number | undefined, fallback: number, name: string): number {
    const v = value ?? fallback;
    check(Number.isFinite(v) && v >= 0 && v <= 1000, `${name} ${v} must be between 0 and 1000 percent`);
    return v;
  }

  private static checkAllocation(a: ServerAllocation): void {
    check(Number.isInteger(a.count) && a.count >= 0, `${a.name}: count ${a.count} must be a non-negative integer`);
    check(Number.isInteger(a.vcpus) && a.vcpus >= 1, `${a.name}: vcpus ${a.vcpus} must be a positive integer`);
    check(Number.isInteger(a.ramMb) && a.ramMb >= 1, `${a.name}: ramMb ${a.ramMb} must be a positive integer`);
    const gpus = a.gpusPerServer ?? 0;
    check(Number.isInteger(gpus) && gpus >= 0, `${a.name}: gpusPerServer ${gpus} must be a non-negative integer`);
    check(gpus === 0 || a.gpuResourceClass !== undefined,
      `${a.name}: ${gpus} GPU(s) per server need a gpuResourceClass to be limited; use GpuResourceClass.pciPassthrough(gpu), .vgpu() or .bareMetal(rc)`);
    const ports = a.portsPerServer ?? 1;
    check(Number.isInteger(ports) && ports >= 0, `${a.name}: portsPerServer ${ports} must be a non-negative integer`);
  }

  /**
   * The quota rule shared by every service: an override must hold what the tenant's own resources need (`what`, with
   * `fix` in the message when it does not); without one, the need plus headroom (or `derived` when given).
   */
  private static picker(headroomPercent: number, what: string, fix: string) {
    return (name: string, need: number, override: number | undefined, derived?: number): number => {
      const tooBig = (value: number) => `quota ${name} ${value} is above ${OPENSTACK_MAX_INT}, the largest quota OpenStack stores (a 32-bit integer); ${fix}`;
      if (override === undefined) {
        const value = derived ?? QuotaPlanner.withHeadroom(need, headroomPercent);
        check(value <= OPENSTACK_MAX_INT, () => tooBig(value));
        return value;
      }
      check(Number.isInteger(override) && override >= 0, `quota ${name} ${override} must be a non-negative integer`);
      check(override >= need, `quota ${name} ${override} is below the ${need} ${what}; raise it to at least ${need} or ${fix}`);
      check(override <= OPENSTACK_MAX_INT, () => tooBig(override));
      return override;
    };
  }
}
