import { Testing, TerraformStack } from 'cdktf';
import { checkImage, imageProblem } from '../../../constructs/common/image';

describe('imageProblem', () => {
  test.each([
    'vllm/vllm-openai:v0.21.0',
    'nvcr.io/nvidia/gpu-operator:v26.7.0',
    'registry.example.net:5000/team/embed:1',
    'localhost/embed:dev-1',
    'ghcr.io/llm-d/llm-d-inference-scheduler:v0.9.0',
    `registry.example.net/team/image@sha256:${'a'.repeat(64)}`,
    `vllm/vllm-openai:v0.21.0@sha256:${'0'.repeat(64)}`,
    'Registry.Example.NET/team/embed:1',
  ])('%s is pinned and well-formed', (image) => {
    expect(imageProblem(image)).toBeUndefined();
  });

  test.each([
    ['', 'is empty'],
    ['vllm/vllm-openai', 'has no tag, which means :latest'],
    ['vllm/vllm-openai:latest', 'uses the tag latest'],
    ['vllm/VLLM-openai:v1', 'has upper-case letters in its repository path (only the registry host may have them)'],
    ['a b', 'is not an image reference ([registry[:port]/]path[:tag][@sha256:digest], a lower-case path, no spaces)'],
    ['vllm/vllm-openai:', 'is not an image reference ([registry[:port]/]path[:tag][@sha256:digest], a lower-case path, no spaces)'],
    ['vllm/vllm-openai@sha256:abc', 'is not an image reference ([registry[:port]/]path[:tag][@sha256:digest], a lower-case path, no spaces)'],
    [`x/${'a'.repeat(254)}:1`, 'has a repository name longer than 255 characters'],
  ])('%j %s', (image, problem) => {
    expect(imageProblem(image)).toBe(problem);
  });
});

describe('checkImage', () => {
  test('fails with the construct path, the value, the rule and the fix', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => checkImage(stack, 'image', 'vllm/vllm-openai:latest')).toThrow(
      'test: image "vllm/vllm-openai:latest" uses the tag latest; give a pinned reference such as vllm/vllm-openai:v0.21.0 ' +
      'or registry.example.net/team/image@sha256:<digest>');
  });
});
