import { VllmServer } from '../../../constructs/serving/vllm-server';
import { GpuModel } from '../../../lib/hardware/gpu';
import { LlmModel, NumericFormat } from '../../../lib/models/llm';
import { onlyObject, synthChart, testChart } from '../../util';

describe('VllmServer', () => {
  test('Llama 3.1 70B on H100: TP=4 derived from the model, GPUs requested, probes on /health', () => {
    const chart = testChart('llm');
    const server = new VllmServer(chart, 'L70', { model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 32768 });
    const manifests = synthChart(chart);
    const deployment = onlyObject(manifests, 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(server.plan.tensorParallelSize).toBe(4);
    expect(deployment.metadata).toMatchObject({ name: 'vllm-llama-3-1-70b', namespace: 'llm' });
    expect(container.command).toEqual(['vllm', 'serve']);
    expect(container.args).toEqual([
      'meta-llama/Llama-3.1-70B-Instruct',
      '--served-model-name=meta-llama/Llama-3.1-70B-Instruct',
      '--port=8000',
      '--tensor-parallel-size=4',
      '--max-model-len=32768',
      '--gpu-memory-utilization=0.9',
      '--enable-prefix-caching',
    ]);
    expect(container.resources.limits['nvidia.com/gpu']).toBe(4);
    expect(container.startupProbe).toMatchObject({ httpGet: { path: '/health', port: 'http' }, failureThreshold: 60, periodSeconds: 10 });
    expect(deployment.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '16Gi' } });
    expect(onlyObject(manifests, 'Service').spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 8000, targetPort: 'http' }] });
    expect(server.url).toBe('http://vllm-llama-3-1-70b:8000/v1');
  });

  test('FP8 weights and KV cache add the quantization and KV dtype flags; secrets feed HF_TOKEN and VLLM_API_KEY', () => {
    const chart = testChart();
    new VllmServer(chart, 'S', {
      model: LlmModel.LLAMA_3_1_70B,
      gpu: GpuModel.H200_SXM_141GB,
      gpusPerNode: 8,
      weightFormat: NumericFormat.FP8,
      kvCacheFormat: NumericFormat.FP8,
      huggingFaceToken: { secretName: 'hf', key: 'token' },
      apiKey: { secretName: 'api', key: 'key' },
    });
    const container = onlyObject(synthChart(chart), 'Deployment').spec.template.spec.containers[0];
    expect(container.args).toEqual(expect.arrayContaining(['--quantization=fp8', '--kv-cache-dtype=fp8', '--tensor-parallel-size=1']));
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf', key: 'token' } } },
        { name: 'VLLM_API_KEY', valueFrom: { secretKeyRef: { name: 'api', key: 'key' } } },
      ]),
    );
  });

  test('fails when the model does not fit the GPUs of one node', () => {
    expect(
      () => new VllmServer(testChart(), 'Big', { model: LlmModel.LLAMA_3_1_405B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 8192 }),
    ).toThrow(/^test\/Big: llama-3.1-405b \(bfloat16, max-model-len 8192\) does not fit 1 node\(s\) of 8× NVIDIA H100 SXM5 80GB/);
  });

  test('fails when replicas is not a positive integer', () => {
    expect(() => new VllmServer(testChart(), 'R', { model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, maxModelLen: 8192, replicas: 0 })).toThrow(
      'test/R: replicas 0 must be a positive integer',
    );
  });

  test('fails when the server name is not a DNS label', () => {
    expect(
      () => new VllmServer(testChart(), 'N', { model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, maxModelLen: 8192, serverName: 'Llama_8B' }),
    ).toThrow('test/N: serverName "Llama_8B" is not a DNS-1035 label; use lower-case letters, digits and dashes, starting with a letter');
  });
});
