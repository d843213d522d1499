/**
 * The tenant namespace's NetworkPolicies evaluated against the pods they select: the real vLLM and endpoint-picker
 * pods of a serving chart, and the destinations each needs (the model source, the API server, the metrics scraper).
 */
import * as fc from 'fast-check';
import { EgressRule, TenantNamespace } from '../../../constructs/cluster/tenant-namespace';
import { InferencePool } from '../../../constructs/serving/inference-pool';
import { VllmServer } from '../../../constructs/serving/vllm-server';
import { LlmModel } from '../../../lib/models/llm';
import { objectsOf, synthChart, testChart } from '../../util';
import { h100Pool } from '../serving/pools';

type Labels = { [k: string]: string };

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipNumber(base) / size) * size;
  return ipNumber(ip) >= start && ipNumber(ip) < start + size;
}
function selects(selector: any, labels: Labels): boolean {
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}
function portMatches(ports: any[] | undefined, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => (p.protocol ?? 'TCP') === protocol
    && (p.port === undefined || p.port === port || (p.endPort !== undefined && port >= p.port && port <= p.endPort)));
}

/** Whether a pod may open a connection to an address outside the cluster, under the namespace's policies. */
function egressAllowed(policies: any[], pod: Labels, ip: string, port: number, protocol = 'TCP'): boolean {
  const selecting = policies.filter((p) => (p.spec.policyTypes ?? []).includes('Egress') && selects(p.spec.podSelector, pod));
  if (selecting.length === 0) return true;
  const peerMatches = (peer: any) => peer.ipBlock && inCidr(ip, peer.ipBlock.cidr)
    && !(peer.ipBlock.except ?? []).some((e: string) => inCidr(ip, e));
  return selecting.some((p) => (p.spec.egress ?? []).some((rule: any) => portMatches(rule.ports, port, protocol)
    && (rule.to ?? []).some(peerMatches)));
}

/** Whether a pod of another namespace may connect to the pod. */
function ingressAllowed(policies: any[], pod: Labels, fromNamespace: string, port: number): boolean {
  const selecting = policies.filter((p) => (p.spec.policyTypes ?? []).includes('Ingress') && selects(p.spec.podSelector, pod));
  if (selecting.length === 0) return true;
  return selecting.some((p) => (p.spec.ingress ?? []).some((rule: any) => portMatches(rule.ports, port, 'TCP')
    && (rule.from ?? []).some((peer: any) => peer.namespaceSelector && !peer.ipBlock
      && selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': fromNamespace }))));
}

const HF = '18.164.174.118'; // an address of huggingface.co's CDN
const RGW = '10.20.0.15';
const API = '10.0.0.11';

function servingNamespace() {
  const chart = testChart('llm');
  const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 'llm', cpuCores: 64, memoryGib: 512 });
  const pool = new InferencePool(chart, 'Pool', { poolName: 'llama-8b' });
  new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool });
  const podLabels = (name: string): Labels => objectsOf(synthChart(chart), 'Deployment').find((d) => d.metadata.name === name).spec.template.metadata.labels;
  return { chart, tenant, vllm: podLabels('vllm-llama-3-1-8b'), epp: podLabels('llama-8b-epp') };
}

describe('TenantNamespace egress', () => {
  test('by default a model server cannot download weights and the endpoint picker cannot reach the API server', () => {
    const { chart, vllm, epp } = servingNamespace();
    const policies = objectsOf(synthChart(chart), 'NetworkPolicy');
    expect(egressAllowed(policies, vllm, HF, 443)).toBe(false);
    expect(egressAllowed(policies, epp, API, 6443)).toBe(false);
  });

  test('each workload gets exactly its destinations: weights for vLLM, the API server for the picker, scraping from monitoring', () => {
    const { chart, tenant, vllm, epp } = servingNamespace();
    tenant.allowEgress('hf-hub', EgressRule.huggingFaceHub(), { 'app.kubernetes.io/name': 'vllm' });
    tenant.allowEgress('rgw', EgressRule.objectStorage({ endpointUrl: 'https://rgw.example.net', cidr: '10.20.0.0/24' }), { 'app.kubernetes.io/name': 'vllm' });
    tenant.allowEgress('api-server', EgressRule.kubernetesApi({ controlPlaneCidr: '10.0.0.0/24' }), { 'app.kubernetes.io/component': 'endpoint-picker' });
    tenant.allowMetricsScraping({ port: 8000, podLabels: { 'app.kubernetes.io/name': 'vllm' } });
    const policies = objectsOf(synthChart(chart), 'NetworkPolicy');

    expect(egressAllowed(policies, vllm, HF, 443)).toBe(true);
    expect(egressAllowed(policies, vllm, RGW, 443)).toBe(true);
    expect(egressAllowed(policies, vllm, RGW, 80)).toBe(false);
    expect(egressAllowed(policies, vllm, API, 6443)).toBe(false);
    expect(egressAllowed(policies, vllm, '169.254.169.254', 80)).toBe(false);
    expect(egressAllowed(policies, vllm, '10.1.2.3', 443)).toBe(false); // the HF rule is not a way into private networks

    expect(egressAllowed(policies, epp, API, 6443)).toBe(true);
    expect(egressAllowed(policies, epp, HF, 443)).toBe(false);

    expect(ingressAllowed(policies, vllm, 'monitoring', 8000)).toBe(true);
    expect(ingressAllowed(policies, vllm, 'monitoring', 22)).toBe(false);
    expect(ingressAllowed(policies, vllm, 'other-tenant', 8000)).toBe(false);
    expect(ingressAllowed(policies, epp, 'monitoring', 8000)).toBe(false);
  });

  test('the rules as rendered: ports from the endpoint URL, NFS, native CephFS, the API server on 6443', () => {
    const chart = testChart('llm');
    const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 'llm', cpuCores: 1, memoryGib: 1 });
    tenant.allowEgress('s3', EgressRule.objectStorage({ endpointUrl: 'http://10.20.0.15:7480', cidr: '10.20.0.15/32' }));
    tenant.allowEgress('nfs', EgressRule.nfs('10.30.0.0/24'));
    tenant.allowEgress('cephfs', EgressRule.cephFs('10.40.0.0/24'));
    const byName = (n: string) => objectsOf(synthChart(chart), 'NetworkPolicy').find((p) => p.metadata.name === n).spec;
    expect(byName('allow-egress-s3')).toEqual({
      podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.20.0.15/32' } }], ports: [{ protocol: 'TCP', port: 7480 }] }],
    });
    expect(byName('allow-egress-nfs').egress).toEqual([{ to: [{ ipBlock: { cidr: '10.30.0.0/24' } }], ports: [{ protocol: 'TCP', port: 2049 }] }]);
    expect(byName('allow-egress-cephfs').egress).toEqual([{
      to: [{ ipBlock: { cidr: '10.40.0.0/24' } }],
      ports: [{ protocol: 'TCP', port: 3300 }, { protocol: 'TCP', port: 6789 }, { protocol: 'TCP', port: 6800, endPort: 7300 }],
    }]);
  });

  test('fails when a rule names a malformed CIDR or endpoint, or a policy name is not a DNS label', () => {
    const chart = testChart('llm');
    const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 'llm', cpuCores: 1, memoryGib: 1 });
    expect(() => tenant.allowEgress('nfs', EgressRule.nfs('10.30.0.0/33'))).toThrow('test/Ns: egress nfs: cidr "10.30.0.0/33" is not an IPv4 CIDR; use e.g. 10.20.0.0/24');
    expect(() => tenant.allowEgress('s3', EgressRule.objectStorage({ endpointUrl: 'rgw.example.net', cidr: '10.0.0.0/24' }))).toThrow(
      'test/Ns: egress s3: endpointUrl "rgw.example.net" must be an http(s) URL such as https://rgw.example.net');
    expect(() => tenant.allowEgress('To_S3', EgressRule.nfs('10.30.0.0/24'))).toThrow(
      'test/Ns: egress name "To_S3" must make allow-egress-To_S3 a DNS label; use lower-case letters, digits and dashes');
    tenant.allowEgress('nfs', EgressRule.nfs('10.30.0.0/24'));
    expect(() => tenant.allowEgress('nfs', EgressRule.nfs('10.31.0.0/24'))).toThrow('test/Ns: egress nfs is already allowed; give each rule its own name');
  });

  test('fails when a port is out of range or a range runs backwards', () => {
    const chart = testChart('llm');
    const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 'llm', cpuCores: 1, memoryGib: 1 });
    expect(() => tenant.allowEgress('db', EgressRule.tcp('10.0.0.0/24', 70000))).toThrow(
      'test/Ns: egress db: port 70000 must be a TCP port (1-65535, endPort not below port)');
    expect(() => tenant.allowEgress('db', EgressRule.tcp('10.0.0.0/24', 9000, 8000))).toThrow(
      'test/Ns: egress db: port 9000-8000 must be a TCP port (1-65535, endPort not below port)');
    expect(() => tenant.allowEgress('s3', EgressRule.objectStorage({ endpointUrl: 'https://rgw:0', cidr: '10.0.0.0/24' }))).toThrow(
      'test/Ns: egress s3: port 0 must be a TCP port (1-65535, endPort not below port)');
    expect(() => tenant.allowMetricsScraping({ port: 0 })).toThrow('test/Ns: metrics port 0 must be a TCP port (1-65535)');
    expect(() => tenant.allowMetricsScraping({ port: 8000, fromNamespace: 'Monitoring' })).toThrow(
      'test/Ns: fromNamespace "Monitoring" must be a DNS label short enough for the policy name allow-metrics-from-Monitoring-8000 (63 characters)');
  });
});

describe('TenantNamespace egress (properties)', () => {
  const address = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
  /** A CIDR with its host bits cleared, as Kubernetes and parseCidr want it. */
  const cidr = fc.tuple(address, fc.integer({ min: 8, max: 32 })).map(([ip, bits]) => {
    const size = 2 ** (32 - bits);
    const n = Math.floor(ipNumber(ip) / size) * size;
    return `${[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')}/${bits}`;
  });

  test('a TCP rule opens exactly its range to exactly its addresses, for the pods it selects', () => {
    fc.assert(fc.property(cidr, address, fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 65535 }),
      (block, ip, port, span, probe) => {
        const endPort = Math.min(65535, port + span);
        const chart = testChart('t');
        const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 't', cpuCores: 1, memoryGib: 1 });
        tenant.allowEgress('rule', EgressRule.tcp(block, port, endPort), { app: 'x' });
        const policies = objectsOf(synthChart(chart), 'NetworkPolicy');
        const inside = inCidr(ip, block) && probe >= port && probe <= endPort;
        expect(egressAllowed(policies, { app: 'x' }, ip, probe)).toBe(inside);
        expect(egressAllowed(policies, { app: 'y' }, ip, probe)).toBe(false);
      }), { numRuns: 60 });
  });

  test('a port outside 1-65535 or a backwards range is refused, never rendered', () => {
    fc.assert(fc.property(cidr, fc.integer({ min: -10, max: 70000 }), fc.integer({ min: -10, max: 70000 }), (block, port, endPort) => {
      const chart = testChart('t');
      const tenant = new TenantNamespace(chart, 'Ns', { namespaceName: 't', cpuCores: 1, memoryGib: 1 });
      const valid = port >= 1 && port <= 65535 && endPort >= port && endPort <= 65535;
      if (valid) {
        tenant.allowEgress('rule', EgressRule.tcp(block, port, endPort));
      } else {
        expect(() => tenant.allowEgress('rule', EgressRule.tcp(block, port, endPort))).toThrow(
          `test/Ns: egress rule: port ${port}-${endPort} must be a TCP port (1-65535, endPort not below port)`);
      }
    }), { numRuns: 100 });
  });
});
