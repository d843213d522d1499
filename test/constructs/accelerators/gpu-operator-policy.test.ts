import * as YAML from 'yaml';
import { GpuNodePool, GpuPartitioning, MigLayout, TaintEffect } from '../../../constructs/accelerators/gpu-node-pool';
import { GpuOperatorPolicy, GpuOperatorRelease } from '../../../constructs/accelerators/gpu-operator-policy';
import { MigStrategy } from '../../../lib/accelerators/names';
import { GpuModel } from '../../../lib/hardware/gpu';
import { objectsOf, onlyObject, synthChart, testChart } from '../../util';

const H100 = GpuModel.H100_SXM5_80GB;

function migPool(chart: any, name: string, strategy?: MigStrategy) {
  return new GpuNodePool(chart, name, {
    poolName: name,
    gpuModel: H100,
    gpusPerNode: 8,
    partitioning: GpuPartitioning.mig(MigLayout.uniform(`${name}-layout`, [{ profile: '3g.40gb', count: 2 }]), strategy),
  });
}

describe('GpuOperatorPolicy', () => {
  test('defaults: ClusterPolicy cluster-policy with pinned operand images, no MIG manager, DCGM exporter ServiceMonitor', () => {
    const chart = testChart();
    new GpuOperatorPolicy(chart, 'Gpu');
    const out = synthChart(chart);
    const policy = onlyObject(out, 'ClusterPolicy');
    expect(policy.apiVersion).toBe('nvidia.com/v1');
    expect(policy.metadata).toEqual({ name: 'cluster-policy' });
    // NVIDIA/gpu-operator v26.7.0 deployments/gpu-operator/values.yaml
    expect(policy.spec.driver).toEqual({
      enabled: true,
      repository: 'nvcr.io/nvidia',
      image: 'driver',
      version: '595.91.07',
      manager: { repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-driver-manager', version: 'v0.12.0' },
    });
    expect(policy.spec.toolkit).toEqual({ enabled: true, repository: 'nvcr.io/nvidia/k8s', image: 'container-toolkit', version: 'v1.20.0' });
    expect(policy.spec.devicePlugin).toEqual({ enabled: true, repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.20.0' });
    expect(policy.spec.gfd).toEqual({ enabled: true, repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.20.0' });
    expect(policy.spec.dcgm).toEqual({ enabled: false, repository: 'nvcr.io/nvidia/cloud-native', image: 'dcgm', version: '4.6.0-1-ubuntu24.04' });
    expect(policy.spec.dcgmExporter).toMatchObject({ enabled: true, image: 'dcgm-exporter', version: '4.6.0-4.8.3-distroless', serviceMonitor: { enabled: false } });
    expect(policy.spec.migManager).toMatchObject({ repository: 'nvcr.io/nvidia/cloud-native', image: 'k8s-mig-manager', version: 'v0.15.0' });
    // the validator is the operator image since v25.10; gpu-operator-validator is no longer published
    expect(policy.spec.validator).toEqual({ repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.7.0' });
    expect(policy.spec.nodeStatusExporter).toEqual({ enabled: false, repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.7.0' });
    expect(policy.spec.migManager.enabled).toBe(false);
    expect(policy.spec.mig).toBeUndefined();
    expect(policy.spec.gdrcopy).toBeUndefined();
    expect(policy.spec.daemonsets.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    const monitor = onlyObject(out, 'ServiceMonitor');
    expect(monitor.metadata).toEqual({ name: 'nvidia-dcgm-exporter', namespace: 'gpu-operator' });
    expect(monitor.spec).toEqual({
      selector: { matchLabels: { app: 'nvidia-dcgm-exporter' } },
      namespaceSelector: { matchNames: ['gpu-operator'] },
      endpoints: [{ port: 'gpu-metrics', path: '/metrics', interval: '15s', honorLabels: true }],
    });
    expect(objectsOf(out, 'ConfigMap')).toEqual([]);
  });

  test('MIG pools: MIG manager on, strategy from the pools, layouts in the mig-parted ConfigMap', () => {
    const chart = testChart();
    const policy = new GpuOperatorPolicy(chart, 'Gpu');
    policy.addPool(migPool(chart, 'a'));
    policy.addPool(migPool(chart, 'b'));
    const out = synthChart(chart);
    const spec = onlyObject(out, 'ClusterPolicy').spec;
    expect(spec.mig).toEqual({ strategy: 'mixed' });
    expect(spec.migManager).toMatchObject({ enabled: true, config: { name: 'ai-factory-mig-parted-config', default: 'all-disabled' }, env: [{ name: 'WITH_REBOOT', value: 'false' }] });
    const cm = onlyObject(out, 'ConfigMap');
    expect(cm.metadata).toEqual({ name: 'ai-factory-mig-parted-config', namespace: 'gpu-operator' });
    expect(YAML.parse(cm.data['config.yaml'])).toEqual({
      'version': 'v1',
      'mig-configs': {
        'all-disabled': [{ 'devices': 'all', 'mig-enabled': false }],
        'a-layout': [{ 'devices': 'all', 'mig-enabled': true, 'mig-devices': { '3g.40gb': 2 } }],
        'b-layout': [{ 'devices': 'all', 'mig-enabled': true, 'mig-devices': { '3g.40gb': 2 } }],
      },
    });
  });

  test('shared pools: device plugin ConfigMap with a default and one key per pool, named by the ClusterPolicy', () => {
    const chart = testChart();
    const ts = new GpuNodePool(chart, 'Ts', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4, partitioning: GpuPartitioning.timeSlicing(4) });
    new GpuOperatorPolicy(chart, 'Gpu', { pools: [ts] });
    const out = synthChart(chart);
    expect(onlyObject(out, 'ClusterPolicy').spec.devicePlugin.config).toEqual({ name: 'ai-factory-device-plugin-config', default: 'default' });
    const cm = onlyObject(out, 'ConfigMap');
    expect(Object.keys(cm.data)).toEqual(['default', 'l40s']);
    expect(YAML.parse(cm.data.default)).toEqual({ version: 'v1', flags: { migStrategy: 'none' } });
    expect(YAML.parse(cm.data.l40s).sharing.timeSlicing).toEqual({ renameByDefault: true, failRequestsGreaterThanOne: true, resources: [{ name: 'nvidia.com/gpu', replicas: 4 }] });
  });

  test('options: GDRCopy, GDS, GPUDirect RDMA with host MOFED, driver version, pool taints in the DaemonSet tolerations', () => {
    const chart = testChart();
    const pool = new GpuNodePool(chart, 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      nodeTaints: [{ key: 'dedicated', value: 'gpu', effect: TaintEffect.NO_EXECUTE }],
    });
    new GpuOperatorPolicy(chart, 'Gpu', {
      pools: [pool],
      gdrcopy: true,
      gpuDirectStorage: true,
      gpuDirectRdma: true,
      hostMofed: true,
      driverVersion: '570.195.03',
      monitoring: false,
      release: GpuOperatorRelease.V26_3_1,
    });
    const out = synthChart(chart);
    const spec = onlyObject(out, 'ClusterPolicy').spec;
    // NVIDIA/gpu-operator v26.3.1 deployments/gpu-operator/values.yaml
    expect(spec.gdrcopy).toEqual({ enabled: true, repository: 'nvcr.io/nvidia/cloud-native', image: 'gdrdrv', version: 'v2.5.2' });
    expect(spec.gds).toEqual({ enabled: true, repository: 'nvcr.io/nvidia/cloud-native', image: 'nvidia-fs', version: '2.27.3' });
    expect(spec.driver).toMatchObject({ version: '570.195.03', rdma: { enabled: true, useHostMofed: true }, manager: { version: 'v0.10.0' } });
    expect(spec.validator).toEqual({ repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.3.1' });
    expect(spec.daemonsets.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' },
    ]);
    expect(objectsOf(out, 'ServiceMonitor')).toEqual([]);
  });

  test('every release names no unpublished image: the validator is the operator image of the release', () => {
    for (const release of [GpuOperatorRelease.V26_7_0, GpuOperatorRelease.V26_3_1]) {
      const chart = testChart();
      new GpuOperatorPolicy(chart, 'Gpu', { release });
      const spec = onlyObject(synthChart(chart), 'ClusterPolicy').spec;
      const images = Object.values(spec).filter((v: any) => v && typeof v === 'object' && 'image' in v).map((v: any) => v.image);
      expect(images).not.toContain('gpu-operator-validator');
      expect(spec.validator).toEqual({ repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: release.props.operatorVersion });
    }
  });

  test('fails when a custom release names the validator image of the other side of v25.10, or an image is partial', () => {
    const base = GpuOperatorRelease.V26_7_0.props;
    const chart = testChart();
    const stale = GpuOperatorRelease.custom({ ...base, validator: { repository: 'nvcr.io/nvidia/cloud-native', image: 'gpu-operator-validator', version: 'v26.7.0' } });
    expect(() => new GpuOperatorPolicy(chart, 'A', { release: stale })).toThrow(
      "test/A: release v26.7.0 names the validator image gpu-operator-validator, which is not published since v25.10 (the validator is part of the operator image); use { repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: 'v26.7.0' }");
    const partial = GpuOperatorRelease.custom({ ...base, toolkit: { repository: 'mirror.example.net/nvidia/k8s', image: 'container-toolkit', version: '' } });
    expect(() => new GpuOperatorPolicy(chart, 'B', { release: partial })).toThrow(
      'test/B: release v26.7.0 toolkit image "mirror.example.net/nvidia/k8s/container-toolkit:" needs a repository, an image and a version (a tag, or a sha256: digest); the operator refuses a partial image');
    // before v25.10 the validator image was its own; a full reference in image alone is what kbld writes
    const old = GpuOperatorRelease.custom({ ...base, operatorVersion: 'v25.3.4', validator: { repository: 'nvcr.io/nvidia/cloud-native', image: 'gpu-operator-validator', version: 'v25.3.4' } });
    new GpuOperatorPolicy(chart, 'C', { release: old });
    const folded = GpuOperatorRelease.custom({ ...base, operatorVersion: 'v25.3.4' });
    expect(() => new GpuOperatorPolicy(chart, 'E', { release: folded })).toThrow(
      "test/E: release v25.3.4 names the operator image as validator, but before v25.10 the validator is its own image; use { repository: 'nvcr.io/nvidia/cloud-native', image: 'gpu-operator-validator', version: 'v25.3.4' }");
    const digest = GpuOperatorRelease.custom({ ...base, toolkit: { repository: '', image: 'mirror.example.net/container-toolkit@sha256:0123', version: '' } });
    new GpuOperatorPolicy(chart, 'D', { release: digest });
  });

  test('cluster-scoped ClusterPolicy carries no namespace even in a namespaced chart', () => {
    const chart = testChart('llm');
    new GpuOperatorPolicy(chart, 'Gpu');
    expect(onlyObject(synthChart(chart), 'ClusterPolicy').metadata.namespace).toBeUndefined();
  });

  test('fails when MIG pools use different strategies', () => {
    const chart = testChart();
    const policy = new GpuOperatorPolicy(chart, 'Gpu', { pools: [migPool(chart, 'a')] });
    expect(() => policy.addPool(migPool(chart, 'b', MigStrategy.SINGLE))).toThrow(
      'test/Gpu: pool b uses the single MIG strategy but pool a uses mixed; the strategy is cluster-wide (ClusterPolicy spec.mig.strategy), use one for every MIG pool',
    );
  });

  test('fails when two pools name different MIG layouts alike', () => {
    const chart = testChart();
    const a = migPool(chart, 'a');
    const b = new GpuNodePool(chart, 'b', {
      poolName: 'b', gpuModel: H100, gpusPerNode: 8, partitioning: GpuPartitioning.mig(MigLayout.uniform('a-layout', [{ profile: '1g.10gb', count: 7 }])),
    });
    expect(() => new GpuOperatorPolicy(chart, 'Gpu', { pools: [a, b] })).toThrow(
      'test/Gpu: pools a and b both name their MIG layout a-layout but the layouts differ; give each layout its own configName',
    );
  });

  test('fails when two pools share a name', () => {
    const chart = testChart();
    const a = new GpuNodePool(chart, 'A', { poolName: 'same', gpuModel: H100, gpusPerNode: 8 });
    const b = new GpuNodePool(chart, 'B', { poolName: 'same', gpuModel: H100, gpusPerNode: 8 });
    expect(() => new GpuOperatorPolicy(chart, 'Gpu', { pools: [a, b] })).toThrow(
      'test/Gpu: two pools are named same; pool names key the device plugin configs, give each pool its own name',
    );
  });
});
