import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IGpuNodePool, migGroupsOf, sharingSpecOf } from './gpu-node-pool';
import type { ClusterPolicySpecMigStrategy } from '../../generated/k8s/gpu-operator';
import { devicePluginConfig, migPartedConfig, migPartedFile } from '../../lib/accelerators/gpu-sharing';
import { MigStrategy } from '../../lib/accelerators/names';
import { toYaml } from '../../lib/accelerators/yaml';
import { bindings } from '../common/bindings';
import { clusterScoped } from '../common/k8s';
import { guard, invalid } from '../common/validation';

/** A container image as the GPU and network operators take it: `<repository>/<image>:<version>`. */
export interface OperandImage {
  /** Registry and path, e.g. `nvcr.io/nvidia/k8s`. Point it at your mirror on an air-gapped site. */
  readonly repository: string;
  /** Image name, e.g. `container-toolkit`. */
  readonly image: string;
  /** Tag (or `sha256:` digest). */
  readonly version: string;
}

/** The operand images of one NVIDIA GPU Operator release. */
export interface GpuOperatorReleaseProps {
  /** GPU Operator version the images belong to, e.g. `v26.7.0`. Install the operator's Helm chart of this version. */
  readonly operatorVersion: string;
  /** Driver container; `version` is the driver version, the operator appends the OS suffix (`-ubuntu24.04`). */
  readonly driver: OperandImage;
  /**
   * Driver manager (the driver pod's init container that drains the node before a driver upgrade).
   * @default - the `DRIVER_MANAGER_IMAGE` the operator's Helm chart sets on the operator Deployment
   */
  readonly driverManager?: OperandImage;
  /** NVIDIA Container Toolkit. */
  readonly toolkit: OperandImage;
  /** Kubernetes device plugin. */
  readonly devicePlugin: OperandImage;
  /** GPU Feature Discovery (ships in the device plugin image). */
  readonly gpuFeatureDiscovery: OperandImage;
  /** Standalone DCGM host engine. */
  readonly dcgm: OperandImage;
  /** DCGM exporter (Prometheus metrics on port 9400). */
  readonly dcgmExporter: OperandImage;
  /** MIG manager. */
  readonly migManager: OperandImage;
  /**
   * Operator validator (also runs the node status exporter). Since v25.10 it is the operator image itself,
   * `nvcr.io/nvidia/gpu-operator:<operatorVersion>`; `gpu-operator-validator` is no longer published.
   */
  readonly validator: OperandImage;
  /** GDRCopy driver. */
  readonly gdrcopy: OperandImage;
  /** GPUDirect Storage (nvidia-fs) driver. */
  readonly gds: OperandImage;
}

/**
 * Image coordinates of a GPU Operator release. The operator builds every operand's image from the ClusterPolicy's
 * `repository/image:version` (or from environment variables only an OLM install sets), so a ClusterPolicy written
 * outside the Helm chart must name them. Each release below is the operand list of the chart's `values.yaml` at that
 * tag (NVIDIA/gpu-operator `deployments/gpu-operator/values.yaml`); the validator and node status exporter use the
 * operator image at the chart's `appVersion`, which the release sets to the tag.
 */
export class GpuOperatorRelease {
  /**
   * GPU Operator v26.7.0 (NVIDIA/gpu-operator tag v26.7.0, `deployments/gpu-operator/values.yaml`): driver 595.91.07,
   * driver manager v0.12.0, container toolkit v1.20.0, device plugin and GFD v0.20.0, DCGM 4.6.0-1, DCGM exporter
   * 4.6.0-4.8.3 (distroless), MIG manager v0.15.0, GDRCopy v2.6, nvidia-fs 2.29.4, validator
   * `nvcr.io/nvidia/gpu-operator:v26.7.0`. The ClusterPolicy bindings are generated from this tag's CRD.
   */
  public static readonly V26_7_0 = new GpuOperatorRelease({
    operatorVersion: 'v26.7.0',
    driver: { repository: 'nvcr.io/nvidia', image: 'driver', version: '595.91.07' },
    driverManager: { repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-driver-manager', version: 'v0.12.0' },
    toolkit: { repository: 'nvcr.io/nvidia/k8s', image: 'container-toolkit', version: 'v1.20.0' },
    devicePlugin: { repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.20.0' },
    gpuFeatureDiscovery: { repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.20.0' },
    dcgm: { repository: 'nvcr.io/nvidia/cloud-native', image: 'dcgm', version: '4.6.0-1-ubuntu24.04' },
    dcgmExporter: { repository: 'nvcr.io/nvidia/k8s', image: 'dcgm-exporter', version: '4.6.0-4.8.3-distroless' },
    migManager: { repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-mig-manager', version: 'v0.15.0' },
    validator: { repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.7.0' },
    gdrcopy: { repository: 'nvcr.io/nvidia/cloud-native', image: 'gdrdrv', version: 'v2.6' },
    gds: { repository: 'nvcr.io/nvidia/cloud-native', image: 'nvidia-fs', version: '2.29.4' },
  });

  /**
   * GPU Operator v26.3.1 (NVIDIA/gpu-operator tag v26.3.1, `deployments/gpu-operator/values.yaml`): driver 580.126.20,
   * driver manager v0.10.0, container toolkit v1.19.0, device plugin and GFD v0.19.0, DCGM 4.5.2-1, DCGM exporter
   * 4.5.1-4.8.0 (distroless), MIG manager v0.14.0, GDRCopy v2.5.2, nvidia-fs 2.27.3, validator
   * `nvcr.io/nvidia/gpu-operator:v26.3.1`.
   */
  public static readonly V26_3_1 = new GpuOperatorRelease({
    operatorVersion: 'v26.3.1',
    driver: { repository: 'nvcr.io/nvidia', image: 'driver', version: '580.126.20' },
    driverManager: { repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-driver-manager', version: 'v0.10.0' },
    toolkit: { repository: 'nvcr.io/nvidia/k8s', image: 'container-toolkit', version: 'v1.19.0' },
    devicePlugin: { repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.19.0' },
    gpuFeatureDiscovery: { repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.19.0' },
    dcgm: { repository: 'nvcr.io/nvidia/cloud-native', image: 'dcgm', version: '4.5.2-1-ubuntu22.04' },
    dcgmExporter: { repository: 'nvcr.io/nvidia/k8s', image: 'dcgm-exporter', version: '4.5.1-4.8.0-distroless' },
    migManager: { repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-mig-manager', version: 'v0.14.0' },
    validator: { repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.3.1' },
    gdrcopy: { repository: 'nvcr.io/nvidia/cloud-native', image: 'gdrdrv', version: 'v2.5.2' },
    gds: { repository: 'nvcr.io/nvidia/cloud-native', image: 'nvidia-fs', version: '2.27.3' },
  });

  /** Another release, or the same images from a mirror. */
  public static custom(props: GpuOperatorReleaseProps): GpuOperatorRelease {
    return new GpuOperatorRelease(props);
  }

  /** The release's images. */
  public readonly props: GpuOperatorReleaseProps;

  private constructor(props: GpuOperatorReleaseProps) {
    this.props = props;
  }
}

/** Props of {@link GpuOperatorPolicy}. */
export interface GpuOperatorPolicyProps {
  /**
   * GPU node pools whose MIG layouts and sharing configs the policy carries; more with `addPool()`.
   * @default - none yet
   */
  readonly pools?: IGpuNodePool[];
  /**
   * Operand images.
   * @default GpuOperatorRelease.V26_7_0
   */
  readonly release?: GpuOperatorRelease;
  /**
   * Namespace the GPU Operator runs in (its ConfigMaps and the DCGM exporter Service live there).
   * @default 'gpu-operator'
   */
  readonly operatorNamespace?: string;
  /**
   * Driver version of the driver container (with the operator's OS suffix added).
   * @default - the release's default driver
   */
  readonly driverVersion?: string;
  /**
   * Deploy the driver as a container. Turn off when the node image already carries the NVIDIA driver.
   * @default true
   */
  readonly deployDriver?: boolean;
  /**
   * Build nvidia-peermem for GPUDirect RDMA.
   * @default - on when a pool has an RDMA fabric
   */
  readonly gpuDirectRdma?: boolean;
  /**
   * The Mellanox/DOCA driver is installed on the host rather than by the network operator's driver container.
   * @default false
   */
  readonly hostMofed?: boolean;
  /**
   * Deploy GDRCopy (low-latency GPU memory copies, used by NCCL and UCX).
   * @default false
   */
  readonly gdrcopy?: boolean;
  /**
   * Deploy GPUDirect Storage (nvidia-fs).
   * @default false
   */
  readonly gpuDirectStorage?: boolean;
  /**
   * Render a ServiceMonitor for the DCGM exporter.
   * @default true
   */
  readonly monitoring?: boolean;
  /**
   * Labels on the ServiceMonitor, so your Prometheus selects it (e.g. `release: kube-prometheus-stack`).
   * @default - none
   */
  readonly serviceMonitorLabels?: { [key: string]: string };
  /**
   * Scrape interval of the DCGM exporter in seconds.
   * @default 15
   */
  readonly scrapeIntervalSeconds?: number;
}

/** `v25.10.0` → [25, 10, 0]; undefined when the version is not `vX.Y[.Z]`. */
function releaseNumbers(version: string): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/**
 * Refuses image coordinates the operator cannot turn into a pull (NVIDIA/gpu-operator
 * `api/nvidia/v1/clusterpolicy_types.go` `imagePath`: repository, image and version all set, or only image) and the
 * validator image that stopped being published with v25.10 (its code moved into the operator image).
 */
function checkRelease(scope: Construct, release: GpuOperatorReleaseProps): void {
  const images: [string, OperandImage | undefined][] = [
    ['driver', release.driver], ['driverManager', release.driverManager], ['toolkit', release.toolkit],
    ['devicePlugin', release.devicePlugin], ['gpuFeatureDiscovery', release.gpuFeatureDiscovery], ['dcgm', release.dcgm],
    ['dcgmExporter', release.dcgmExporter], ['migManager', release.migManager], ['validator', release.validator],
    ['gdrcopy', release.gdrcopy], ['gds', release.gds],
  ];
  for (const [name, i] of images) {
    if (i === undefined || (!i.repository && !i.version && i.image)) continue; // a full reference in image (kbld)
    if (!i.repository || !i.image || !i.version || /[\s:@]/.test(i.version.replace(/^sha256:/, ''))) {
      invalid(scope, `release ${release.operatorVersion} ${name} image ${JSON.stringify(`${i.repository}/${i.image}:${i.version}`)} ` +
        'needs a repository, an image and a version (a tag, or a sha256: digest); the operator refuses a partial image');
    }
  }
  const v = releaseNumbers(release.operatorVersion);
  const folded = v !== undefined && (v[0] > 25 || (v[0] === 25 && v[1] >= 10));
  if (v && folded && release.validator.image === 'gpu-operator-validator') {
    invalid(scope, `release ${release.operatorVersion} names the validator image gpu-operator-validator, which is not published since ` +
      `v25.10 (the validator is part of the operator image); use { repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: '${release.operatorVersion}' }`);
  }
  if (v && !folded && release.validator.image === 'gpu-operator') {
    invalid(scope, `release ${release.operatorVersion} names the operator image as validator, but before v25.10 the validator is its own image; ` +
      `use { repository: 'nvcr.io/nvidia/cloud-native', image: 'gpu-operator-validator', version: '${release.operatorVersion}' }`);
  }
}

/** Name of the MIG manager's ConfigMap. */
const MIG_CONFIG_MAP = 'ai-factory-mig-parted-config';
/** Name of the device plugin's ConfigMap. */
const DEVICE_PLUGIN_CONFIG_MAP = 'ai-factory-device-plugin-config';
/** Key of the device plugin configuration nodes without the label get. */
const DEFAULT_DEVICE_PLUGIN_CONFIG = 'default';

/**
 * The NVIDIA GPU Operator's ClusterPolicy for the cluster's GPU pools: driver, container toolkit, device plugin, GPU
 * Feature Discovery, DCGM exporter with a ServiceMonitor, the MIG manager with the pools' MIG layouts (a mig-parted
 * ConfigMap), the device plugin's time-slicing/MPS configs (a ConfigMap keyed by pool), and GDRCopy, GPUDirect RDMA
 * and GPUDirect Storage when asked.
 *
 * The operator itself (Deployment, RBAC, CRDs) comes from its Helm chart of the release's version; the chart also
 * renders a ClusterPolicy named `cluster-policy`, which this one, of the same name, replaces (apply it after the chart).
 * The pools' nodes select their configuration with the labels in `pool.nodeLabels` (`nvidia.com/mig.config`,
 * `nvidia.com/device-plugin.config`), set on their node groups.
 */
export class GpuOperatorPolicy extends Construct {
  /** Name of the ClusterPolicy. */
  public readonly policyName = 'cluster-policy';
  /** Namespace of the operator. */
  public readonly operatorNamespace: string;
  private readonly pools: IGpuNodePool[] = [];
  private readonly props: GpuOperatorPolicyProps;
  private migConfigMap?: k8s.KubeConfigMap;
  private devicePluginConfigMap?: k8s.KubeConfigMap;

  constructor(scope: Construct, id: string, props: GpuOperatorPolicyProps = {}) {
    super(scope, id);
    this.props = props;
    this.operatorNamespace = props.operatorNamespace ?? 'gpu-operator';
    const release = (props.release ?? GpuOperatorRelease.V26_7_0).props;
    checkRelease(this, release);
    const interval = props.scrapeIntervalSeconds ?? 15;
    if (!Number.isInteger(interval) || interval < 1) invalid(this, `scrapeIntervalSeconds ${interval} must be a positive integer`);

    const image = (i: { repository: string; image: string; version: string }) => ({ repository: i.repository, image: i.image, version: i.version });
    clusterScoped(new (bindings.gpuOperator().ClusterPolicy)(this, 'Resource', {
      metadata: { name: this.policyName },
      spec: {
        operator: { defaultRuntime: 'containerd' },
        daemonsets: {
          priorityClassName: 'system-node-critical',
          tolerations: Lazy.any({ produce: () => this.daemonsetTolerations() }),
        },
        driver: {
          enabled: props.deployDriver ?? true,
          ...image(release.driver),
          version: props.driverVersion ?? release.driver.version,
          manager: release.driverManager ? image(release.driverManager) : undefined,
          rdma: Lazy.any({ produce: () => (this.gpuDirectRdma ? { enabled: true, useHostMofed: props.hostMofed ?? false } : undefined) }),
        },
        toolkit: { enabled: true, ...image(release.toolkit) },
        devicePlugin: {
          enabled: true,
          ...image(release.devicePlugin),
          config: Lazy.any({
            produce: () => (this.devicePluginConfigMap ? { name: DEVICE_PLUGIN_CONFIG_MAP, default: DEFAULT_DEVICE_PLUGIN_CONFIG } : undefined),
          }),
        },
        gfd: { enabled: true, ...image(release.gpuFeatureDiscovery) },
        dcgm: { enabled: false, ...image(release.dcgm) },
        dcgmExporter: { enabled: true, ...image(release.dcgmExporter), serviceMonitor: { enabled: false } },
        mig: Lazy.any({ produce: () => (this.migStrategy ? { strategy: this.migStrategy as string as ClusterPolicySpecMigStrategy } : undefined) }),
        migManager: Lazy.any({
          produce: () => ({
            enabled: this.migConfigMap !== undefined,
            ...image(release.migManager),
            config: this.migConfigMap
              ? { name: MIG_CONFIG_MAP, default: bindings.gpuOperator().ClusterPolicySpecMigManagerConfigDefault.ALL_HYPHEN_DISABLED }
              : undefined,
            env: [{ name: 'WITH_REBOOT', value: 'false' }],
          }),
        }),
        nodeStatusExporter: { enabled: false, ...image(release.validator) },
        validator: image(release.validator),
        gdrcopy: props.gdrcopy ? { enabled: true, ...image(release.gdrcopy) } : undefined,
        gds: props.gpuDirectStorage ? { enabled: true, ...image(release.gds) } : undefined,
      },
    }));

    if (props.monitoring ?? true) {
      // The operator's DCGM exporter Service: `nvidia-dcgm-exporter`, label app=nvidia-dcgm-exporter, port gpu-metrics (9400).
      new (bindings.prometheusOperator().ServiceMonitor)(this, 'DcgmExporterMonitor', {
        metadata: { name: 'nvidia-dcgm-exporter', namespace: this.operatorNamespace, labels: props.serviceMonitorLabels },
        spec: {
          selector: { matchLabels: { app: 'nvidia-dcgm-exporter' } },
          namespaceSelector: { matchNames: [this.operatorNamespace] },
          endpoints: [{ port: 'gpu-metrics', path: '/metrics', interval: `${interval}s`, honorLabels: true }],
        },
      });
    }
    for (const pool of props.pools ?? []) this.addPool(pool);
  }

  /**
   * Carries a pool's configuration: its MIG layout in the MIG manager's ConfigMap, its time-slicing/MPS config in the
   * device plugin's ConfigMap, and its taints in the operator DaemonSets' tolerations.
   */
  public addPool(pool: IGpuNodePool): void {
    if (this.pools.includes(pool)) return;
    const others = this.pools;
    const clash = others.find((p) => p.poolName === pool.poolName);
    if (clash) invalid(this, `two pools are named ${pool.poolName}; pool names key the device plugin configs, give each pool its own name`);
    const strategy = pool.partitioning.migStrategy;
    const current = this.migStrategy;
    if (strategy && current && strategy !== current) {
      const first = others.find((p) => p.partitioning.migStrategy === current)!;
      invalid(this, `pool ${pool.poolName} uses the ${strategy} MIG strategy but pool ${first.poolName} uses ${current}; the strategy is cluster-wide (ClusterPolicy spec.mig.strategy), use one for every MIG pool`);
    }
    const layout = pool.partitioning.migLayout;
    if (layout) {
      const sameName = others.find((p) => p.partitioning.migLayout?.configName === layout.configName);
      if (sameName && JSON.stringify(this.migEntry(sameName)) !== JSON.stringify(guard(this, () => this.migEntry(pool)))) {
        invalid(this, `pools ${sameName.poolName} and ${pool.poolName} both name their MIG layout ${layout.configName} but the layouts differ; give each layout its own configName`);
      }
    }
    this.pools.push(pool);
    if (layout && !this.migConfigMap) {
      this.migConfigMap = new k8s.KubeConfigMap(this, 'MigConfig', {
        metadata: { name: MIG_CONFIG_MAP, namespace: this.operatorNamespace },
        data: { 'config.yaml': Lazy.any({ produce: () => toYaml(this.migFile()) }) },
      });
    }
    if (pool.partitioning.shared && !this.devicePluginConfigMap) {
      this.devicePluginConfigMap = new k8s.KubeConfigMap(this, 'DevicePluginConfig', {
        metadata: { name: DEVICE_PLUGIN_CONFIG_MAP, namespace: this.operatorNamespace },
        data: Lazy.any({ produce: () => this.devicePluginData() }),
      });
    }
  }

  /** The cluster's MIG strategy: that of its MIG pools. */
  public get migStrategy(): MigStrategy | undefined {
    return this.pools.map((p) => p.partitioning.migStrategy).find((s) => s !== undefined);
  }

  /** Whether nvidia-peermem is built for GPUDirect RDMA. */
  public get gpuDirectRdma(): boolean {
    return this.props.gpuDirectRdma ?? this.pools.some((p) => p.rdma !== undefined);
  }

  private migEntry(pool: IGpuNodePool): Record<string, unknown>[] {
    const layout = pool.partitioning.migLayout!;
    return migPartedConfig(pool.gpuModel, migGroupsOf(layout, pool.gpusPerNode), pool.gpusPerNode);
  }

  private migFile(): Record<string, unknown> {
    const configs: { [name: string]: Record<string, unknown>[] } = {};
    for (const pool of this.pools) {
      const layout = pool.partitioning.migLayout;
      if (layout) configs[layout.configName] = this.migEntry(pool);
    }
    return migPartedFile(configs);
  }

  private devicePluginData(): { [key: string]: string } {
    const strategy = this.migStrategy;
    const data: { [key: string]: string } = { [DEFAULT_DEVICE_PLUGIN_CONFIG]: toYaml(devicePluginConfig(strategy)) };
    for (const pool of this.pools) {
      const sharing = sharingSpecOf(pool.partitioning);
      if (sharing) data[pool.poolName] = toYaml(devicePluginConfig(strategy, sharing));
    }
    return data;
  }

  private daemonsetTolerations(): { key?: string; operator?: string; effect?: string; value?: string }[] {
    const seen = new Map<string, { key?: string; operator?: string; effect?: string }>();
    seen.set('nvidia.com/gpu:NoSchedule', { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    for (const pool of this.pools) {
      for (const taint of pool.nodeTaints) {
        seen.set(`${taint.key}:${taint.effect}`, { key: taint.key, operator: 'Exists', effect: taint.effect });
      }
    }
    return [...seen.values()];
  }
}
