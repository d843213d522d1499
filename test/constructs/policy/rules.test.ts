import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Aspects, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DataProtection, Stateful } from '../../../constructs/common/stateful';
import { PolicyChecks, PolicySuppressions } from '../../../constructs/policy/policy-checks';
import { PolicyPack } from '../../../constructs/policy/policy-pack';
import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../../../constructs/policy/policy-rule';
import { BlockstorageVolumeV3 } from '../../../generated/terraform/openstack/blockstorage-volume-v3';
import { LbListenerV2 } from '../../../generated/terraform/openstack/lb-listener-v2';
import { LbLoadbalancerV2 } from '../../../generated/terraform/openstack/lb-loadbalancer-v2';
import { NetworkingNetworkV2 } from '../../../generated/terraform/openstack/networking-network-v2';
import { NetworkingPortV2 } from '../../../generated/terraform/openstack/networking-port-v2';
import { NetworkingRbacPolicyV2 } from '../../../generated/terraform/openstack/networking-rbac-policy-v2';
import { NetworkingSecgroupRuleV2 } from '../../../generated/terraform/openstack/networking-secgroup-rule-v2';
import { SharedfilesystemShareAccessV2 } from '../../../generated/terraform/openstack/sharedfilesystem-share-access-v2';
import { synthChart, testChart, testStack } from '../../util';

// the checks print their report on stderr; keep the test output readable (the report test asserts what is printed)
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

function checkedStack(): { stack: TerraformStack; checks: PolicyChecks } {
  const stack = testStack();
  return { stack, checks: PolicyChecks.applyTo(stack) };
}

/** Synthesizes with validations (the policy checks run in the stack's validation, as in app.synth()). */
function checkStack(stack: TerraformStack): void {
  stack.prepareStack();
  Testing.synth(stack, true);
}

function errorsOf(stack: TerraformStack): string[] {
  checkStack(stack);
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => `${c.node.path}: ${m.data}`));
}

function rule(stack: TerraformStack, id: string, props: Partial<ConstructorParameters<typeof NetworkingSecgroupRuleV2>[2]>) {
  return new NetworkingSecgroupRuleV2(stack, id, { direction: 'ingress', ethertype: 'IPv4', securityGroupId: 'sg', ...props });
}

/** A Deployment with one container; `container` and `pod` override the compliant defaults. */
function deployment(chart: any, container: object = {}, pod: object = {}) {
  return new k8s.KubeDeployment(chart, 'App', {
    metadata: { name: 'app' },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [{
            name: 'main',
            image: 'vllm/vllm-openai:v0.12.0',
            resources: { requests: { cpu: k8s.Quantity.fromNumber(1) }, limits: { memory: k8s.Quantity.fromString('1Gi') } },
            ...container,
          }],
          ...pod,
        },
      },
    },
  });
}

describe('AIF-NET-001 no world-open management ports', () => {
  test('fails when ssh is open to 0.0.0.0/0', () => {
    const { stack } = checkedStack();
    rule(stack, 'Ssh', { protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' });
    expect(errorsOf(stack)).toEqual(['test/Ssh: AIF-NET-001: ingress from 0.0.0.0/0 reaches management port 22 (ssh); '
      + "give the rule remote_ip_prefix of the operators' network (or remote_group_id of a bastion group), or reach the port through a VPN or bastion"]);
  });

  test('fails when a rule has no remote and no port range (every source, every port)', () => {
    const { stack, checks } = checkedStack();
    rule(stack, 'All', {});
    checkStack(stack);
    expect(checks.report.map((f) => f.message)).toEqual([
      'ingress from any source (no remote_ip_prefix or remote_group_id) reaches management ports 22 (ssh), 23 (telnet), 623 (ipmi), '
      + '2379 (etcd), 2380 (etcd peer), 3389 (rdp), 5900 (vnc), 6443 (kubernetes api), 10250 (kubelet)',
    ]);
  });

  test('passes https from anywhere, ssh from the operators and icmp from anywhere', () => {
    const { stack, checks } = checkedStack();
    rule(stack, 'Https', { protocol: 'tcp', portRangeMin: 443, portRangeMax: 443, remoteIpPrefix: '0.0.0.0/0' });
    rule(stack, 'Ssh', { protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '192.0.2.0/24' });
    rule(stack, 'Icmp', { protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' });
    rule(stack, 'Egress', { direction: 'egress', remoteIpPrefix: '0.0.0.0/0' });
    checkStack(stack);
    expect(checks.report).toEqual([]);
  });
});

describe('AIF-DATA-001 stateful resources protected', () => {
  test('fails when a volume has no prevent_destroy', () => {
    const { stack } = checkedStack();
    new BlockstorageVolumeV3(stack, 'Raw', { size: 1 });
    expect(errorsOf(stack)).toContain('test/Raw: AIF-DATA-001: openstack_blockstorage_volume_v3 holds data but has no lifecycle.prevent_destroy; '
      + 'create it through a cdk-ai-factory construct (protected by default) or call Stateful.protect / Stateful.protectKubernetesObject; '
      + 'opt out only with DataProtection.allowDestroy(reason)');
  });

  test('an explicit allowDestroy(reason) is reported as suppressed with its reason', () => {
    const { stack, checks } = checkedStack();
    Stateful.protect(new BlockstorageVolumeV3(stack, 'Scratch', { size: 1 }), DataProtection.allowDestroy('scratch space, rebuilt by every job'));
    Stateful.protect(new BlockstorageVolumeV3(stack, 'Kept', { size: 1 }));
    expect(errorsOf(stack)).toEqual([]);
    expect(checks.report.map((f) => [f.path, f.suppressedBecause])).toEqual([['test/Scratch', 'DataProtection.allowDestroy: scratch space, rebuilt by every job']]);
  });

  test('fails when a PersistentVolumeClaim carries no data-protection annotation', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    new k8s.KubePersistentVolumeClaim(chart, 'Data', { metadata: { name: 'data' }, spec: {} });
    expect(() => synthChart(chart)).toThrow('test/Data: AIF-DATA-001: PersistentVolumeClaim data has no ai-factory.dev/data-protection annotation '
      + '(retain, or allow-destroy with a reason)');
  });
});

describe('AIF-K8S-001 images pinned', () => {
  test.each([
    ['vllm/vllm-openai:latest', 'uses the tag latest'],
    ['vllm/vllm-openai', 'has no tag, which means :latest'],
    ['registry.example.net:5000/vllm', 'has no tag, which means :latest'],
  ])('fails when the image is %s', (image, problem) => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    deployment(chart, { image });
    expect(() => synthChart(chart)).toThrow(`test/App: AIF-K8S-001: container main (spec.template.spec) image ${JSON.stringify(image)} ${problem}`);
  });

  test('passes tags (also behind a registry port) and digests', () => {
    for (const image of ['registry.example.net:5000/vllm:v0.12.0', `vllm/vllm-openai@sha256:${'a'.repeat(64)}`]) {
      const chart = testChart();
      const checks = PolicyChecks.applyTo(chart);
      deployment(chart, { image });
      synthChart(chart);
      expect(checks.report).toEqual([]);
    }
  });
});

describe('AIF-K8S-002 pods non-root with requests and limits', () => {
  test('fails when a container may run as root, is privileged and has no requests or limits', () => {
    const chart = testChart();
    const checks = PolicyChecks.applyTo(chart);
    deployment(chart, { resources: {}, securityContext: { privileged: true } }, { securityContext: {} });
    expect(() => synthChart(chart)).toThrow('test/App: AIF-K8S-002: container main (spec.template.spec) may run as root (no runAsNonRoot: true or runAsUser > 0)');
    expect(checks.report.map((f) => f.message)).toEqual([
      'container main (spec.template.spec) may run as root (no runAsNonRoot: true or runAsUser > 0)',
      'container main (spec.template.spec) is privileged',
      'container main (spec.template.spec) has no resources.requests',
      'container main (spec.template.spec) has no resources.limits.memory',
    ]);
  });

  test('fails when a container overrides the pod with runAsUser 0', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    deployment(chart, { securityContext: { runAsUser: 0 } });
    expect(() => synthChart(chart)).toThrow('container main (spec.template.spec) may run as root');
  });

  test('a suppression with a reason turns the error into a reported, suppressed finding', () => {
    const chart = testChart();
    const checks = PolicyChecks.applyTo(chart);
    const app = deployment(chart, {}, { securityContext: {} });
    PolicySuppressions.add(app, 'AIF-K8S-002', 'the vendor image needs root to load its kernel module');
    expect(synthChart(chart)).toHaveLength(1);
    expect(checks.reportText()).toBe('[suppressed] AIF-K8S-002 test/App: container main (spec.template.spec) may run as root '
      + '(no runAsNonRoot: true or runAsUser > 0) (reason: the vendor image needs root to load its kernel module)');
  });

  test('fails when a suppression has no reason', () => {
    const chart = testChart();
    expect(() => PolicySuppressions.add(deployment(chart), 'AIF-K8S-002', 'because')).toThrow(
      'test/App: suppression of AIF-K8S-002 needs a reason of at least 10 characters (got "because"); say why the finding is acceptable');
  });
});

describe('PolicyPack', () => {
  class Always extends PolicyRule {
    public readonly id = 'X-1';
    public readonly rationale = 'test';
    public readonly fix = 'none';
    public readonly level = PolicyLevel.WARNING;
    public evaluate(s: PolicySubject): string[] {
      return s.platform === PolicyPlatform.TERRAFORM && s.kind === 'openstack_networking_secgroup_rule_v2' ? ['seen'] : [];
    }
  }

  test('warnings are annotated as warnings and do not fail synthesis', () => {
    const stack = testStack();
    const checks = PolicyChecks.applyTo(stack, { packs: [new PolicyPack('custom', [new Always()])] });
    const v = rule(stack, 'V', { direction: 'egress' });
    expect(errorsOf(stack)).toEqual([]);
    expect(v.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual(['X-1: seen; none']);
    expect(checks.report).toHaveLength(1);
  });

  test('fails when a pack has a rule id twice', () => {
    expect(() => new PolicyPack('twice', [new Always(), new Always()])).toThrow('policy pack twice has rule X-1 twice; rule ids are unique in a pack');
  });

  test('fails when applied to something that is neither a stack nor a chart', () => {
    const app = Testing.app();
    expect(() => PolicyChecks.applyTo(app)).toThrow('policy checks apply to a cdktf TerraformStack or a cdk8s Chart; pass one of those');
  });
});

describe('AIF-NET-002 port security off only on InfiniBand or SR-IOV networks', () => {
  test('fails when an Ethernet network turns port security off', () => {
    const { stack } = checkedStack();
    new NetworkingNetworkV2(stack, 'Flat', { name: 'flat', mtu: 1500, portSecurityEnabled: false });
    expect(errorsOf(stack)).toEqual(['test/Flat: AIF-NET-002: network "flat" turns port security off but is not InfiniBand (mtu 1500, IPoIB has 2044, 4092, 65520) '
      + 'and has no ports here; keep port_security_enabled (the default) on Ethernet networks and give the ports security groups; '
      + 'turn it off only on InfiniBand (IPoIB) networks or networks of SR-IOV ports only']);
  });

  test('fails when a normal (OVS/OVN) port turns port security off, and when such a port sits on a network without it', () => {
    const { stack, checks } = checkedStack();
    const net = new NetworkingNetworkV2(stack, 'Eth', { name: 'eth', portSecurityEnabled: false });
    new NetworkingPortV2(stack, 'Vm', { name: 'vm', networkId: net.id, portSecurityEnabled: false });
    expect(errorsOf(stack)).toHaveLength(2);
    expect(checks.report.map((f) => f.message)).toEqual([
      'network "eth" turns port security off but is not InfiniBand (mtu unset, IPoIB has 2044, 4092, 65520) and has ports that are not SR-IOV (test/Vm)',
      'port "vm" (vnic_type normal) turns port security off on a network that is not InfiniBand',
    ]);
  });

  test('passes IPoIB networks and networks whose ports are all SR-IOV', () => {
    const { stack, checks } = checkedStack();
    new NetworkingNetworkV2(stack, 'Rail', { name: 'rail0', mtu: 4092, portSecurityEnabled: false });
    const sriov = new NetworkingNetworkV2(stack, 'Sriov', { name: 'sriov', portSecurityEnabled: false });
    new NetworkingPortV2(stack, 'Vf', { networkId: sriov.id, binding: { vnicType: 'direct' }, portSecurityEnabled: false });
    checkStack(stack);
    expect(checks.report).toEqual([]);
  });
});

describe('AIF-TEN-001 tenant resources shared only by explicit grant', () => {
  test.each([
    ['a tenant network is shared: true', (s: TerraformStack) => new NetworkingNetworkV2(s, 'X', { name: 'a', tenantId: 'p1', shared: true }),
      'openstack_networking_network_v2 "a" of project p1 is shared with every project (shared: true)'],
    ['an rbac policy targets *', (s: TerraformStack) => new NetworkingRbacPolicyV2(s, 'X', { action: 'access_as_shared', objectType: 'network', objectId: 'n1', targetTenant: '*' }),
      'rbac policy access_as_shared on network n1 targets every project (*)'],
    ['a share is open to 0.0.0.0/0', (s: TerraformStack) => new SharedfilesystemShareAccessV2(s, 'X', { shareId: 's1', accessType: 'ip', accessTo: '0.0.0.0/0', accessLevel: 'rw' }),
      'share access ip 0.0.0.0/0 opens share s1 to everyone'],
  ])('fails when %s', (_name, make, message) => {
    const { stack } = checkedStack();
    make(stack);
    expect(errorsOf(stack)).toEqual([`test/X: AIF-TEN-001: ${message}; leave shared unset and share with one project at a time (shareWith(project): `
      + 'a Neutron RBAC policy naming it), or grant share access to a named cephx user or network']);
  });

  test('passes an rbac policy naming one project and a cephx grant', () => {
    const { stack, checks } = checkedStack();
    new NetworkingRbacPolicyV2(stack, 'Grant', { action: 'access_as_shared', objectType: 'network', objectId: 'n1', targetTenant: 'p2' });
    new SharedfilesystemShareAccessV2(stack, 'Cephx', { shareId: 's1', accessType: 'cephx', accessTo: 'inference', accessLevel: 'ro' });
    checkStack(stack);
    expect(checks.report).toEqual([]);
  });
});

describe('AIF-SEC-001 no secret literals', () => {
  test('fails when a resource, a provider or an output carries a literal secret', () => {
    const { stack, checks } = checkedStack();
    new LbLoadbalancerV2(stack, 'Lb', { vipSubnetId: 's' }).addOverride('admin_password', 'hunter22');
    new TerraformOutput(stack, 'ClientKey', { value: '${openstack_containerinfra_cluster_v1.c.kubeconfig["client_key"]}' });
    expect(errorsOf(stack)).toContain('test/Lb: AIF-SEC-001: admin_password is a literal secret; pass secrets as sensitive Terraform variables (TF_VAR_...) '
      + 'or references to the resources that create them, mark outputs that carry them sensitive: true, and read them in pods through valueFrom.secretKeyRef');
    expect(checks.report.map((f) => `${f.path}: ${f.message}`)).toEqual([
      'test/Lb: admin_password is a literal secret',
      'test/ClientKey: output ClientKey carries a secret but is not sensitive',
    ]);
  });

  test('passes references to sensitive variables and sensitive outputs', () => {
    const { stack, checks } = checkedStack();
    const password = new TerraformVariable(stack, 'password', { type: 'string', sensitive: true });
    new LbLoadbalancerV2(stack, 'Lb', { vipSubnetId: 's' }).addOverride('admin_password', password.stringValue);
    new TerraformOutput(stack, 'ClientKey', { value: '${openstack_containerinfra_cluster_v1.c.kubeconfig["client_key"]}', sensitive: true });
    new TerraformOutput(stack, 'TokenTtl', { value: 3600 });
    checkStack(stack);
    expect(checks.report).toEqual([]);
  });

  test('passes counts and metadata that merely mention tokens (a planner annotation seen on the quickstart)', () => {
    const { stack, checks } = checkedStack();
    new TerraformResource(stack, 'Deploy', { terraformResourceType: 'kubernetes_manifest' }).addOverride('manifest', {
      apiVersion: 'apps/v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', annotations: { 'ai-factory.dev/kv-cache-tokens': '131072', 'token': 'not-read' } },
      data: { max_tokens: '4096' },
    });
    checkStack(stack);
    expect(checks.report).toEqual([]);
  });

  test('fails when a container env variable with a secret name has a literal value', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    deployment(chart, { env: [{ name: 'HF_TOKEN', value: 'hf_abc' }, { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'k', key: 'v' } } }] });
    expect(() => synthChart(chart)).toThrow('test/App: AIF-SEC-001: container main (spec.template.spec) env HF_TOKEN is a literal secret');
  });
});

describe('AIF-K8S-002 privilege beyond RDMA', () => {
  test('fails when a container adds a capability other than IPC_LOCK or shares the host network', () => {
    const chart = testChart();
    const checks = PolicyChecks.applyTo(chart);
    deployment(chart, { securityContext: { capabilities: { add: ['IPC_LOCK', 'SYS_ADMIN'] } } }, { hostNetwork: true });
    expect(() => synthChart(chart)).toThrow();
    expect(checks.report.map((f) => f.message)).toEqual([
      "pod (spec.template.spec) shares the node's network namespace (hostNetwork: true)",
      'container main (spec.template.spec) adds capabilities SYS_ADMIN (only IPC_LOCK, for RDMA, is allowed)',
    ]);
  });

  test('passes IPC_LOCK, the named RDMA exception', () => {
    const chart = testChart();
    const checks = PolicyChecks.applyTo(chart);
    deployment(chart, { securityContext: { capabilities: { add: ['IPC_LOCK'] } } });
    synthChart(chart);
    expect(checks.report).toEqual([]);
  });
});

describe('AIF-K8S-003 default deny in tenant namespaces', () => {
  const tenantNs = (chart: any) => new k8s.KubeNamespace(chart, 'Ns', { metadata: { name: 'team-a', labels: { 'ai-factory.dev/tenant': 'team-a' } } });

  test('fails when a tenant namespace has no default-deny policy', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    tenantNs(chart);
    new k8s.KubeNetworkPolicy(chart, 'OnlyIngress', { metadata: { name: 'deny-in', namespace: 'team-a' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    expect(() => synthChart(chart)).toThrow('test/Ns: AIF-K8S-003: tenant namespace team-a has no default-deny NetworkPolicy '
      + '(podSelector {}, policyTypes Ingress and Egress, no rules)');
  });

  test('passes a tenant namespace with default deny, and namespaces that are not a tenant\'s', () => {
    const chart = testChart();
    const checks = PolicyChecks.applyTo(chart);
    tenantNs(chart);
    new k8s.KubeNamespace(chart, 'System', { metadata: { name: 'gpu-operator' } });
    new k8s.KubeNetworkPolicy(chart, 'Deny', { metadata: { name: 'default-deny', namespace: 'team-a' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    synthChart(chart);
    expect(checks.report).toEqual([]);
  });

  test('checks the manifests of kubernetes_manifest resources too', () => {
    const { stack, checks } = checkedStack();
    new TerraformResource(stack, 'Ns', { terraformResourceType: 'kubernetes_manifest' }).addOverride('manifest', {
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-b', labels: { 'ai-factory.dev/tenant': 'team-b' } },
    });
    checkStack(stack);
    expect(checks.report.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['AIF-K8S-003 test/Ns/manifest']);
  });
});

describe('AIF-NET-003 TLS on every listener', () => {
  const gateway = (chart: any, protocol: string) => new ApiObject(chart, 'Gw', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'ai', namespace: 'test' },
    spec: { gatewayClassName: 'envoy', listeners: [{ name: 'web', port: 80, protocol }] },
  });
  const route = (chart: any, httpRule: object) => new ApiObject(chart, 'Route', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r', namespace: 'test' },
    spec: { parentRefs: [{ name: 'ai', sectionName: 'web' }], rules: [httpRule] },
  });

  test('fails when a Gateway listener is plain HTTP and routes to a backend', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    gateway(chart, 'HTTP');
    route(chart, { backendRefs: [{ name: 'vllm', port: 8000 }] });
    expect(() => synthChart(chart)).toThrow('test/Gw: AIF-NET-003: gateway ai listener web (port 80) is HTTP, not HTTPS or TLS');
  });

  test('passes an HTTP listener that only redirects to https, and an HTTPS listener', () => {
    for (const [protocol, withRoute] of [['HTTP', true], ['HTTPS', false]] as const) {
      const chart = testChart();
      const checks = PolicyChecks.applyTo(chart);
      gateway(chart, protocol);
      if (withRoute) route(chart, { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] });
      synthChart(chart);
      expect(checks.report).toEqual([]);
    }
  });

  test('fails when an Ingress host has no tls, and when an Octavia listener is HTTP', () => {
    const chart = testChart();
    PolicyChecks.applyTo(chart);
    new k8s.KubeIngress(chart, 'Ing', { metadata: { name: 'api' }, spec: { rules: [{ host: 'api.example.net' }] } });
    expect(() => synthChart(chart)).toThrow('test/Ing: AIF-NET-003: ingress api serves api.example.net without tls');
    const { stack } = checkedStack();
    new LbListenerV2(stack, 'Http', { name: 'api', loadbalancerId: 'lb', protocol: 'HTTP', protocolPort: 80 });
    expect(errorsOf(stack)).toEqual(['test/Http: AIF-NET-003: load balancer listener "api" (port 80) is HTTP, not TERMINATED_HTTPS or HTTPS; '
      + 'give the listener a certificate (Gateway listener protocol HTTPS with tls.certificateRefs, Ingress spec.tls, Octavia TERMINATED_HTTPS '
      + 'with default_tls_container_ref), or make the HTTP listener only redirect to https']);
  });
});

describe('report on the console', () => {
  test('every finding of a stack, suppressed ones with their reason, is printed at synthesis', () => {
    const { stack } = checkedStack();
    const ssh = rule(stack, 'Ssh', { protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' });
    PolicySuppressions.add(ssh, 'AIF-NET-001', 'lab stack behind the campus firewall');
    const printed = jest.spyOn(console, 'error');
    checkStack(stack);
    expect(printed.mock.calls.map((c) => c[0])).toEqual(['[policy] test: 0 error(s), 0 warning(s), 1 suppressed\n'
      + '  [suppressed] AIF-NET-001 test/Ssh: ingress from 0.0.0.0/0 reaches management port 22 (ssh) (reason: lab stack behind the campus firewall)']);
  });

  test('added with Aspects.of(stack), as cdk-nag packs are, it checks the stack', () => {
    const stack = testStack({}, 'site');
    const checks = new PolicyChecks();
    Aspects.of(stack).add(checks);
    new NetworkingNetworkV2(stack, 'Open', { name: 'open', tenantId: 'p', shared: true });
    checkStack(stack);
    expect(checks.report.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['AIF-TEN-001 site/Open']);
  });
});

describe('PolicyPack.evaluateDocuments', () => {
  test('checks synthesized Terraform JSON and manifests', () => {
    const tf = {
      resource: { openstack_networking_network_v2: { n: { '//': { metadata: { path: 'site/N', uniqueId: 'n' } }, 'name': 'n', 'port_security_enabled': false } } },
      output: { db_password: { value: 'x' } },
    };
    const findings = PolicyPack.baseline().evaluateDocuments([tf], [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 't', labels: { 'ai-factory.dev/tenant': 't' } } }]);
    expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['AIF-NET-002 site/N', 'AIF-SEC-001 output.db_password', 'AIF-K8S-003 Namespace/t']);
  });
});
