import { TerraformOutput, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ShareTypeCatalog } from './share-type-catalog';
import { ShareAccessRule } from '../../lib/storage/share-access';
import { ShareAccessLevel, ShareAccessType, ShareProtocol, ShareType } from '../../lib/storage/share-type';
import { OPENSTACK_MAX_INT, openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { claimAppWide, idFragment } from '../common/registry';
import { Stateful, StatefulProps } from '../common/stateful';
import { TenantUsage } from '../common/tenant-usage';
import { guard, invalid } from '../common/validation';
import { ITenant } from '../identity/tenant';
import { ITenantNetwork } from '../network/tenant-network';

/** A Manila share network: the tenant network a DHSS=True backend builds its share servers on. */
export interface IShareNetwork extends IConstruct {
  /** Share network id (a Terraform reference). */
  readonly shareNetworkId: string;
  /** The tenant that owns it. */
  readonly tenant: ITenant;
}

/** Props of {@link ShareNetwork}. */
export interface ShareNetworkProps {
  /** The tenant whose project owns the share network. */
  readonly tenant: ITenant;
  /** One of the tenant's networks. */
  readonly network: ITenantNetwork;
  /**
   * Name.
   * @default - `<project name>-<construct id in lower case>`
   */
  readonly shareNetworkName?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A Manila share network on one of the tenant's networks (`openstack_sharedfilesystem_sharenetwork_v2`). Only
 * share types with `driver_handles_share_servers = True` use one; CephFS types do not
 * (openstack/manila doc/source/admin/shared-file-systems-share-networks.rst).
 */
export class ShareNetwork extends Construct implements IShareNetwork {
  /**
   * An existing share network of a tenant, looked up by name (`data.openstack_sharedfilesystem_sharenetwork_v2`) with
   * the tenant's project-scoped credentials (a share network is visible in its own project), for DHSS=True shares of
   * this app. The plan fails when none or several match. It counts into the tenant's share-network quota like one
   * this app creates: Manila counts every share network of the project.
   */
  public static fromShareNetworkName(scope: Construct, id: string, shareNetworkName: string, tenant: ITenant): IShareNetwork {
    return new ImportedShareNetwork(scope, id, shareNetworkName, tenant);
  }

  public readonly shareNetworkId: string;
  public readonly tenant: ITenant;

  constructor(scope: Construct, id: string, props: ShareNetworkProps) {
    super(scope, id);
    this.tenant = props.tenant;
    if (!props.tenant.networks.includes(props.network)) {
      invalid(this, `network ${props.network.node.path} is not one of tenant ${props.tenant.projectName}'s networks; a share network must be on the tenant's own network`);
    }
    const binding = props.tenant.bindProjectScope(this);
    const sn = new (bindings.sharedfilesystemSharenetworkV2().SharedfilesystemSharenetworkV2)(this, 'Resource', {
      name: props.shareNetworkName ?? `${props.tenant.projectName}-${id.toLowerCase()}`,
      description: props.description,
      neutronNetId: props.network.networkId,
      neutronSubnetId: props.network.subnetId,
      provider: binding.provider,
      dependsOn: binding.dependsOn,
    });
    this.shareNetworkId = sn.id;
    TenantUsage.of(props.tenant).addShareNetwork();
  }
}

/** A share network that exists already (see {@link ShareNetwork.fromShareNetworkName}). */
class ImportedShareNetwork extends Construct implements IShareNetwork {
  public readonly shareNetworkId: string;
  public readonly tenant: ITenant;

  constructor(scope: Construct, id: string, shareNetworkName: string, tenant: ITenant) {
    super(scope, id);
    if (!Token.isUnresolved(shareNetworkName) && (shareNetworkName.trim() === '' || shareNetworkName.length > 255)) {
      invalid(this, `shareNetworkName ${JSON.stringify(shareNetworkName)} must be 1 to 255 characters (Manila's limit); give the name of the existing share network`);
    }
    this.tenant = tenant;
    const binding = tenant.bindProjectScope(this);
    this.shareNetworkId = new (bindings.dataOpenstackSharedfilesystemSharenetworkV2().DataOpenstackSharedfilesystemSharenetworkV2)(this, 'Resource', {
      name: shareNetworkName,
      provider: binding.provider,
      dependsOn: binding.dependsOn,
    }).id;
    TenantUsage.of(tenant).addShareNetwork();
  }
}

/** A Manila share. */
export interface IShare extends IConstruct {
  /** Share id (a Terraform reference). */
  readonly shareId: string;
  /** Share name (known at synth time). */
  readonly shareName: string;
  /** The share type. */
  readonly shareType: ShareType;
  /** The protocol (`share_proto`). */
  readonly protocol: ShareProtocol;
  /** Size in GB. */
  readonly sizeGb: number;
  /** The first export location's path (a Terraform reference: Manila computes it). */
  readonly exportPath: string;
  /** The tenant that owns it. */
  readonly tenant: ITenant;
  /** Adds an access rule; the rule must fit the share type and, for IP rules, the owner's subnets. */
  grantAccess(rule: ShareAccessRule): ShareAccess;
}

/** Props of {@link Share}. */
export interface ShareProps extends StatefulProps {
  /** The tenant whose project owns the share (created through its project-scoped provider). */
  readonly tenant: ITenant;
  /** The share type, declared in a {@link ShareTypeCatalog} of the app. */
  readonly shareType: ShareType;
  /** Size in GB. */
  readonly sizeGb: number;
  /**
   * Share name (Manila CSI can find a pre-provisioned share by it).
   * @default - `<project name>-<construct id in lower case>`
   */
  readonly shareName?: string;
  /**
   * Share network; only for share types with `driver_handles_share_servers = True`, which need one.
   * @default - none
   */
  readonly shareNetwork?: IShareNetwork;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Availability zone.
   * @default - Manila's default zone
   */
  readonly availabilityZone?: string;
  /**
   * Metadata.
   * @default - none
   */
  readonly metadata?: { [key: string]: string };
}

/** Props of {@link ShareAccess}. */
export interface ShareAccessProps {
  /** The share. */
  readonly share: IShare;
  /** The rule. */
  readonly rule: ShareAccessRule;
}

/**
 * One access rule of a share (`openstack_sharedfilesystem_share_access_v2`, API microversion 2.13+ for cephx).
 * Created through `share.grantAccess()` or `share.grantReadOnly()`, which check the rule first.
 */
export class ShareAccess extends Construct {
  /** Access rule id (a Terraform reference); Manila CSI's `shareAccessIDs` (one id). */
  public readonly accessId: string;
  /** The cephx secret of a cephx rule (a sensitive Terraform reference; empty for IP rules). */
  public readonly accessKey: string;
  /** The rule. */
  public readonly rule: ShareAccessRule;

  constructor(scope: Construct, id: string, props: ShareAccessProps) {
    super(scope, id);
    this.rule = props.rule;
    const binding = props.share.tenant.bindProjectScope(this);
    const access = new (bindings.sharedfilesystemShareAccessV2().SharedfilesystemShareAccessV2)(this, 'Resource', {
      shareId: props.share.shareId,
      accessType: props.rule.accessType,
      accessTo: props.rule.accessTo,
      accessLevel: props.rule.accessLevel,
      provider: binding.provider,
    });
    this.accessId = access.id;
    this.accessKey = access.accessKey;
  }
}

/**
 * A Manila share (CephFS native or CephFS through NFS-Ganesha, or any declared type) in a tenant's project, with
 * `lifecycle.prevent_destroy` unless opted out with a reason (`openstack_sharedfilesystem_share_v2`;
 * openstack/manila doc/source/configuration/shared-file-systems/drivers/cephfs_driver.rst).
 *
 * Checked at synth time: the share type is declared in a {@link ShareTypeCatalog}; the protocol is the type's; a
 * share network is given exactly when the type has DHSS=True; access rules match the protocol (cephx for native
 * CephFS, IP for NFS) and NFS clients lie inside the tenant's own subnets. `grantReadOnly(otherTenant)` shares a
 * dataset read-only with another tenant: its cephx client, or its subnets for NFS.
 */
export class Share extends Construct implements IShare {
  /**
   * An existing share of a tenant, looked up by name (`data.openstack_sharedfilesystem_share_v2`) with the tenant's
   * project-scoped credentials, so this app can add access rules to it (`grantAccess`) or mount it. The plan fails
   * when it does not exist, or its protocol or size differ from `props`. Nothing is created, so nothing can be destroyed.
   */
  public static fromShareName(scope: Construct, id: string, props: ShareLookupProps): IShare {
    return new ImportedShare(scope, id, props);
  }

  public readonly shareId: string;
  public readonly shareName: string;
  public readonly shareType: ShareType;
  public readonly protocol: ShareProtocol;
  public readonly sizeGb: number;
  public readonly exportPath: string;
  public readonly tenant: ITenant;
  private readonly accesses = new Map<string, ShareAccess>();

  constructor(scope: Construct, id: string, props: ShareProps) {
    super(scope, id);
    this.tenant = props.tenant;
    this.shareType = props.shareType;
    this.protocol = props.shareType.protocol;
    this.sizeGb = props.sizeGb;
    this.shareName = props.shareName ?? `${props.tenant.projectName}-${id.toLowerCase()}`;
    const nameProblem = openStackNameProblem('shareName', this.shareName);
    if (nameProblem) invalid(this, nameProblem);
    const t = props.shareType;
    // Manila keeps share sizes and quotas in 32-bit Integer columns
    if (!Number.isInteger(props.sizeGb) || props.sizeGb < 1 || props.sizeGb > OPENSTACK_MAX_INT) {
      invalid(this, `sizeGb ${props.sizeGb} must be a whole number of GB from 1 to ${OPENSTACK_MAX_INT} (the largest size Manila stores)`);
    }
    if ((t.minShareSizeGb !== undefined && props.sizeGb < t.minShareSizeGb) || (t.maxShareSizeGb !== undefined && props.sizeGb > t.maxShareSizeGb)) {
      invalid(this, `sizeGb ${props.sizeGb} is outside share type ${t.name}'s ${t.minShareSizeGb ?? 1}..${t.maxShareSizeGb ?? '∞'} GB`);
    }
    if (props.shareNetwork !== undefined && !t.driverHandlesShareServers) {
      invalid(this, `share type ${t.name} has driver_handles_share_servers=False, which ignores share networks; remove shareNetwork ` +
        '(CephFS shares are reached through the storage network the operator set up)');
    }
    if (props.shareNetwork === undefined && t.driverHandlesShareServers) {
      invalid(this, `share type ${t.name} has driver_handles_share_servers=True and needs a share network; give shareNetwork (new ShareNetwork(...))`);
    }
    if (props.shareNetwork !== undefined && props.shareNetwork.tenant !== props.tenant) {
      invalid(this, `share network ${props.shareNetwork.node.path} belongs to tenant ${props.shareNetwork.tenant.projectName}, not ${props.tenant.projectName}`);
    }
    const binding = props.tenant.bindProjectScope(this);
    const share = new (bindings.sharedfilesystemShareV2().SharedfilesystemShareV2)(this, 'Resource', {
      name: this.shareName,
      shareProto: this.protocol,
      shareType: t.name,
      size: props.sizeGb,
      description: props.description,
      availabilityZone: props.availabilityZone,
      shareNetworkId: props.shareNetwork?.shareNetworkId,
      metadata: props.metadata,
      provider: binding.provider,
      dependsOn: binding.dependsOn,
    });
    Stateful.apply(this, share, props);
    this.shareId = share.id;
    this.exportPath = share.exportLocations.get(0).path;
    TenantUsage.of(props.tenant).addShare({ sizeGb: props.sizeGb });
    this.node.addValidation({ validate: () => shareTypeErrors(this, t) });
  }

  /**
   * Adds an access rule for the owner's clients. NFS rules must lie inside the tenant's own subnets; to give
   * another tenant access use `grantReadOnly()`.
   */
  public grantAccess(rule: ShareAccessRule): ShareAccess {
    return this.addAccess(rule, this.tenant);
  }

  /**
   * Shares the share read-only with another tenant: a cephx rule (native CephFS) for the client
   * `<grantee cephxId>-<owner cephxId>` — the CephFS driver ties a cephx ID to the project that first used it, so
   * the grantee's own shares cannot use the same ID — or IP rules for each of the grantee's subnets (NFS). The
   * grantee cannot see the share through Manila, so a sensitive Terraform output `share_grant_<share>_<grantee>`
   * carries what it needs to mount it (export path, and the cephx id and key).
   */
  public grantReadOnly(grantee: ITenant): ShareAccess[] {
    if (grantee === this.tenant) invalid(this, 'grantReadOnly gives another tenant access; for the owner use grantAccess(rule)');
    const cephxId = `${grantee.cephxId}-${this.tenant.cephxId}`.slice(0, 64);
    const rules = this.protocol === ShareProtocol.CEPHFS
      ? [guard(this, () => ShareAccessRule.cephx(cephxId, ShareAccessLevel.READ_ONLY))]
      : grantee.subnetCidrs.map((c) => guard(this, () => ShareAccessRule.ip(c, ShareAccessLevel.READ_ONLY)));
    if (rules.length === 0) {
      invalid(this, `tenant ${grantee.projectName} has no subnets to grant NFS access to; add its networks (tenant.addNetwork()) before granting`);
    }
    const accesses = rules.map((r) => this.addAccess(r, grantee));
    const name = `share_grant_${idFragment(this.shareName)}_${idFragment(grantee.projectName)}`.replace(/-/g, '_');
    const output = new TerraformOutput(this, `Grant-${idFragment(grantee.projectName)}`, {
      description: `What tenant ${grantee.projectName} needs to mount share ${this.shareName} read-only`,
      sensitive: true,
      value: {
        protocol: this.protocol,
        export_path: this.exportPath,
        access_to: accesses.map((a) => a.rule.accessTo),
        access_keys: this.protocol === ShareProtocol.CEPHFS ? accesses.map((a) => a.accessKey) : [],
      },
    });
    output.overrideLogicalId(name);
    return accesses;
  }

  private addAccess(rule: ShareAccessRule, clients: ITenant): ShareAccess {
    return addShareAccess(this, this.accesses, rule, clients);
  }
}
/** Adds an access rule to a share of this app or a looked-up one (the type's rules, the clients' subnets, one rule per client). */
function addShareAccess(share: IShare & Construct, accesses: Map<string, ShareAccess>, rule: ShareAccessRule, clients: ITenant): ShareAccess {
  guard(share, () => rule.checkFor(share.shareType));
  if (rule.accessType === ShareAccessType.IP && !ShareAccessRule.cidrWithin(rule.accessTo, clients.subnetCidrs)) {
    invalid(share, `NFS access for ${rule.accessTo} is wider than tenant ${clients.projectName}'s subnets ` +
      `(${clients.subnetCidrs.join(', ') || 'none'}); grant only the tenant's own subnets or hosts in them`);
  }
  if (rule.accessType === ShareAccessType.CEPHX) {
    // the CephFS driver records the project that first used a cephx ID and refuses it to every other project
    const owner = claimAppWide(share.tenant, 'cephx-auth-id', rule.accessTo);
    if (owner !== undefined) {
      invalid(share, `cephx id ${rule.accessTo} is already used by shares of ${owner.node.path}; the CephFS driver ties a cephx ID to the first ` +
        `project that uses it ("auth ID is already in use"), so give tenant ${share.tenant.projectName}'s clients their own id`);
    }
  }
  const existing = accesses.get(rule.accessTo);
  if (existing !== undefined) {
    invalid(share, `share ${share.shareName} already grants ${existing.rule.accessLevel} access to ${rule.accessTo}; Manila allows one rule per client`);
  }
  const access = new ShareAccess(share, `Access-${rule.accessType}-${idFragment(rule.accessTo)}`, { share, rule });
  accesses.set(rule.accessTo, access);
  return access;
}

/** A share's type must be declared, with the same capabilities, in a ShareTypeCatalog of the app. */
function shareTypeErrors(scope: IConstruct, t: ShareType): string[] {
  const declared = ShareTypeCatalog.findInApp(scope, t.name);
  if (declared === undefined) {
    return [`share type ${t.name} is not declared in a ShareTypeCatalog; declare it (new ShareTypeCatalog(site, 'ShareTypes', { shareTypes: [...] })) so its bootstrap command is emitted`];
  }
  return declared.sameAs(t) ? [] : [`share type ${t.name} differs from its declaration in the ShareTypeCatalog (${declared.createCommand()}); use the declared type`];
}

/** Props of {@link Share.fromShareName}: the share's name and owner, and what synth must know about it. */
export interface ShareLookupProps {
  /** Name of the existing share. */
  readonly shareName: string;
  /** The tenant whose project owns the share; the share is read with its project-scoped credentials. */
  readonly tenant: ITenant;
  /** The share's type, declared in a {@link ShareTypeCatalog} of the app; its protocol is checked by the plan. */
  readonly shareType: ShareType;
  /** The share's size in GB (checked by the plan; counted into the tenant's Manila quota). */
  readonly sizeGb: number;
}

/** A share that exists already (see {@link Share.fromShareName}). */
class ImportedShare extends Construct implements IShare {
  public readonly shareId: string;
  public readonly shareName: string;
  public readonly shareType: ShareType;
  public readonly protocol: ShareProtocol;
  public readonly sizeGb: number;
  public readonly exportPath: string;
  public readonly tenant: ITenant;
  private readonly accesses = new Map<string, ShareAccess>();

  constructor(scope: Construct, id: string, props: ShareLookupProps) {
    super(scope, id);
    if (Token.isUnresolved(props.shareName) || props.shareName.trim() === '' || props.shareName.length > 255) {
      invalid(this, `shareName ${JSON.stringify(props.shareName)} must be 1 to 255 characters (Manila's limit) known at synth; give the name of the existing share`);
    }
    if (!Number.isInteger(props.sizeGb) || props.sizeGb < 1) invalid(this, `sizeGb ${props.sizeGb} must be a positive integer`);
    this.shareName = props.shareName;
    this.tenant = props.tenant;
    this.shareType = props.shareType;
    this.protocol = props.shareType.protocol;
    this.sizeGb = props.sizeGb;
    const binding = props.tenant.bindProjectScope(this);
    const share = new (bindings.dataOpenstackSharedfilesystemShareV2().DataOpenstackSharedfilesystemShareV2)(this, 'Resource', {
      name: props.shareName,
      provider: binding.provider,
      dependsOn: binding.dependsOn,
      lifecycle: {
        postcondition: [
          {
            condition: `\${self.share_proto == "${this.protocol}"}`,
            errorMessage: `Share ${this.shareName}: its protocol is not ${this.protocol}, the protocol of share type ${this.shareType.name}.`,
          },
          {
            condition: `\${self.size == ${this.sizeGb}}`,
            errorMessage: `Share ${this.shareName}: its size is not ${this.sizeGb} GB.`,
          },
        ],
      },
    });
    this.shareId = share.id;
    this.exportPath = share.exportLocations.get(0).path;
    // Manila counts every share of the project in its quota
    TenantUsage.of(props.tenant).addShare({ sizeGb: props.sizeGb });
    this.node.addValidation({ validate: () => shareTypeErrors(this, props.shareType) });
  }

  public grantAccess(rule: ShareAccessRule): ShareAccess {
    return addShareAccess(this, this.accesses, rule, this.tenant);
  }
}
