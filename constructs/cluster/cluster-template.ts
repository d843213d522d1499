import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IClusterImage, ImageVisibility } from './cluster-image';
import { IServerFlavor } from './existing-flavor';
import { checkExtraLabels, KUBE_TAG, magnumBool, sortedLabels } from './magnum-labels';
import { credentialsText, providerFor, TenantCloud } from './tenant-cloud';
import { bindings } from '../common/bindings';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { IExternalNetwork } from '../network/external-network';

/** The CNI magnum-cluster-api deploys; it refuses any other (`UnsupportedCNI`, magnum_cluster_api/utils.py). */
export enum NetworkDriver {
  /** Calico (the driver's default). */
  CALICO = 'calico',
  /** Cilium. */
  CILIUM = 'cilium',
}

/** How the Kubernetes API load balancer is reached. */
export enum ApiEndpointAccess {
  /** A floating IP on the API load balancer (label `master_lb_floating_ip_enabled=true`). */
  FLOATING_IP = 'floating-ip',
  /**
   * No floating IP: the API is reachable only from the cluster network. Needs `magnum-cluster-api-proxy` on the Neutron
   * nodes (vexxhost/magnum-cluster-api docs/user/labels.md, `master_lb_floating_ip_enabled`), and a Terraform runner inside that network to deploy workloads.
   */
  PRIVATE = 'private',
}

/** Octavia provider for the load balancers the cluster creates (label `octavia_provider`). */
export enum OctaviaProvider {
  /** Amphora VMs (round robin). */
  AMPHORA = 'amphora',
  /** OVN (SOURCE_IP_PORT only, no L7). */
  OVN = 'ovn',
}

/** A Cinder boot volume for every VM node, instead of the flavor's local root disk. */
export interface BootVolume {
  /** Size in GB (label `boot_volume_size`). */
  readonly sizeGb: number;
  /**
   * Cinder volume type (label `boot_volume_type`).
   * @default - Magnum's `[cinder]/default_boot_volume_type`
   */
  readonly volumeType?: string;
}

/** A Magnum cluster template for magnum-cluster-api. */
export interface IClusterTemplate extends IConstruct {
  /** Template id (a Terraform reference). */
  readonly templateId: string;
  /** Template name. */
  readonly templateName: string;
  /** The node image (control plane and default workers). */
  readonly image: IClusterImage;
  /** Kubernetes version (`kube_tag`), e.g. `v1.33.12`. */
  readonly kubernetesVersion: string;
  /** The CNI. */
  readonly networkDriver: NetworkDriver;
  /** Whether every project may use the template. */
  readonly isPublic: boolean;
  /** Every label of the template (clusters inherit them). */
  readonly labels: { [key: string]: string };
  /**
   * The boot volume of VM nodes.
   * @default - nodes boot from the flavor's local disk
   */
  readonly bootVolume?: BootVolume;
  /**
   * The credentials that own the template.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/** Props of {@link ClusterTemplate}. */
export interface ClusterTemplateProps {
  /**
   * Template name.
   * @default - the construct id, lower-cased
   */
  readonly templateName?: string;
  /** The image of the control plane and default workers; its `os_distro` selects magnum-cluster-api. */
  readonly image: IClusterImage;
  /**
   * Kubernetes version (`kube_tag`); must be the version the image was built for.
   * @default - the image's kubernetesVersion
   */
  readonly kubernetesVersion?: string;
  /** The external network for the API load balancer's floating IP and the cluster router. */
  readonly externalNetwork: IExternalNetwork;
  /** Flavor of the control plane VMs. */
  readonly controlPlaneFlavor: IServerFlavor;
  /** Flavor of the default worker node group (system pods: CoreDNS, operators, controllers). */
  readonly workerFlavor: IServerFlavor;
  /**
   * The CNI.
   * @default NetworkDriver.CALICO
   */
  readonly networkDriver?: NetworkDriver;
  /**
   * How the Kubernetes API is reached. The API always sits behind an Octavia load balancer (`master_lb_enabled`): the
   * Cluster API driver needs it.
   * @default ApiEndpointAccess.FLOATING_IP
   */
  readonly apiAccess?: ApiEndpointAccess;
  /**
   * Give every node a floating IP (`floating_ip_enabled`). Nodes reach the outside through the cluster router anyway.
   * @default false
   */
  readonly nodeFloatingIps?: boolean;
  /**
   * Boot VM nodes from a Cinder volume (labels `boot_volume_size`, `boot_volume_type`): needed for GPU flavors with a
   * 0 GB root disk. Bare-metal node groups never use it (Ironic deploys to the local disk). Cannot change after a
   * cluster is created.
   * @default - nodes boot from the flavor's local disk
   */
  readonly bootVolume?: BootVolume;
  /**
   * DNS server for the network the driver creates when a cluster has no network of its own.
   * @default - Magnum's default
   */
  readonly dnsNameserver?: string;
  /**
   * Registry prefix for the system images (`container_infra_prefix`), e.g. an air-gapped mirror.
   * @default - upstream registries
   */
  readonly containerRegistry?: string;
  /**
   * Octavia provider for the cluster's load balancers (`octavia_provider`).
   * @default - Octavia's default provider
   */
  readonly octaviaProvider?: OctaviaProvider;
  /**
   * API server audit log on the control plane (`audit_log_enabled`).
   * @default false
   */
  readonly auditLog?: boolean;
  /**
   * More magnum-cluster-api labels (e.g. `calico_ipv4pool`, `oidc_issuer_url`). Labels a prop sets are refused here;
   * Kubernetes-style keys are refused (Magnum labels never reach the nodes); unknown keys warn.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Let every project use the template. Publishing a template is admin-only (Magnum policy `clustertemplate:publish`).
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * Create the template as a tenant (a private template is visible to its own project only).
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/** Props of {@link ClusterTemplate.fromTemplateName}: the template's name and what synth must know about it. */
export interface ClusterTemplateLookupProps {
  /** Name of the existing template. */
  readonly templateName: string;
  /**
   * The template's node image (e.g. a {@link ClusterImage} looked up by name); its Kubernetes version must be the
   * template's `kube_tag`, which the plan checks.
   */
  readonly image: IClusterImage;
  /**
   * The template's CNI (checked by the plan).
   * @default NetworkDriver.CALICO
   */
  readonly networkDriver?: NetworkDriver;
  /**
   * Whether the template is public (checked by the plan); a private template can only be used with its owner's credentials.
   * @default true
   */
  readonly isPublic?: boolean;
  /**
   * The credentials that own (or can see) the template; the lookup runs with them.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/**
 * A Magnum cluster template for the Cluster API driver (vexxhost magnum-cluster-api): `coe=kubernetes`, VM control
 * plane behind an Octavia load balancer, Calico or Cilium, the `kube_tag` of its image, and the driver's labels for
 * the API floating IP, boot volumes, registry mirror and Octavia provider (vexxhost/magnum-cluster-api docs/user/labels.md).
 */
export class ClusterTemplate extends Construct implements IClusterTemplate {
  /**
   * An existing cluster template, looked up by name (`data.openstack_containerinfra_clustertemplate_v1`), e.g. the
   * operator's shared template, so clusters of this app can use it. The plan fails when the template does not exist,
   * or when its `kube_tag` label, network driver or visibility differ from `props`.
   */
  public static fromTemplateName(scope: Construct, id: string, props: ClusterTemplateLookupProps): IClusterTemplate {
    return new ImportedClusterTemplate(scope, id, props);
  }

  public readonly templateId: string;
  public readonly templateName: string;
  public readonly image: IClusterImage;
  public readonly kubernetesVersion: string;
  public readonly networkDriver: NetworkDriver;
  public readonly isPublic: boolean;
  public readonly labels: { [key: string]: string };
  public readonly bootVolume?: BootVolume;
  public readonly credentials?: TenantCloud;
  /** How the API is reached. */
  public readonly apiAccess: ApiEndpointAccess;

  constructor(scope: Construct, id: string, props: ClusterTemplateProps) {
    super(scope, id);
    this.templateName = props.templateName ?? id.toLowerCase();
    checkMagnumName(this, 'templateName', this.templateName);
    this.image = props.image;
    this.credentials = props.credentials;
    this.isPublic = props.isPublic ?? false;
    this.networkDriver = props.networkDriver ?? NetworkDriver.CALICO;
    this.apiAccess = props.apiAccess ?? ApiEndpointAccess.FLOATING_IP;
    this.kubernetesVersion = props.kubernetesVersion ?? props.image.kubernetesVersion;
    if (!KUBE_TAG.test(this.kubernetesVersion)) {
      invalid(this, `kubernetesVersion ${JSON.stringify(this.kubernetesVersion)} must look like v1.33.12 (magnum-cluster-api's kube_tag)`);
    }
    if (this.kubernetesVersion !== props.image.kubernetesVersion) {
      invalid(
        this,
        `kubernetesVersion ${this.kubernetesVersion} has no matching image: image ${props.image.imageName} was built for ${props.image.kubernetesVersion}; ` +
          `magnum-cluster-api needs one image per kube_tag, so give a ${this.kubernetesVersion} image or use ${props.image.kubernetesVersion}`,
      );
    }
    if (props.image.bareMetal) {
      invalid(this, `image ${props.image.imageName} is a bare-metal image (img_hv_type=baremetal) but the control plane and default workers are VMs; give the template a VM image and the bare-metal image to the bare-metal node groups`);
    }
    if (this.isPublic && props.credentials) {
      invalid(this, `a public template cannot be created with the tenant credentials of ${props.credentials.cloudName}: publishing is admin-only (clustertemplate:publish); drop credentials or isPublic`);
    }
    checkImageVisible(this, props.image, props.credentials);
    if (props.bootVolume) checkBootVolume(this, props.bootVolume);
    this.bootVolume = props.bootVolume;

    const managed: { [key: string]: string } = {
      kube_tag: this.kubernetesVersion,
      master_lb_floating_ip_enabled: magnumBool(this.apiAccess === ApiEndpointAccess.FLOATING_IP),
    };
    if (props.bootVolume) {
      managed.boot_volume_size = String(props.bootVolume.sizeGb);
      if (props.bootVolume.volumeType) managed.boot_volume_type = props.bootVolume.volumeType;
    }
    if (props.containerRegistry !== undefined) managed.container_infra_prefix = props.containerRegistry;
    if (props.octaviaProvider !== undefined) managed.octavia_provider = props.octaviaProvider;
    if (props.auditLog !== undefined) managed.audit_log_enabled = magnumBool(props.auditLog);
    // the autoscaler and auto-healing are per cluster (MagnumCluster props); refuse them here so there is one place
    const clusterLevel = { auto_scaling_enabled: 'MagnumCluster autoScaling', auto_healing_enabled: 'MagnumCluster autoHealing' };
    const extra = props.labels ?? {};
    for (const [key, where] of Object.entries(clusterLevel)) {
      if (Object.prototype.hasOwnProperty.call(extra, key)) invalid(this, `label ${key} is a per-cluster choice; set ${where} instead`);
    }
    const unknown = guard(this, () => checkExtraLabels(extra, managed));
    for (const key of unknown) {
      warn(this, `label ${key} is not a magnum-cluster-api label; the driver ignores it`);
    }
    this.labels = sortedLabels({ ...managed, ...extra });

    const template = new (bindings.containerinfraClustertemplateV1().ContainerinfraClustertemplateV1)(this, 'Resource', {
      name: this.templateName,
      coe: 'kubernetes',
      serverType: 'vm',
      image: props.image.imageId,
      networkDriver: this.networkDriver,
      volumeDriver: 'cinder',
      externalNetworkId: props.externalNetwork.networkId,
      masterFlavor: props.controlPlaneFlavor.flavorId,
      flavor: props.workerFlavor.flavorId,
      masterLbEnabled: true,
      floatingIpEnabled: props.nodeFloatingIps ?? false,
      tlsDisabled: false,
      public: this.isPublic,
      dnsNameserver: props.dnsNameserver,
      labels: this.labels,
      provider: providerFor(this, props.credentials),
    });
    this.templateId = template.id;
  }
}

/** A cluster template that exists already (see {@link ClusterTemplate.fromTemplateName}). */
class ImportedClusterTemplate extends Construct implements IClusterTemplate {
  public readonly templateId: string;
  public readonly templateName: string;
  public readonly image: IClusterImage;
  public readonly kubernetesVersion: string;
  public readonly networkDriver: NetworkDriver;
  public readonly isPublic: boolean;
  public readonly labels: { [key: string]: string };
  public readonly credentials?: TenantCloud;

  constructor(scope: Construct, id: string, props: ClusterTemplateLookupProps) {
    super(scope, id);
    checkMagnumName(this, 'templateName', props.templateName);
    if (props.image.bareMetal) {
      invalid(this, `image ${props.image.imageName} is a bare-metal image (img_hv_type=baremetal) but a template's control plane and default workers are VMs; give the template's VM image`);
    }
    checkImageVisible(this, props.image, props.credentials);
    this.templateName = props.templateName;
    this.image = props.image;
    this.kubernetesVersion = props.image.kubernetesVersion;
    this.networkDriver = props.networkDriver ?? NetworkDriver.CALICO;
    this.isPublic = props.isPublic ?? true;
    this.credentials = props.credentials;
    // what we know of its labels: clusters inherit kube_tag (magnum-cluster-api reads the version from it)
    this.labels = { kube_tag: this.kubernetesVersion };
    const template = new (bindings.dataOpenstackContainerinfraClustertemplateV1().DataOpenstackContainerinfraClustertemplateV1)(this, 'Resource', {
      name: props.templateName,
      provider: providerFor(this, props.credentials),
      lifecycle: {
        postcondition: [
          {
            condition: `\${try(self.labels.kube_tag, "") == "${this.kubernetesVersion}"}`,
            errorMessage: `Cluster template ${this.templateName}: its kube_tag label is not ${this.kubernetesVersion}, the Kubernetes version of image ${this.image.imageName}.`,
          },
          {
            condition: `\${self.network_driver == "${this.networkDriver}"}`,
            errorMessage: `Cluster template ${this.templateName}: its network driver is not ${this.networkDriver}.`,
          },
          {
            condition: `\${self.public == ${this.isPublic}}`,
            errorMessage: `Cluster template ${this.templateName}: it is ${this.isPublic ? 'private' : 'public'}, but isPublic says ${this.isPublic}.`,
          },
        ],
      },
    });
    this.templateId = template.id;
  }
}

/**
 * Magnum's name rule as we apply it: a letter first, then letters, digits, `_`, `.`, `-`; 63 characters at most.
 * Not part of the jsii API.
 */
export function checkMagnumName(scope: IConstruct, prop: string, name: string): void {
  if (Token.isUnresolved(name) || !/^[A-Za-z][A-Za-z0-9_.-]{0,62}$/.test(name)) {
    invalid(scope, `${prop} ${JSON.stringify(name)} must start with a letter and use letters, digits, _ . - (at most 63)`);
  }
}

/** A boot volume needs a positive whole size. Not part of the jsii API. */
function checkBootVolume(scope: IConstruct, volume: BootVolume): void {
  if (!Number.isInteger(volume.sizeGb) || volume.sizeGb < 1) {
    invalid(scope, `bootVolume.sizeGb ${volume.sizeGb} must be a positive integer (GB)`);
  }
}

/**
 * A private image of one owner cannot be booted by another project. Not part of the jsii API.
 */
export function checkImageVisible(scope: IConstruct, image: IClusterImage, user: TenantCloud | undefined): void {
  if (image.visibility !== ImageVisibility.PRIVATE || image.credentials === user) return;
  invalid(
    scope,
    `image ${image.imageName} is private to ${credentialsText(image.credentials)} but is used with ${credentialsText(user)}; ` +
      'Nova could not boot it: make the image public, shared or community, or upload it with the same credentials',
  );
}
