/**
 * The speech pipeline, from one description (`AiFactory`): call recordings are transcribed by Whisper as Kueue batch
 * jobs on MIG slices, and the transcripts summarized by an LLM served through llm-d behind the Gateway API Inference
 * Extension.
 *
 * Inventory: two HGX H200 hypervisors. Tenant `voice` bought
 *   - `slices`: one 8-GPU passthrough VM whose GPUs the MIG manager cuts into 7 x 1g.18gb each (56 slices; Whisper
 *     large-v3 needs about 10 GB, openai/whisper README "Available models and languages"), the Kueue queue's quota;
 *   - `llm`: one 4-GPU passthrough VM (one NUMA node's GPUs) for Llama 3.1 70B, two replicas of TP=2, in an
 *     InferencePool whose endpoint picker routes each request to the replica with the best cache and queue;
 * and a CephFS share for the recordings and transcripts, mounted through Manila CSI (`ShareModelStore`: its PV comes
 * from the Terraform side, its claim from the cluster side). Clients reach the summarizer (`"model": "summarizer"`) at
 * `voice.ai.example.net` through Envoy AI Gateway, with API keys and token limits. The transcription job
 * (`dist/speech-voice-jobs.k8s.yaml`) is a run, not a state: submit it with `kubectl create -f`; everything else is
 * applied by `speech-voice-workloads`.
 *
 *   npx cdktf synth        # from this folder (or `npm run synth -- speech-pipeline` at the repository root)
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  AiFactory, BatchDataSource, GatewayAuthentication, GatewayTls, GpuPartitioning, LlmModel, MigLayout, ModelSource,
  ModelStoreClaim, ServerProfile, ShareModelStore, ShareType, WhisperModel, WhisperTranscriptionJob,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const cephfs = ShareType.cephfsNative();
  const factory = new AiFactory(app, 'Factory', {
    factoryName: 'speech',
    kubernetesOutdir: path.join(outdir, 'dist'),
    pools: [{ poolName: 'h200', server: ServerProfile.HGX_H200_8GPU, serverCount: 2 }],
    network: { externalNetworkName: 'public', tenantSupernet: '10.80.0.0/16', dnsNameservers: ['10.0.0.53'] },
    storage: { shareTypes: [cephfs] },
    kubernetes: {
      kubernetesVersion: 'v1.33.12',
      imageUrl: 'https://images.example.net/magnum-capi/ubuntu-24.04-v1.33.12.qcow2',
      controlPlaneFlavor: { flavorName: 'm1.xlarge', vcpus: 8, ramMb: 16384 },
      workerFlavor: { flavorName: 'm1.2xlarge', vcpus: 16, ramMb: 32768 },
    },
    tenants: [{
      tenantName: 'voice',
      projectScope: { cloud: 'voice', userName: 'voice-deployer' },
      gpus: [
        { purchaseName: 'slices', poolName: 'h200', servers: 1, partitioning: GpuPartitioning.mig(MigLayout.uniform('h200-1g', [{ profile: '1g.18gb', count: 7 }])) },
        { purchaseName: 'llm', poolName: 'h200', servers: 1, gpusPerServer: 4 },
      ],
      cluster: { batchQueue: true },
      models: [{
        model: LlmModel.LLAMA_3_1_70B,
        nodeGroupName: 'llm',
        maxModelLen: 32768, // a long call's transcript and the summary
        replicas: 2,
        servedModelName: 'summarizer', // the name clients (and the gateway's routes) use
        modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } }),
        inferencePool: true,
      }],
      // clients reach the summarizer through Envoy AI Gateway: its InferencePool's endpoint picker chooses the replica
      gateway: {
        hostname: 'voice.ai.example.net',
        tls: GatewayTls.privateCa('site-ca'),
        authentication: GatewayAuthentication.apiKeys({ secretName: 'voice-api-keys' }),
        limits: { requestsPerMinute: 600, tokensPerMinute: 200000 },
        monitoringNamespaceName: 'monitoring',
      },
    }],
  });

  // recordings in, transcripts out: one read-write CephFS share, a PVC in the tenant's namespace
  const voice = factory.tenant('voice');
  const calls = new ShareModelStore(voice.stack, 'Calls', { tenant: voice.tenant, storeName: 'calls', shareType: cephfs, sizeGb: 4000, readOnly: false });
  new ModelStoreClaim(voice.servingChart!, 'Calls', { store: calls });
  voice.manifests!.addModelStore(calls, 'voice');

  const jobs = new cdk8s.Chart(voice.kubernetesApp!, 'speech-voice-jobs', { namespace: 'voice', disableResourceNameHashes: true });
  new WhisperTranscriptionJob(jobs, 'Transcribe', {
    jobName: 'transcribe-calls',
    queue: voice.queue!,
    tenantNamespace: voice.namespace!,
    flavor: voice.gpuFlavor('slices', '1g.18gb'),
    image: 'registry.example.net/voice/whisper:20250625',
    model: WhisperModel.LARGE_V3,
    audio: BatchDataSource.fromStore(calls, { subPath: 'recordings' }),
    transcripts: BatchDataSource.fromStore(calls, { subPath: 'transcripts' }),
    shards: 28, // half the slices: Kueue admits a second job beside it
  });

  factory.synth();
}

if (require.main === module) {
  synth();
}
