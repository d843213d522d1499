import type { Manifest, ManifestFieldManager } from '@cdktf/provider-kubernetes/lib/manifest';
import * as cdk8s from 'cdk8s';
import { Annotations, Aspects, IAspect, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IMagnumCluster } from './node-group';
import { bindings } from '../common/bindings';
import { isDnsLabel } from '../common/k8s';
import { invalid } from '../common/validation';
import { IModelStore, ModelStoreKind } from '../storage/model-store';
import { credentialsSecretManifest, persistentVolumeManifest } from '../storage/model-store-manifests';

/** Props of {@link ClusterManifests}. */
export interface ClusterManifestsProps {
  /** The Magnum cluster the manifests go to (created in another stack). */
  readonly cluster: IMagnumCluster;
  /** The cdk8s app whose charts are applied; every object becomes one `kubernetes_manifest`. */
  readonly cdk8sApp: cdk8s.App;
  /**
   * Server-side apply field manager.
   * @default 'cdk-ai-factory'
   */
  readonly fieldManager?: string;
  /**
   * Take over fields another field manager owns (`force_conflicts`). The objects are the app's; some exist before the
   * first apply with Helm as their manager (the GPU Operator chart's `cluster-policy`, which the app's ClusterPolicy
   * replaces), and server-side apply refuses to change their fields without it.
   * @default true
   */
  readonly forceConflicts?: boolean;
  /**
   * Apply the app's Jobs too. A Job is a run, not a state: submit it with kubectl or a GitOps tool. A Job with
   * `ttlSecondsAfterFinished` is refused even then: once its TTL deletes it, the next apply would create it again and
   * run it again.
   * @default false
   */
  readonly includeJobs?: boolean;
}

/**
 * Applies a cdk8s app to a Magnum cluster from a Terraform stack, so one `cdktf deploy` continues from the cluster stack
 * into the cluster.
 *
 * In its own stack (a `FactoryStack` that depends on the cluster's) it reads the cluster with the cluster's clouds.yaml
 * entry (`data.openstack_containerinfra_cluster_v1`), configures the Kubernetes provider from the cluster's computed
 * kubeconfig (`host`, `cluster_ca_certificate`, `client_certificate`, `client_key`, all sensitive) and renders every
 * object of the cdk8s app as a `kubernetes_manifest` (an object in a Namespace of the app depends on it, since Terraform
 * applies in parallel). It must be another stack: `kubernetes_manifest` reads the API
 * during plan, so the cluster has to exist before the plan (terraform-provider-kubernetes docs, resources/manifest).
 *
 * Jobs are left out unless `includeJobs`: a Job is a run, not a state (after its TTL deletes it, Terraform would
 * create and run it again).
 *
 * The manifests are self-contained: every value is known at synth time, so the YAML for GitOps and the Terraform
 * resources are the same documents. A Terraform reference inside a manifest is refused. Strings are escaped for
 * Terraform's template syntax (`${` → `$${`, `%{` → `%%{`) and nothing else, so multi-line strings (scripts, MIG
 * layouts) arrive unchanged; cdktf-cdk8s's `CDK8sProvider` turns every newline into a literal `\n`.
 */
export class ClusterManifests extends Construct {
  /** The Kubernetes provider configured for the cluster. */
  public readonly kubernetesProvider: TerraformProvider;
  /** The provider alias, `cluster_<name>`. */
  public readonly alias: string;
  private rendered = false;
  private readonly fieldManager: ManifestFieldManager;
  /** Model-store objects in a namespace: they wait for the Namespace when the app creates it. */
  private readonly namespacedStoreObjects: { manifest: Manifest; namespaceName: string }[] = [];
  private readonly modelStoreKeys = new Set<string>();

  constructor(scope: Construct, id: string, props: ClusterManifestsProps) {
    super(scope, id);
    const cluster = props.cluster;
    const stack = TerraformStack.of(this);
    const clusterStack = TerraformStack.of(cluster);
    if (stack === clusterStack) {
      invalid(
        this,
        `cluster ${cluster.clusterName} is created in this stack, but kubernetes_manifest needs the Kubernetes API while planning; ` +
          'put ClusterManifests in a second stack (it depends on the cluster stack, so cdktf deploys them in order)',
      );
    }
    if (!cluster.cloudName) {
      invalid(this, `cluster ${cluster.clusterName} was created with credentials that have no clouds.yaml entry; give the cluster credentials (TenantCloud) or its FactoryStack a cloud, so this stack can read it`);
    }
    stack.addDependency(clusterStack);
    this.alias = `cluster_${cluster.clusterName.replace(/[^A-Za-z0-9_]/g, '_')}`;

    // read the cluster with the credentials that own it (a cluster is visible in its own project only)
    const openstack = new (bindings.openstackProvider().OpenstackProvider)(this, 'Openstack', { alias: this.alias, cloud: cluster.cloudName, region: cluster.region });
    const lookup = new (bindings.dataOpenstackContainerinfraClusterV1().DataOpenstackContainerinfraClusterV1)(this, 'Cluster', { name: cluster.clusterName, provider: openstack });
    const kubeconfig = lookup.kubeconfig;
    this.kubernetesProvider = new (bindings.kubernetesProvider().KubernetesProvider)(this, 'Kubernetes', {
      alias: this.alias,
      host: kubeconfig.lookup('host'),
      clusterCaCertificate: kubeconfig.lookup('cluster_ca_certificate'),
      clientCertificate: kubeconfig.lookup('client_certificate'),
      clientKey: kubeconfig.lookup('client_key'),
    });

    const fieldManager = { name: props.fieldManager ?? 'cdk-ai-factory', forceConflicts: props.forceConflicts ?? true };
    this.fieldManager = fieldManager;
    const render: IAspect = {
      visit: (node: IConstruct) => {
        if (node !== this || this.rendered) return;
        this.rendered = true;
        this.renderManifests(props.cdk8sApp, fieldManager, props.includeJobs ?? false);
      },
    };
    Aspects.of(this).add(render);
  }

  /**
   * Applies what a tenant's model store needs in the cluster and only Terraform knows: a share store's
   * PersistentVolume (its `shareID`/`shareAccessIDs` exist after apply), pre-bound to the claim `ModelStoreClaim`
   * renders in `namespaceName`; a bucket store's credentials Secret (the EC2 key pair) in `namespaceName`. These are
   * built on the Terraform side, so the references resolve (across stacks through remote state); the cdk8s charts stay
   * free of them.
   */
  public addModelStore(store: IModelStore, namespaceName: string): void {
    if (!isDnsLabel(namespaceName)) {
      invalid(this, `namespaceName ${JSON.stringify(namespaceName)} is not a Kubernetes namespace name (a DNS label)`);
    }
    const storeId = `model-store-${store.storeName}-${namespaceName}`;
    if (this.modelStoreKeys.has(storeId)) invalid(this, `model store ${store.storeName} is added twice for namespace ${namespaceName}`);
    this.modelStoreKeys.add(storeId);
    // created now, not when the app's manifests are rendered: cdktf turns references to another stack into remote
    // state before aspects run
    if (store.storeKind === ModelStoreKind.SHARED_FILE_SYSTEM && store.fileSystem) {
      this.manifest(`${storeId}-pv`, persistentVolumeManifest(store, namespaceName), this.fieldManager, undefined);
    } else if (store.objectBucket) {
      const secret = credentialsSecretManifest(store.objectBucket);
      const manifest = this.manifest(`${storeId}-secret`, { ...secret, metadata: { ...secret.metadata, namespace: namespaceName } }, this.fieldManager, undefined);
      this.namespacedStoreObjects.push({ manifest, namespaceName });
    }
  }

  private renderManifests(app: cdk8s.App, fieldManager: ManifestFieldManager, includeJobs: boolean): void {
    const seen = new Map<string, string>();
    const docs: { id: string; doc: any }[] = [];
    const skipped: string[] = [];
    for (const chart of app.charts) {
      for (const doc of chart.toJson()) {
        const what = `${doc.kind} ${doc.metadata?.namespace ? `${doc.metadata.namespace}/` : ''}${doc.metadata?.name}`;
        if (doc.apiVersion === 'batch/v1' && doc.kind === 'Job') {
          if (!includeJobs) {
            skipped.push(what);
            continue;
          }
          if (doc.spec?.ttlSecondsAfterFinished !== undefined) {
            invalid(
              this,
              `${what} has ttlSecondsAfterFinished ${doc.spec.ttlSecondsAfterFinished}: once it is deleted after finishing, the next apply would create it ` +
                'and run it again; submit it with kubectl or GitOps (includeJobs: false), or drop the TTL',
            );
          }
        }
        const reference = findTerraformReference(doc);
        if (reference !== undefined) {
          invalid(
            this,
            `${what} of chart ${chart.node.id} contains the Terraform reference ${reference} at synth time; the manifests must be self-contained ` +
              '(values known at synth time): pass literal values to the cdk8s constructs',
          );
        }
        const group = String(doc.apiVersion).includes('/') ? String(doc.apiVersion).split('/')[0] : 'core';
        const id = `${group}-${doc.kind}-${doc.metadata?.namespace ?? 'cluster'}-${doc.metadata?.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const other = seen.get(id);
        if (other) invalid(this, `${what} appears twice (charts ${other} and ${chart.node.id}); one object, one manifest`);
        seen.set(id, chart.node.id);
        docs.push({ id, doc });
      }
    }
    if (skipped.length > 0) {
      Annotations.of(this).addInfo(`not applied by Terraform (submit them with kubectl or GitOps): ${skipped.join(', ')}`);
    }
    // Terraform applies in parallel: an object in a namespace the app creates waits for that Namespace
    const namespaces = new Map<string, Manifest>();
    for (const { id, doc } of docs.filter((d) => d.doc.apiVersion === 'v1' && d.doc.kind === 'Namespace')) {
      namespaces.set(doc.metadata.name, this.manifest(id, doc, fieldManager, undefined));
    }
    for (const { id, doc } of docs.filter((d) => !(d.doc.apiVersion === 'v1' && d.doc.kind === 'Namespace'))) {
      this.manifest(id, doc, fieldManager, namespaces.get(doc.metadata?.namespace));
    }
    for (const { manifest, namespaceName } of this.namespacedStoreObjects) {
      const namespace = namespaces.get(namespaceName);
      // the address as `depends_on` wants it (what a config's `dependsOn` renders)
      if (namespace) manifest.dependsOn = [`${namespace.terraformResourceType}.${namespace.friendlyUniqueId}`];
    }
  }

  private manifest(id: string, doc: any, fieldManager: ManifestFieldManager, namespace: Manifest | undefined): Manifest {
    return new (bindings.kubernetesManifest().Manifest)(this, id, {
      provider: this.kubernetesProvider,
      manifest: escapeTemplates(doc),
      fieldManager,
      dependsOn: namespace ? [namespace] : undefined,
    });
  }
}

/** A cdktf token or Terraform interpolation in a manifest, if any. */
function findTerraformReference(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? value.match(/\$\{[^}]*\}?/)?.[0] ?? value : undefined;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findTerraformReference(v);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findTerraformReference(k) ?? findTerraformReference(v);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Escapes Terraform template sequences in every string and key, so Terraform reads the manifest literally:
 * `${` → `$${`, `%{` → `%%{`. cdktf tokens (references the Terraform side put in, e.g. a share id) are kept, so they
 * resolve. Not part of the jsii API.
 */
export function escapeTemplates(value: any): any {
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? value : value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  }
  if (Array.isArray(value)) return value.map(escapeTemplates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeTemplates(k), escapeTemplates(v)]));
  }
  return value;
}
