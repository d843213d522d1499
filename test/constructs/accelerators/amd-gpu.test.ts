import { AmdComputePartition, AmdGpuNodePool, AmdGpuOperator, AmdMemoryPartition } from '../../../constructs/accelerators/amd-gpu';
import { GpuModel } from '../../../lib/hardware/gpu';
import { onlyObject, synthChart, testChart } from '../../util';

describe('AmdGpuNodePool', () => {
  test('whole MI300X GPUs: 8 amd.com/gpu of 192 GB, the SPX/NPS1 profile label and the amd.com/gpu taint', () => {
    const chart = testChart();
    const pool = new AmdGpuNodePool(chart, 'Mi300', { poolName: 'mi300x', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8 });
    expect(pool.offers).toEqual([{ resourceName: 'amd.com/gpu', countPerNode: 8, memoryGb: 192 }]);
    expect(pool.nodeLabels).toEqual({ 'ai-factory.dev/gpu-pool': 'mi300x', 'dcm.amd.com/gpu-config-profile': 'spx-nps1-8gpu' });
    expect(pool.nodeTaints).toEqual([{ key: 'amd.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    expect(pool.tolerations).toEqual([{ key: 'amd.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('CPX partitions: 8 devices per GPU, 64 on an 8-GPU node, each with an eighth of the memory', () => {
    const chart = testChart();
    const pool = new AmdGpuNodePool(chart, 'Cpx', {
      poolName: 'mi300x-cpx', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8, computePartition: AmdComputePartition.CPX, memoryPartition: AmdMemoryPartition.NPS4,
    });
    expect(pool.offers).toEqual([{ resourceName: 'amd.com/gpu', countPerNode: 64, memoryGb: 24 }]);
    expect(pool.partitionProfile).toBe('cpx-nps4-8gpu');
  });

  test('fails when NPS4 is asked without CPX', () => {
    const chart = testChart();
    expect(() => new AmdGpuNodePool(chart, 'P', { poolName: 'p', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8, memoryPartition: AmdMemoryPartition.NPS4 }))
      .toThrow(/memoryPartition NPS4 needs computePartition CPX/);
  });

  test('fails when the GPU is not an AMD GPU', () => {
    const chart = testChart();
    expect(() => new AmdGpuNodePool(chart, 'P', { poolName: 'p', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8 }))
      .toThrow(/NVIDIA H100 SXM5 80GB is not an AMD GPU; an AmdGpuNodePool advertises amd.com\/gpu through the AMD GPU Operator/);
  });
});

describe('AmdGpuOperator', () => {
  const chart = testChart();
  const spx = new AmdGpuNodePool(chart, 'Spx', { poolName: 'mi350x', gpuModel: GpuModel.MI350X_288GB, gpusPerNode: 8 });
  const cpx = new AmdGpuNodePool(chart, 'Cpx', {
    poolName: 'mi300x-cpx', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8, computePartition: AmdComputePartition.CPX, memoryPartition: AmdMemoryPartition.NPS4,
  });
  new AmdGpuOperator(chart, 'Amd', { pools: [spx, cpx] });
  const manifests = synthChart(chart);

  test('a DeviceConfig (amd.com/v1alpha1) with the device plugin, node labeller and Device Config Manager tolerating the pools\' taint', () => {
    const dc = onlyObject(manifests, 'DeviceConfig');
    expect(dc.apiVersion).toBe('amd.com/v1alpha1');
    expect(dc.metadata).toMatchObject({ name: 'amd-gpu', namespace: 'kube-amd-gpu' });
    const toleration = [{ key: 'amd.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
    expect(dc.spec).toEqual({
      driver: { enable: false },
      devicePlugin: { enableDevicePlugin: true, enableNodeLabeller: true, devicePluginTolerations: toleration, nodeLabellerTolerations: toleration },
      configManager: { enable: true, config: { name: 'amd-gpu-partition-profiles' }, configManagerTolerations: toleration },
      selector: { 'feature.node.kubernetes.io/amd-gpu': 'true' },
    });
  });

  test('one partition profile per pool, its GPUs adding up to the node\'s, in the operator\'s config.json shape', () => {
    const cm = onlyObject(manifests, 'ConfigMap');
    expect(cm.metadata).toMatchObject({ name: 'amd-gpu-partition-profiles', namespace: 'kube-amd-gpu' });
    expect(JSON.parse(cm.data['config.json'])).toEqual({
      'gpu-config-profiles': {
        'cpx-nps4-8gpu': { skippedGPUs: { ids: [] }, profiles: [{ computePartition: 'CPX', memoryPartition: 'NPS4', numGPUsAssigned: 8 }] },
        'spx-nps1-8gpu': { skippedGPUs: { ids: [] }, profiles: [{ computePartition: 'SPX', memoryPartition: 'NPS1', numGPUsAssigned: 8 }] },
      },
      'gpuClientSystemdServices': { names: ['amd-metrics-exporter', 'gpuagent'] },
    });
  });

  test('fails when no pool is given', () => {
    expect(() => new AmdGpuOperator(testChart(), 'Amd', { pools: [] })).toThrow(/pools is empty/);
  });
});
