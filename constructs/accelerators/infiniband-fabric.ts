import { Construct } from 'constructs';
import { RdmaAttachment } from './gpu-node-pool';
import { OperandImage } from './gpu-operator-policy';
import { splitIpv4Cidr } from '../../lib/accelerators/rail-cidrs';
import { bindings } from '../common/bindings';
import { clusterScoped, isDnsLabel } from '../common/k8s';
import { guard, invalid } from '../common/validation';

/** The operand images of one NVIDIA Network Operator release. */
export interface NetworkOperatorReleaseProps {
  /** Network Operator version, e.g. `v26.1.2`. Install the operator's Helm chart of this version (with `deployCR: false`). */
  readonly operatorVersion: string;
  /** DOCA/MOFED driver container; the operator appends the OS suffix to `version`. */
  readonly docaDriver: OperandImage;
  /** RDMA shared device plugin. */
  readonly rdmaSharedDevicePlugin: OperandImage;
  /** Multus CNI. */
  readonly multus: OperandImage;
  /** Standard CNI plugins. */
  readonly cniPlugins: OperandImage;
  /** IPoIB CNI. */
  readonly ipoibCni: OperandImage;
  /** NVIDIA IPAM (nv-ipam). */
  readonly nvIpam: OperandImage;
}

/**
 * Image coordinates of a Network Operator release (the NicClusterPolicy names every operand image; the chart does not
 * render one unless `deployCR: true`). Each release below is the operand list of Mellanox/network-operator
 * `hack/release.yaml` at its tag, the file the release's Helm values and sample NicClusterPolicies are rendered from.
 */
export class NetworkOperatorRelease {
  /**
   * Network Operator v26.1.2 (Mellanox/network-operator tag v26.1.2, `hack/release.yaml`): DOCA driver
   * `doca3.3.0-26.01-1.0.0.0-0` and the component images under `nvcr.io/nvidia/mellanox` tagged
   * `network-operator-v26.1.2`. The NicClusterPolicy bindings are generated from this tag's CRD.
   */
  public static readonly V26_1_2 = new NetworkOperatorRelease(releaseImages('v26.1.2', 'doca3.3.0-26.01-1.0.0.0-0'));

  /**
   * Network Operator v26.4.1 (Mellanox/network-operator tag v26.4.1, `hack/release.yaml`): DOCA driver
   * `doca3.4.1-26.04-1.1.0.0-1` and the component images tagged `network-operator-v26.4.1`. Its CRD only relaxes
   * v26.1.2's (image `repository`/`version` become optional), so the policy we render is valid for both.
   */
  public static readonly V26_4_1 = new NetworkOperatorRelease(releaseImages('v26.4.1', 'doca3.4.1-26.04-1.1.0.0-1'));

  /**
   * Network Operator v26.1.1 (Mellanox/network-operator tag v26.1.1, `hack/release.yaml`): DOCA driver
   * `doca3.3.0-26.01-1.0.0.0-4` and the component images tagged `network-operator-v26.1.1`.
   */
  public static readonly V26_1 = new NetworkOperatorRelease(releaseImages('v26.1.1', 'doca3.3.0-26.01-1.0.0.0-4'));

  /** Another release, or the same images from a mirror. */
  public static custom(props: NetworkOperatorReleaseProps): NetworkOperatorRelease {
    return new NetworkOperatorRelease(props);
  }

  /** The release's images. */
  public readonly props: NetworkOperatorReleaseProps;

  private constructor(props: NetworkOperatorReleaseProps) {
    this.props = props;
  }
}

/** The operands of a release as `hack/release.yaml` lists them: components tagged `network-operator-<version>`. */
function releaseImages(operatorVersion: string, doca: string): NetworkOperatorReleaseProps {
  const component = (image: string): OperandImage => ({ repository: 'nvcr.io/nvidia/mellanox', image, version: `network-operator-${operatorVersion}` });
  return {
    operatorVersion,
    docaDriver: { repository: 'nvcr.io/nvidia/mellanox', image: 'doca-driver', version: doca },
    rdmaSharedDevicePlugin: component('k8s-rdma-shared-dev-plugin'),
    multus: component('multus-cni'),
    cniPlugins: component('plugins'),
    ipoibCni: component('ipoib-cni'),
    nvIpam: component('nvidia-k8s-ipam'),
  };
}

/** One InfiniBand rail of the GPU nodes: one HCA port, usually one per GPU. */
export interface InfinibandRail {
  /** The IPoIB network interface of the rail on the node, e.g. `ibp24s0`. */
  readonly interfaceName: string;
  /** The RDMA device (HCA) of the rail, e.g. `mlx5_0`; NCCL selects HCAs by this name (`NCCL_IB_HCA`). */
  readonly hcaName: string;
  /**
   * HCA port NCCL uses.
   * @default 1
   */
  readonly port?: number;
}

/** How the IPoIB interfaces of the rails get addresses. */
export class RailIpam {
  /**
   * Whereabouts IPAM: one subnet per rail, carved in rail order from `cidr` (cluster-wide allocation, no overlap between
   * nodes). Whereabouts must be installed in the cluster.
   */
  public static whereabouts(cidr: string): RailIpam {
    return new RailIpam('whereabouts', cidr);
  }

  /**
   * NVIDIA IPAM (deployed by the NicClusterPolicy): rail `i` takes addresses from the nv-ipam IPPool named
   * `<fabricName>-rail<i>`, which the cluster admin creates (nv-ipam.nvidia.com IPPool).
   */
  public static nvIpam(): RailIpam {
    return new RailIpam('nv-ipam', undefined);
  }

  /** `whereabouts` or `nv-ipam`. */
  public readonly ipamType: string;
  /** The CIDR rails are carved from, for whereabouts. */
  public readonly cidr?: string;

  private constructor(ipamType: string, cidr: string | undefined) {
    this.ipamType = ipamType;
    this.cidr = cidr;
  }
}

/** Props of {@link InfinibandFabric}. */
export interface InfinibandFabricProps {
  /** Fabric name: lower-case letters, digits and dashes; names the networks and the RDMA resource. */
  readonly fabricName: string;
  /** The rails, in the order NCCL should use them (usually HCA `i` next to GPU `i`). */
  readonly rails: InfinibandRail[];
  /**
   * How IPoIB interfaces get addresses.
   * @default RailIpam.whereabouts('172.16.0.0/16')
   */
  readonly ipam?: RailIpam;
  /**
   * Namespace of the NetworkAttachmentDefinitions. Pods in any namespace reference them as `<namespace>/<name>`;
   * Multus allows references to `default` even with namespace isolation on.
   * @default 'default'
   */
  readonly networkNamespace?: string;
  /**
   * Operand images.
   * @default NetworkOperatorRelease.V26_1_2
   */
  readonly release?: NetworkOperatorRelease;
  /**
   * Deploy the DOCA driver container. Turn off when the hosts carry MLNX_OFED/DOCA (then tell the GPU Operator
   * `hostMofed: true`).
   * @default true
   */
  readonly deployDriver?: boolean;
  /**
   * Pods that may share the RDMA devices of one node (the RDMA shared device plugin's `rdmaHcaMax`).
   * @default 63
   */
  readonly podsPerNode?: number;
}


/**
 * An InfiniBand fabric for GPUDirect RDMA, through the NVIDIA Network Operator: the NicClusterPolicy (DOCA driver, RDMA
 * shared device plugin over every rail's HCA, Multus, CNI plugins, IPoIB CNI) and one IPoIB NetworkAttachmentDefinition
 * per rail. A pod that requests one `rdma/<fabric>` unit gets every rail's HCA; `attachment` is what node pools carry
 * and {@link RdmaPodWiring} turns into pod settings (Mellanox/network-operator `example/` and `docs/`).
 */
export class InfinibandFabric extends Construct {
  /** Fabric name. */
  public readonly fabricName: string;
  /** The extended resource granting the rails' RDMA devices, e.g. `rdma/h200_ib`. */
  public readonly resourceName: string;
  /** Qualified network names (`<namespace>/<name>`), one per rail. */
  public readonly networkNames: string[];
  /** The IPoIB subnet of each rail (whereabouts IPAM only). */
  public readonly railCidrs: string[];
  /** What a node pool on this fabric carries (`GpuNodePoolProps.rdma`). */
  public readonly attachment: RdmaAttachment;

  constructor(scope: Construct, id: string, props: InfinibandFabricProps) {
    super(scope, id);
    if (!isDnsLabel(props.fabricName) || props.fabricName.length > 40) {
      invalid(this, `fabricName ${JSON.stringify(props.fabricName)} must be lower-case letters, digits and dashes, at most 40 characters`);
    }
    if (props.rails.length === 0) invalid(this, 'an InfiniBand fabric needs at least one rail');
    const seen = new Set<string>();
    for (const rail of props.rails) {
      for (const name of [rail.interfaceName, rail.hcaName]) {
        if (seen.has(name)) invalid(this, `${name} appears in two rails; every rail has its own interface and HCA`);
        seen.add(name);
      }
      if (!/^[A-Za-z0-9_.-]{1,15}$/.test(rail.interfaceName)) invalid(this, `interfaceName ${JSON.stringify(rail.interfaceName)} is not a Linux interface name (1-15 characters)`);
      if (!/^[A-Za-z0-9_]+$/.test(rail.hcaName)) invalid(this, `hcaName ${JSON.stringify(rail.hcaName)} is not an RDMA device name such as mlx5_0`);
    }
    const podsPerNode = props.podsPerNode ?? 63;
    if (!Number.isInteger(podsPerNode) || podsPerNode < 1) invalid(this, `podsPerNode ${podsPerNode} must be a positive integer`);
    const ipam = props.ipam ?? RailIpam.whereabouts('172.16.0.0/16');
    const namespace = props.networkNamespace ?? 'default';
    const release = (props.release ?? NetworkOperatorRelease.V26_1_2).props;

    this.fabricName = props.fabricName;
    const deviceResource = props.fabricName.replace(/-/g, '_');
    this.resourceName = `rdma/${deviceResource}`;
    this.railCidrs = ipam.cidr ? guard(this, () => splitIpv4Cidr(ipam.cidr!, props.rails.length)) : [];

    const image = (i: OperandImage) => ({ repository: i.repository, image: i.image, version: i.version });
    clusterScoped(new (bindings.networkOperator().NicClusterPolicy)(this, 'Resource', {
      // the Network Operator reconciles only the NicClusterPolicy named nic-cluster-policy
      metadata: { name: 'nic-cluster-policy' },
      spec: {
        ofedDriver: (props.deployDriver ?? true) ? {
          ...image(release.docaDriver),
          upgradePolicy: {
            autoUpgrade: true,
            maxParallelUpgrades: 1,
            drain: { enable: true, force: true, deleteEmptyDir: true, timeoutSeconds: 300 },
          },
        } : undefined,
        rdmaSharedDevicePlugin: {
          ...image(release.rdmaSharedDevicePlugin),
          config: JSON.stringify({
            configList: [{ resourceName: deviceResource, rdmaHcaMax: podsPerNode, selectors: { ifNames: props.rails.map((r) => r.interfaceName) } }],
          }),
        },
        secondaryNetwork: {
          cniPlugins: image(release.cniPlugins),
          multus: image(release.multus),
          ipoib: image(release.ipoibCni),
        },
        nvIpam: ipam.ipamType === 'nv-ipam' ? { ...image(release.nvIpam), enableWebhook: false } : undefined,
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      },
    }));

    this.networkNames = props.rails.map((rail, i) => {
      const name = `${props.fabricName}-rail${i}`;
      const ipamConfig = ipam.ipamType === 'nv-ipam' ? { type: 'nv-ipam', poolName: name } : { type: 'whereabouts', range: this.railCidrs[i] };
      new (bindings.multus().NetworkAttachmentDefinition)(this, `Rail${i}`, {
        metadata: { name, namespace },
        spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, type: 'ipoib', master: rail.interfaceName, ipam: ipamConfig }) },
      });
      return `${namespace}/${name}`;
    });

    this.attachment = {
      networkNames: this.networkNames,
      resourceName: this.resourceName,
      resourcesPerPod: 1,
      ncclEnvironment: {
        // exact HCA:port list, rail order (docs.nvidia.com NCCL env: NCCL_IB_HCA)
        NCCL_IB_HCA: `=${props.rails.map((r) => `${r.hcaName}:${r.port ?? 1}`).join(',')}`,
        // bootstrap and socket traffic over the pod network, not IPoIB
        NCCL_SOCKET_IFNAME: '=eth0',
      },
    };
  }
}
