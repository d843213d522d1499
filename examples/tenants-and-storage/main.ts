/**
 * Tenants and storage: two isolated tenants of one GPU site, with storage no other tenant can reach and no
 * careless `cdktf deploy` can destroy.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/tenants-and-storage/cdk.tf.json`):
 *   - the site: a 4-GPU H200 flavor, Nova's unified limits (GPUs registered with a default of 0), Ceph RBD volume
 *     types with QoS tiers, the Manila share types (CephFS native and CephFS over NFS) and Ceph RGW;
 *   - tenant `research` (trains): project, members, quotas and GPU limits for 4 GPU servers, a network, a CephFS
 *     dataset share, checkpoint and scratch volumes, a raw-data bucket and a model registry, and the training
 *     pipeline's application credential (read one dataset bucket, start servers, write one model registry);
 *   - tenant `inference` (serves): project, quotas for 2 GPU servers, a network, its own CephFS share and bucket,
 *     read-only access to research's dataset share and model registry, a credential that syncs models, and a
 *     model store on CephFS for the serving side.
 * Cluster side (Kubernetes YAML, `dist/tenants-and-storage-models.k8s.yaml`):
 *   - the PersistentVolumeClaim vLLM mounts the model store through (GitOps-ready: synth-time values only; the PV
 *     itself comes from `terraform output -raw model_store_llama_3_1_70b_pv` after apply);
 *   - a vLLM server for Llama 3.1 70B on 4-H200 nodes that serves the weights from that claim
 *     (`ModelSource.fromModelStore`).
 *
 * clouds.yaml needs `openstack` (a cloud admin) and one entry per tenant, scoped to the tenant's project:
 *   research:  { auth: { ..., username: svc-research,  project_name: research,  project_domain_id: default } }
 *   inference: { auth: { ..., username: svc-inference, project_name: inference, project_domain_id: default } }
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 *   npx cdktf deploy         # first deployment: see docs/tenants-and-storage.md (share types and Manila quotas
 *                            # have no Terraform resource; their admin commands are Terraform outputs)
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  AccessRule,
  BlockStorageBackend,
  Bucket,
  CredentialExpiry,
  DataProtection,
  ExternalNetwork,
  FactoryStack,
  GpuFlavor,
  GpuModel,
  GpuNodePool,
  HttpMethod,
  LlmModel,
  ModelSource,
  ModelStoreClaim,
  NovaUnifiedLimits,
  ObjectStorageService,
  QosTier,
  ServerProfile,
  ServingChart,
  Share,
  ShareAccessRule,
  ShareModelStore,
  ShareType,
  ShareTypeCatalog,
  Tenant,
  VllmServer,
  Volume,
  VolumePurpose,
  VolumeQos,
  VolumeType,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  // FactoryStack checks that every volume, share and bucket carries prevent_destroy or an opt-out with a reason
  const site = new FactoryStack(app, 'tenants-and-storage', { cloud: 'openstack' });

  // ---- the site: what tenants are given and what storage they can have ----------------------------------------
  const h200x4 = new GpuFlavor(site, 'H200x4', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
  const nova = new NovaUnifiedLimits(site, 'NovaLimits');
  const publicNet = new ExternalNetwork(site, 'Public', { networkName: 'public' });

  const cephfs = ShareType.cephfsNative();
  new ShareTypeCatalog(site, 'ShareTypes', { shareTypes: [cephfs, ShareType.cephfsNfs()] });

  const nvme = BlockStorageBackend.cephRbd({ backendName: 'ceph-nvme' });
  const gold = new VolumeQos(site, 'GoldQos', {
    tier: QosTier.of({ name: 'gold', readIopsSec: 40000, writeIopsSec: 20000, readBytesSec: 4_000_000_000, writeBytesSec: 2_000_000_000 }),
  });
  const silver = new VolumeQos(site, 'SilverQos', { tier: QosTier.of({ name: 'silver', totalIopsSec: 10000, totalBytesSec: 1_000_000_000 }) });
  const nvmeGold = new VolumeType(site, 'NvmeGold', { volumeTypeName: 'nvme-gold', backend: nvme, qos: gold, isPublic: false });
  const nvmeShared = new VolumeType(site, 'NvmeShared', { volumeTypeName: 'nvme-shared', backend: nvme, qos: silver, multiattach: true });

  const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', versioning: true });

  // ---- tenant research: trains on 4 GPU servers ----------------------------------------------------------------
  const research = new Tenant(site, 'Research', {
    projectName: 'research',
    description: 'ML research: pre-training and fine-tuning',
    members: [
      { groupName: 'research-ml', domainId: 'ldap', roles: ['member'] },
      { groupName: 'research-auditors', domainId: 'ldap', roles: ['reader'] },
    ],
    projectScope: { cloud: 'research', userName: 'svc-research' },
    gpuServers: [{ flavor: h200x4, count: 4 }],
    servers: [{ name: 'm1.large (Kubernetes control plane)', count: 3, vcpus: 4, ramMb: 8192 }],
    novaLimits: nova,
  });
  research.addNetwork('Net', { networkName: 'research', cidr: '10.40.0.0/24', physicalMtuBytes: 9000, externalNetwork: publicNet });
  nvmeGold.grantAccess(research);

  const datasets = new Share(site, 'ResearchDatasets', { tenant: research, shareType: cephfs, sizeGb: 20000, shareName: 'research-datasets' });
  datasets.grantAccess(ShareAccessRule.cephx('research-training'));
  new Volume(site, 'ResearchCheckpoints', { tenant: research, sizeGb: 4000, volumeType: nvmeGold, purpose: VolumePurpose.CHECKPOINTS });
  new Volume(site, 'ResearchScratch', {
    tenant: research,
    sizeGb: 2000,
    volumeType: nvmeShared,
    purpose: VolumePurpose.SCRATCH,
    protection: DataProtection.allowDestroy('scratch space for data loaders, rebuilt by every training run'),
  });
  const rawData = new Bucket(site, 'ResearchRawData', { tenant: research, service: rgw, bucketName: 'research-raw-datasets' });
  const registry = new Bucket(site, 'ResearchModelRegistry', { tenant: research, service: rgw, bucketName: 'research-model-registry' });

  // the training pipeline: read one dataset bucket, start servers, write one model registry — nothing else
  research.addApplicationCredential('TrainingPipeline', {
    roles: ['member'],
    expiry: CredentialExpiry.daysAfter('2026-06-01', 90),
    accessRules: [
      ...rawData.readAccessRules(),
      AccessRule.of('compute', HttpMethod.POST, '/v2.1/servers'),
      AccessRule.of('compute', HttpMethod.GET, '/v2.1/servers/*'),
      ...registry.writeAccessRules(),
    ],
  });

  // ---- tenant inference: serves on 2 GPU servers ---------------------------------------------------------------
  const inference = new Tenant(site, 'Inference', {
    projectName: 'inference',
    description: 'Production inference',
    members: [{ groupName: 'inference-sre', domainId: 'ldap', roles: ['member'] }],
    projectScope: { cloud: 'inference', userName: 'svc-inference' },
    gpuServers: [{ flavor: h200x4, count: 2 }],
    servers: [{ name: 'm1.large (Kubernetes control plane)', count: 3, vcpus: 4, ramMb: 8192 }],
    novaLimits: nova,
  });
  inference.addNetwork('Net', { networkName: 'inference', cidr: '10.41.0.0/24', physicalMtuBytes: 9000, externalNetwork: publicNet });

  new Share(site, 'InferenceWorkspace', { tenant: inference, shareType: cephfs, sizeGb: 2000 }).grantAccess(ShareAccessRule.cephx('inference-ops'));
  new Bucket(site, 'InferenceEvaluations', { tenant: inference, service: rgw, bucketName: 'inference-evaluations' });

  // research shares its datasets read-only (for evaluation) and its registry with inference, explicitly
  datasets.grantReadOnly(inference);
  registry.grantRead(inference);
  inference.addApplicationCredential('ModelSync', {
    roles: ['member'],
    expiry: CredentialExpiry.at('2026-12-31T00:00:00Z'),
    accessRules: registry.readAccessRules(),
  });

  // the weights vLLM serves, on CephFS, mounted read-only by the inference cluster through Manila CSI
  const weights = new ShareModelStore(site, 'Llama70bWeights', { tenant: inference, storeName: 'llama-3-1-70b', shareType: cephfs, sizeGb: 160 });
  app.synth();

  const k8s = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const models = new ServingChart(k8s, 'tenants-and-storage-models', { namespaceName: 'llm' });
  new ModelStoreClaim(models, 'Llama70bWeights', { store: weights });
  // the inference tenant's servers: 4 H200s each, serving Llama 3.1 70B straight from the model store
  const h200 = new GpuNodePool(models, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 4, nodeCount: 2 });
  new VllmServer(models, 'Llama70B', {
    model: LlmModel.LLAMA_3_1_70B,
    pool: h200,
    maxModelLen: 32768,
    modelSource: ModelSource.fromModelStore(weights, 'meta-llama/Llama-3.1-70B-Instruct'),
  });
  k8s.synth();
}

if (require.main === module) {
  synth();
}
