import { GpuNodePool, GpuPartitioning, MigLayout, TaintEffect } from '../../../constructs/accelerators/gpu-node-pool';
import { MigStrategy } from '../../../lib/accelerators/names';
import { GpuModel } from '../../../lib/hardware/gpu';
import { testChart } from '../../util';

const H100 = GpuModel.H100_SXM5_80GB;

describe('GpuNodePool', () => {
  test('a whole-GPU pool offers nvidia.com/gpu with the GPU memory, selected by its pool label', () => {
    const pool = new GpuNodePool(testChart(), 'H100', { poolName: 'h100', gpuModel: H100, gpusPerNode: 8 });
    expect(pool.offers).toEqual([{ resourceName: 'nvidia.com/gpu', countPerNode: 8, memoryGb: 80 }]);
    expect(pool.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'h100' });
    expect(pool.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pool.rdma).toBeUndefined();
  });

  test('node labels and taints the node group must carry; MIG-capable whole-GPU pools pin MIG off', () => {
    const pool = new GpuNodePool(testChart(), 'H100', { poolName: 'h100', gpuModel: H100, gpusPerNode: 8, nodeCount: 3, maxNodeCount: 5 });
    expect(pool.nodeLabels).toEqual({ 'ai-factory.dev/gpu-pool': 'h100', 'nvidia.com/mig.config': 'all-disabled' });
    expect(pool.nodeTaints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: TaintEffect.NO_SCHEDULE }]);
    expect([pool.minNodeCount, pool.nodeCount, pool.maxNodeCount]).toEqual([3, 3, 5]);
    const l40s = new GpuNodePool(testChart(), 'L40S', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4 });
    expect(l40s.nodeLabels).toEqual({ 'ai-factory.dev/gpu-pool': 'l40s' });
  });

  test('mixed MIG layout: one offer per profile with nvidia.com/mig-<profile>, and the mig.config label', () => {
    const pool = new GpuNodePool(testChart(), 'H100', {
      poolName: 'h100-mig',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('h100-mixed', [
        { profile: '3g.40gb', count: 1 }, { profile: '2g.20gb', count: 1 }, { profile: '1g.10gb', count: 2 },
      ])),
    });
    expect(pool.offers).toEqual([
      { resourceName: 'nvidia.com/mig-1g.10gb', countPerNode: 16, memoryGb: 10, migProfile: '1g.10gb' },
      { resourceName: 'nvidia.com/mig-2g.20gb', countPerNode: 8, memoryGb: 20, migProfile: '2g.20gb' },
      { resourceName: 'nvidia.com/mig-3g.40gb', countPerNode: 8, memoryGb: 40, migProfile: '3g.40gb' },
    ]);
    expect(pool.nodeLabels['nvidia.com/mig.config']).toBe('h100-mixed');
    expect(pool.migPlacements[0].map((p) => `${p.profile}@${p.startSlice}`)).toEqual(['2g.20gb@0', '1g.10gb@2', '1g.10gb@3', '3g.40gb@4']);
  });

  test('per-GPU-group layout: MIG-disabled GPUs stay nvidia.com/gpu under the mixed strategy', () => {
    const pool = new GpuNodePool(testChart(), 'H200', {
      poolName: 'h200',
      gpuModel: GpuModel.H200_SXM_141GB,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.perGpuGroup('h200-half', [
        { gpuCount: 4, devices: [{ profile: '3g.71gb', count: 2 }] },
        { gpuCount: 4, devices: [] },
      ])),
    });
    expect(pool.offers).toEqual([
      { resourceName: 'nvidia.com/mig-3g.71gb', countPerNode: 8, memoryGb: 71, migProfile: '3g.71gb' },
      { resourceName: 'nvidia.com/gpu', countPerNode: 4, memoryGb: 141 },
    ]);
  });

  test('single strategy: MIG instances are advertised as nvidia.com/gpu', () => {
    const pool = new GpuNodePool(testChart(), 'A100', {
      poolName: 'a100',
      gpuModel: GpuModel.A100_SXM4_80GB,
      gpusPerNode: 4,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('all-1g.10gb', [{ profile: '1g.10gb', count: 7 }]), MigStrategy.SINGLE),
    });
    expect(pool.offers).toEqual([{ resourceName: 'nvidia.com/gpu', countPerNode: 28, memoryGb: 10, migProfile: '1g.10gb' }]);
  });

  test('time-slicing and MPS: shared replicas with their share of memory and the device-plugin.config label', () => {
    const ts = new GpuNodePool(testChart(), 'L40S', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4, partitioning: GpuPartitioning.timeSlicing(4) });
    expect(ts.offers).toEqual([{ resourceName: 'nvidia.com/gpu.shared', countPerNode: 16, memoryGb: 12, shared: true }]);
    expect(ts.nodeLabels).toEqual({ 'ai-factory.dev/gpu-pool': 'l40s', 'nvidia.com/device-plugin.config': 'l40s' });
    const mps = new GpuNodePool(testChart(), 'H100', {
      poolName: 'h100-mps', gpuModel: H100, gpusPerNode: 8, partitioning: GpuPartitioning.mps(3, { renameResource: false }),
    });
    expect(mps.offers).toEqual([{ resourceName: 'nvidia.com/gpu', countPerNode: 24, memoryGb: 26.6, shared: true }]);
  });

  test('fails when the MIG layout does not fit the GPU', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('too-big', [{ profile: '3g.40gb', count: 2 }, { profile: '1g.10gb', count: 1 }])),
    })).toThrow('test/P: MIG layout 3g.40gb x2 + 1g.10gb x1 does not fit NVIDIA H100 SXM5 80GB: it needs 9 memory slices and the GPU has 8; drop an instance or use smaller profiles');
  });

  test('fails when the MIG layout names a profile of another GPU', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('h200ish', [{ profile: '3g.71gb', count: 1 }])),
    })).toThrow('test/P: MIG profile "3g.71gb" does not exist on NVIDIA H100 SXM5 80GB; its profiles are 1g.10gb, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb or 1g.10gb+me');
  });

  test('fails when the GPU groups do not cover the node', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.perGpuGroup('half', [{ gpuCount: 4, devices: [{ profile: '7g.80gb', count: 1 }] }])),
    })).toThrow("test/P: MIG layout half covers 4 GPUs but the pool's nodes have 8; make the groups' gpuCount add up to 8");
  });

  test('fails when the single strategy gets mixed profiles', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('mix', [{ profile: '3g.40gb', count: 1 }, { profile: '1g.10gb', count: 1 }]), MigStrategy.SINGLE),
    })).toThrow('test/P: MIG layout mix uses profiles 3g.40gb and 1g.10gb, but the single strategy needs the same profile on every GPU of a node; use MigStrategy.MIXED or one profile everywhere');
  });

  test('fails when the MIG config name is reserved', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('all-disabled', [{ profile: '7g.80gb', count: 1 }])),
    })).toThrow('test/P: MIG configName all-disabled is reserved for turning MIG off; name the layout, e.g. p-mig');
  });

  test('fails when MPS asks for more clients than MPS serves', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'p', gpuModel: H100, gpusPerNode: 8, partitioning: GpuPartitioning.mps(64) })).toThrow(
      'test/P: MPS replicas 64 must be an integer from 2 to 48 (MPS serves at most 48 clients per GPU); use whole GPUs for 1',
    );
  });

  test('fails when the GPU is not an NVIDIA GPU', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'p', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8 })).toThrow(
      'test/P: AMD Instinct MI300X is not an NVIDIA GPU; this pool advertises nvidia.com resources through the NVIDIA GPU Operator, use an NVIDIA GPU model',
    );
  });

  test('fails when node counts are out of order', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'p', gpuModel: H100, gpusPerNode: 8, nodeCount: 4, maxNodeCount: 2 })).toThrow(
      'test/P: node counts must satisfy minNodeCount <= nodeCount <= maxNodeCount, got 4 <= 4 <= 2',
    );
  });

  test('fails when a taint has no toleration', () => {
    expect(() => new GpuNodePool(testChart(), 'P', {
      poolName: 'p',
      gpuModel: H100,
      gpusPerNode: 8,
      nodeTaints: [{ key: 'dedicated', value: 'team-a', effect: TaintEffect.NO_SCHEDULE }],
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
    })).toThrow('test/P: no toleration matches the node taint dedicated=team-a:NoSchedule; pods could never land on pool p; add a toleration for it');
  });

  test('fails when the pool name is not a DNS label', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'H100_pool', gpuModel: H100, gpusPerNode: 8 })).toThrow(
      'test/P: poolName "H100_pool" must be lower-case letters, digits and dashes',
    );
  });

  test('fails when gpusPerNode is not a positive integer', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'p', gpuModel: H100, gpusPerNode: 0 })).toThrow(
      'test/P: gpusPerNode 0 must be a positive integer',
    );
  });
});
