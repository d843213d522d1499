/**
 * The large-factory generator written with the bare generated bindings only (the baseline of the benchmark): the
 * same Terraform resource blocks bench/factory-lib.ts builds with the library, under the same construct paths (so
 * the same logical ids), and the same Kubernetes objects with the plain k8s bindings.
 *
 * What a bare-bindings user writes by hand is written by hand here: the Ironic interfaces, the flavor's extra specs,
 * the quotas, the subnets' allocation pools, the dependency lists. The one input taken from the library is the
 * address plan (each tenant's CIDRs and pkey, see {@link AddressPlan}): a bare-bindings user keeps such a plan in an
 * IPAM or a spreadsheet, and without it the two variants could not emit identical blocks. The bare variant
 * therefore does not pay for address allocation; bench/RESULTS.md says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { App, TerraformOutput, TerraformStack, TerraformVariable, LocalBackend } from 'cdktf';
import { Construct } from 'constructs';
import { FactoryShape, nodeSpec, poolsOf, tenantName } from './factory-shape';
import { PodMonitor } from '../generated/k8s/prometheus-operator';
import { Node as IronicNode } from '../generated/terraform/ironic/node';
import { Port as IronicPort } from '../generated/terraform/ironic/port';
import { IronicProvider } from '../generated/terraform/ironic/provider';
import { BlockstorageQuotasetV3 } from '../generated/terraform/openstack/blockstorage-quotaset-v3';
import { BlockstorageVolumeTypeV3 } from '../generated/terraform/openstack/blockstorage-volume-type-v3';
import { BlockstorageVolumeV3 } from '../generated/terraform/openstack/blockstorage-volume-v3';
import { ComputeFlavorAccessV2 } from '../generated/terraform/openstack/compute-flavor-access-v2';
import { ComputeFlavorV2 } from '../generated/terraform/openstack/compute-flavor-v2';
import { ComputeQuotasetV2 } from '../generated/terraform/openstack/compute-quotaset-v2';
import { DataOpenstackIdentityRoleV3 } from '../generated/terraform/openstack/data-openstack-identity-role-v3';
import { DataOpenstackIdentityUserV3 } from '../generated/terraform/openstack/data-openstack-identity-user-v3';
import { IdentityProjectV3 } from '../generated/terraform/openstack/identity-project-v3';
import { IdentityRoleAssignmentV3 } from '../generated/terraform/openstack/identity-role-assignment-v3';
import { NetworkingNetworkV2 } from '../generated/terraform/openstack/networking-network-v2';
import { NetworkingQuotaV2 } from '../generated/terraform/openstack/networking-quota-v2';
import { NetworkingSubnetV2 } from '../generated/terraform/openstack/networking-subnet-v2';
import { OpenstackProvider } from '../generated/terraform/openstack/provider';

/** Per tenant: the control network's CIDR, the eight rails' CIDRs and the partition's pkey. */
export interface TenantAddresses {
  readonly control: string;
  readonly rails: string[];
  readonly pkey: number;
}

/** The address plan, keyed by tenant name. */
export type AddressPlan = { [tenant: string]: TenantAddresses };

/** Reads the address plan out of a synthesized Terraform document of the library variant. */
export function addressPlanOf(tf: any): AddressPlan {
  const plan: AddressPlan = {};
  const subnets = tf.resource.openstack_networking_subnet_v2 ?? {};
  const networks = tf.resource.openstack_networking_network_v2 ?? {};
  for (const s of Object.values<any>(subnets)) {
    const [tenant, ...rest] = s.name.split('-');
    const entry: any = plan[tenant] ?? (plan[tenant] = { control: '', rails: [], pkey: 0 });
    if (rest[0] === 'control') entry.control = s.cidr;
    else entry.rails[Number(/rail(\d+)/.exec(s.name)![1])] = s.cidr;
  }
  for (const n of Object.values<any>(networks)) {
    if (n.segments) (plan[n.name.split('-')[0]] as any).pkey = n.segments[0].segmentation_id;
  }
  return plan;
}

const HGX = { resourceClass: 'baremetal-hgx-h200-8gpu', localGb: 1919 };
const L40S = { resourceClass: 'baremetal-l40s-4gpu-bf3', localGb: 479 };

/** Builds the factory into `outdir`; returns the time spent constructing and synthesizing (ms). */
export function build(shape: FactoryShape, outdir: string, plan: AddressPlan): { constructMs: number; synthMs: number } {
  fs.mkdirSync(outdir, { recursive: true });
  const t0 = performance.now();
  const app = new App({ outdir: path.join(outdir, 'cdktf.out'), stackTraces: false });
  const stack = new TerraformStack(app, 'factory');
  new LocalBackend(stack, { path: 'terraform.factory.tfstate' });
  new OpenstackProvider(stack, 'openstack', { cloud: 'openstack' });
  new IronicProvider(stack, 'ironic', { url: 'https://ironic.example.net:6385/v1', microversion: '1.81', authStrategy: 'noauth' });

  for (const pool of poolsOf(shape)) {
    const scope = new Construct(stack, pool.id);
    const base = pool.name.replace(/-/g, '_');
    const profile = pool.hgx ? HGX : L40S;
    const username = new TerraformVariable(scope, 'BmcUsername', {
      type: 'string', sensitive: true, description: `BMC (Redfish) user name of the nodes of pool ${pool.name}`,
    });
    username.overrideLogicalId(`${base}_bmc_username`);
    const password = new TerraformVariable(scope, 'BmcPassword', {
      type: 'string', sensitive: true, description: `BMC (Redfish) password of the nodes of pool ${pool.name}`,
    });
    password.overrideLogicalId(`${base}_bmc_password`);
    // the provider cannot inspect or clean a node before its ports exist: the nodes stay enrolled, and an output
    // lists the commands that take them to available after the apply
    const enroll: string[] = [];
    for (const i of pool.nodes) {
      const spec = nodeSpec(i, pool.hgx);
      const nodeScope = new Construct(scope, spec.nodeName);
      const node = new IronicNode(nodeScope, 'Resource', {
        name: spec.nodeName,
        driver: 'redfish',
        driverInfo: {
          redfish_address: spec.bmcAddress,
          redfish_username: username.stringValue,
          redfish_password: password.stringValue,
          redfish_verify_ca: true,
        },
        bootInterface: 'redfish-virtual-media',
        deployInterface: 'direct',
        inspectInterface: 'redfish',
        managementInterface: 'redfish',
        powerInterface: 'redfish',
        networkInterface: 'flat',
        resourceClass: profile.resourceClass,
        properties: { capabilities: 'boot_mode:uefi', cpu_arch: 'x86_64', local_gb: profile.localGb },
        inspect: false,
        clean: false,
        manage: false,
        available: false,
        automatedClean: true,
      });
      enroll.push(['manage', 'inspect', 'provide'].map((verb) => `openstack baremetal node ${verb} --wait 0 ${node.id}`).join(' && '));
      for (const [port, address] of Object.entries(spec.macAddresses)) {
        new IronicPort(nodeScope, `Port-${port.replace(/\//g, '-')}`, { nodeUuid: node.id, address, pxeEnabled: port.startsWith('lom') });
      }
    }
    new TerraformOutput(scope, 'EnrollCommands', {
      value: enroll,
      description: `run these once after the apply: the nodes of pool ${pool.name} are enrolled with their ports, `
        + 'and the Ironic provider 1.0 cannot inspect them or clean them on the way to available before their ports exist',
    }).overrideLogicalId(`${base}_enroll_commands`);
  }

  const flavor = new ComputeFlavorV2(new Construct(stack, 'H200x4'), 'Resource', {
    name: 'gpu.h200-sxm-141gb.4x',
    description: '4× NVIDIA H200 SXM 141GB (PCI passthrough) on hgx-h200-8gpu, 1 NUMA node(s)',
    vcpus: 108,
    ram: 1032192,
    disk: 100,
    isPublic: false,
    extraSpecs: {
      'hw:cpu_policy': 'dedicated',
      'hw:cpu_thread_policy': 'prefer',
      'hw:mem_page_size': '1GB',
      'hw:numa_nodes': '1',
      'hw:pci_numa_affinity_policy': 'required',
      'pci_passthrough:alias': 'h200-sxm-141gb:4',
    },
  });
  const flavorScope = flavor.node.scope!;
  const alias = new TerraformOutput(new Construct(stack, 'NovaPciAliases'), 'Output', {
    description: 'nova.conf [pci] entries: `alias = <element>` for each element of alias (nova-api and every nova-compute), '
      + '`device_spec = <element>` for each element of device_spec (every nova-compute with these GPUs)',
    value: {
      alias: ['{"name":"h200-sxm-141gb","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"required"}'],
      device_spec: ['{"vendor_id":"10de","product_id":"2335"}'],
    },
  });
  alias.overrideLogicalId('nova_pci_alias');
  const volumeType = new BlockstorageVolumeTypeV3(new Construct(stack, 'Nvme'), 'Resource', {
    name: 'nvme', description: 'Ceph RBD backend ceph-nvme', isPublic: true, extraSpecs: { volume_backend_name: 'ceph-nvme' },
  });
  const member = new DataOpenstackIdentityRoleV3(stack, 'IdentityRole-member', { name: 'member' });

  for (let t = 0; t < shape.tenants; t++) {
    const name = tenantName(t);
    const addresses = plan[name];
    const tenant = new Construct(stack, name);
    const project = new IdentityProjectV3(new Construct(tenant, 'Project'), 'Resource', {
      name, domainId: 'default', enabled: true, lifecycle: { preventDestroy: true },
    });
    const user = new DataOpenstackIdentityUserV3(stack, `IdentityUser-default-svc-${name}`, { name: `svc-${name}`, domainId: 'default' });
    const assignment = new IdentityRoleAssignmentV3(new Construct(tenant, 'Members'), `User-default-svc-${name}-member`, {
      projectId: project.id, userId: user.id, roleId: member.id,
    });
    const quotas = new Construct(tenant, 'Quotas');
    const compute = new ComputeQuotasetV2(quotas, 'Compute', { projectId: project.id, cores: 238, instances: 3, ram: 2270823 });
    const network = new NetworkingQuotaV2(quotas, 'Network', {
      projectId: project.id, network: 10, subnet: 10, port: 13, router: 0, securityGroup: 10, securityGroupRule: 100,
    });
    const storage = new BlockstorageQuotasetV3(quotas, 'BlockStorage', {
      projectId: project.id, gigabytes: 1100, volumes: 2, volumeTypeQuota: { gigabytes_nvme: '1100', volumes_nvme: '2' },
    });
    new ComputeFlavorAccessV2(flavorScope, `Access-factory-${name}-Project`, { flavorId: flavor.id, tenantId: project.id });
    const provider = new OpenstackProvider(tenant, 'ProjectScope', { alias: `project_${name}`, cloud: name });

    const subnet = (scope: Construct, networkId: string, subnetName: string, cidr: string) => {
      const prefix = cidr.slice(0, cidr.lastIndexOf('.'));
      new NetworkingSubnetV2(scope, 'Subnet', {
        name: subnetName,
        networkId,
        cidr,
        ipVersion: 4,
        enableDhcp: true,
        noGateway: true,
        tenantId: project.id,
        allocationPool: [{ start: `${prefix}.1`, end: `${prefix}.254` }],
      });
    };
    const control = new Construct(tenant, 'Control');
    const controlNet = new NetworkingNetworkV2(control, 'Resource', {
      name: `${name}-control`, adminStateUp: true, mtu: 8942, portSecurityEnabled: true, tenantId: project.id,
    });
    subnet(control, controlNet.id, `${name}-control-v4`, addresses.control);
    const gpu = new Construct(tenant, 'Gpu');
    const pkey = `0x${addresses.pkey.toString(16).padStart(4, '0')}`;
    for (let r = 0; r < 8; r++) {
      const rail = new Construct(gpu, `Rail${r}`);
      const net = new NetworkingNetworkV2(rail, 'Resource', {
        name: `${name}-gpu-rail${r}`,
        description: `IPoIB, pkey ${pkey} on fabric gpu-fabric`,
        adminStateUp: true,
        mtu: 4092,
        portSecurityEnabled: false,
        tenantId: project.id,
        segments: [{ networkType: 'vlan', physicalNetwork: `ibrail${r}`, segmentationId: addresses.pkey }],
      });
      subnet(rail, net.id, `${name}-gpu-rail${r}-ipoib`, addresses.rails[r]);
    }
    new BlockstorageVolumeV3(new Construct(tenant, 'Checkpoints'), 'Resource', {
      name: `${name}-checkpoints`,
      size: 1000,
      volumeType: 'nvme',
      metadata: { purpose: 'checkpoints' },
      provider,
      lifecycle: { preventDestroy: true },
      dependsOn: [project, assignment, compute, network, storage, volumeType],
    });
  }
  const constructed = performance.now();
  app.synth();

  const k8sApp = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const chart = new cdk8s.Chart(k8sApp, 'models');
  new k8s.KubeNamespace(chart, 'Namespace', { metadata: { name: 'llm' } });
  for (let m = 0; m < shape.models; m++) modelServer(chart, `Model${m}`, `model-${m}`);
  k8sApp.synth();
  return { constructMs: constructed - t0, synthMs: performance.now() - constructed };
}

const HOME = '/var/lib/vllm';

/** One vLLM server: Deployment, Service, PodDisruptionBudget and PodMonitor, written out by hand. */
function modelServer(chart: Construct, id: string, name: string): void {
  const scope = new Construct(chart, id);
  const labels = {
    'ai-factory.dev/model': 'llama-3.1-8b',
    'app.kubernetes.io/component': 'model-server',
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/name': 'vllm',
  };
  const metadata = { name, namespace: 'llm', labels };
  // the sizing the library states on the Deployment (Llama 3.1 8B, BF16, on one H200 141GB, 8,192 tokens)
  const annotations = {
    'ai-factory.dev/data-parallel-size': '1',
    'ai-factory.dev/expert-parallel-size': '1',
    'ai-factory.dev/gpu': 'NVIDIA H200 SXM 141GB',
    'ai-factory.dev/gpu-memory-gb': '141',
    'ai-factory.dev/gpus-per-replica': '1',
    'ai-factory.dev/kv-cache-format': 'bfloat16',
    'ai-factory.dev/kv-cache-per-gpu-gb': '107.84',
    'ai-factory.dev/kv-cache-tokens': '822753',
    'ai-factory.dev/max-concurrent-sequences': '100',
    'ai-factory.dev/max-model-len': '8192',
    'ai-factory.dev/nodes-per-replica': '1',
    'ai-factory.dev/pipeline-parallel-size': '1',
    'ai-factory.dev/tensor-parallel-size': '1',
    'ai-factory.dev/usable-memory-per-gpu-gb': '126.9',
    'ai-factory.dev/weight-format': 'bfloat16',
    'ai-factory.dev/weights-per-gpu-gb': '16.06',
  };
  const selector = { matchLabels: { 'app.kubernetes.io/instance': name } };
  const probe = (periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path: '/health', port: k8s.IntOrString.fromString('http') }, periodSeconds, timeoutSeconds: 5, failureThreshold,
  });
  new k8s.KubeDeployment(scope, 'Resource', {
    metadata: { ...metadata, annotations },
    spec: {
      replicas: 1,
      selector,
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: 'vllm',
            image: 'vllm/vllm-openai:v0.21.0',
            command: ['vllm', 'serve'],
            args: ['meta-llama/Llama-3.1-8B-Instruct', `--served-model-name=${name}`, '--port=8000', '--tensor-parallel-size=1',
              '--max-model-len=8192', '--gpu-memory-utilization=0.9', '--enable-prefix-caching'],
            env: [
              { name: 'HOME', value: HOME }, { name: 'USER', value: 'vllm' }, { name: 'LOGNAME', value: 'vllm' },
              { name: 'XDG_CACHE_HOME', value: `${HOME}/.cache` }, { name: 'XDG_CONFIG_HOME', value: `${HOME}/.config` },
              { name: 'VLLM_CACHE_ROOT', value: `${HOME}/.cache/vllm` }, { name: 'TRITON_CACHE_DIR', value: `${HOME}/.triton/cache` },
              { name: 'TORCHINDUCTOR_CACHE_DIR', value: `${HOME}/.cache/torchinductor` },
              { name: 'CUDA_CACHE_PATH', value: `${HOME}/.nv/ComputeCache` }, { name: 'FLASHINFER_WORKSPACE_BASE', value: HOME },
              { name: 'VLLM_ENGINE_READY_TIMEOUT_S', value: '660' }, { name: 'HF_HOME', value: '/models-cache' },
              { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf-token', key: 'token' } } },
            ],
            ports: [{ name: 'http', containerPort: 8000, protocol: 'TCP' }],
            livenessProbe: probe(10, 3),
            readinessProbe: probe(5, 3),
            startupProbe: probe(10, 66),
            resources: {
              limits: { 'memory': k8s.Quantity.fromString('20Gi'), 'nvidia.com/gpu': k8s.Quantity.fromNumber(1) },
              requests: { 'cpu': k8s.Quantity.fromNumber(4), 'memory': k8s.Quantity.fromString('20Gi'), 'nvidia.com/gpu': k8s.Quantity.fromNumber(1) },
            },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            volumeMounts: [{ name: 'shm', mountPath: '/dev/shm' }, { name: 'home', mountPath: HOME }, { name: 'model-cache', mountPath: '/models-cache' }],
          }],
          nodeSelector: { 'ai-factory.dev/gpu-pool': 'h200x4' },
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            fsGroupChangePolicy: 'OnRootMismatch',
            seccompProfile: { type: 'RuntimeDefault' },
          },
          terminationGracePeriodSeconds: 60,
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          volumes: [
            { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: k8s.Quantity.fromString('4Gi') } },
            { name: 'home', emptyDir: { sizeLimit: k8s.Quantity.fromString('20Gi') } },
            { name: 'model-cache', emptyDir: { sizeLimit: k8s.Quantity.fromString('18Gi') } },
          ],
        },
      },
    },
  });
  new k8s.KubeService(scope, 'Service', {
    metadata,
    spec: {
      type: 'ClusterIP',
      selector: selector.matchLabels,
      ports: [{ name: 'http', port: 8000, targetPort: k8s.IntOrString.fromNumber(8000), protocol: 'TCP' }],
    },
  });
  new k8s.KubePodDisruptionBudget(scope, 'Budget', { metadata, spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector } });
  new PodMonitor(scope, 'Metrics', {
    metadata,
    spec: {
      selector,
      podTargetLabels: ['app.kubernetes.io/instance', 'llm-d.ai/role'],
      podMetricsEndpoints: [{
        port: 'http',
        path: '/metrics',
        interval: '15s',
        metricRelabelings: [
          { action: 'replace' as any, sourceLabels: ['__name__'], regex: 'vllm:gpu_cache_usage_perc', targetLabel: '__name__', replacement: 'vllm:kv_cache_usage_perc' },
          {
            action: 'replace' as any,
            sourceLabels: ['__name__'],
            regex: 'vllm:time_per_output_token_seconds(_bucket|_sum|_count)',
            targetLabel: '__name__',
            replacement: 'vllm:inter_token_latency_seconds$1',
          },
        ],
      }],
    },
  });
}
