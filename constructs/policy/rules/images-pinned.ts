import { imageProblem } from '../../common/image';
import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';
import { containersOf, podSpecsOf } from './pod-specs';

/**
 * Every container image names a tag or a digest, and the tag is not `latest`. An image reference without a tag means
 * `:latest` (https://kubernetes.io/docs/concepts/containers/images/#image-names), and `:latest` makes the kubelet pull
 * whatever was pushed last (`imagePullPolicy: Always`), so two nodes can run different code under the same spec.
 */
export class ImagesPinned extends PolicyRule {
  public readonly id = 'AIF-K8S-001';
  public readonly rationale = 'an unpinned image changes under a running factory: a rollout or a rescheduled pod pulls different code than was tested';
  public readonly fix = 'pin the image by tag (vllm/vllm-openai:v0.12.0) or by digest (@sha256:...)';
  public readonly level = PolicyLevel.ERROR;

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform !== PolicyPlatform.KUBERNETES) return [];
    const problems: string[] = [];
    for (const pod of podSpecsOf(subject.body)) {
      for (const { container } of containersOf(pod.spec)) {
        const problem = imageProblem(String(container.image ?? ''));
        if (problem) problems.push(`container ${container.name} (${pod.at}) image ${JSON.stringify(container.image)} ${problem}`);
      }
    }
    return problems;
  }
}
