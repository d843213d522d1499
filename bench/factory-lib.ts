/**
 * The large-factory generator, built with the library: N servers in HGX H200 and L40S + BlueField-3 pools enrolled
 * in Ironic, T = N/5 tenants (project, quotas, an OVN network, eight InfiniBand rails, a volume) and M model
 * deployments (vLLM servers in a cdk8s chart). bench/factory-bare.ts builds the same Terraform blocks with the
 * generated bindings only.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  BaremetalNodePool,
  BlockStorageBackend,
  FactoryStack,
  GpuFlavor,
  GpuNodePool,
  LlmModel,
  ModelSource,
  NetworkSite,
  PhysicalNetwork,
  ServerProfile,
  ServingChart,
  Tenant,
  VllmServer,
  Volume,
  VolumePurpose,
  VolumeType,
} from '../index';
import { FactoryShape, nodeSpec, poolsOf, tenantName } from './factory-shape';

/** Builds the factory into `outdir`; returns the time spent constructing and synthesizing (ms). */
export function build(shape: FactoryShape, outdir: string): { constructMs: number; synthMs: number } {
  fs.mkdirSync(outdir, { recursive: true });
  const t0 = performance.now();
  const app = new App({ outdir: path.join(outdir, 'cdktf.out'), stackTraces: false });
  const stack = new FactoryStack(app, 'factory', { cloud: 'openstack', ironic: { url: 'https://ironic.example.net:6385' } });

  for (const pool of poolsOf(shape)) {
    new BaremetalNodePool(stack, pool.id, {
      poolName: pool.name,
      server: pool.hgx ? ServerProfile.HGX_H200_8GPU : ServerProfile.L40S_4GPU_BF3,
      nodes: pool.nodes.map((i) => nodeSpec(i, pool.hgx)),
    });
  }

  const rails = Array.from({ length: 8 }, (_, i) => PhysicalNetwork.infiniBand({
    name: `ibrail${i}`, fabricName: 'gpu-fabric', mtuBytes: 4092, pkeyRanges: [{ min: 0x0100, max: 0x0ffe }], reservedPkeys: [0x0100],
  }));
  const site = new NetworkSite(stack, 'Site', {
    tenantSupernet: '10.0.0.0/8', tenantBlockPrefixLength: 20, overlayUnderlayMtuBytes: 9000, physicalNetworks: rails,
  });
  const flavor = new GpuFlavor(stack, 'H200x4', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
  const volumeType = new VolumeType(stack, 'Nvme', { volumeTypeName: 'nvme', backend: BlockStorageBackend.cephRbd({ backendName: 'ceph-nvme' }) });

  for (let t = 0; t < shape.tenants; t++) {
    const name = tenantName(t);
    const tenant = new Tenant(stack, name, { projectName: name, networkSite: site, projectScope: { cloud: name, userName: `svc-${name}` }, gpuServers: [{ flavor, count: 2 }] });
    tenant.addNetwork('Control', { networkName: `${name}-control`, prefixLength: 24 });
    tenant.addInfiniBandRails('Gpu', { railSetName: `${name}-gpu` });
    new Volume(tenant, 'Checkpoints', { tenant, sizeGb: 1000, volumeType, purpose: VolumePurpose.CHECKPOINTS });
  }
  const constructed = performance.now();
  app.synth();

  const k8s = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const chart = new ServingChart(k8s, 'models', { namespaceName: 'llm' });
  const pool = new GpuNodePool(chart, 'H200', { poolName: 'h200x4', gpuModel: flavor.gpuModel, gpusPerNode: 4 });
  for (let m = 0; m < shape.models; m++) {
    new VllmServer(chart, `Model${m}`, {
      model: LlmModel.LLAMA_3_1_8B,
      pool,
      maxModelLen: 8192,
      serverName: `model-${m}`,
      servedModelName: `model-${m}`,
      modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } }),
    });
  }
  k8s.synth();
  return { constructMs: constructed - t0, synthMs: performance.now() - constructed };
}
