import { parseYamlDocuments, synthExample } from '../util';

describe('examples/quickstart', () => {
  const files = synthExample('quickstart');

  test('writes one Terraform stack and one Kubernetes file', () => {
    expect(Object.keys(files).sort()).toEqual(['cdktf.out/stacks/quickstart/cdk.tf.json', 'dist/quickstart-serving.k8s.yaml']);
  });

  test('Terraform JSON snapshot', () => {
    expect(JSON.parse(files['cdktf.out/stacks/quickstart/cdk.tf.json'])).toMatchSnapshot();
  });

  test('Kubernetes YAML snapshot', () => {
    expect(parseYamlDocuments(files['dist/quickstart-serving.k8s.yaml'])).toMatchSnapshot();
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|home|tmp|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('quickstart')).toEqual(files);
  });
});
