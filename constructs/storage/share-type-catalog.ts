import { TerraformOutput } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ShareType } from '../../lib/storage/share-type';
import { claimAppWide, claimsOf } from '../common/registry';
import { invalid } from '../common/validation';

/** Props of {@link ShareTypeCatalog}. */
export interface ShareTypeCatalogProps {
  /** The share types the site's operator creates. */
  readonly shareTypes: ShareType[];
  /**
   * Name of the Terraform output that holds the bootstrap script.
   * @default 'manila_share_types_bootstrap'
   */
  readonly outputName?: string;
  /**
   * The share types exist already (created by an operator or another repository; the Terraform provider has no share
   * type data source to look them up): the catalog only declares them, so shares are checked against their
   * capabilities, and emits no bootstrap script.
   * @default false
   */
  readonly existing?: boolean;
}

/**
 * The site's Manila share types, declared: the Terraform provider has no share-type resource
 * (terraform-provider-openstack v3.4.0 has only `sharedfilesystem_share_v2`, `_share_access_v2`, `_sharenetwork_v2`), so shares are checked against these capabilities and the catalog
 * emits the exact admin commands that create the types, as the Terraform output `manila_share_types_bootstrap`:
 *
 * ```sh
 * terraform output -raw manila_share_types_bootstrap | bash   # as a cloud admin, before the first share is created
 * ```
 *
 * Each line is `openstack share type show <name> || openstack share type create <name> <dhss> ...`, so the script
 * can run again. A type declared twice in an app must have the same capabilities.
 */
export class ShareTypeCatalog extends Construct {
  /** The share type declared under `name` anywhere in the app of `scope`, if any. */
  public static findInApp(scope: IConstruct, name: string): ShareType | undefined {
    for (const c of claimsOf(scope, 'manila-share-type')) {
      const found = (c as ShareTypeCatalog).shareTypes.find((t) => t.name === name);
      if (found) return found;
    }
    return undefined;
  }

  /** The declared share types. */
  public readonly shareTypes: ShareType[];
  /**
   * The Terraform output holding the bootstrap script.
   * @default - none for a catalog of `existing` types
   */
  public readonly bootstrapOutputName?: string;

  constructor(scope: Construct, id: string, props: ShareTypeCatalogProps) {
    super(scope, id);
    if (props.shareTypes.length === 0) invalid(this, 'a share type catalog needs at least one share type');
    const seen = new Set<string>();
    for (const t of props.shareTypes) {
      if (seen.has(t.name)) invalid(this, `share type ${t.name} is declared twice in this catalog`);
      seen.add(t.name);
      const other = ShareTypeCatalog.findInApp(this, t.name);
      if (other !== undefined && !other.sameAs(t)) {
        invalid(this, `share type ${t.name} is declared elsewhere in the app with other capabilities (${other.createCommand()}); declare it once`);
      }
    }
    this.shareTypes = [...props.shareTypes];
    claimAppWide(this, 'manila-share-type', this.node.path);
    if (props.existing) {
      if (props.outputName !== undefined) invalid(this, 'outputName names the bootstrap script, which a catalog of existing share types does not emit; drop it');
      return;
    }
    const outputName = props.outputName ?? 'manila_share_types_bootstrap';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(outputName)) {
      invalid(this, `outputName ${JSON.stringify(outputName)} is not a Terraform output name`);
    }
    this.bootstrapOutputName = outputName;
    const script = [
      '#!/usr/bin/env bash',
      '# Manila share types of this site (cdk-ai-factory ShareTypeCatalog); run as a cloud admin.',
      'set -euo pipefail',
      ...this.shareTypes.map((t) => t.bootstrapCommand()),
      '',
    ].join('\n');
    const output = new TerraformOutput(this, 'Bootstrap', {
      value: script,
      description: 'Admin commands that create the Manila share types the shares of this stack use (no Terraform resource exists for share types)',
    });
    output.overrideLogicalId(outputName);
  }

  /** The declared type named `name`, if any. */
  public find(name: string): ShareType | undefined {
    return this.shareTypes.find((t) => t.name === name);
  }
}
