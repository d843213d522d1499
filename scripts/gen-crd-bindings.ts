/**
 * Regenerates the typed CRD bindings in generated/k8s/ with `cdk8s import`, offline, from upstream CRDs.
 *
 *   npx projen bindings:k8s [--crds ../shared/crds]
 *
 * One module per API group (importing two files of one group into one folder would overwrite the first).
 * Each CRD is trimmed to the one version we generate for, so the class names carry no version suffix and
 * the deprecated versions (e.g. Kueue v1beta1) cannot be picked by mistake.
 * The output is committed and never edited by hand.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';

interface CrdModule {
  /** module (file) name under generated/k8s */
  readonly module: string;
  /** API group, checked against every CRD in the module */
  readonly group: string;
  /** the version to keep */
  readonly version: string;
  /** CRD files, relative to the crds folder */
  readonly files: string[];
  /** the files live in this repository's `crds/` folder (upstream CRDs outside the shared set; see crds/README.md) */
  readonly vendored?: boolean;
}

export const CRD_MODULES: CrdModule[] = [
  {
    module: 'gateway-api',
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    files: [
      'gateway-api/gateway.networking.k8s.io_gatewayclasses.yaml',
      'gateway-api/gateway.networking.k8s.io_gateways.yaml',
      'gateway-api/gateway.networking.k8s.io_httproutes.yaml',
      'gateway-api/gateway.networking.k8s.io_referencegrants.yaml',
    ],
  },
  {
    module: 'inference-extension',
    group: 'inference.networking.k8s.io',
    version: 'v1',
    files: ['gateway-api-inference-extension/inference.networking.k8s.io_inferencepools.yaml'],
  },
  {
    module: 'llm-d',
    group: 'llm-d.ai',
    version: 'v1alpha2',
    files: ['llm-d-router/llm-d.ai_inferenceobjectives.yaml', 'llm-d-router/llm-d.ai_inferencemodelrewrites.yaml'],
  },
  {
    module: 'lws',
    group: 'leaderworkerset.x-k8s.io',
    version: 'v1',
    files: ['lws/leaderworkerset.x-k8s.io_leaderworkersets.yaml'],
  },
  {
    module: 'kueue',
    group: 'kueue.x-k8s.io',
    version: 'v1beta2',
    files: [
      'kueue/kueue.x-k8s.io_clusterqueues.yaml',
      'kueue/kueue.x-k8s.io_localqueues.yaml',
      'kueue/kueue.x-k8s.io_resourceflavors.yaml',
      'kueue/kueue.x-k8s.io_cohorts.yaml',
      'kueue/kueue.x-k8s.io_workloadpriorityclasses.yaml',
      'kueue/kueue.x-k8s.io_topologies.yaml',
    ],
  },
  {
    module: 'gpu-operator',
    group: 'nvidia.com',
    version: 'v1',
    files: ['gpu-operator/nvidia.com_clusterpolicies.yaml'],
  },
  {
    module: 'network-operator',
    group: 'mellanox.com',
    version: 'v1alpha1',
    files: [
      'network-operator/mellanox.com_nicclusterpolicies.yaml',
      'network-operator/mellanox.com_ipoibnetworks.yaml',
      'network-operator/mellanox.com_hostdevicenetworks.yaml',
      'network-operator/mellanox.com_macvlannetworks.yaml',
    ],
  },
  {
    module: 'sriov-network-operator',
    group: 'sriovnetwork.openshift.io',
    version: 'v1',
    files: [
      'sriov-network-operator/sriovnetwork.openshift.io_sriovnetworks.yaml',
      'sriov-network-operator/sriovnetwork.openshift.io_sriovibnetworks.yaml',
      'sriov-network-operator/sriovnetwork.openshift.io_sriovnetworknodepolicies.yaml',
    ],
  },
  {
    module: 'multus',
    group: 'k8s.cni.cncf.io',
    version: 'v1',
    files: ['multus/networks-crd.yaml'],
  },
  {
    module: 'keda',
    group: 'keda.sh',
    version: 'v1alpha1',
    files: ['keda/keda.sh_scaledobjects.yaml', 'keda/keda.sh_triggerauthentications.yaml'],
  },
  {
    module: 'prometheus-operator',
    group: 'monitoring.coreos.com',
    version: 'v1',
    files: [
      'prometheus-operator/monitoring.coreos.com_servicemonitors.yaml',
      'prometheus-operator/monitoring.coreos.com_podmonitors.yaml',
      'prometheus-operator/monitoring.coreos.com_prometheusrules.yaml',
    ],
  },
  {
    module: 'envoy-gateway',
    group: 'gateway.envoyproxy.io',
    version: 'v1alpha1',
    files: [
      'envoy-gateway/gateway.envoyproxy.io_backendtrafficpolicies.yaml',
      'envoy-gateway/gateway.envoyproxy.io_clienttrafficpolicies.yaml',
      // not envoyproxies: its 1.4 MB CRD made 37k lines of binding; constructs/ingress/private/envoy-proxy.ts types the fields we set
      'envoy-gateway/gateway.envoyproxy.io_securitypolicies.yaml',
    ],
  },
  {
    module: 'envoy-ai-gateway',
    group: 'aigateway.envoyproxy.io',
    version: 'v1beta1',
    files: ['envoy-ai-gateway/aigateway.envoyproxy.io_aigatewayroutes.yaml', 'envoy-ai-gateway/aigateway.envoyproxy.io_mcproutes.yaml'],
  },
  {
    module: 'cert-manager',
    group: 'cert-manager.io',
    version: 'v1',
    // a ClusterIssuer is only referenced by kind, never created: its CRD (8k lines of binding) is not imported
    files: ['cert-manager/cert-manager.io_certificates.yaml', 'cert-manager/cert-manager.io_issuers.yaml'],
  },
  {
    module: 'kuadrant',
    group: 'kuadrant.io',
    version: 'v1',
    files: ['kuadrant/kuadrant.io_authpolicies.yaml', 'kuadrant/kuadrant.io_ratelimitpolicies.yaml', 'kuadrant/kuadrant.io_tlspolicies.yaml'],
  },
  {
    // TokenRateLimitPolicy serves only v1alpha1 in Kuadrant v1.5.2: a module of its own (one version per module)
    module: 'kuadrant-v1alpha1',
    group: 'kuadrant.io',
    version: 'v1alpha1',
    files: ['kuadrant/kuadrant.io_tokenratelimitpolicies.yaml'],
  },
  { module: 'amd-gpu-operator', group: 'amd.com', version: 'v1alpha1', files: ['amd-gpu-operator/amd.com_deviceconfigs.yaml'], vendored: true }, // ROCm/gpu-operator v1.5.1 config/crd/bases
];

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'generated', 'k8s');

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

function trimmed(file: string, group: string, version: string): string {
  const crd = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (crd.kind !== 'CustomResourceDefinition') throw new Error(`${file}: not a CRD`);
  if (crd.spec.group !== group) throw new Error(`${file}: group ${crd.spec.group}, expected ${group}`);
  const keep = (crd.spec.versions as any[]).filter((v) => v.name === version);
  if (keep.length !== 1) throw new Error(`${file}: no version ${version}`);
  if (!keep[0].served) throw new Error(`${file}: version ${version} is not served`);
  crd.spec.versions = keep.map((v) => ({ ...v, storage: true }));
  return YAML.stringify(crd);
}

function main() {
  const crdsDir = path.resolve(arg('crds', path.join(root, '..', 'shared', 'crds')));
  if (!fs.existsSync(crdsDir)) throw new Error(`CRD folder not found: ${crdsDir} (pass --crds DIR)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-'));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
  for (const m of CRD_MODULES) {
    const dir = m.vendored ? path.join(root, 'crds') : crdsDir;
    const docs = m.files.map((f) => trimmed(path.join(dir, f), m.group, m.version));
    const input = path.join(tmp, `${m.module}.yaml`);
    fs.writeFileSync(input, docs.join('---\n'));
    execFileSync(cli, ['import', `${m.module}:=${input}`, '--output', outDir, '--language', 'typescript', '--no-check-upgrade'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: tmp,
    });
    // cdk8s names the file <module>-<group>.ts; keep the short module name
    const written = path.join(outDir, `${m.module}-${m.group}.ts`);
    const target = path.join(outDir, `${m.module}.ts`);
    fs.renameSync(written, target);
    const lines = fs.readFileSync(target, 'utf8').split('\n').length;
    console.error(`${m.group}/${m.version}: ${m.files.length} CRD(s) -> generated/k8s/${m.module}.ts (${lines} lines)`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(
    path.join(outDir, 'README.md'),
    '# Generated CRD bindings\n\n' +
      'Generated by `npx projen bindings:k8s` (`cdk8s import`, one module per API group, one version per kind). ' +
      'Do not edit by hand; change `scripts/gen-crd-bindings.ts` and regenerate.\n\n' +
      '| module | group | version | kinds from |\n|---|---|---|---|\n' +
      CRD_MODULES.map((m) => `| ${m.module} | ${m.group} | ${m.version} | ${m.files.map((f) => path.basename(f)).join(', ')} |`).join('\n') +
      '\n',
  );
}

main();
