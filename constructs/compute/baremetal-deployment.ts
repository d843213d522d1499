import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { BootMode, IBaremetalNode, IBaremetalTarget } from './baremetal-node';
import type { IBaremetalNodePool } from './baremetal-node-pool';
import { checkTraits } from './checks';
import { fail } from '../../lib/errors';
import { bindings } from '../common/bindings';
import { invalid } from '../common/validation';

/** The operating system image Ironic writes to a node (`instance_info`). */
export class OsImage {
  /**
   * A whole-disk image served over HTTP(S).
   * @param url image URL (`image_source`)
   * @param checksum SHA-256 or SHA-512 hex digest of the image, or the URL of a checksum file
   */
  public static fromUrl(url: string, checksum: string): OsImage {
    if (!Token.isUnresolved(url) && !/^(https?|file):\/\/\S+$/.test(url)) {
      fail(`image URL ${JSON.stringify(url)} must be an http(s):// or file:// URL`);
    }
    const info: { [key: string]: string } = { image_source: url };
    if (Token.isUnresolved(checksum) || /^(https?|file):\/\/\S+$/.test(checksum)) {
      info.image_checksum = checksum;
    } else if (/^[0-9a-fA-F]{64}$/.test(checksum)) {
      info.image_os_hash_algo = 'sha256';
      info.image_os_hash_value = checksum.toLowerCase();
    } else if (/^[0-9a-fA-F]{128}$/.test(checksum)) {
      info.image_os_hash_algo = 'sha512';
      info.image_os_hash_value = checksum.toLowerCase();
    } else if (/^[0-9a-fA-F]{32}$/.test(checksum)) {
      fail('image checksum is an MD5 digest, which Ironic no longer accepts by default; give a SHA-256 or SHA-512 digest');
    } else {
      fail(`image checksum ${JSON.stringify(checksum)} is neither a SHA-256/SHA-512 hex digest nor a checksum file URL`);
    }
    return new OsImage(info);
  }

  /** A Glance image (needs Ironic with the Image service). */
  public static fromGlance(imageId: string): OsImage {
    return new OsImage({ image_source: imageId });
  }

  /** The `instance_info` keys of the image. */
  public readonly instanceInfo: { [key: string]: string };

  private constructor(instanceInfo: { [key: string]: string }) {
    this.instanceInfo = instanceInfo;
  }
}

/** Interfaces a deploy step may run on (the provider's `deploy_steps.interface` validator). */
export enum DeployStepInterface {
  /** BIOS settings. */
  BIOS = 'bios',
  /** The deploy interface itself. */
  DEPLOY = 'deploy',
  /** Firmware updates. */
  FIRMWARE = 'firmware',
  /** Management (e.g. secure boot keys). */
  MANAGEMENT = 'management',
  /** Power. */
  POWER = 'power',
  /** RAID configuration. */
  RAID = 'raid',
}

/** One deploy step, e.g. `{ stepInterface: BIOS, step: 'apply_configuration', priority: 150, args: {...} }`. */
export interface DeployStep {
  /** Interface of the step. */
  readonly stepInterface: DeployStepInterface;
  /** Step name, e.g. `apply_configuration`, `update`, `create_configuration`. */
  readonly step: string;
  /** Priority (higher runs first; 0 disables the step). */
  readonly priority: number;
  /**
   * Step arguments. The provider's schema makes every value a string, so steps that need lists or objects (such as
   * `bios.apply_configuration`'s `settings`) cannot be expressed through it.
   * @default - none
   */
  readonly args?: { [key: string]: string };
}

/** Options of {@link BaremetalDeployment}, also taken by `deploy()` on nodes and allocations. */
export interface BaremetalDeploymentOptions {
  /** Operating system image. */
  readonly image: OsImage;
  /**
   * Deployment name.
   * @default - none
   */
  readonly deploymentName?: string;
  /**
   * Root partition size in GiB (partition images only).
   * @default - the whole root disk
   */
  readonly rootGb?: number;
  /**
   * User data for the config drive, e.g. a `#cloud-config` document (sent as `user_data = { value = <text> }`, the
   * provider's form for plain-text user data).
   * @default - none
   */
  readonly userData?: string;
  /**
   * URL the provider fetches user data from instead.
   * @default - none
   */
  readonly userDataUrl?: string;
  /**
   * Deploy steps to run (BIOS settings, RAID, firmware).
   * @default - only the deploy interface's own steps
   */
  readonly deploySteps?: DeployStep[];
}

/** Props of {@link BaremetalDeployment}. */
export interface BaremetalDeploymentProps extends BaremetalDeploymentOptions {
  /** The node to deploy: an enrolled node or an allocation. */
  readonly target: IBaremetalTarget;
}

/**
 * Deploys an operating system on an operator-owned node outside Nova (`ironic_deployment`): Ironic writes the image
 * and the node becomes `active`. The node's boot mode goes into `instance_info/capabilities`.
 */
export class BaremetalDeployment extends Construct {
  /** Node UUID of the deployment (a Terraform reference). */
  public readonly deploymentId: string;

  constructor(scope: Construct, id: string, props: BaremetalDeploymentProps) {
    super(scope, id);
    if (props.rootGb !== undefined && (!Number.isInteger(props.rootGb) || props.rootGb < 1)) {
      invalid(this, `rootGb ${props.rootGb} must be a positive integer`);
    }
    if (props.userData !== undefined && props.userDataUrl !== undefined) {
      invalid(this, 'give userData or userDataUrl, not both (the provider prefers the URL)');
    }
    const steps = props.deploySteps ?? [];
    for (const s of steps) {
      if (!Number.isInteger(s.priority) || s.priority < 1) {
        invalid(this, `deploy step ${s.stepInterface}.${s.step}: priority ${s.priority} must be a positive integer (0 disables a step)`);
      }
      if (!/^[a-z_][a-z0-9_]*$/.test(s.step)) invalid(this, `deploy step name ${JSON.stringify(s.step)} must be a lower-case step name such as apply_configuration`);
    }
    const instanceInfo: { [key: string]: any } = {
      ...props.image.instanceInfo,
      capabilities: JSON.stringify({ boot_mode: props.target.bootMode }),
    };
    if (props.rootGb !== undefined) instanceInfo.root_gb = props.rootGb;
    const deployment = new (bindings.deployment().Deployment)(this, 'Resource', {
      nodeUuid: props.target.targetNodeId,
      name: props.deploymentName,
      instanceInfo,
      userData: props.userData !== undefined ? { value: props.userData } : undefined,
      userDataUrl: props.userDataUrl,
      deploySteps: steps.length
        ? steps.map((s) => ({ interface: s.stepInterface, step: s.step, priority: s.priority, args: s.args }))
        : undefined,
    });
    this.deploymentId = deployment.id;
  }
}

/** Options of {@link BaremetalAllocation} (and of `pool.allocate()`). */
export interface BaremetalAllocationOptions {
  /**
   * Allocation name.
   * @default - none
   */
  readonly allocationName?: string;
  /**
   * Traits the allocated node must have; every one must be a trait of the pool.
   * @default - none
   */
  readonly traits?: string[];
  /**
   * Nodes of the pool to choose from.
   * @default - any available node of the pool
   */
  readonly candidateNodes?: IBaremetalNode[];
}

/** Props of {@link BaremetalAllocation}. */
export interface BaremetalAllocationProps extends BaremetalAllocationOptions {
  /** The pool to allocate from. */
  readonly pool: IBaremetalNodePool;
}

/**
 * Reserves one available node of a pool for the operator (`ironic_allocation`, Ironic API >= 1.52): Ironic picks a node
 * of the pool's resource class with the required traits. Deploy it with `deploy()`.
 */
export class BaremetalAllocation extends Construct implements IBaremetalTarget {
  /** Allocation UUID (a Terraform reference). */
  public readonly allocationId: string;
  /** UUID of the node Ironic allocated (a Terraform reference). */
  public readonly targetNodeId: string;
  public readonly bootMode: BootMode;
  /** The pool. */
  public readonly pool: IBaremetalNodePool;

  constructor(scope: Construct, id: string, props: BaremetalAllocationProps) {
    super(scope, id);
    this.pool = props.pool;
    this.bootMode = props.pool.bootMode;
    const traits = checkTraits(this, props.traits ?? []);
    for (const t of traits) {
      if (!props.pool.traits.includes(t)) {
        invalid(this, `trait ${t} is not a trait of pool ${props.pool.poolName} (its traits: ${props.pool.traits.join(', ') || 'none'}); no node could be allocated`);
      }
    }
    if (traits.length > 0) {
      Annotations.of(this).addWarning(`allocation needs traits ${traits.join(', ')}: run the pool's TraitCommands output first, the Ironic provider cannot set node traits`);
    }
    if (!props.pool.availableAfterApply) {
      Annotations.of(this).addWarning(
        `pool ${props.pool.poolName}'s nodes are not available until its enroll commands ran, so this allocation fails on the first apply: ` +
          'run the pool\'s enroll_commands output and apply again, or give the pool inspect: false and automatedClean: false so Terraform makes its nodes available',
      );
    }
    const candidates = props.candidateNodes ?? [];
    for (const c of candidates) {
      if (!props.pool.nodes.includes(c)) invalid(this, `candidate node ${c.nodeName} is not a node of pool ${props.pool.poolName}`);
    }
    const allocation = new (bindings.allocation().Allocation)(this, 'Resource', {
      name: props.allocationName,
      resourceClass: props.pool.resourceClass,
      traits: traits.length ? traits : undefined,
      candidateNodes: candidates.length ? candidates.map((c) => c.nodeId) : undefined,
    });
    this.allocationId = allocation.id;
    this.targetNodeId = allocation.nodeUuid;
  }

  /** Deploys an operating system on the allocated node. */
  public deploy(id: string, options: BaremetalDeploymentOptions): BaremetalDeployment {
    return new BaremetalDeployment(this, id, { ...options, target: this });
  }
}
