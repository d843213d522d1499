import { outputChecks } from './output-checks';
import { parseYamlDocuments, synthExample } from '../util';

type Labels = { [k: string]: string };
const ipNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipNumber(ip) / size) === Math.floor(ipNumber(base) / size);
}

/** Whether the namespace's NetworkPolicies let a pod open a TCP connection to an address outside the cluster. */
function egressAllowed(policies: any[], pod: Labels, ip: string, port: number): boolean {
  return policies
    .filter((p) => p.spec.policyTypes.includes('Egress') && Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => pod[k] === v))
    .some((p) => (p.spec.egress ?? []).some((rule: any) =>
      (rule.ports ?? []).some((x: any) => x.protocol === 'TCP' && x.port === port)
      && (rule.to ?? []).some((peer: any) => peer.ipBlock && inCidr(ip, peer.ipBlock.cidr)
        && !(peer.ipBlock.except ?? []).some((e: string) => inCidr(ip, e)))));
}

describe('examples/quickstart', () => {
  const files = synthExample('quickstart');
  const site = JSON.parse(files['cdktf.out/stacks/quickstart-site/cdk.tf.json']);
  const tenant = JSON.parse(files['cdktf.out/stacks/quickstart-llm/cdk.tf.json']);
  const cluster = parseYamlDocuments(files['dist/quickstart-llm-cluster.k8s.yaml']);
  const serving = parseYamlDocuments(files['dist/quickstart-llm-serving.k8s.yaml']);

  test('writes the site, tenant and workloads stacks and the cluster side', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/quickstart-llm-workloads/cdk.tf.json',
      'cdktf.out/stacks/quickstart-llm/cdk.tf.json',
      'cdktf.out/stacks/quickstart-site/cdk.tf.json',
      'dist/quickstart-llm-cluster.k8s.yaml',
      'dist/quickstart-llm-serving.k8s.yaml',
    ]);
  });

  test('connected end to end: the labels the server selects are put on the nodes of a node group that exists', () => {
    const deployment = serving.find((d) => d.kind === 'Deployment' && d.metadata.name === 'vllm-llama-3-1-8b');
    const selector = deployment.spec.template.spec.nodeSelector;
    expect(selector).toEqual({ 'ai-factory.dev/gpu-pool': 'h200x4' });
    // the node group the tenant stack creates, on the site's 4-GPU flavor (a remote-state reference)
    const [group] = Object.values(tenant.resource.openstack_containerinfra_nodegroup_v1) as any[];
    expect(group).toMatchObject({ name: 'h200x4', node_count: 1 });
    expect(group.flavor_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-quickstart-site\.outputs\.cross-stack-output-openstack_compute_flavor_v2Flavors_h200--passthrough--4_/);
    // the labeler gives that node group's nodes exactly the labels the server selects
    const script: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-node-labeler').data['label-nodes.sh'];
    const line = script.split('\n').find((l) => l.startsWith(`  configure '${group.name}' `))!;
    const labels = Object.fromEntries(line.match(/'([^']*)'$/)![1].split(' ').map((kv) => kv.split('=')));
    expect(labels).toMatchObject(selector);
    // the server's GPU request fits the node group's flavor
    const [flavor] = Object.values(site.resource.openstack_compute_flavor_v2) as any[];
    expect(flavor.extra_specs['pci_passthrough:alias']).toBe('h200-sxm-141gb:4');
    expect(deployment.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu']).toBeLessThanOrEqual(4);
  });

  test('the model can start in its default-deny namespace: vLLM reaches only its weights, the endpoint picker only the API server', () => {
    const policies = cluster.filter((d) => d.kind === 'NetworkPolicy' && d.metadata.namespace === 'llm');
    const podLabels = (name: string) => serving.find((d) => d.kind === 'Deployment' && d.metadata.name === name).spec.template.metadata.labels;
    const vllm = podLabels('vllm-llama-3-1-8b');
    const epp = podLabels('llama-3-1-8b-epp');
    const [subnet] = Object.values(tenant.resource.openstack_networking_subnet_v2) as any[];
    const apiServer = subnet.cidr.replace(/\.0\/\d+$/, '.10'); // a control-plane node on the cluster's fixed network
    const hub = '18.164.174.118'; // an address of huggingface.co's CDN

    // the allow-egress policies each selects, beside the namespace-wide ones (same namespace, DNS)
    const selecting = (pod: { [k: string]: string }) => policies
      .filter((p) => p.spec.policyTypes.includes('Egress') && Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => pod[k] === v))
      .map((p) => p.metadata.name).filter((n) => n.startsWith('allow-egress-'));
    expect(selecting(vllm)).toEqual(['allow-egress-vllm-llama-3-1-8b-weights']);
    expect(selecting(epp)).toEqual(['allow-egress-llama-3-1-8b-epp-api-server']);

    expect(egressAllowed(policies, vllm, hub, 443)).toBe(true);
    expect(egressAllowed(policies, vllm, hub, 80)).toBe(false);
    expect(egressAllowed(policies, vllm, apiServer, 6443)).toBe(false);
    expect(egressAllowed(policies, vllm, '169.254.169.254', 80)).toBe(false); // not the metadata service
    expect(egressAllowed(policies, vllm, '10.1.2.3', 443)).toBe(false); // nor private networks
    expect(egressAllowed(policies, epp, apiServer, 6443)).toBe(true);
    expect(egressAllowed(policies, epp, hub, 443)).toBe(false);
    expect(egressAllowed(policies, epp, apiServer, 22)).toBe(false);
  });

  outputChecks('quickstart', files);
});
