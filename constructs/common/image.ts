import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalid } from './validation';

/*
 * Container image references, by the grammar of distribution/reference `regexp.go` (the parser containerd and the
 * kubelet's image pullers use): `[domain[:port]/]path[:tag][@digest]`, path components lower-case, a tag of at most
 * 128 word characters, dots and dashes, a repository name of at most 255 characters.
 */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(
  `^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)` + // name
  '(?::([\\w][\\w.-]{0,127}))?' + // tag
  '(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$', // digest
);

/**
 * What is wrong with a container image reference, or undefined when it is well-formed and pinned: a tag other than
 * `latest`, or a digest. An image without a tag means `:latest` (https://kubernetes.io/docs/concepts/containers/images/#image-names),
 * which makes the kubelet pull whatever was pushed last, so two pods of one spec can run different code.
 */
export function imageProblem(image: string): string | undefined {
  if (image.length === 0) return 'is empty';
  const m = REFERENCE.exec(image);
  if (!m) {
    const lowered = lowerPath(image);
    return lowered !== image && REFERENCE.test(lowered)
      ? 'has upper-case letters in its repository path (only the registry host may have them)'
      : 'is not an image reference ([registry[:port]/]path[:tag][@sha256:digest], a lower-case path, no spaces)';
  }
  if (m[1].length > 255) return 'has a repository name longer than 255 characters';
  if (m[3] !== undefined) return undefined;
  if (m[2] === undefined) return 'has no tag, which means :latest';
  if (m[2] === 'latest') return 'uses the tag latest';
  return undefined;
}

/** The reference with its repository path (not the registry host, tag or digest) in lower case. */
function lowerPath(image: string): string {
  const [first, ...rest] = image.split('/');
  const host = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost') ? `${first}/` : '';
  const path = host ? rest.join('/') : image;
  const end = path.search(/[:@]/);
  return end < 0 ? host + path.toLowerCase() : host + path.slice(0, end).toLowerCase() + path.slice(end);
}

/** Refuses a malformed or unpinned container image reference with the construct path; tokens pass unchecked. */
export function checkImage(scope: IConstruct, prop: string, image: string): void {
  if (Token.isUnresolved(image)) return;
  const problem = imageProblem(image);
  if (problem) {
    invalid(scope, `${prop} ${JSON.stringify(image)} ${problem}; give a pinned reference such as vllm/vllm-openai:v0.21.0 ` +
      'or registry.example.net/team/image@sha256:<digest>');
  }
}
