/**
 * Quickstart: the smallest AI factory that goes end to end.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/quickstart/cdk.tf.json`):
 *   - a NUMA-aware 4-GPU flavor for an HGX H200 server,
 *   - a tenant network with a subnet and a router to the site's external network.
 * Cluster side (Kubernetes YAML, `dist/quickstart-serving.k8s.yaml`):
 *   - a vLLM server for Llama 3.1 8B, sized for the flavor's GPUs.
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 *   npx cdktf deploy         # against a real cloud: clouds.yaml entry `openstack`
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  ExternalNetwork,
  FactoryStack,
  GpuFlavor,
  GpuNodePool,
  LlmModel,
  ModelSource,
  ServerProfile,
  ServingChart,
  TenantNetwork,
  VllmServer,
} from 'cdk-ai-factory';

/** Builds and synthesizes the quickstart into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const site = new FactoryStack(app, 'quickstart', { cloud: 'openstack' });

  // 4 of the server's 8 H200s: one NUMA node's worth, with required PCI NUMA affinity
  const flavor = new GpuFlavor(site, 'H200x4', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });

  const publicNet = new ExternalNetwork(site, 'Public', { networkName: 'public' });
  new TenantNetwork(site, 'TenantNet', {
    networkName: 'quickstart',
    cidr: '10.20.0.0/24',
    physicalMtuBytes: 9000,
    dnsNameservers: ['10.0.0.53'],
    externalNetwork: publicNet,
  });
  app.synth();

  const k8s = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const serving = new ServingChart(k8s, 'quickstart-serving', { namespaceName: 'llm' });
  // the Kubernetes nodes built from that flavor, as the serving constructs see them
  const pool = new GpuNodePool(serving, 'H200Pool', { poolName: 'h200x4', gpuModel: flavor.gpuModel, gpusPerNode: flavor.gpuCount });
  new VllmServer(serving, 'Llama8B', {
    model: LlmModel.LLAMA_3_1_8B,
    pool,
    maxModelLen: 32768,
    modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } }),
    apiKey: { secretName: 'vllm-api-key', key: 'key' },
  });
  k8s.synth();
}

if (require.main === module) {
  synth();
}
