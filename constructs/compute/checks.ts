import { Annotations, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GpuModel } from '../../lib/hardware/gpu';
import { GpuAttachment, GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { NovaExtraSpecs } from '../../lib/hardware/nova-extra-specs';
import { PlacementNames } from '../../lib/hardware/placement';
import { NetworkAdapterKind, ServerProfile } from '../../lib/hardware/server';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { Registry } from '../common/registry';
import { invalid } from '../common/validation';

// Checks shared by the bare-metal constructs. Not part of the public API (not exported from the barrel).

/** At most 50 traits per Ironic node (API >= 1.37; openstack/ironic 38.0.0 ironic/db/sqlalchemy/api.py MAX_TRAITS_PER_NODE). */
const MAX_NODE_TRAITS = 50;

/** The default provisioning port: the first port of the first Ethernet NIC, else of the first DPU. */
export function defaultProvisioningPort(server: ServerProfile): string {
  const ports = server.ethernetPorts;
  const lom = server.networkAdapters.find((a) => a.kind === NetworkAdapterKind.ETHERNET);
  return lom ? `${lom.name}/0` : ports[0];
}

/** Bare-metal enrollment needs the Ironic provider in the stack. */
export function requireIronicProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  const Ironic = bindings.ironicProvider().IronicProvider;
  const found = stack.node.children.some((c) => c instanceof Ironic || (c instanceof TerraformProvider && c.terraformResourceType === 'ironic'));
  if (!found) {
    invalid(scope, 'bare-metal enrollment needs the Ironic provider; create the stack with FactoryStack props { ironic: { url: "https://<ironic>:6385/v1" } }');
  }
}

/** Checks an Ironic resource class and returns its Placement name. */
export function checkResourceClass(scope: IConstruct, resourceClass: string): string {
  if (Token.isUnresolved(resourceClass)) invalid(scope, 'resourceClass must be known at synth time: flavors are derived from it');
  if (!/^[A-Za-z0-9._-]{1,80}$/.test(resourceClass)) {
    invalid(scope, `resource class ${JSON.stringify(resourceClass)} must be 1-80 letters, digits and -._ (Ironic's resource_class)`);
  }
  if (/^custom_/i.test(resourceClass)) {
    invalid(scope, `resource class ${resourceClass} would reach Placement as ${PlacementNames.baremetalResourceClass(resourceClass)} (Nova always adds CUSTOM_); drop the CUSTOM_ prefix`);
  }
  return PlacementNames.baremetalResourceClass(resourceClass);
}

/** Checks node traits: valid names, no duplicates, at most 50. */
export function checkTraits(scope: IConstruct, traits: string[]): string[] {
  const seen = new Set<string>();
  for (const t of traits) {
    if (!PlacementNames.isValidTrait(t)) {
      invalid(scope, `trait ${JSON.stringify(t)} is not a Placement trait name; use CUSTOM_<A-Z0-9_> such as ${PlacementNames.custom(t)}, or a standard os-traits name`);
    }
    if (seen.has(t)) invalid(scope, `trait ${t} is listed twice`);
    seen.add(t);
  }
  if (traits.length > MAX_NODE_TRAITS) {
    invalid(scope, `${traits.length} traits are more than the ${MAX_NODE_TRAITS} Ironic allows on a node; drop ${traits.length - MAX_NODE_TRAITS}`);
  }
  return [...traits];
}

/** Nova flavor names are unique: refuse a second flavor of the same name in one site. */
export function claimFlavorName(scope: IConstruct, flavorName: string): void {
  if (Token.isUnresolved(flavorName)) return;
  const other = Registry.ofStack(scope).claim('flavor-name', flavorName, scope, scope.node.path);
  if (other) invalid(scope, `flavor name ${flavorName} is already used by ${other.label}; Nova flavor names are unique, give one of them another flavorName`);
}

/** Grants a project access to a private flavor (`openstack_compute_flavor_access_v2`), once per project. */
export function grantFlavorAccess(scope: Construct, flavorId: string, isPublic: boolean, project: IProject): void {
  if (isPublic) invalid(scope, `the flavor is public, so every project can use it already; granting ${project.projectName} access is meaningless (make it private with isPublic false)`);
  const id = `Access-${project.node.path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (scope.node.tryFindChild(id)) return;
  new (bindings.computeFlavorAccessV2().ComputeFlavorAccessV2)(scope, id, { flavorId, tenantId: project.projectId });
}

/** `gpu.<model>.<n>x`, `vf.<model>.<vfs per GPU>vf.<n>x`, `vgpu.<type>.<n>x` or `mig.<model>.<profile>.<n>x`. */
export function defaultFlavorName(gpu: GpuModel, attachment: GpuAttachment, gpuCount: number): string {
  switch (attachment.kind) {
    case GpuAttachmentKind.SRIOV_VF:
      return `vf.${gpu.name}.${attachment.resolve(gpu).instancesPerGpu}vf.${gpuCount}x`;
    case GpuAttachmentKind.VGPU:
      return `vgpu.${attachment.vgpuType!.toLowerCase()}.${gpuCount}x`;
    case GpuAttachmentKind.MIG_VGPU:
      return `mig.${gpu.name}.${attachment.migProfileName}.${gpuCount}x`;
    default:
      return `gpu.${gpu.name}.${gpuCount}x`;
  }
}

/** The provider's action attributes of a new node, and what is left for the enrollment command. */
export interface NodeLifecycle {
  readonly actions: { manage: boolean; inspect: boolean; clean: boolean; available: boolean };
  readonly verbs: string[];
}

/**
 * The `manage` / `inspect` / `clean` / `available` combination metal3-community/ironic 1.0 carries through, on the
 * first apply and on every later one (terraform-provider-ironic v1.0.0 `ironic/node_resource.go` lines 699-730 and
 * 1218-1325, `ironic/workflow.go` lines 78-121 and 375-428): `available` alone (enroll → manage → provide) when provide
 * needs no ports, i.e. neither inspection nor automated cleaning is asked for; else all four false, and manage / inspect
 * / provide as commands run after the apply. `inspect` and `clean` are never true: the provider skips inspection of a
 * node in `enroll` and sends `clean` without clean steps, which Ironic refuses. `manage` is never true either: the
 * provider re-runs a true action on every later update of the node, and `manage` on an `available` node has no step
 * in its table (it waits 30 minutes).
 */
export function nodeLifecycle(inspect: boolean, automatedClean: boolean, makeAvailable: boolean): NodeLifecycle {
  const terraformProvides = makeAvailable && !inspect && !automatedClean;
  if (terraformProvides) return { actions: { manage: false, inspect: false, clean: false, available: true }, verbs: [] };
  const verbs = ['manage'];
  if (inspect) verbs.push('inspect');
  if (makeAvailable) verbs.push('provide');
  return { actions: { manage: false, inspect: false, clean: false, available: false }, verbs };
}

/** Warns about each of the user's extra specs that Nova marks deprecated. */
export function warnDeprecatedSpecs(scope: IConstruct, extra: { [key: string]: string }): void {
  for (const key of Object.keys(extra).sort()) {
    if (NovaExtraSpecs.isDeprecated(key)) Annotations.of(scope).addWarning(`extra spec ${key} is deprecated in Nova (nova/api/validation/extra_specs); it may stop working in a later release`);
  }
}

