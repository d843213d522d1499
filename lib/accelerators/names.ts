/**
 * Kubernetes names the NVIDIA GPU stack defines: extended resources, node labels and the MIG strategy.
 * Workloads and queues read these from the pools' offers instead of retyping them.
 */

/**
 * How the device plugin advertises MIG instances (GPU Operator `spec.mig.strategy`, k8s-device-plugin `--mig-strategy`
 * `[none | single | mixed]`: NVIDIA/k8s-device-plugin `docs/customizing.md`).
 */
export enum MigStrategy {
  /** Every GPU of a node carries instances of one profile, advertised as `nvidia.com/gpu`. */
  SINGLE = 'single',
  /** Each profile is its own resource, `nvidia.com/mig-<profile>`; GPUs may mix profiles and MIG-disabled GPUs. */
  MIXED = 'mixed',
}

/** Extended resource names of the NVIDIA device plugin (NVIDIA/k8s-device-plugin README.md and `docs/customizing.md`). */
export class NvidiaResources {
  /** A whole GPU, or a MIG instance under the `single` strategy. */
  public static readonly GPU = 'nvidia.com/gpu';
  /** A time-sliced or MPS replica when the sharing config renames resources (`renameByDefault: true`). */
  public static readonly SHARED_GPU = 'nvidia.com/gpu.shared';

  /**
   * The resource of one MIG profile under the `mixed` strategy, e.g. `nvidia.com/mig-3g.40gb`. The device plugin turns
   * the `+` of a media-extension profile into a `.` (`1g.10gb+me` → `nvidia.com/mig-1g.10gb.me`): `+` is not allowed
   * in a resource name.
   */
  public static mig(profileName: string): string {
    return `nvidia.com/mig-${profileName.replace('+', '.')}`;
  }
}

/** Node labels the GPU Operator's components read (https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-operator-mig.html; NVIDIA/k8s-device-plugin
 * README.md, "Updating Per-Node Configuration With a Node Label"). */
export class NvidiaNodeLabels {
  /** Selects the MIG manager's named configuration for a node (`nvidia.com/mig.config=<name>`). */
  public static readonly MIG_CONFIG = 'nvidia.com/mig.config';
  /** The MIG manager reports progress here (`pending`, `success`, `failed`). */
  public static readonly MIG_CONFIG_STATE = 'nvidia.com/mig.config.state';
  /** Selects the device plugin's named configuration for a node (time-slicing / MPS). */
  public static readonly DEVICE_PLUGIN_CONFIG = 'nvidia.com/device-plugin.config';
  /** The mig-parted configuration that turns MIG off on every GPU. */
  public static readonly MIG_DISABLED_CONFIG = 'all-disabled';
}
