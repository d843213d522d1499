import { cleanup, synthToDir } from './synth';
import { kubernetesVariants, loadSynthesized, withVariant } from '../../../bin/load';
import { SynthesizedFactory } from '../../../lib/insight/documents';
import { buildModel } from '../../../lib/insight/model';

const doc = (source: string): SynthesizedFactory['manifests'][number] => ({ source, doc: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: source } } });

describe('Kubernetes variants', () => {
  test('sibling folders with no manifests in their parent are alternatives', () => {
    const input = { stacks: [], manifests: [doc('dist/b/x.k8s.yaml#0'), doc('dist/a/x.k8s.yaml#0'), doc('dist/a/y.k8s.yaml#1')] };
    expect(kubernetesVariants(input)).toEqual(['a', 'b']);
    expect(withVariant(input, 'a').manifests.map((m) => m.source)).toEqual(['dist/a/x.k8s.yaml#0', 'dist/a/y.k8s.yaml#1']);
  });

  test.each([
    ['one folder', ['dist/x.k8s.yaml#0', 'dist/y.k8s.yaml#0']],
    ['a folder beside manifests of its parent', ['dist/x.k8s.yaml#0', 'dist/extra/y.k8s.yaml#0']],
    ['folders under different parents', ['a/dist/x.k8s.yaml#0', 'b/out/y.k8s.yaml#0']],
  ])('none for %s', (_what, sources) => {
    expect(kubernetesVariants({ stacks: [], manifests: sources.map(doc) })).toEqual([]);
  });

  test('dpu-gateway: one variant per gateway implementation, each with its own routes only', () => {
    const dir = synthToDir('dpu-gateway');
    try {
      const input = loadSynthesized(dir);
      expect(kubernetesVariants(input)).toEqual(['envoy-ai-gateway', 'kuadrant']);
      const routes = (v: string) => buildModel(withVariant(input, v)).exposure.filter((e) => e.kind === 'http-route').map((e) => e.detail.split(' ')[0]);
      expect(new Set(routes('envoy-ai-gateway'))).toEqual(new Set(['AIGatewayRoute', 'HTTPRoute']));
      expect(new Set(routes('kuadrant'))).toEqual(new Set(['HTTPRoute']));
      // each variant keeps the Terraform side whole
      for (const v of ['envoy-ai-gateway', 'kuadrant']) expect(withVariant(input, v).stacks).toBe(input.stacks);
    } finally {
      cleanup(dir);
    }
  });
});
