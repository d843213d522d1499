/**
 * GPU-as-a-service: one GPU cloud sold three ways, from one description (`AiFactory`).
 *
 * Inventory: 6 HGX H200 hypervisors (8 GPUs each) and 4 L40S hypervisors (4 GPUs each). What the tenants bought:
 *   - `acme`: two 8-GPU passthrough VMs that are the GPU node group of its Magnum cluster, where the MIG manager cuts
 *     every GPU into 3g.71gb + 2 x 2g.35gb for containers (Kueue queue on the slices), and Qwen 2.5 7B on one slice;
 *   - `studio`: eight L40S-12Q time-sliced vGPU VMs (4 per GPU) for rendering desktops;
 *   - `research`: six VMs with a MIG-backed vGPU each (H200 3g.71gb, 2 per GPU) and two 4-GPU passthrough VMs.
 * The site offers exactly the flavors bought (one per pool, attachment and size, shared by tenants), and each tenant's
 * quotas and Keystone GPU limits are derived from its purchase; tenants that together buy more than a pool has are
 * refused at synth. Out come the stacks `gpuaas-site`, `gpuaas-acme`, `gpuaas-studio`, `gpuaas-research`,
 * `gpuaas-acme-workloads` and the cluster side of acme (`dist/gpuaas-acme-*.k8s.yaml`).
 *
 *   npx cdktf synth        # from this folder (or `npm run synth -- gpu-as-a-service` at the repository root)
 */
import * as path from 'path';
import { App } from 'cdktf';
import { AiFactory, GpuAttachment, GpuPartitioning, LlmModel, MigLayout, ServerProfile } from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const scope = (tenant: string) => ({ cloud: tenant, userName: `${tenant}-deployer` });
  new AiFactory(app, 'Factory', {
    factoryName: 'gpuaas',
    kubernetesOutdir: path.join(outdir, 'dist'),
    pools: [
      { poolName: 'h200', server: ServerProfile.HGX_H200_8GPU, serverCount: 6 },
      { poolName: 'l40s', server: ServerProfile.L40S_4GPU_BF3, serverCount: 4 },
    ],
    network: { externalNetworkName: 'public', tenantSupernet: '10.96.0.0/12', dnsNameservers: ['10.0.0.53'] },
    kubernetes: {
      kubernetesVersion: 'v1.33.12',
      imageUrl: 'https://images.example.net/magnum-capi/ubuntu-24.04-v1.33.12.qcow2',
      controlPlaneFlavor: { flavorName: 'm1.xlarge', vcpus: 8, ramMb: 16384 },
      workerFlavor: { flavorName: 'm1.2xlarge', vcpus: 16, ramMb: 32768 },
    },
    tenants: [
      {
        tenantName: 'acme',
        projectScope: scope('acme'),
        gpus: [{
          purchaseName: 'h200',
          poolName: 'h200',
          servers: 2,
          partitioning: GpuPartitioning.mig(MigLayout.uniform('h200-mixed', [{ profile: '3g.71gb', count: 1 }, { profile: '2g.35gb', count: 2 }])),
        }],
        cluster: { batchQueue: true },
        models: [{ model: LlmModel.QWEN_2_5_7B, nodeGroupName: 'h200', migProfile: '3g.71gb', maxModelLen: 16384 }],
      },
      {
        tenantName: 'studio',
        projectScope: scope('studio'),
        gpus: [{ purchaseName: 'desktops', poolName: 'l40s', servers: 8, attachment: GpuAttachment.vgpu('L40S-12Q') }],
      },
      {
        tenantName: 'research',
        projectScope: scope('research'),
        headroomPercent: 0, // the contract is exact: no room for a server more
        gpus: [
          { purchaseName: 'slices', poolName: 'h200', servers: 6, attachment: GpuAttachment.mig('3g.71gb') },
          { purchaseName: 'x4', poolName: 'h200', servers: 2, gpusPerServer: 4 },
        ],
      },
    ],
  }).synth();
}

if (require.main === module) {
  synth();
}
