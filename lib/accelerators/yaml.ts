/**
 * A small YAML writer for the configuration files the GPU stack reads from ConfigMaps (mig-parted, the device
 * plugin): maps, lists, strings, numbers and booleans. Strings and keys that are not plain words are double-quoted
 * (JSON escaping is valid YAML), so the output parses back to the same value. Not part of the jsii API.
 */
export function toYaml(value: unknown): string {
  return render(value, 0).join('\n') + '\n';
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  throw new Error(`toYaml: unsupported value ${String(value)}`);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function render(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (isCollection(item) && !Array.isArray(item) && Object.keys(item).length > 0) {
        const [first, ...rest] = render(item, indent + 2);
        return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
      }
      if (Array.isArray(item) && item.length > 0) return [`${pad}-`, ...render(item, indent + 2)];
      return [`${pad}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`];
    });
  }
  if (isCollection(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, v]) => {
      const key = scalar(k);
      if (Array.isArray(v)) {
        // lists of scalars inline, e.g. `devices: [0, 1, 2, 3]`
        if (v.every((x) => !isCollection(x))) return [`${pad}${key}: [${v.map(scalar).join(', ')}]`];
        return [`${pad}${key}:`, ...render(v, indent)];
      }
      if (isCollection(v) && Object.keys(v).length > 0) return [`${pad}${key}:`, ...render(v, indent + 2)];
      return [`${pad}${key}: ${isCollection(v) ? '{}' : scalar(v)}`];
    });
  }
  return [`${pad}${scalar(value)}`];
}
