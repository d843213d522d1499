import { cleanup, rawOutput, resourcesOfType, synthToDir } from './synth';
import { loadSynthesized } from '../../../bin/load';
import { GpuModel } from '../../../lib/hardware/gpu';
import { capacityReport } from '../../../lib/insight/capacity';
import { KubernetesDocument } from '../../../lib/insight/documents';
import { buildModel, placementClassOf } from '../../../lib/insight/model';
import { review } from '../../../lib/insight/review';
import { LlmModel } from '../../../lib/models/llm';
import { ServingPlanner } from '../../../lib/models/serving-plan';

describe('factory model', () => {
  test('Placement class of an Ironic resource class, as Nova derives it', () => {
    expect(placementClassOf('baremetal-hgx-h200-8gpu')).toBe('CUSTOM_BAREMETAL_HGX_H200_8GPU');
    expect(placementClassOf('gpu.large')).toBe('CUSTOM_GPU_LARGE');
  });

  test('bare-metal-gpu-pool: flavor attachments, MIG profile and quota units come from the extra specs', () => {
    const dir = synthToDir('bare-metal-gpu-pool');
    try {
      const m = buildModel(loadSynthesized(dir));
      const mig = m.flavors.find((f) => f.name === 'mig.h200-sxm-141gb.3g.71gb.1x')!;
      expect([mig.attachment, mig.migProfile, mig.gpuResourceClass, mig.gpuUnits]).toEqual(['mig-vgpu', '3g.71gb', 'VGPU', 1]);
      const pt = m.flavors.find((f) => f.name === 'gpu.h200-sxm-141gb.8x')!;
      expect([pt.attachment, pt.gpus, pt.gpuModel, pt.gpuResourceClass, pt.gpuUnits]).toEqual(['passthrough', 8, 'NVIDIA H200 SXM 141GB', 'CUSTOM_PCI_10DE_2335', 8]);
      const bm = m.flavors.find((f) => f.name === 'bm.hgx-h200-8gpu')!;
      expect([bm.attachment, bm.gpus, bm.gpuResourceClass, bm.gpuUnits]).toEqual(['baremetal', 8, 'CUSTOM_BAREMETAL_HGX_H200_8GPU', 1]);
      expect(m.pools.map((p) => [p.resourceClass, p.gpuSource, p.operatorAllocations])).toEqual([
        ['baremetal-hgx-h200-8gpu', 'flavor', []],
        ['baremetal-l40s-4gpu-bf3', 'catalog', ['f5-bnk-gateway']],
      ]);
      expect(m.stateful.filter((s) => s.kind === 'bare-metal node').length).toBe(6);
    } finally {
      cleanup(dir);
    }
  });

  test('multi-tenant-network: IB rails, tenants, RBAC shares and world-open rules', () => {
    const dir = synthToDir('multi-tenant-network');
    try {
      const m = buildModel(loadSynthesized(dir));
      const acme = m.networks.filter((n) => n.tenant === 'acme');
      expect(acme.filter((n) => n.kind === 'infiniband').length).toBe(8);
      expect(m.networks.find((n) => n.name === 'public')?.external).toBe(true);
      expect(m.rbac.map((r) => `${r.objectType} ${r.action} ${r.target}`)).toEqual(['qos_policy access_as_shared acme', 'qos_policy access_as_shared beta']);
      expect(m.exposure.filter((e) => e.kind === 'security-rule').map((e) => e.detail)).toEqual([
        'security group acme-nodes allows TCP 443 from 0.0.0.0/0',
        'security group beta-nodes allows TCP 443 from 0.0.0.0/0',
      ]);
    } finally {
      cleanup(dir);
    }
  });

  test('gpu-cluster: each Kueue quota names the tenant its ClusterQueue admits (namespaceSelector on the namespace name)', () => {
    const dir = synthToDir('gpu-cluster');
    try {
      const m = buildModel(loadSynthesized(dir));
      const queues = rawOutput(dir).manifests.filter((o) => o.doc?.kind === 'ClusterQueue').map((o) => o.doc);
      expect(queues.length).toBe(2);
      for (const q of queues) {
        const admitted = q.spec.namespaceSelector.matchExpressions.find((e: any) => e.key === 'kubernetes.io/metadata.name').values;
        const quotas = m.kueueQuotas.filter((k) => k.clusterQueue === q.metadata.name);
        expect(quotas.length).toBeGreaterThan(0);
        for (const k of quotas) expect(k.tenant).toBe(admitted.join(', '));
      }
      expect([...new Set(m.kueueQuotas.map((k) => k.tenant))]).toEqual(['team-a', 'team-b']);
    } finally {
      cleanup(dir);
    }
  });

  test('tenants-and-storage: GPU memory of a model plan, by the serving planner pinned to the flags in the output', () => {
    const dir = synthToDir('tenants-and-storage');
    try {
      const m = buildModel(loadSynthesized(dir));
      const s = m.modelServers.find((x) => x.name === 'vllm-llama-3-1-70b')!;
      const args: string[] = rawOutput(dir).manifests.find((o) => o.doc?.kind === 'Deployment' && o.doc.metadata.name === s.name)!.doc.spec.template.spec.containers[0].args;
      const flag = (name: string) => Number(args.find((a) => a.startsWith(`--${name}=`))!.split('=')[1]);
      const expected = ServingPlanner.plan({
        model: LlmModel.LLAMA_3_1_70B,
        // the example's only GPU flavor: 4 of an HGX H200's GPUs
        gpu: GpuModel.H200_SXM_141GB,
        gpusPerNode: s.gpusPerReplica,
        tensorParallelSize: flag('tensor-parallel-size'),
        maxModelLen: flag('max-model-len'),
        gpuMemoryUtilization: flag('gpu-memory-utilization'),
      });
      expect(s.memory).toEqual({
        model: 'llama-3.1-70b',
        gpu: 'NVIDIA H200 SXM 141GB',
        gpuMemoryGb: 141,
        weightsPerGpuGb: expected.weightsPerGpuGb,
        kvCachePerGpuGb: expected.kvCachePerGpuGb,
        maxConcurrentSequences: expected.maxConcurrentSequences,
      });
      expect(capacityReport(m, 'tenants-and-storage')).toContain(
        `| llm/vllm-llama-3-1-70b | llama-3.1-70b | NVIDIA H200 SXM 141GB | 141 | ${expected.weightsPerGpuGb} | ${expected.kvCachePerGpuGb} | ${expected.maxConcurrentSequences} |`);
    } finally {
      cleanup(dir);
    }
  });

  test('llm-serving: a multi-node LeaderWorkerSet\'s plan comes from its leader; without Terraform the GPU comes from its annotation', () => {
    const dir = synthToDir('llm-serving');
    try {
      const s = buildModel(loadSynthesized(dir)).modelServers.find((x) => x.kind === 'LeaderWorkerSet')!;
      expect([s.plan['tensor-parallel-size'], s.plan['pipeline-parallel-size'], s.gpusPerReplica]).toEqual(['8', '2', 16]);
      expect(s.plan.model).toBe('/models/meta-llama/Llama-3.1-405B-Instruct');
      const weights = LlmModel.LLAMA_3_1_405B.weightsGb(LlmModel.LLAMA_3_1_405B.nativeFormat) / 16;
      // the report recomputes the memory with the planner; it must agree with what the server says it was sized for
      expect(s.plan.gpu).toBe('NVIDIA H100 SXM5 80GB');
      expect(s.memory).toEqual({
        model: 'llama-3.1-405b',
        weightsPerGpuGb: Math.round(weights * 100) / 100,
        gpu: 'NVIDIA H100 SXM5 80GB',
        gpuMemoryGb: 80,
        kvCachePerGpuGb: Number(s.plan['kv-cache-per-gpu-gb']),
        maxConcurrentSequences: Number(s.plan['max-concurrent-sequences']),
      });
    } finally {
      cleanup(dir);
    }
  });

  test('a plan that does not fit its GPU is a finding, and the review says it no longer fits', () => {
    // one H100 flavor in the output, and a 70B model at TP=4 → TP=1 (141 GB of BF16 weights on one 80 GB GPU)
    const stacks = [{ stack: 's', json: { resource: { openstack_compute_flavor_v2: { F: { name: 'gpu.h100.4x', extra_specs: { 'pci_passthrough:alias': 'h100-sxm5-80gb:4' } } } } } }];
    const server = (tp: number): KubernetesDocument => ({
      source: 'm',
      doc: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'llama', namespace: 'llm' },
        spec: {
          replicas: 1,
          template: {
            metadata: { labels: { 'ai-factory.dev/model': 'llama-3.1-70b' } },
            spec: { containers: [{ name: 'vllm', args: [`--tensor-parallel-size=${tp}`, '--max-model-len=8192'], resources: { limits: { 'nvidia.com/gpu': tp } } }] },
          },
        },
      },
    });
    const before = buildModel({ stacks, manifests: [server(4)] });
    const after = buildModel({ stacks, manifests: [server(1)] });
    expect(before.modelServers[0].memory?.problem).toBeUndefined();
    const problem = after.modelServers[0].memory?.problem;
    expect(problem).toMatch(/llama-3\.1-70b/);
    expect(capacityReport(after, 'x')).toContain(`- model server llm/llama does not fit its NVIDIA H100 SXM5 80GB: ${problem}`);
    expect(review(before, after).markdown).toContain(`**no longer fits its NVIDIA H100 SXM5 80GB**: ${problem}`);
  });

  test('quickstart: references to another stack (remote state outputs) resolve to the site\'s flavor', () => {
    const dir = synthToDir('quickstart');
    try {
      const raw = rawOutput(dir);
      // the tenant stack names the site's flavor only through terraform_remote_state
      const access = resourcesOfType(raw, 'openstack_compute_flavor_access_v2');
      expect(access.length).toBe(1);
      expect(access[0].flavor_id).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.[^.]+\}$/);
      const site = resourcesOfType(raw, 'openstack_compute_flavor_v2');
      expect(site.length).toBe(1);
      const m = buildModel(loadSynthesized(dir));
      const flavor = m.flavors.find((f) => f.name === site[0].name)!;
      expect(flavor.tenants).toEqual(['llm']);
      const group = m.clusters.flatMap((c) => c.nodeGroups)[0];
      expect([group.flavor, group.gpusPerNode]).toEqual([site[0].name, flavor.gpus]);
      expect(capacityReport(m, 'quickstart')).not.toContain('no tenant has access');
    } finally {
      cleanup(dir);
    }
  });

  test('Gateway API listeners, routes and load balancers count as exposure', () => {
    const m = buildModel({
      stacks: [],
      manifests: [
        { source: 'a', doc: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'ai', namespace: 'edge' }, spec: { listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, hostname: 'api.example.net' }] } } },
        { source: 'b', doc: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'llama', namespace: 'llm' }, spec: { parentRefs: [{ name: 'ai', namespace: 'edge' }], hostnames: ['api.example.net'], rules: [{ backendRefs: [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-70b' }] }] } } },
        { source: 'c', doc: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'llm' }, spec: { type: 'LoadBalancer', ports: [{ port: 8000 }] } } },
      ],
    });
    // sorted by object key: the core group (Service) first
    expect(m.exposure.map((e) => `${e.kind}: ${e.detail}`)).toEqual([
      'load-balancer: service llm/lb is a load balancer on TCP 8000',
      'gateway-listener: gateway edge/ai listens on HTTPS 443 for api.example.net',
      'http-route: HTTPRoute llm/llama (api.example.net) on edge/ai to InferencePool llama-70b',
    ]);
  });
});
