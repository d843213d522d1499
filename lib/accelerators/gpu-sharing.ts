import { check } from '../errors';
import { MigDeviceCount, MigGeometry } from './mig-geometry';
import { MigStrategy, NvidiaNodeLabels, NvidiaResources } from './names';
import { GpuModel, GpuVendor } from '../hardware/gpu';

/** How several pods share one physical GPU without MIG (k8s-device-plugin `sharing`: NVIDIA/k8s-device-plugin README.md, "Shared Access to GPUs"). */
export enum GpuSharingMode {
  /** CUDA time-slicing: pods take turns on the whole GPU; no memory or fault isolation. */
  TIME_SLICING = 'timeSlicing',
  /**
   * CUDA MPS: the MPS control daemon gives each client an equal share of memory and compute. Not supported on
   * MIG-enabled GPUs.
   */
  MPS = 'mps',
}

/** The largest number of MPS clients per GPU (Volta and later; NVIDIA MPS documentation). */
export const MPS_MAX_CLIENTS = 48;

/** A sharing configuration for the device plugin. */
export interface GpuSharingSpec {
  /** Time-slicing or MPS. */
  readonly mode: GpuSharingMode;
  /** Pods per physical GPU. */
  readonly replicas: number;
  /** Advertise replicas as `nvidia.com/gpu.shared` instead of `nvidia.com/gpu`. */
  readonly renameByDefault: boolean;
  /** Reject pods that ask for more than one replica (they would get no more GPU); time-slicing only. */
  readonly failRequestsGreaterThanOne: boolean;
}

/** Checks a sharing spec for a GPU model; throws with the rule and the fix. */
export function checkSharing(gpu: GpuModel, spec: GpuSharingSpec): void {
  check(gpu.vendor === GpuVendor.NVIDIA, () => `${gpu.displayName} is not an NVIDIA GPU; time-slicing and MPS are features of the NVIDIA device plugin`);
  const max = spec.mode === GpuSharingMode.MPS ? MPS_MAX_CLIENTS : 64;
  check(Number.isInteger(spec.replicas) && spec.replicas >= 2 && spec.replicas <= max, () =>
    `${spec.mode === GpuSharingMode.MPS ? 'MPS' : 'time-slicing'} replicas ${spec.replicas} must be an integer from 2 to ${max}` +
    (spec.mode === GpuSharingMode.MPS ? ` (MPS serves at most ${MPS_MAX_CLIENTS} clients per GPU)` : '') + '; use whole GPUs for 1');
}

/** The resource a shared replica is advertised as. */
export function sharedResourceName(spec: GpuSharingSpec): string {
  return spec.renameByDefault ? NvidiaResources.SHARED_GPU : NvidiaResources.GPU;
}

/**
 * One named device plugin configuration (the value of a key in the ConfigMap the ClusterPolicy's
 * `devicePlugin.config.name` names): `version: v1`, `flags.migStrategy`, and the sharing section when given
 * (NVIDIA/k8s-device-plugin README.md, "Shared Access to GPUs").
 */
export function devicePluginConfig(migStrategy: MigStrategy | undefined, sharing?: GpuSharingSpec): Record<string, unknown> {
  const config: Record<string, unknown> = { version: 'v1', flags: { migStrategy: migStrategy ?? 'none' } };
  if (sharing) {
    const resources = [{ name: NvidiaResources.GPU, replicas: sharing.replicas }];
    config.sharing = sharing.mode === GpuSharingMode.MPS
      ? { mps: { renameByDefault: sharing.renameByDefault, resources } }
      : { timeSlicing: { renameByDefault: sharing.renameByDefault, failRequestsGreaterThanOne: sharing.failRequestsGreaterThanOne, resources } };
  }
  return config;
}

/** The GPUs of one node that get the same MIG configuration. */
export interface MigGpuGroupSpec {
  /** GPU indices on the node. */
  readonly gpuIndices: number[];
  /** Instances on each of those GPUs; empty turns MIG off on them. */
  readonly devices: MigDeviceCount[];
}

/**
 * One mig-parted configuration (a value under `mig-configs`): a list of GPU selections with `mig-enabled` and the
 * instance counts (NVIDIA/mig-parted config format, `version: v1`, as in NVIDIA/gpu-operator
 * `assets/state-mig-manager/0400_configmap.yaml`). `devices: all` when one group
 * covers every GPU of the node.
 */
export function migPartedConfig(gpu: GpuModel, groups: MigGpuGroupSpec[], gpusPerNode: number): Record<string, unknown>[] {
  return groups.map((g) => {
    const devices = g.gpuIndices.length === gpusPerNode ? 'all' : g.gpuIndices;
    if (g.devices.length === 0) return { 'devices': devices, 'mig-enabled': false };
    MigGeometry.place(gpu, g.devices);
    const counts: Record<string, number> = {};
    for (const d of g.devices) counts[d.profile] = d.count;
    return { 'devices': devices, 'mig-enabled': true, 'mig-devices': counts };
  });
}

/** The mig-parted file (`config.yaml`) with `all-disabled` and the given named configurations. */
export function migPartedFile(configs: { [name: string]: Record<string, unknown>[] }): Record<string, unknown> {
  return {
    'version': 'v1',
    'mig-configs': {
      [NvidiaNodeLabels.MIG_DISABLED_CONFIG]: [{ 'devices': 'all', 'mig-enabled': false }],
      ...configs,
    },
  };
}
