import { GpuNodePool } from '../../../constructs/accelerators/gpu-node-pool';
import { GpuModel } from '../../../lib/hardware/gpu';
import { testChart } from '../../util';

describe('GpuNodePool', () => {
  test('a whole-GPU pool offers nvidia.com/gpu with the GPU memory, selected by its pool label', () => {
    const pool = new GpuNodePool(testChart(), 'H100', { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8 });
    expect(pool.offers).toEqual([{ resourceName: 'nvidia.com/gpu', countPerNode: 8, memoryGb: 80 }]);
    expect(pool.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'h100' });
    expect(pool.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pool.rdma).toBeUndefined();
  });

  test('fails when the pool name is not a DNS label', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'H100_pool', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8 })).toThrow(
      'test/P: poolName "H100_pool" must be lower-case letters, digits and dashes',
    );
  });

  test('fails when gpusPerNode is not a positive integer', () => {
    expect(() => new GpuNodePool(testChart(), 'P', { poolName: 'p', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 0 })).toThrow(
      'test/P: gpusPerNode 0 must be a positive integer',
    );
  });
});
