import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { KUBE_TAG } from './magnum-labels';
import { providerFor, TenantCloud } from './tenant-cloud';
import { bindings } from '../common/bindings';
import { invalid } from '../common/validation';

/**
 * The image's `os_distro`, which selects the Magnum driver: magnum-cluster-api provides `coe=kubernetes`,
 * `server_type=vm` for these distros only (vexxhost/magnum-cluster-api magnum_cluster_api/driver.py `provides`).
 */
export enum ImageDistro {
  /** Ubuntu (vexxhost's capo-image-elements images). */
  UBUNTU = 'ubuntu',
  /** Ubuntu 20.04 images of older releases. */
  UBUNTU_FOCAL = 'ubuntu-focal',
  /** Debian. */
  DEBIAN = 'debian',
  /** Flatcar Container Linux. */
  FLATCAR = 'flatcar',
  /** Rocky Linux. */
  ROCKY_LINUX = 'rockylinux',
}

/** Who may boot an uploaded image (Glance `visibility`). */
export enum ImageVisibility {
  /** Every project (publishing an image is admin-only by default). */
  PUBLIC = 'public',
  /** The owner's project only. */
  PRIVATE = 'private',
  /** The owner's project and projects it is shared with. */
  SHARED = 'shared',
  /** Every project, without being listed by default. */
  COMMUNITY = 'community',
}

/** Disk format of an uploaded image. */
export enum ImageDiskFormat {
  /** qcow2 (vexxhost publishes its images as qcow2). */
  QCOW2 = 'qcow2',
  /** raw (needed when Nova's ephemeral disks or Cinder volumes live on Ceph RBD, to avoid conversions). */
  RAW = 'raw',
}

/** A Glance image a Magnum cluster's nodes boot: one Kubernetes version, one distro, VMs or bare metal. */
export interface IClusterImage extends IConstruct {
  /** Image id (a Terraform reference). */
  readonly imageId: string;
  /** Image name. */
  readonly imageName: string;
  /** The Kubernetes version baked into the image, e.g. `v1.33.12` (the cluster's `kube_tag` must match it). */
  readonly kubernetesVersion: string;
  /** The image's `os_distro`. */
  readonly osDistro: ImageDistro;
  /** Whether the image is for bare-metal (Ironic) servers: it carries `img_hv_type=baremetal`. */
  readonly bareMetal: boolean;
  /**
   * Who the image is visible to.
   * @default - unknown (an existing image looked up by name)
   */
  readonly visibility?: ImageVisibility;
  /**
   * The credentials that own the image.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/** Props of {@link ClusterImage}. */
export interface ClusterImageProps {
  /** Image name, e.g. `ubuntu-24.04-v1.33.12`. */
  readonly imageName: string;
  /** The Kubernetes version the image was built for, e.g. `v1.33.12`: magnum-cluster-api needs one image per `kube_tag`. */
  readonly kubernetesVersion: string;
  /**
   * The image's distro, which selects the magnum-cluster-api driver.
   * @default ImageDistro.UBUNTU
   */
  readonly osDistro?: ImageDistro;
  /**
   * An image for bare-metal (Ironic) servers. The image gets `img_hv_type=baremetal` (Nova's ImagePropertiesFilter, on by
   * default, then passes only Ironic nodes, whose driver reports hypervisor type `baremetal`), so a server of this image
   * can never land on a KVM hypervisor, whatever its flavor.
   * @default false
   */
  readonly bareMetal?: boolean;
  /**
   * Upload the image from this URL. Without it, an existing image of this name is looked up, and the lookup only matches
   * an image carrying the right `os_distro` (and `img_hv_type=baremetal` for bare metal), so the plan fails early
   * instead of Magnum finding no driver.
   * @default - look up an existing image
   */
  readonly sourceUrl?: string;
  /**
   * Disk format of the uploaded image.
   * @default ImageDiskFormat.QCOW2
   */
  readonly diskFormat?: ImageDiskFormat;
  /**
   * Let Glance download the image itself (`web-download` import) instead of Terraform downloading and uploading it.
   * @default false
   */
  readonly webDownload?: boolean;
  /**
   * Visibility of the uploaded image.
   * @default ImageVisibility.PUBLIC
   */
  readonly visibility?: ImageVisibility;
  /**
   * Upload or look up the image as a tenant.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/**
 * A node image for magnum-cluster-api: uploaded from a URL with the Glance properties the driver and Nova need
 * (`os_distro`, and `img_hv_type=baremetal` for bare metal), or an existing image looked up by name and those
 * properties. It records the Kubernetes version it was built for, so templates and node groups can refuse a version
 * without a matching image.
 */
export class ClusterImage extends Construct implements IClusterImage {
  public readonly imageId: string;
  public readonly imageName: string;
  public readonly kubernetesVersion: string;
  public readonly osDistro: ImageDistro;
  public readonly bareMetal: boolean;
  public readonly visibility?: ImageVisibility;
  public readonly credentials?: TenantCloud;
  /** The Glance properties the image carries (uploaded) or must carry (looked up). */
  public readonly properties: { [key: string]: string };

  constructor(scope: Construct, id: string, props: ClusterImageProps) {
    super(scope, id);
    if (Token.isUnresolved(props.imageName) || props.imageName.trim() === '') invalid(this, 'imageName must be a non-empty literal');
    if (!KUBE_TAG.test(props.kubernetesVersion)) {
      invalid(this, `kubernetesVersion ${JSON.stringify(props.kubernetesVersion)} must look like v1.33.12 (the kube_tag the image was built for)`);
    }
    this.imageName = props.imageName;
    this.kubernetesVersion = props.kubernetesVersion;
    this.osDistro = props.osDistro ?? ImageDistro.UBUNTU;
    this.bareMetal = props.bareMetal ?? false;
    this.credentials = props.credentials;
    const provider = providerFor(this, props.credentials);
    const properties: { [key: string]: string } = { os_distro: this.osDistro };
    if (this.bareMetal) properties.img_hv_type = 'baremetal';
    this.properties = properties;

    if (props.sourceUrl !== undefined) {
      if (!/^https?:\/\/\S+$/.test(props.sourceUrl)) invalid(this, `sourceUrl ${JSON.stringify(props.sourceUrl)} must be an http(s) URL`);
      this.visibility = props.visibility ?? ImageVisibility.PUBLIC;
      const image = new (bindings.imagesImageV2().ImagesImageV2)(this, 'Resource', {
        name: props.imageName,
        containerFormat: 'bare',
        diskFormat: props.diskFormat ?? ImageDiskFormat.QCOW2,
        imageSourceUrl: props.sourceUrl,
        webDownload: props.webDownload ?? false,
        visibility: this.visibility,
        properties,
        provider,
      });
      this.imageId = image.id;
    } else {
      if (props.visibility !== undefined || props.diskFormat !== undefined || props.webDownload !== undefined) {
        invalid(this, 'visibility, diskFormat and webDownload apply to an uploaded image; give sourceUrl or drop them');
      }
      const lookup = new (bindings.dataOpenstackImagesImageV2().DataOpenstackImagesImageV2)(this, 'Resource', { name: props.imageName, mostRecent: true, properties, provider });
      this.imageId = lookup.id;
    }
  }
}
