import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cluster, h200MigPool, h200Pool, magnumSite, template } from './magnum-fixtures';
import { TaintEffect } from '../../../constructs/accelerators/gpu-node-pool';
import { MagnumCluster } from '../../../constructs/cluster/magnum-cluster';
import { NodeGroupLabeler } from '../../../constructs/cluster/node-group-labeler';
import { objectsOf, onlyObject, synthChart, testChart } from '../../util';

function twoGroups() {
  const site = magnumSite();
  const c = cluster(site);
  const whole = h200Pool(site);
  const mig = h200MigPool(site, { nodeTaints: [{ key: 'nvidia.com/gpu', value: 'mig', effect: TaintEffect.NO_SCHEDULE }, { key: 'team', effect: TaintEffect.NO_EXECUTE }] });
  c.addNodeGroup('Whole', { pool: whole, flavor: site.h200BareMetal, image: site.bareMetalImage });
  c.addNodeGroup('Mig', { pool: mig, flavor: site.h200Vm });
  return { site, cluster: c, whole, mig };
}

/** Runs the generated script once with kubectl and sleep replaced by shell functions; returns the kubectl calls. */
function runScript(script: string, nodesByGroup: { [group: string]: string[] }): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labeler-'));
  const log = path.join(dir, 'calls');
  const file = path.join(dir, 'label-nodes.sh');
  fs.writeFileSync(file, script);
  const lookups = Object.entries(nodesByGroup)
    .map(([g, nodes]) => `*"nodegroup=${g},"*) printf '%s\\n' ${nodes.map((n) => `node/${n}`).join(' ')} ;;`)
    .join('\n      ');
  const harness = `
    kubectl() {
      echo "kubectl $*" >> '${log}'
      if [ "$1" = get ]; then
        case "$*" in
      ${lookups}
        esac
      fi
    }
    sleep() { exit 0; }
    source '${file}'
  `;
  try {
    execFileSync('bash', ['-c', harness]);
    return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('NodeGroupLabeler', () => {
  test('a controller in kube-system with the rights to label and taint nodes, and nothing more', () => {
    const { cluster: c } = twoGroups();
    const chart = testChart('apps');
    const labeler = new NodeGroupLabeler(chart, 'Labels', { nodeGroups: c.nodeGroups });
    const out = synthChart(chart);
    expect(out.map((o) => o.kind)).toEqual(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Deployment']);
    expect(onlyObject(out, 'ClusterRole').rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'patch'] }]);
    expect(onlyObject(out, 'ClusterRole').metadata.namespace).toBeUndefined();
    expect(onlyObject(out, 'ClusterRoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'ai-factory-node-labeler', namespace: 'kube-system' }]);
    const deployment = onlyObject(out, 'Deployment');
    expect(deployment.metadata.namespace).toBe('kube-system');
    const pod = deployment.spec.template.spec;
    expect(pod.containers[0].image).toBe('registry.k8s.io/kubectl:v1.33.12');
    expect(pod.containers[0].command).toEqual(['/bin/bash', '/scripts/label-nodes.sh']);
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pod.priorityClassName).toBe('system-cluster-critical');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(onlyObject(out, 'ConfigMap').data['label-nodes.sh']).toBe(labeler.script);
    expect(deployment.spec.template.metadata.annotations['ai-factory.dev/script-sha256']).toMatch(/^[0-9a-f]{16}$/);
  });

  test("the script gives each node group's nodes the taints and labels of its pool, taints first", () => {
    const { cluster: c, whole, mig } = twoGroups();
    const labeler = new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: c.nodeGroups, intervalSeconds: 30 });
    expect(labeler.script).toContain('  sleep 30\n');
    const calls = runScript(labeler.script, { 'h200': ['bm-1', 'bm-2'], 'h200-mig': ['vm-1'] });
    const wholeLabels = Object.entries(whole.nodeLabels).map(([k, v]) => `${k}=${v}`).sort().join(' ');
    const migLabels = Object.entries(mig.nodeLabels).map(([k, v]) => `${k}=${v}`).sort().join(' ');
    expect(calls[0]).toMatch(/^kubectl get nodes -o name -l node\.cluster\.x-k8s\.io\/nodegroup=h200,ai-factory\.dev\/node-group-config!=[0-9a-f]{12}$/);
    const wholeHash = calls[0].split('!=')[1];
    expect(calls.slice(1, 5)).toEqual([
      'kubectl taint nodes --overwrite bm-1 nvidia.com/gpu=present:NoSchedule',
      `kubectl label nodes --overwrite bm-1 ${wholeLabels} ai-factory.dev/node-group-config=${wholeHash}`,
      'kubectl taint nodes --overwrite bm-2 nvidia.com/gpu=present:NoSchedule',
      `kubectl label nodes --overwrite bm-2 ${wholeLabels} ai-factory.dev/node-group-config=${wholeHash}`,
    ]);
    expect(wholeLabels).toBe('ai-factory.dev/gpu-pool=h200 nvidia.com/mig.config=all-disabled');
    const migHash = calls[5].split('!=')[1];
    expect(calls.slice(6)).toEqual([
      'kubectl taint nodes --overwrite vm-1 nvidia.com/gpu=mig:NoSchedule team:NoExecute',
      `kubectl label nodes --overwrite vm-1 ${migLabels} ai-factory.dev/node-group-config=${migHash}`,
    ]);
    expect(migHash).not.toBe(wholeHash);
  });

  test('a pool without taints is only labelled', () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('Whole', { pool: h200Pool(site, { nodeTaints: [], tolerations: [] }), flavor: site.h200BareMetal, image: site.bareMetalImage });
    const labeler = new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: c.nodeGroups });
    const calls = runScript(labeler.script, { h200: ['bm-1'] });
    expect(calls.filter((l) => l.startsWith('kubectl taint'))).toEqual([]);
    expect(calls.filter((l) => l.startsWith('kubectl label'))).toHaveLength(1);
  });

  test('the configuration hash follows the labels and taints, not the run', () => {
    const a = twoGroups();
    const b = twoGroups();
    const scriptA = new NodeGroupLabeler(testChart(), 'L', { nodeGroups: a.cluster.nodeGroups }).script;
    const scriptB = new NodeGroupLabeler(testChart(), 'L', { nodeGroups: b.cluster.nodeGroups }).script;
    expect(scriptA).toBe(scriptB);
  });

  test('options: image, namespace', () => {
    const { cluster: c } = twoGroups();
    const chart = testChart();
    new NodeGroupLabeler(chart, 'Labels', { nodeGroups: c.nodeGroups, image: 'mirror.test/kubectl:v1.33.12', namespaceName: 'ops' });
    const out = synthChart(chart);
    expect(objectsOf(out, 'Deployment')[0].spec.template.spec.containers[0].image).toBe('mirror.test/kubectl:v1.33.12');
    expect(objectsOf(out, 'ConfigMap')[0].metadata.namespace).toBe('ops');
  });

  test('fails when no node group is given', () => {
    expect(() => new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: [] })).toThrow(
      "test/Labels: nodeGroups is empty; give the node groups whose nodes need their pools' labels and taints",
    );
  });

  test('fails when node groups of two clusters are mixed', () => {
    const site = magnumSite();
    const a = cluster(site);
    const b = new MagnumCluster(site.stack, 'Other', { template: template(site, {}, 'T2'), credentials: site.tenant, clusterName: 'team-b' });
    const ga = a.addNodeGroup('G', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage });
    const gb = b.addNodeGroup('G', { pool: h200MigPool(site), flavor: site.h200Vm });
    expect(() => new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: [ga, gb] })).toThrow(
      'test/Labels: node groups of clusters team-a and team-b are mixed; a labeler runs inside one cluster, create one per cluster',
    );
  });

  test('fails when a node group is listed twice', () => {
    const { cluster: c } = twoGroups();
    const [g] = c.nodeGroups;
    expect(() => new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: [g, g] })).toThrow('test/Labels: node group h200 is listed twice');
  });

  test("fails when a pool sets the labeler's own label", () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('G', { pool: h200Pool(site, { nodeSelector: { 'ai-factory.dev/node-group-config': 'x' } }), flavor: site.h200Vm });
    expect(() => new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: c.nodeGroups })).toThrow(
      "test/Labels: pool h200 sets ai-factory.dev/node-group-config, which the labeler owns; drop it from the pool's labels",
    );
  });

  test('fails when the interval is out of range', () => {
    const { cluster: c } = twoGroups();
    expect(() => new NodeGroupLabeler(testChart(), 'Labels', { nodeGroups: c.nodeGroups, intervalSeconds: 1 })).toThrow(
      'test/Labels: intervalSeconds 1 must be an integer from 5 to 3600',
    );
  });
});
