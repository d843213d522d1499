import * as fs from 'fs';
import * as path from 'path';
import { App as K8sApp, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { App as TfApp, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { cluster, magnumSite } from './magnum-fixtures';
import { ClusterImage } from '../../../constructs/cluster/cluster-image';
import { ClusterManifests, escapeTemplates } from '../../../constructs/cluster/cluster-manifests';
import { ClusterTemplate } from '../../../constructs/cluster/cluster-template';
import { ExistingFlavor } from '../../../constructs/cluster/existing-flavor';
import { MagnumCluster } from '../../../constructs/cluster/magnum-cluster';
import { ExternalNetwork } from '../../../constructs/network/external-network';
import { BucketModelStore, ShareModelStore } from '../../../constructs/storage/model-store';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { OpenstackProvider } from '../../../generated/terraform/openstack/provider';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { ShareType } from '../../../lib/storage/share-type';
import { FactoryStack } from '../../../stacks/factory-stack';
import { resourcesOf, synthStack } from '../../util';
import { tenant } from '../identity/fixtures';

function setup() {
  const site = magnumSite();
  const c = cluster(site);
  const workloads = new FactoryStack(site.stack.node.scope!, 'workloads', { cloud: 'team-a' });
  const k8sApp = new K8sApp();
  const chart = new Chart(k8sApp, 'apps', { disableResourceNameHashes: true });
  return { site, cluster: c, workloads, k8sApp, chart };
}

describe('ClusterManifests', () => {
  test("reads the cluster as its owner and configures the Kubernetes provider from the cluster's kubeconfig", () => {
    const { cluster: c, workloads, k8sApp, site } = setup();
    const manifests = new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    const tf = synthStack(workloads);
    const lookup = Object.entries(tf.data.openstack_containerinfra_cluster_v1)[0];
    expect(lookup[1]).toMatchObject({ name: 'team-a', provider: 'openstack.cluster_team_a' });
    expect(tf.provider.openstack).toEqual([{ cloud: 'team-a' }, { alias: 'cluster_team_a', cloud: 'team-a' }]);
    const ref = (key: string) => `\${data.openstack_containerinfra_cluster_v1.${lookup[0]}.kubeconfig["${key}"]}`;
    expect(tf.provider.kubernetes).toEqual([{
      alias: 'cluster_team_a',
      host: ref('host'),
      cluster_ca_certificate: ref('cluster_ca_certificate'),
      client_certificate: ref('client_certificate'),
      client_key: ref('client_key'),
    }]);
    expect(tf.terraform.required_providers.kubernetes).toEqual({ source: 'kubernetes', version: '2.38.0' });
    expect(workloads.dependencies).toEqual([site.stack]);
    expect(manifests.alias).toBe('cluster_team_a');
  });

  test('every object becomes a kubernetes_manifest, literal: multi-line strings stay, template sequences are escaped', () => {
    const { cluster: c, workloads, k8sApp, chart } = setup();
    const script = '#!/bin/sh\necho "${HOME}" 100%{x}\n';
    new k8s.KubeNamespace(chart, 'Ns', { metadata: { name: 'team-a' } });
    new k8s.KubeConfigMap(chart, 'Cm', { metadata: { name: 'script', namespace: 'team-a', labels: { 'app.kubernetes.io/name': 'x' } }, data: { 'run.sh': script, '${key}': 'v' } });
    new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp, fieldManager: 'platform', forceConflicts: false });
    const tf = synthStack(workloads);
    const manifests = resourcesOf(tf, 'kubernetes_manifest');
    expect(Object.keys(manifests).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['Apps_core-ConfigMap-team-a-script', 'Apps_core-Namespace-cluster-team-a']);
    const [cmId, cm] = Object.entries(manifests).find(([k]) => k.includes('ConfigMap')) as [string, any];
    const [nsId] = Object.keys(manifests).filter((k) => k !== cmId);
    expect(cm.provider).toBe('kubernetes.cluster_team_a');
    expect(cm.depends_on).toEqual([`kubernetes_manifest.${nsId}`]);
    expect(manifests[nsId].depends_on).toBeUndefined();
    expect(cm.field_manager).toEqual({ name: 'platform', force_conflicts: false });
    expect(cm.manifest).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'script', namespace: 'team-a', labels: { 'app.kubernetes.io/name': 'x' } },
      data: { 'run.sh': '#!/bin/sh\necho "$${HOME}" 100%%{x}\n', '$${key}': 'v' },
    });
  });

  test('escaping is undone by Terraform: what Terraform reads is the cdk8s document', () => {
    const doc = { data: { a: 'x ${y} %{z}\n$${w}' }, n: 1, b: true, l: ['${q}'] };
    const escaped = escapeTemplates(doc);
    const unescape = (v: any): any => JSON.parse(JSON.stringify(v).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
    expect(unescape(escaped)).toEqual(doc);
    expect(JSON.stringify(escaped)).not.toMatch(/(?<!\$)\$\{/);
  });

  test('fails when the manifests are in the stack that creates the cluster', () => {
    const { cluster: c, site, k8sApp } = setup();
    expect(() => new ClusterManifests(site.stack, 'Apps', { cluster: c, cdk8sApp: k8sApp })).toThrow(
      'test/Apps: cluster team-a is created in this stack, but kubernetes_manifest needs the Kubernetes API while planning; ' +
        'put ClusterManifests in a second stack (it depends on the cluster stack, so cdktf deploys them in order)',
    );
  });

  test('fails when a manifest carries a Terraform reference', () => {
    const { cluster: c, workloads, k8sApp, chart } = setup();
    new k8s.KubeConfigMap(chart, 'Cm', { metadata: { name: 'cluster', namespace: 'default' }, data: { id: c.clusterId } });
    new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    expect(() => synthStack(workloads)).toThrow(
      /^workloads\/Apps: ConfigMap default\/cluster of chart apps contains the Terraform reference \$\{TfToken\[TOKEN\.\d+\]\} at synth time; the manifests must be self-contained \(values known at synth time\): pass literal values to the cdk8s constructs$/,
    );
  });

  test('fails when two charts render the same object', () => {
    const { cluster: c, workloads, k8sApp, chart } = setup();
    const other = new Chart(k8sApp, 'more', { disableResourceNameHashes: true });
    new k8s.KubeNamespace(chart, 'Ns', { metadata: { name: 'team-a' } });
    new k8s.KubeNamespace(other, 'Ns', { metadata: { name: 'team-a' } });
    new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    expect(() => synthStack(workloads)).toThrow('workloads/Apps: Namespace team-a appears twice (charts apps and more); one object, one manifest');
  });

  test('fails when the cluster has no clouds.yaml entry to be read with', () => {
    const app = Testing.app({ stackTraces: false });
    const stack = new TerraformStack(app, 'plain');
    new LocalBackend(stack, { path: 'x.tfstate' });
    new OpenstackProvider(stack, 'os', {});
    const image = new ClusterImage(stack, 'I', { imageName: 'i', kubernetesVersion: 'v1.33.12' });
    const template = new ClusterTemplate(stack, 'T', {
      image,
      externalNetwork: new ExternalNetwork(stack, 'Pub', { networkName: 'public' }),
      controlPlaneFlavor: new ExistingFlavor(stack, 'Cp', { flavorName: 'a' }),
      workerFlavor: new ExistingFlavor(stack, 'W', { flavorName: 'b' }),
    });
    const c = new MagnumCluster(stack, 'C', { template });
    const workloads = new FactoryStack(app, 'workloads');
    expect(() => new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: new K8sApp() })).toThrow(
      'workloads/Apps: cluster c was created with credentials that have no clouds.yaml entry; give the cluster credentials (TenantCloud) or its FactoryStack a cloud, so this stack can read it',
    );
  });
});

describe('ClusterManifests and Jobs', () => {
  function withJob(ttl?: number) {
    const s = setup();
    new k8s.KubeJob(s.chart, 'Job', {
      metadata: { name: 'once', namespace: 'default' },
      spec: { ttlSecondsAfterFinished: ttl, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    new k8s.KubeConfigMap(s.chart, 'Cm', { metadata: { name: 'kept', namespace: 'default' } });
    return s;
  }

  test('Jobs are left out by default and reported', () => {
    const { cluster: c, workloads, k8sApp } = withJob(3600);
    const m = new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    const manifests = Object.values(resourcesOf(synthStack(workloads), 'kubernetes_manifest')) as any[];
    expect(manifests.map((x) => x.manifest.kind)).toEqual(['ConfigMap']);
    expect(m.node.metadata.filter((e) => e.type === '@cdktf/info').map((e) => e.data)).toEqual([
      'not applied by Terraform (submit them with kubectl or GitOps): Job default/once',
    ]);
  });

  test('a Job without TTL is applied when asked', () => {
    const { cluster: c, workloads, k8sApp } = withJob();
    new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp, includeJobs: true });
    const manifests = Object.values(resourcesOf(synthStack(workloads), 'kubernetes_manifest')) as any[];
    expect(manifests.map((x) => x.manifest.kind).sort()).toEqual(['ConfigMap', 'Job']);
  });

  test('fails when an applied Job would be re-created after its TTL', () => {
    const { cluster: c, workloads, k8sApp } = withJob(3600);
    new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp, includeJobs: true });
    expect(() => synthStack(workloads)).toThrow(
      'workloads/Apps: Job default/once has ttlSecondsAfterFinished 3600: once it is deleted after finishing, the next apply would create it ' +
        'and run it again; submit it with kubectl or GitOps (includeJobs: false), or drop the TTL',
    );
  });

  test('model stores: the share PV and the bucket Secret are applied from Terraform, their ids resolved from the site stack', () => {
    const { cluster: c, workloads, k8sApp, chart, site } = setup();
    new ShareTypeCatalog(site.stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()] });
    const t = tenant(site.stack, 'T', 'inference');
    const share = new ShareModelStore(site.stack, 'Weights', { tenant: t, storeName: 'llama', shareType: ShareType.cephfsNative(), sizeGb: 160 });
    const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', s3Region: 'eu-1' });
    const bucket = new BucketModelStore(site.stack, 'Bucket', { tenant: t, storeName: 'mistral', service: rgw, capacityGb: 15, credentialUserName: 'reader' });
    new k8s.KubeNamespace(chart, 'Ns', { metadata: { name: 'llm' } });
    const manifests = new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    manifests.addModelStore(share, 'llm');
    manifests.addModelStore(bucket, 'llm');
    // cross-stack references become remote state only when the whole app is synthesized
    const app = site.stack.node.scope as TfApp;
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'workloads', 'cdk.tf.json'), 'utf8'));
    const all = resourcesOf(tf, 'kubernetes_manifest');
    const pv = Object.entries(all).find(([k]) => k.includes('model-store-llama-llm-pv'))![1] as any;
    expect(pv.manifest).toMatchObject({
      kind: 'PersistentVolume',
      spec: { claimRef: { namespace: 'llm', name: 'llama' }, csi: { driver: 'cephfs.manila.csi.openstack.org', readOnly: true } },
    });
    // the share's ids come from the site stack's state, not as literals
    expect(pv.manifest.spec.csi.volumeAttributes.shareID).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-\S+\.outputs\.\S+\}$/);
    const [secretId, secret] = Object.entries(all).find(([k]) => k.includes('model-store-mistral-llm-secret')) as [string, any];
    expect(secret.manifest.metadata).toMatchObject({ namespace: 'llm' });
    expect(secret.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.Apps_core-Namespace-cluster-llm_/)]);
    expect(secretId).toMatch(/secret/);
    expect(Object.values(tf.data.terraform_remote_state)).toContainEqual(expect.objectContaining({ config: { path: `../${site.stack.node.id}/terraform.${site.stack.node.id}.tfstate` } }));
  });

  test('fails when a model store names an invalid namespace', () => {
    const { cluster: c, workloads, k8sApp, site } = setup();
    new ShareTypeCatalog(site.stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()] });
    const share = new ShareModelStore(site.stack, 'Weights', { tenant: tenant(site.stack, 'T', 'inference'), storeName: 'llama', shareType: ShareType.cephfsNative(), sizeGb: 10 });
    const manifests = new ClusterManifests(workloads, 'Apps', { cluster: c, cdk8sApp: k8sApp });
    expect(() => manifests.addModelStore(share, 'LLM')).toThrow('workloads/Apps: namespaceName "LLM" is not a Kubernetes namespace name (a DNS label)');
  });
});
