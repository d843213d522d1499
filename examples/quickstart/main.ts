/**
 * Quickstart: the smallest AI factory that goes end to end, from one description (`AiFactory`).
 *
 * One HGX H200 hypervisor; tenant `llm` bought 4 of its 8 GPUs as one passthrough VM, runs a Magnum cluster whose GPU
 * node group is that VM, and serves Llama 3.1 8B on it. Out come
 *   - `cdktf.out/stacks/quickstart-site/cdk.tf.json`: the site: the NUMA-aware 4-GPU flavor, Nova's unified limits,
 *     the Magnum node image and a public cluster template,
 *   - `cdktf.out/stacks/quickstart-llm/cdk.tf.json`: the tenant: project, quotas and GPU limit from the purchase,
 *     flavor access, a routed network, the cluster and its `h200x4` node group (site values through remote state),
 *   - `dist/quickstart-llm-cluster.k8s.yaml`: the node pool derived from the node group, the GPU Operator policy, the
 *     node labeler that puts the pool's labels on the node group's nodes, the tenant's namespace,
 *   - `dist/quickstart-llm-serving.k8s.yaml`: a vLLM server for Llama 3.1 8B sized for the node group's GPUs, selecting
 *     exactly those labels, behind an InferencePool; the namespace denies egress, so the server may reach only the
 *     Hugging Face Hub (its weights) and the endpoint picker only the API server (NetworkPolicies in the cluster file),
 *   - `cdktf.out/stacks/quickstart-llm-workloads/cdk.tf.json`: applies both YAML files to the cluster.
 *
 *   npx cdktf synth                       # from this folder (or `npm run synth` at the repository root)
 *   npx cdktf deploy quickstart-site      # then quickstart-llm, the operators' charts, quickstart-llm-workloads
 */
import * as path from 'path';
import { App } from 'cdktf';
import { AiFactory, LlmModel, ModelSource, ServerProfile } from 'cdk-ai-factory';

/** Builds and synthesizes the quickstart into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const factory = new AiFactory(app, 'Factory', {
    factoryName: 'quickstart',
    kubernetesOutdir: path.join(outdir, 'dist'),
    pools: [{ poolName: 'h200', server: ServerProfile.HGX_H200_8GPU, serverCount: 1 }],
    network: { externalNetworkName: 'public', tenantSupernet: '10.20.0.0/16', dnsNameservers: ['10.0.0.53'] },
    kubernetes: {
      kubernetesVersion: 'v1.33.12',
      imageUrl: 'https://images.example.net/magnum-capi/ubuntu-24.04-v1.33.12.qcow2',
      controlPlaneFlavor: { flavorName: 'm1.xlarge', vcpus: 8, ramMb: 16384 },
      workerFlavor: { flavorName: 'm1.2xlarge', vcpus: 16, ramMb: 32768 },
    },
    tenants: [{
      tenantName: 'llm',
      projectScope: { cloud: 'llm', userName: 'llm-deployer' },
      // 4 of the server's 8 H200s: one NUMA node's worth, with required PCI NUMA affinity
      gpus: [{ purchaseName: 'h200x4', poolName: 'h200', servers: 1, gpusPerServer: 4 }],
      cluster: { controlPlaneCount: 1, defaultWorkerCount: 1 },
      models: [{
        model: LlmModel.LLAMA_3_1_8B, // the planner sizes it: TP=1, 32K context, KV-cache capacity checked
        nodeGroupName: 'h200x4',
        maxModelLen: 32768,
        modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } }),
        apiKey: { secretName: 'vllm-api-key', key: 'key' },
        inferencePool: true, // llm-d's endpoint picker in front of the server (a gateway routes to the pool)
      }],
    }],
  });
  factory.synth();
}

if (require.main === module) {
  synth();
}
