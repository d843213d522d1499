// Nova's flavor extra-spec validation, at synth time. Pure domain model (no constructs).
import { NOVA_EXTRA_SPEC_NAMESPACES, NOVA_EXTRA_SPEC_RULES, NovaExtraSpecRule } from './nova-extra-spec-validators';
import { fail } from '../errors';

const whole = (regex: string) => new RegExp(`^(?:${regex})$`);
const RULES = NOVA_EXTRA_SPEC_RULES.map((rule) => ({ rule, key: whole(rule.nameRegex), value: rule.pattern ? whole(rule.pattern) : undefined }));
const BY_NAME = new Map(RULES.map((r) => [r.rule.name, r]));
const NAMESPACES = NOVA_EXTRA_SPEC_NAMESPACES.map(whole);
// oslo_utils.strutils.bool_from_string(strict=True): TRUE_STRINGS and FALSE_STRINGS, after strip() and lower()
const BOOLEANS = ['1', 't', 'true', 'on', 'y', 'yes', '0', 'f', 'false', 'off', 'n', 'no'];
// what Python's int() accepts: surrounding whitespace, a sign, underscores between digits
const INTEGER = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
// the Placement classes a VM flavor's sizes decide (nova/scheduler/utils.py ResourceRequest.from_request_spec)
const SIZED = ['VCPU', 'PCPU', 'MEMORY_MB', 'DISK_GB'];

/** The resource class a `resources<group>:<class>` key requests, else undefined. */
function resourceClassOf(key: string): string | undefined {
  return /^resources([a-zA-Z0-9_-]{1,64})?:(.+)$/.exec(key)?.[2];
}

function ruleFor(key: string) {
  return BY_NAME.get(key) ?? RULES.find((r) => r.key.test(key));
}

function merge(derived: { [key: string]: string }, extra: { [key: string]: string },
  refused: (key: string) => string | undefined, passThrough?: RegExp): { [key: string]: string } {
  const out = { ...derived };
  for (const key of Object.keys(extra).sort()) {
    const value = extra[key];
    if (typeof value !== 'string') fail(`extra spec ${key} must be a string value, got ${JSON.stringify(value)}`);
    if (!(passThrough?.test(key) && !ruleFor(key))) NovaExtraSpecs.check(key, value);
    if (key in derived) {
      if (derived[key] !== value) {
        fail(`extra spec ${key}=${JSON.stringify(value)} contradicts the derived ${key}=${JSON.stringify(derived[key])}; drop it, or set the prop that derives it`);
      }
      continue;
    }
    const why = refused(key);
    if (why) fail(`extra spec ${key} is refused: ${why}`);
    out[key] = value;
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

/**
 * Flavor extra specs checked the way Nova checks them: the validators of openstack/nova 33.0.2
 * `nova/api/validation/extra_specs/` (`validators.py` `validate`, `base.py` `ExtraSpecValidator`), with the
 * standard traits of os-traits 3.9.0 and resource classes of os-resource-classes 1.1.0.
 *
 * Nova runs these checks only for requests at API microversion 2.86 or later
 * (`nova/api/openstack/compute/flavors_extraspecs.py`); at older microversions, which Terraform's OpenStack provider
 * uses, a misspelt key is stored silently and the scheduler ignores it or finds no host. So the library runs them
 * at synth.
 */
export class NovaExtraSpecs {
  /**
   * Why Nova refuses `key=value`, or `undefined` when it accepts it. A key without a namespace Nova knows (no `:`, or
   * an unknown prefix such as a scheduler filter's own) is accepted, as Nova accepts it.
   */
  public static problem(key: string, value: string): string | undefined {
    const match = ruleFor(key);
    if (!match) {
      if (!key.includes(':')) return undefined;
      const namespace = key.split(':', 1)[0];
      if (!NAMESPACES.some((ns) => ns.test(namespace))) return undefined;
      return `extra spec ${key} is not one Nova knows in namespace ${namespace} (nova/api/validation/extra_specs); check its spelling`;
    }
    return NovaExtraSpecs.valueProblem(match.rule, match.value, key, value);
  }

  /** Fails unless Nova accepts `key=value` ({@link problem}). */
  public static check(key: string, value: string): void {
    const problem = NovaExtraSpecs.problem(key, value);
    if (problem) fail(problem);
  }

  /**
   * A VM flavor's extra specs: `derived` (what the library planned) plus the user's `extra`, each checked by Nova's
   * validators. Refused: a key of `derived` with another value, a NUMA split (`hw:numa_cpus.N`, `hw:numa_mem.N`) the
   * plan did not make, `hw:cpu_dedicated_mask` (needs `hw:cpu_policy=mixed`, which the planner never chooses), and a
   * request for a resource class the flavor's sizes and GPUs decide (`VCPU`, `PCPU`, `MEMORY_MB`, `DISK_GB`, or any
   * class `derived` or `claimedClasses` names, such as the GPUs' PCI class) in any request group.
   */
  public static mergeIntoVmFlavor(derived: { [key: string]: string }, extra: { [key: string]: string },
    claimedClasses: string[] = []): { [key: string]: string } {
    const planned = new Set([...claimedClasses, ...Object.keys(derived).map(resourceClassOf).filter((rc): rc is string => rc !== undefined)]);
    return merge(derived, extra, (key) => {
      if (/^hw:numa_(cpus|mem)\./.test(key)) return 'the guest NUMA split is derived from the GPU layout; choose numaNodes instead';
      if (key === 'hw:cpu_dedicated_mask') return 'it needs hw:cpu_policy=mixed, and GPU flavors pin every vCPU (cpuPolicy)';
      const rc = resourceClassOf(key);
      if (rc && (SIZED.includes(rc) || planned.has(rc))) {
        return `the flavor's vCPUs, RAM, disk and GPUs decide the request for ${rc}; Nova would count it twice or against the plan`;
      }
      return undefined;
    });
  }

  /**
   * A bare-metal flavor's extra specs: `derived` plus the user's `extra`, each checked by Nova's validators.
   * Refused besides a key of `derived` with another value: any `resources*` request (an Ironic node offers one unit
   * of its resource class and nothing else), and the guest-hardware keys the scheduler turns into requests no Ironic
   * node meets: CPU pinning (`hw:cpu_policy`, `hw:cpu_thread_policy`, `hw:emulator_threads_policy`, realtime and
   * dedicated masks become `PCPU` and trait requests, openstack/nova 33.0.2 `nova/scheduler/utils.py`
   * `_translate_pinning_policies`), a guest NUMA topology (`hw:numa_*`, `hw:mem_page_size`; `NUMATopologyFilter`
   * refuses a host without one, `nova/scheduler/filters/numa_topology_filter.py`), memory encryption
   * (`MEM_ENCRYPTION_CONTEXT`, `_translate_mem_encryption_request`) and PCI requests (`pci_passthrough:alias`,
   * `hw:pci_numa_affinity_policy`).
   *
   * `capabilities:<name>` keys that are Ironic node capabilities (`boot_mode`, `disk_label`, ...) pass although
   * Nova's validators list only the capabilities of a compute host and refuse them at API microversion 2.86 and
   * later: Nova's Ironic driver hands every `capabilities:` key to the node's `instance_info`
   * (`nova/virt/ironic/patcher.py`), and `ComputeCapabilitiesFilter` matches it against the node's capabilities
   * (`nova/virt/ironic/driver.py`, `nova/scheduler/filters/compute_capabilities_filter.py`).
   */
  public static mergeIntoBareMetalFlavor(derived: { [key: string]: string }, extra: { [key: string]: string }): { [key: string]: string } {
    return merge(derived, extra, (key) => {
      if (resourceClassOf(key)) return 'a bare-metal flavor requests one unit of the pool\'s resource class and nothing else';
      if (/^hw:(cpu_|numa_|mem_page_size$|mem_encryption$|emulator_threads_policy$|pci_numa_affinity_policy$)/.test(key) || key.startsWith('pci_passthrough:')) {
        return 'Nova turns it into a CPU pinning, NUMA, memory-encryption or PCI request that no Ironic node can meet (No valid host)';
      }
      return undefined;
    }, /^capabilities:\w+$/);
  }

  /**
   * What `resources<group>:<class>=<n>` keys among `specs` request, summed per resource class (zero requests left
   * out, as Nova's `ResourceRequest.strip_zeros` does). Values that are not integers are skipped: {@link check} them.
   */
  public static resourceRequests(specs: { [key: string]: string }): { [resourceClass: string]: number } {
    const out: { [resourceClass: string]: number } = {};
    for (const key of Object.keys(specs).sort()) {
      const rc = resourceClassOf(key);
      if (rc === undefined || !INTEGER.test(specs[key])) continue;
      const n = Number(specs[key].trim().replace(/_/g, ''));
      if (n > 0) out[rc] = (out[rc] ?? 0) + n;
    }
    return out;
  }

  /** Whether Nova marks `key` deprecated. */
  public static isDeprecated(key: string): boolean {
    return ruleFor(key)?.rule.deprecated ?? false;
  }

  private static valueProblem(rule: NovaExtraSpecRule, pattern: RegExp | undefined, key: string, value: string): string | undefined {
    const given = JSON.stringify(value);
    if (rule.valueType === 'bool') {
      return BOOLEANS.includes(value.trim().toLowerCase()) ? undefined : `extra spec ${key}=${given} must be a boolean (true or false)`;
    }
    if (rule.valueType === 'int') {
      if (!INTEGER.test(value)) return `extra spec ${key}=${given} must be an integer`;
      const n = Number(value.trim().replace(/_/g, ''));
      if (rule.min !== undefined && n < rule.min) return `extra spec ${key}=${given} must be at least ${rule.min}`;
      if (rule.max !== undefined && n > rule.max) return `extra spec ${key}=${given} must be at most ${rule.max}`;
      return undefined;
    }
    if (pattern && !pattern.test(value)) return `extra spec ${key}=${given} is not of the format ${rule.pattern} that Nova requires`;
    if (!pattern && rule.allowed && !rule.allowed.includes(value)) return `extra spec ${key}=${given} must be one of ${rule.allowed.join(', ')}`;
    return undefined;
  }

  private constructor() {}
}
