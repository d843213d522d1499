import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App as K8sApp, Chart } from 'cdk8s';
import { Annotations, App } from 'cdktf';
import { Construct } from 'constructs';
import { warn } from '../../../constructs/common/warnings';
import { BlockstorageVolumeV3 } from '../../../generated/terraform/openstack/blockstorage-volume-v3';
import { FactoryStack } from '../../../stacks/factory-stack';
import { ServingChart } from '../../../stacks/serving-chart';
import { stdoutOf } from '../../util';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'warnings-'));
}

describe('warnings reach the console during synth', () => {
  const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
  });

  test('a cdk8s-side construct in a ServingChart that warns through cdktf Annotations is printed on App.synth()', () => {
    const app = new K8sApp({ outdir: tmp() });
    const chart = new ServingChart(app, 'llm', { namespaceName: 'llm' });
    const server = new Construct(chart, 'Server');
    Annotations.of(server).addWarning('GPU offer nvidia.com/gpu.shared is shared');
    expect(stdoutOf(() => app.synth())).toEqual(['WARN [llm/Server]: GPU offer nvidia.com/gpu.shared is shared']);
  });

  test('warn() in a plain cdk8s Chart is printed once, although cdk8s validates once per chart and once per app', () => {
    const app = new K8sApp({ outdir: tmp() });
    const a = new Chart(app, 'a');
    new Chart(app, 'b');
    warn(new Construct(a, 'Namespace'), 'IPoIB attachments share the default partition');
    expect(stdoutOf(() => app.synth())).toEqual(['WARN [a/Namespace]: IPoIB attachments share the default partition']);
  });

  test('a FactoryStack prints its warnings when the app synthesizes without the cdktf CLI', () => {
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    const app = new App({ outdir: tmp(), stackTraces: false });
    const stack = new FactoryStack(app, 'site', { dataSafetyChecks: false });
    const v = new BlockstorageVolumeV3(stack, 'V', { size: 1 });
    Annotations.of(v).addWarning('volume without a type');
    expect(stdoutOf(() => app.synth())).toEqual(['WARN [site/V]: volume without a type']);
  });

  test('under the cdktf CLI the stack leaves printing to the CLI (it prints the manifest annotations)', () => {
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    const app = new App({ outdir: tmp(), stackTraces: false });
    const stack = new FactoryStack(app, 'site', { dataSafetyChecks: false });
    warn(new BlockstorageVolumeV3(stack, 'V', { size: 1 }), 'volume without a type');
    expect(stdoutOf(() => app.synth())).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.site.annotations).toEqual([
      expect.objectContaining({ constructPath: 'site/V', level: '@cdktf/warn', message: 'volume without a type' }),
    ]);
  });

  test('a warning added by a validation is printed too', () => {
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    const app = new App({ outdir: tmp(), stackTraces: false });
    const stack = new FactoryStack(app, 'site', { dataSafetyChecks: false });
    const v = new BlockstorageVolumeV3(stack, 'V', { size: 1 });
    warn(v, 'first');
    v.node.addValidation({ validate: () => { Annotations.of(v).addWarning('from a validation'); return []; } });
    expect(stdoutOf(() => app.synth())).toEqual(['WARN [site/V]: first', 'WARN [site/V]: from a validation']);
  });
});
