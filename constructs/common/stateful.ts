import { ApiObject } from 'cdk8s';
import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
// cdktf's own logical-id function: a moved resource's old address is computed exactly as cdktf computed it then
import { makeUniqueId } from 'cdktf/lib/private/unique';
import { IConstruct } from 'constructs';
import { invalid } from './validation';

/** Smallest reason we accept for turning data protection off. */
const MIN_REASON_CHARS = 10;

/**
 * Whether a stateful resource (a volume, share, bucket, model store, project) may be destroyed. Protection is the
 * default; turning it off is an explicit choice that carries a reason, which reviewers see in a synth warning, in
 * the construct metadata and, for Kubernetes objects, in an annotation.
 */
export class DataProtection {
  /** Keep the data: Terraform's `lifecycle.prevent_destroy`, GitOps tools told never to prune the object. */
  public static retain(): DataProtection {
    return new DataProtection(true, undefined);
  }

  /**
   * Allow `terraform destroy` (or a replacement) to delete the data, e.g. for scratch space.
   * @param reason why losing the data is acceptable, at least 10 characters
   */
  public static allowDestroy(reason: string): DataProtection {
    return new DataProtection(false, reason);
  }

  /** Whether destroying is prevented. */
  public readonly preventDestroy: boolean;
  /** Why destroying is allowed, when it is. */
  public readonly reason?: string;

  private constructor(preventDestroy: boolean, reason: string | undefined) {
    this.preventDestroy = preventDestroy;
    this.reason = reason?.trim();
  }
}

/** Props every construct that owns data takes. */
export interface StatefulProps {
  /**
   * Whether the data may be destroyed.
   * @default DataProtection.retain()
   */
  readonly protection?: DataProtection;
  /**
   * The construct's previous path below its stack, e.g. `Datasets` or `TenantA/Datasets`, when it has moved in
   * the construct tree: every Terraform resource under it gets a `moved` block from its old address, so Terraform
   * moves the state instead of destroying and recreating the data. Keep it until every environment has applied.
   * @default - the construct has not moved
   */
  readonly movedFrom?: string;
}

const protections = new WeakMap<IConstruct, DataProtection>();

/**
 * The data-safety mechanism every room uses for what holds data:
 * `prevent_destroy` by default, an opt-out only with a reason, and `moved` blocks that keep Terraform addresses
 * stable when a construct moves. For Kubernetes objects (PVs, PVCs of model caches) it sets the annotations GitOps
 * tools honour instead.
 */
export class Stateful {
  /**
   * Terraform resource types that hold data; {@link DataSafetyChecks} requires protection (or an opt-out with a
   * reason) on each of them.
   */
  public static readonly TERRAFORM_TYPES: string[] = [
    'openstack_blockstorage_volume_v3',
    'openstack_sharedfilesystem_share_v2',
    'openstack_objectstorage_container_v1',
  ];

  /**
   * Applies `props` to the main resource of `owner`: protection on `resource`, and `moved` blocks for every
   * resource under `owner` when `props.movedFrom` is set.
   */
  public static apply(owner: IConstruct, resource: TerraformResource, props: StatefulProps): void {
    Stateful.protect(resource, props.protection);
    if (props.movedFrom !== undefined) Stateful.moveFrom(owner, props.movedFrom);
  }

  /** Sets `lifecycle.prevent_destroy` on a resource, or records the reason it may be destroyed. */
  public static protect(resource: TerraformResource, protection?: DataProtection): void {
    const p = Stateful.checked(resource, protection);
    protections.set(resource, p);
    if (p.preventDestroy) {
      resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy: true };
    } else {
      resource.node.addMetadata('ai-factory:allow-destroy', p.reason);
      Annotations.of(resource).addWarning(`${resource.terraformResourceType} may be destroyed (no prevent_destroy): ${p.reason}`);
    }
  }

  /**
   * Protects a Kubernetes object that holds or points at data (a PersistentVolume, a PVC): GitOps tools are told not
   * to prune or delete it (`argocd.argoproj.io/sync-options: Delete=false,Prune=false`,
   * `kustomize.toolkit.fluxcd.io/prune: disabled`, `helm.sh/resource-policy: keep`), and the decision is recorded in
   * `ai-factory.dev/data-protection` (with the reason when destroying is allowed).
   */
  public static protectKubernetesObject(obj: ApiObject, protection?: DataProtection): void {
    const p = Stateful.checked(obj, protection);
    protections.set(obj, p);
    if (p.preventDestroy) {
      obj.metadata.addAnnotation('ai-factory.dev/data-protection', 'retain');
      obj.metadata.addAnnotation('argocd.argoproj.io/sync-options', 'Delete=false,Prune=false');
      obj.metadata.addAnnotation('kustomize.toolkit.fluxcd.io/prune', 'disabled');
      obj.metadata.addAnnotation('helm.sh/resource-policy', 'keep');
    } else {
      obj.metadata.addAnnotation('ai-factory.dev/data-protection', 'allow-destroy');
      obj.metadata.addAnnotation('ai-factory.dev/data-protection-reason', p.reason!);
    }
  }

  /**
   * Emits a `moved` block for every Terraform resource under `scope`, from the address it had when `scope` was at
   * `previousPath` (below the stack). The old logical ids are computed with cdktf's own id function.
   */
  public static moveFrom(scope: IConstruct, previousPath: string): void {
    const stack = TerraformStack.of(scope);
    const current = scope.node.scopes.slice(scope.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
    let previous = previousPath.split('/').filter((c) => c.length > 0);
    if (previous[0] === stack.node.id && previous.length > 1) previous = previous.slice(1);
    if (previous.length === 0) {
      invalid(scope, `movedFrom ${JSON.stringify(previousPath)} is empty; give the construct's previous path below the stack, e.g. TenantA/Datasets`);
    }
    if (previous.join('/') === current.join('/')) {
      invalid(scope, `movedFrom ${JSON.stringify(previousPath)} is the construct's current path; remove movedFrom or give the path it had before`);
    }
    // resources added to the subtree later (access rules, grants) move too: the blocks are added when cdktf
    // invokes aspects at synthesis, before it renders the stack
    Aspects.of(scope).add(new MoveFromPreviousPath(scope, previous));
  }

  /** The protection recorded for a resource or Kubernetes object, if it went through {@link Stateful}. */
  public static protectionOf(node: IConstruct): DataProtection | undefined {
    return protections.get(node);
  }

  private static checked(node: IConstruct, protection?: DataProtection): DataProtection {
    const p = protection ?? DataProtection.retain();
    if (!p.preventDestroy && (p.reason === undefined || p.reason.length < MIN_REASON_CHARS)) {
      invalid(node, `DataProtection.allowDestroy needs a reason of at least ${MIN_REASON_CHARS} characters (got ${JSON.stringify(p.reason ?? '')}); ` +
        'say why losing this data is acceptable, or keep the default protection');
    }
    return p;
  }
}

/** Adds the `moved` block of each resource below a construct that moved (see {@link Stateful.moveFrom}). */
class MoveFromPreviousPath implements IAspect {
  private readonly done = new WeakSet<IConstruct>();

  constructor(private readonly scope: IConstruct, private readonly previous: string[]) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node) || this.done.has(node)) return;
    this.done.add(node);
    const below = node.node.scopes.slice(node.node.scopes.indexOf(this.scope) + 1).map((c) => c.node.id);
    node.moveFromId(`${node.terraformResourceType}.${makeUniqueId([...this.previous, ...below])}`);
  }
}

/**
 * An aspect that fails synthesis when a Terraform resource holding data has neither `lifecycle.prevent_destroy`
 * nor an opt-out with a reason recorded through {@link Stateful.protect}, and when a protected resource lost its
 * `prevent_destroy` afterwards. Add it to every stack (cdktf invokes the aspects of a stack and of its children, not
 * the app's): `Aspects.of(stack).add(new DataSafetyChecks())`.
 */
export class DataSafetyChecks implements IAspect {
  /** Checks one construct. */
  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const recorded = Stateful.protectionOf(node);
    const prevented = node.lifecycle?.preventDestroy === true;
    if (recorded === undefined && Stateful.TERRAFORM_TYPES.includes(node.terraformResourceType) && !prevented) {
      Annotations.of(node).addError(`${node.terraformResourceType} holds data but has no lifecycle.prevent_destroy; ` +
        'create it through a cdk-ai-factory construct, or call Stateful.protect(resource) (DataProtection.allowDestroy(reason) to opt out)');
    } else if (recorded?.preventDestroy && !prevented) {
      Annotations.of(node).addError(`${node.terraformResourceType} was protected but its lifecycle.prevent_destroy was removed; ` +
        'use DataProtection.allowDestroy(reason) to opt out explicitly');
    }
  }
}
