import { Construct } from 'constructs';
import { IProject } from '../constructs/common/project';
import { IBaremetalNodePool } from '../constructs/compute/baremetal-node-pool';
import { grantFlavorAccess } from '../constructs/compute/checks';
import { IGpuFlavor } from '../constructs/compute/gpu-flavor';
import { GpuModel } from '../lib/hardware/gpu';
import { GpuAttachmentKind } from '../lib/hardware/gpu-attachment';
import { ServerProfile } from '../lib/hardware/server';

/**
 * A site flavor as a tenant stack sees it: the same flavor (its id is a cross-stack reference to the site stack's
 * output), but access grants are created here, in the tenant's stack, so the site never reads a tenant's project id
 * and the stacks deploy in one direction: site, then tenants. Module-private: users pass the site's flavors.
 */
export class TenantFlavorView extends Construct implements IGpuFlavor {
  public readonly flavorId: string;
  public readonly flavorName: string;
  public readonly gpuCount: number;
  public readonly gpuModel: GpuModel;
  public readonly server: ServerProfile;
  public readonly vcpus: number;
  public readonly ramMb: number;
  public readonly diskGb: number;
  public readonly bareMetal: boolean;
  public readonly attachmentKind: GpuAttachmentKind;
  public readonly gpuMemoryGb: number;
  public readonly gpuResourceClass: string;
  public readonly placementResources: { [resourceClass: string]: number };
  public readonly isPublic: boolean;
  public readonly extraSpecs: { [key: string]: string };
  /** The Ironic pool of a bare-metal flavor (node groups check they fit the enrolled nodes). */
  public readonly pool?: IBaremetalNodePool;
  /** The site's flavor. */
  public readonly siteFlavor: IGpuFlavor;

  constructor(scope: Construct, id: string, flavor: IGpuFlavor) {
    super(scope, id);
    this.siteFlavor = flavor;
    this.flavorId = flavor.flavorId;
    this.flavorName = flavor.flavorName;
    this.gpuCount = flavor.gpuCount;
    this.gpuModel = flavor.gpuModel;
    this.server = flavor.server;
    this.vcpus = flavor.vcpus;
    this.ramMb = flavor.ramMb;
    this.diskGb = flavor.diskGb;
    this.bareMetal = flavor.bareMetal;
    this.attachmentKind = flavor.attachmentKind;
    this.gpuMemoryGb = flavor.gpuMemoryGb;
    this.gpuResourceClass = flavor.gpuResourceClass;
    this.placementResources = { ...flavor.placementResources };
    this.isPublic = flavor.isPublic;
    this.extraSpecs = { ...flavor.extraSpecs };
    this.pool = (flavor as { pool?: IBaremetalNodePool }).pool;
  }

  /** Lets a project use the flavor; the grant lives in this (the tenant's) stack. */
  public grantAccess(project: IProject): void {
    grantFlavorAccess(this, this.flavorId, this.isPublic, project);
  }
}
