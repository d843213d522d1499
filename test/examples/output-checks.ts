import { parseYamlDocuments, synthExample } from '../util';

/**
 * The checks every example's output gets, inside its `describe`: a snapshot of each Terraform JSON and Kubernetes
 * YAML file, no path of the machine that synthesized it, no timestamp, and a second synthesis byte-identical to the first.
 */
export function outputChecks(name: string, files: { [file: string]: string }): void {
  test('Terraform JSON snapshots', () => {
    for (const [file, content] of Object.entries(files).filter(([f]) => f.endsWith('.json'))) expect(JSON.parse(content)).toMatchSnapshot(file);
  });

  test('Kubernetes YAML snapshots', () => {
    for (const [file, content] of Object.entries(files).filter(([f]) => f.endsWith('.yaml'))) expect(parseYamlDocuments(content)).toMatchSnapshot(file);
  });

  test('deterministic and free of absolute paths of the machine that synthesized it', () => {
    for (const content of Object.values(files)) {
      // (a /tmp inside a container, e.g. a job's scratch file, is the pod's, not ours)
      expect(content).not.toMatch(/\/(work|home|Users)\//);
      expect(content).not.toContain(`example-${name}-`); // the synthesis' temporary outdir
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    expect(synthExample(name)).toEqual(files);
  });
}
