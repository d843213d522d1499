import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { GpuPartitioning, MigLayout } from '../../constructs/accelerators/gpu-node-pool';
import { EgressRule } from '../../constructs/cluster/tenant-namespace';
import { NetworkInterfaceType } from '../../constructs/compute/baremetal-node';
import { GatewayAuthentication, GatewayImplementation, GatewayTls } from '../../constructs/ingress/options';
import { ModelSource } from '../../constructs/serving/model-source';
import { GpuAttachment, GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../lib/hardware/server';
import { LlmModel } from '../../lib/models/llm';
import { PhysicalNetwork } from '../../lib/net/physical-network';
import { ObjectStorageService } from '../../lib/storage/object-storage';
import { ShareType } from '../../lib/storage/share-type';
import { AiFactory, AiFactoryProps } from '../../stacks/ai-factory';
import { FactoryTenantSpec } from '../../stacks/ai-factory-props';
import { FactoryTenant } from '../../stacks/factory-tenant';
import { MI300X_SERVER } from '../lib/hardware/fixtures';
import { parseYamlDocuments } from '../util';

const H200 = ServerProfile.HGX_H200_8GPU;
const mac = (i: number, p: number) => `3c:ec:ef:00:0${p}:0${i}`;
/** The physnet whose switches Ironic configures: bare-metal Magnum node groups need their cluster network on it. */
const BAREMETAL = PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true });

/** A small factory: hypervisors, Ironic bare metal with 8 IB rails, a tenant with a cluster, a tenant without. */
function description(overrides: Partial<AiFactoryProps> = {}): AiFactoryProps {
  return {
    factoryName: 'f',
    ironic: { url: 'https://ironic.example.net:6385' },
    pools: [
      { poolName: 'h200', server: H200, serverCount: 2 },
      {
        poolName: 'hgx',
        server: H200,
        ironic: {
          networkInterface: NetworkInterfaceType.NEUTRON,
          nodes: [1, 2].map((i) => ({
            nodeName: `hgx-${i}`,
            bmcAddress: `https://10.10.0.${i}`,
            macAddresses: { 'lom0/0': mac(i, 0) },
            localLinkConnections: { 'lom0/0': { switchId: '0c:42:a1:00:00:01', portId: `Ethernet1/${i}` } },
          })),
        },
        rdmaRails: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
      },
    ],
    network: {
      externalNetworkName: 'public',
      tenantSupernet: '10.64.0.0/12',
      physicalNetworks: [
        BAREMETAL,
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => PhysicalNetwork.infiniBand({ name: `ibrail${i}`, fabricName: 'gpu', mtuBytes: 4092, pkeyRanges: [{ min: 0x100, max: 0x1ff }] })),
      ],
    },
    storage: { shareTypes: [ShareType.cephfsNative()], objectStorage: ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net' }) },
    kubernetes: {
      kubernetesVersion: 'v1.33.12',
      imageUrl: 'https://images.example.net/vm.qcow2',
      bareMetalImageUrl: 'https://images.example.net/bm.qcow2',
      controlPlaneFlavor: { flavorName: 'm1.xlarge', vcpus: 8, ramMb: 16384 },
      workerFlavor: { flavorName: 'm1.2xlarge', vcpus: 16, ramMb: 32768 },
    },
    tenants: [
      {
        tenantName: 'ml',
        projectScope: { cloud: 'ml', userName: 'ml-deployer' },
        headroomPercent: 0,
        gpus: [
          {
            purchaseName: 'mig',
            poolName: 'h200',
            servers: 1,
            gpusPerServer: 4,
            partitioning: GpuPartitioning.mig(MigLayout.uniform('h200-3g', [{ profile: '3g.71gb', count: 2 }])),
          },
          { purchaseName: 'bm', poolName: 'hgx', servers: 2 },
        ],
        infiniBand: true,
        // the cluster has a bare-metal node group (bm): its network is a VLAN the nodes' switch ports can join
        network: { physicalNetwork: BAREMETAL },
        cluster: { batchQueue: true },
        models: [{ model: LlmModel.LLAMA_3_1_8B, nodeGroupName: 'mig', migProfile: '3g.71gb', maxModelLen: 8192, inferencePool: true }],
      },
      {
        tenantName: 'lab',
        projectScope: { cloud: 'lab', userName: 'lab-deployer' },
        gpus: [{ purchaseName: 'vgpu', poolName: 'h200', servers: 3, attachment: GpuAttachment.vgpu('H200X-35C') }],
        shares: [{ shareName: 'datasets', sizeGb: 1000 }],
        buckets: [{ bucketName: 'lab-models' }],
      },
    ],
    ...overrides,
  };
}

/** Builds and synthesizes a factory; returns the stacks' Terraform JSON and the cluster sides' YAML. */
function synth(props: AiFactoryProps = description()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-factory-'));
  const app = new App({ outdir: path.join(dir, 'cdktf.out'), stackTraces: false });
  const factory = new AiFactory(app, 'Factory', { ...props, kubernetesOutdir: path.join(dir, 'dist') });
  factory.synth();
  const stacks: { [name: string]: any } = {};
  for (const s of fs.readdirSync(path.join(dir, 'cdktf.out', 'stacks'))) {
    stacks[s] = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', s, 'cdk.tf.json'), 'utf8'));
  }
  const yaml: { [file: string]: any[] } = {};
  const dist = path.join(dir, 'dist');
  for (const f of fs.existsSync(dist) ? fs.readdirSync(dist) : []) yaml[f] = parseYamlDocuments(fs.readFileSync(path.join(dist, f), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { factory, stacks, yaml };
}
const resources = (tf: any, type: string): any[] => Object.values(tf.resource?.[type] ?? {});
const build = (props: AiFactoryProps) => new AiFactory(Testing.app({ stackTraces: false }), 'Factory', props);
const tenant = (t: Partial<FactoryTenantSpec>, base = description().tenants[0]): FactoryTenantSpec => ({ ...base, ...t });

describe('AiFactory', () => {
  const { factory, stacks, yaml } = synth();

  test('a site stack, one stack per tenant and a workloads stack per cluster, deployed in that order', () => {
    expect(Object.keys(stacks).sort()).toEqual(['f-lab', 'f-ml', 'f-ml-workloads', 'f-site']);
    expect(factory.deployOrder.map((s) => [s.step, s.stackNames])).toEqual([[1, ['f-site']], [2, ['f-lab', 'f-ml']], [3, []], [4, ['f-ml-workloads']]]);
    expect(stacks['f-site'].output.deploy_order.value).toMatch(/^1\. cdktf deploy f-site: .*\n2\. cdktf deploy f-lab f-ml: /);
    expect(factory.tenant('ml').stack.dependencies).toContain(factory.siteStack);
  });

  test('the site owns pools, flavors and the cluster template; tenants reach them by remote state, never the other way', () => {
    const site = stacks['f-site'];
    expect(resources(site, 'openstack_compute_flavor_v2').map((f) => f.name).sort()).toEqual(['bm.hgx', 'h200.gpu.4x', 'h200.vgpu.h200x-35c.1x']);
    expect(resources(site, 'ironic_node').map((n) => n.name).sort()).toEqual(['hgx-1', 'hgx-2']);
    expect(resources(site, 'openstack_compute_flavor_access_v2')).toEqual([]); // the grants live with the tenants
    expect(site.data?.terraform_remote_state).toBeUndefined();
    const ml = stacks['f-ml'];
    expect(Object.values(ml.data.terraform_remote_state)).toEqual([
      expect.objectContaining({ backend: 'local', config: { path: '../f-site/terraform.f-site.tfstate' } }),
    ]);
    const access = resources(ml, 'openstack_compute_flavor_access_v2');
    expect(access).toHaveLength(2);
    for (const a of access) expect(a.flavor_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-f-site\.outputs\./);
    // terraform validate refuses a depends_on naming a remote-state value
    for (const tf of Object.values(stacks)) {
      for (const rs of Object.values<any>(tf.resource ?? {})) {
        for (const r of Object.values<any>(rs)) for (const d of r.depends_on ?? []) expect(d).not.toMatch(/terraform_remote_state/);
      }
    }
  });

  test('node groups from the purchases, and the cluster side\'s node pools derived from the same purchases', () => {
    const groups = resources(stacks['f-ml'], 'openstack_containerinfra_nodegroup_v1');
    expect(groups.map((g) => [g.name, g.node_count]).sort()).toEqual([['bm', 2], ['mig', 1]]);
    const ml = factory.tenant('ml');
    expect(ml.nodePools.map((p) => [p.poolName, p.gpusPerNode, p.maxNodeCount, p.gpuModel.name])).toEqual([
      ['mig', 4, 1, 'h200-sxm-141gb'],
      ['bm', 8, 2, 'h200-sxm-141gb'],
    ]);
    expect(ml.cluster!.nodeGroups.map((g) => g.pool)).toEqual(ml.nodePools);
    const cluster = yaml['f-ml-cluster.k8s.yaml'];
    const script: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-node-labeler').data['label-nodes.sh'];
    expect(script).toMatch(/configure 'mig' '\w+' 'nvidia.com\/gpu=present:NoSchedule' 'ai-factory.dev\/gpu-pool=mig nvidia.com\/mig.config=h200-3g'/);
    expect(script).toMatch(/configure 'bm' '\w+' '[^']*' 'ai-factory.dev\/gpu-pool=bm /);
    // the bare-metal pool's rails: a fabric for the node group of that pool, one IPoIB network per rail
    expect(cluster.filter((d) => d.kind === 'NetworkAttachmentDefinition')).toHaveLength(8);
    // the tenant without a cluster has none of it
    expect(factory.tenant('lab').cluster).toBeUndefined();
    expect(yaml['f-lab-cluster.k8s.yaml']).toBeUndefined();
  });

  test('a tenant\'s quota is what its stacks create: GPU limits from the purchases, servers and cores from VMs and node groups', () => {
    const limits = Object.fromEntries(resources(stacks['f-ml'], 'openstack_identity_limit_v3').map((l) => [l.resource_name, l.resource_limit]));
    const h200Vm = factory.flavor('h200/passthrough/4');
    const bm = factory.flavor('hgx/bare-metal/8');
    // 1 VM with 4 passthrough GPUs, 2 bare-metal servers (their own resource class), 3 control plane + 2 workers
    expect(limits[`class:${h200Vm.gpuResourceClass}`]).toBe(4);
    expect(limits[`class:${bm.gpuResourceClass}`]).toBe(2);
    expect(limits.servers).toBe(1 + 2 + 3 + 2);
    // pinned: the GPU VM's flavor; unpinned: the cluster's VMs; a bare-metal server consumes only its resource class
    // (its flavor overrides VCPU, MEMORY_MB and DISK_GB to 0, so Nova's unified limits count none of them)
    expect(bm.placementResources).toEqual({ [bm.gpuResourceClass]: 1 });
    expect(limits['class:PCPU']).toBe(h200Vm.vcpus);
    expect(limits['class:VCPU']).toBe(3 * 8 + 2 * 16);
    expect(limits['class:MEMORY_MB']).toBe(h200Vm.ramMb + 3 * 16384 + 2 * 32768);
    // the namespace may use exactly the node groups' GPUs (MIG: 2 slices per GPU of 4)
    const quota = yaml['f-ml-cluster.k8s.yaml'].find((d) => d.kind === 'ResourceQuota' && d.metadata.namespace === 'ml');
    expect(quota.spec.hard).toMatchObject({ 'requests.nvidia.com/mig-3g.71gb': '8', 'requests.nvidia.com/gpu': '16' });
    const lab = Object.fromEntries(resources(stacks['f-lab'], 'openstack_identity_limit_v3').map((l) => [l.resource_name, l.resource_limit]));
    expect(lab['class:VGPU']).toBe(3);
    expect(lab.servers).toBe(Math.ceil(3 * 1.1)); // default 10% headroom on all but GPUs
  });

  test('serving in the tenant\'s namespace on the node group and MIG profile it names, behind an InferencePool', () => {
    const serving = yaml['f-ml-serving.k8s.yaml'];
    expect(serving.filter((d) => d.kind === 'Namespace')).toEqual([]); // the namespace is the TenantNamespace's
    const deployment = serving.find((d) => d.kind === 'Deployment' && d.metadata.name.startsWith('vllm-'));
    expect(deployment.metadata.namespace).toBe('ml');
    expect(deployment.spec.template.spec.nodeSelector).toMatchObject({ 'ai-factory.dev/gpu-pool': 'mig' });
    expect(deployment.spec.template.spec.containers[0].resources.limits).toMatchObject({ 'nvidia.com/mig-3g.71gb': 1 });
    expect(serving.filter((d) => d.kind === 'InferencePool').map((p) => p.metadata.name)).toEqual(['llama-3-1-8b']);
    const workloads = stacks['f-ml-workloads'];
    expect(Object.keys(workloads.resource.kubernetes_manifest).length).toBe(
      yaml['f-ml-cluster.k8s.yaml'].length + serving.length,
    );
  });

  test('the tenant is a FactoryTenant that owns its one namespace and its queue on the cluster', () => {
    const ml = factory.tenant('ml');
    expect(ml.tenant).toBeInstanceOf(FactoryTenant);
    expect(ml.tenant.namespaces).toEqual([ml.namespace]);
    expect(ml.queue!.namespaceNames).toEqual(['ml']);
    const namespaces = yaml['f-ml-cluster.k8s.yaml'].filter((d) => d.kind === 'Namespace');
    expect(namespaces.map((n) => [n.metadata.name, n.metadata.labels['ai-factory.dev/tenant']])).toEqual([['ml', 'ml']]);
    // a second definition of the namespace on the same cluster is refused (on a factory of its own: this one is synthesized)
    const other = build(description()).tenant('ml');
    expect(() => other.tenant.addNamespace(other.servingChart!, { namespaceName: 'ml', cpuCores: 1, memoryGib: 1 })).toThrow(
      'f-ml/Tenant: namespace ml is already defined in this cluster\'s app by');
  });

  test('a model is served under its Hugging Face id, or the name the description gives it', () => {
    const args = (y: { [file: string]: any[] }) => y['f-ml-serving.k8s.yaml']
      .find((d) => d.kind === 'Deployment' && d.metadata.name.startsWith('vllm-')).spec.template.spec.containers[0].args;
    expect(args(yaml)).toContain('--served-model-name=meta-llama/Llama-3.1-8B-Instruct');
    const named = synth(description({ tenants: [tenant({ models: [{ ...description().tenants[0].models![0], servedModelName: 'chat' }] }), description().tenants[1]] }));
    expect(args(named.yaml)).toContain('--served-model-name=chat');
    expect(named.factory.tenant('ml').servers[0].servedModelName).toBe('chat');
  });

  test('a bare-metal cluster without a described network gets a VLAN on the site\'s bare-metal physnet', () => {
    const { stacks: out } = synth(description({ tenants: [tenant({ network: undefined }), description().tenants[1]] }));
    const [net] = resources(out['f-ml'], 'openstack_networking_network_v2').filter((n) => n.name === 'ml');
    expect(net.segments).toEqual([expect.objectContaining({ network_type: 'vlan', physical_network: 'baremetal' })]);
    // a tenant without bare metal keeps its overlay network
    const [lab] = resources(out['f-lab'], 'openstack_networking_network_v2');
    expect(lab.segments).toBeUndefined();
  });

  test('the cluster side\'s warnings reach the console during synth', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      synth(description({
        tenants: [tenant({
          gpus: [{ purchaseName: 'shared', poolName: 'h200', servers: 1, gpusPerServer: 4, partitioning: GpuPartitioning.timeSlicing(2) }],
          infiniBand: false,
          models: [{ model: LlmModel.LLAMA_3_1_8B, nodeGroupName: 'shared', maxModelLen: 8192 }],
        })],
      }));
      expect(log.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(
        /^WARN \[f-ml-serving\/llama-3-1-8b\]: GPU offer nvidia\.com\/gpu\.shared is shared \(time-slicing or MPS\)/));
    } finally {
      log.mockRestore();
    }
  });

  test('storage and InfiniBand through the tenant', () => {
    expect(resources(stacks['f-lab'], 'openstack_sharedfilesystem_share_v2').map((s) => [s.name, s.size])).toEqual([['datasets', 1000]]);
    const ib = resources(stacks['f-ml'], 'openstack_networking_network_v2').filter((n) => /^ibrail/.test(n.segments?.[0]?.physical_network ?? '') || /ib/.test(n.name));
    expect(ib).toHaveLength(8);
    expect(factory.tenant('ml').infiniBand!.rails).toHaveLength(8);
  });

  test('with a state backend, every stack keeps its state in the bucket and reads the others\' from there', () => {
    const rgw = { endpoint: 'https://rgw.example.net', bucket: 'f-tfstate' };
    const { stacks: s3 } = synth(description({ stateBackend: rgw }));
    for (const name of ['f-site', 'f-ml', 'f-lab', 'f-ml-workloads']) {
      expect(s3[name].terraform.backend).toEqual({ s3: expect.objectContaining({ bucket: 'f-tfstate', key: `${name}/terraform.tfstate`, use_lockfile: true }) });
    }
    const reads = (name: string) => Object.values(s3[name].data.terraform_remote_state).map((r: any) => [r.backend, r.config.key]).sort();
    expect(reads('f-ml')).toEqual([['s3', 'f-site/terraform.tfstate']]);
    expect(reads('f-lab')).toEqual([['s3', 'f-site/terraform.tfstate']]);
    // the default stays local
    expect(stacks['f-site'].terraform.backend).toEqual({ local: expect.anything() });
  });

  test('the default-deny namespace lets each model server reach its weights and each endpoint picker the API server', () => {
    const egress = (y: { [file: string]: any[] }) => Object.fromEntries(y['f-ml-cluster.k8s.yaml']
      .filter((d) => d.kind === 'NetworkPolicy' && d.metadata.name.startsWith('allow-egress-'))
      .map((d) => [d.metadata.name, {
        pods: d.spec.podSelector.matchLabels,
        to: d.spec.egress[0].to[0].ipBlock.cidr,
        ports: d.spec.egress[0].ports.map((p: any) => p.port),
      }]));
    // the default source is the Hugging Face Hub; the picker's API server is on the cluster's network, the tenant's
    expect(egress(yaml)).toEqual({
      'allow-egress-vllm-llama-3-1-8b-weights': { pods: factory.tenant('ml').servers[0].podLabels, to: '0.0.0.0/0', ports: [443] },
      'allow-egress-llama-3-1-8b-epp-api-server': { pods: { 'app.kubernetes.io/instance': 'llama-3-1-8b-epp' }, to: factory.tenant('ml').network.cidr, ports: [6443] },
    });
    const withSource = (modelSource: ModelSource, extra: object = {}, storage = {}) => synth(description({
      storage: { ...description().storage, ...storage },
      tenants: [tenant({ models: [{ ...description().tenants[0].models![0], modelSource, ...extra }] }), description().tenants[1]],
    })).yaml;
    // S3: the site's object store on its endpoint's port
    const s3 = ModelSource.s3({ bucket: 'models', prefix: 'llama', credentialsSecretName: 's3', endpointUrl: 'https://rgw.example.net' });
    expect(egress(withSource(s3, {}, { objectStorageCidr: '10.0.5.10/32' }))['allow-egress-vllm-llama-3-1-8b-weights']).toMatchObject({ to: '10.0.5.10/32', ports: [443] });
    // a claim is mounted by the node: nothing to open; a described rule wins over the derived one
    expect(egress(withSource(ModelSource.persistentVolumeClaim('models', 'llama')))['allow-egress-vllm-llama-3-1-8b-weights']).toBeUndefined();
    expect(egress(withSource(ModelSource.huggingFace(), { modelSourceEgress: EgressRule.tcp('10.0.6.0/24', 8080) }))['allow-egress-vllm-llama-3-1-8b-weights'])
      .toMatchObject({ to: '10.0.6.0/24', ports: [8080] });
  });

  test('AMD MxGPU VFs are sold on a VF flavor of their own, beside whole-GPU passthrough of the same pool', () => {
    const vf = build(description({
      pools: [{ poolName: 'mi300x', server: MI300X_SERVER, serverCount: 1 }],
      tenants: [{
        tenantName: 'amd',
        projectScope: { cloud: 'amd', userName: 'amd-deployer' },
        gpus: [
          { purchaseName: 'whole', poolName: 'mi300x', servers: 1, gpusPerServer: 1 },
          { purchaseName: 'vf', poolName: 'mi300x', servers: 2, gpusPerServer: 1, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) },
        ],
      }],
    }));
    expect(vf.flavor('mi300x/passthrough/1')).toMatchObject({ flavorName: 'mi300x.gpu.1x', attachmentKind: GpuAttachmentKind.PASSTHROUGH });
    expect(vf.flavor('mi300x/sriov-vf-8/1')).toMatchObject({ flavorName: 'mi300x.vf.8vf.1x', attachmentKind: GpuAttachmentKind.SRIOV_VF, gpuMemoryGb: 24 });
  });

  test('a gateway in the description: the tenant\'s pools routed on its hostname, its charts in the deploy order', () => {
    const gateway = { hostname: 'ml.ai.example.net', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 60, tokensPerMinute: 10000 } };
    const { factory: f, yaml: y } = synth(description({ tenants: [tenant({ gateway: { ...gateway, tls: GatewayTls.privateCa('site-ca') } }), description().tenants[1]] }));
    const docs = y['f-ml-gateway.k8s.yaml'];
    expect(docs.find((d) => d.kind === 'Namespace').metadata.name).toBe('ai-gateway');
    expect(docs.find((d) => d.kind === 'Gateway').spec.listeners.map((l: any) => [l.name, l.hostname, l.protocol])).toEqual([
      ['http', undefined, 'HTTP'], ['https-ml', 'ml.ai.example.net', 'HTTPS'],
    ]);
    // the model is served under its pool's name, the name the route matches on
    const route = docs.find((d) => d.kind === 'AIGatewayRoute');
    expect(route.metadata.namespace).toBe('ml');
    expect(route.spec.rules.map((r: any) => [r.matches[0].headers[0].value, r.backendRefs[0].name])).toEqual([['llama-3-1-8b', 'llama-3-1-8b']]);
    expect(f.tenant('ml').servers[0].servedModelName).toBe('llama-3-1-8b');
    expect(f.tenant('ml').gateway!.gatewayName).toBe('ai-gateway');
    expect(f.deployOrder[2].description).toContain('for the AI gateways, ml\'s Envoy Gateway (global rate limit with Redis), Envoy AI Gateway, cert-manager)');
    // Kuadrant on an existing certificate: its operator, no cert-manager
    const kuadrant = build(description({
      tenants: [tenant({ gateway: { ...gateway, implementation: GatewayImplementation.kuadrant(), tls: GatewayTls.existingSecret('ml-tls') } })],
    }));
    expect(kuadrant.deployOrder[2].description).toContain('for the AI gateways, ml\'s Envoy Gateway, Kuadrant operator)');
  });

  describe('fails when', () => {
    test('a tenant has a gateway but no model behind an InferencePool', () => expect(() => build(description({
      tenants: [tenant({
        models: [{ model: LlmModel.LLAMA_3_1_8B, nodeGroupName: 'mig', migProfile: '3g.71gb', maxModelLen: 8192 }],
        gateway: { hostname: 'ml.ai.example.net', tls: GatewayTls.privateCa('site-ca'), authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 60 } },
      })],
    }))).toThrow('Factory: tenant ml has a gateway but no model behind an InferencePool for it to route to; set inferencePool on a model'));
    test('a model streams from S3 and the site gives no object store address', () => expect(() => build(description({
      tenants: [tenant({ models: [{ ...description().tenants[0].models![0], modelSource: ModelSource.s3({ bucket: 'models', prefix: 'llama', credentialsSecretName: 's3' }) }] })],
    }))).toThrow('Factory: tenant ml: model llama-3.1-8b streams its weights over S3, but its namespace denies egress and the site gives no object store address; ' +
      'set storage.objectStorage with s3EndpointUrl and storage.objectStorageCidr, or give the model modelSourceEgress'));
    test('the factory name is not a DNS label', () => expect(() => build(description({ factoryName: 'My_Factory' }))).toThrow(
      'Factory: factoryName "My_Factory" must be a lower-case DNS label; it prefixes every stack name'));
    test('a pool name is not a DNS label', () => expect(() => build(description({ pools: [{ poolName: 'H200', server: H200, serverCount: 1 }], tenants: [] }))).toThrow(
      'Factory: poolName "H200" must be a lower-case DNS label (letters, digits, dashes; at most 63)'));
    test('a tenant is named site', () => expect(() => build(description({ tenants: [tenant({ tenantName: 'site' })] }))).toThrow(
      'Factory: tenantName site would name the tenant\'s stack like the site stack; choose another name'));
    test('a purchase name is not a DNS label', () => expect(() => build(description({
      tenants: [tenant({ gpus: [{ purchaseName: 'MIG', poolName: 'h200', servers: 1 }], models: [] })],
    }))).toThrow('Factory: tenant ml: purchaseName "MIG" must be a lower-case DNS label; it names the node group'));
    test('a hypervisor pool has no server count', () => expect(() => build(description({ pools: [{ poolName: 'h200', server: H200 }], tenants: [] }))).toThrow(
      'Factory: pool h200 has no serverCount; give the number of hypervisors, or ironic nodes for a bare-metal pool'));
    test('a bare-metal pool\'s server count disagrees with its nodes', () => expect(() => build(description({
      pools: [{ ...description().pools[1], serverCount: 4 }], tenants: [],
    }))).toThrow('Factory: pool hgx has serverCount 4 but enrolls 2 Ironic nodes; drop serverCount, the nodes are the pool'));
    test('the purchases do not fit the inventory (the planner\'s refusal, with the path)', () => expect(() => build(description({
      tenants: [tenant({ gpus: [{ purchaseName: 'big', poolName: 'h200', servers: 3 }], models: [] })],
    }))).toThrow('Factory: tenants bought 24 GPUs of pool h200 (ml 24), but it has 16 (2 servers x 8 GPUs); lower the purchases or add 1 server to the pool'));
    test('a tenant has a share but the site no share types', () => expect(() => build(description({ storage: {} }))).toThrow(
      'Factory: tenant lab has share datasets but the site offers no share types; add storage.shareTypes'));
    test('a tenant has a bucket but the site no object storage', () => expect(() => build(description({ storage: { shareTypes: [ShareType.cephfsNative()] } }))).toThrow(
      'Factory: tenant lab has bucket lab-models but the site offers no object storage; add storage.objectStorage'));
    test('a tenant serves models without a cluster', () => expect(() => build(description({ tenants: [tenant({ cluster: undefined })] }))).toThrow(
      'Factory: tenant ml serves models but has no cluster; give it a cluster'));
    test('a tenant has a cluster but the site no Kubernetes offer', () => expect(() => build(description({ kubernetes: undefined }))).toThrow(
      'Factory: tenants ml have clusters but the site has no kubernetes offer; add kubernetes { kubernetesVersion, imageUrl, ... }'));
    test('a vGPU purchase is made a node group', () => expect(() => build(description({
      tenants: [tenant({ gpus: [{ purchaseName: 'v', poolName: 'h200', servers: 1, attachment: GpuAttachment.vgpu('H200X-35C'), nodeGroup: true }], models: [] })],
    }))).toThrow('Factory: tenant ml: purchase v gives vGPUs (VGPU), which a Magnum node group cannot use (the GPU Operator needs whole GPUs in the node); ' +
      'buy passthrough or bare-metal GPUs for the cluster, or set nodeGroup false'));
    test('a cluster has no whole-GPU purchase', () => expect(() => build(description({
      tenants: [tenant({ gpus: [{ purchaseName: 'v', poolName: 'h200', servers: 1, attachment: GpuAttachment.vgpu('H200X-35C') }], models: [] })],
    }))).toThrow('Factory: tenant ml has a cluster but no whole-GPU purchase to make a node group of; buy passthrough or bare-metal GPUs'));
    test('a model names a node group the tenant does not have', () => expect(() => build(description({
      tenants: [tenant({ models: [{ model: LlmModel.LLAMA_3_1_8B, nodeGroupName: 'h100' }] })],
    }))).toThrow('Factory: tenant ml serves llama-3.1-8b on node group h100, which it does not have; use mig, bm'));
    test('a model asks for a MIG profile its node group does not offer', () => expect(() => build(description({
      tenants: [tenant({ models: [{ model: LlmModel.LLAMA_3_1_8B, nodeGroupName: 'mig', migProfile: '1g.18gb' }] })],
    }))).toThrow('Factory: tenant ml: model llama-3.1-8b asks for MIG profile 1g.18gb, which node group mig does not offer; it offers nvidia.com/mig-3g.71gb'));
    test('a tenant asks for InfiniBand on a site without InfiniBand', () => expect(() => build(description({
      network: { externalNetworkName: 'public', tenantSupernet: '10.64.0.0/12', physicalNetworks: [BAREMETAL] },
    }))).toThrow('Factory: tenant ml asks for InfiniBand but the site has no InfiniBand physical networks; add them to network.physicalNetworks'));
    test('a bare-metal node group has no bare-metal image', () => expect(() => build(description({
      kubernetes: { ...description().kubernetes!, bareMetalImageUrl: undefined },
    }))).toThrow('Factory: tenant ml: purchase bm is a bare-metal node group but the site has no bare-metal node image; add kubernetes.bareMetalImageUrl'));
    test('a bare-metal cluster has no network and the site several bare-metal physnets', () => expect(() => build(description({
      network: { ...description().network, physicalNetworks: [...description().network.physicalNetworks!, PhysicalNetwork.ethernet({ name: 'baremetal2', vlanRanges: [{ min: 800, max: 899 }], baremetal: true })] },
      tenants: [tenant({ network: undefined })],
    }))).toThrow('Factory: tenant ml\'s cluster has bare-metal node group bm, and the site has several physnets with bare-metal ports (baremetal, baremetal2); ' +
      'give the tenant network.physicalNetwork, one of them'));
    test('the state backend names one key for every stack', () => expect(() => build(description({
      stateBackend: { endpoint: 'https://rgw.example.net', bucket: 'f-tfstate', key: 'factory.tfstate' },
    }))).toThrow('Factory: stateBackend.key "factory.tfstate" would put every stack\'s state in one object; leave key out, each stack keeps its state at <stack name>/terraform.tfstate'));
    test('a tenant is looked up that the factory does not have', () => expect(() => factory.tenant('nobody')).toThrow(
      'Factory: tenant nobody is not in the factory; it has ml, lab'));
    test('a flavor is looked up that no tenant bought', () => expect(() => factory.flavor('h200/passthrough/8')).toThrow(
      'Factory: no tenant bought flavor h200/passthrough/8; the site offers h200/passthrough/4, h200/vgpu-h200x-35c/1, hgx/bare-metal/8'));
  });
});
