#!/usr/bin/env python3
"""Writes lib/hardware/nova-extra-spec-validators.ts from Nova's own extra-spec validators.

Nova (API microversion 2.86 and later) checks every flavor extra spec against the validators that the modules of
`nova/api/validation/extra_specs/` register (entry points `nova.api.extra_spec_validators` in Nova's pyproject.toml,
loaded in that order by `validators.py`). This script loads those modules as Nova does, with the two data packages
they read (os-traits, os-resource-classes) and stand-ins for the three enums of `nova/objects/fields.py` they use,
and writes the registry as a TypeScript table. Run it against the checkouts of the tags named in SOURCES:

  python3 scripts/gen-nova-extra-specs.py <dir with nova/, os_traits/, os_resource_classes/>
  (e.g. `git -C nova archive 33.0.2 nova/api/validation/extra_specs nova/objects/fields.py | tar x -C <dir>`, and the
  same for os-traits 3.9.0 `os_traits` and os-resource-classes 1.1.0 `os_resource_classes`)
"""
import ast
import importlib
import json
import os
import re
import sys
import types

SOURCES = 'openstack/nova 33.0.2, openstack/os-traits 3.9.0, openstack/os-resource-classes 1.1.0'
MODULES = ['accel', 'aggregate_instance_extra_specs', 'capabilities', 'hw', 'hw_rng', 'hw_video', 'null', 'os',
           'pci_passthrough', 'quota', 'resources', 'traits', 'vmware']  # Nova's pyproject.toml entry-point order

root = sys.argv[1]
sys.path.insert(0, root)

# stand-ins for the imports the validator modules make besides each other
pbr = types.ModuleType('pbr'); pbr.version = types.ModuleType('pbr.version')
sys.modules['pbr'] = pbr; sys.modules['pbr.version'] = pbr.version
oslo_utils = types.ModuleType('oslo_utils'); oslo_utils.strutils = types.ModuleType('oslo_utils.strutils')
sys.modules['oslo_utils'] = oslo_utils; sys.modules['oslo_utils.strutils'] = oslo_utils.strutils
exception = types.ModuleType('nova.exception'); exception.ValidationError = type('ValidationError', (Exception,), {})
sys.modules['nova.exception'] = exception
nova = types.ModuleType('nova'); nova.__path__ = [os.path.join(root, 'nova')]; nova.exception = exception
sys.modules['nova'] = nova
# the enums of nova/objects/fields.py the validators use, read from that file (it imports half of Nova)
fields = types.ModuleType('nova.objects.fields')
tree = ast.parse(open(os.path.join(root, 'nova/objects/fields.py')).read())
for node in tree.body:
    if isinstance(node, ast.ClassDef) and node.name in ('SoundModelType', 'USBControllerModelType',
                                                         'BlockDeviceEncryptionFormatType'):
        env = {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                exec(compile(ast.Module([stmt], []), 'fields.py', 'exec'), {}, env)
        setattr(fields, node.name, type(node.name, (), env))
objects = types.ModuleType('nova.objects'); objects.fields = fields
sys.modules['nova.objects'] = objects; sys.modules['nova.objects.fields'] = fields

VALIDATORS = {}
for name in MODULES:
    module = importlib.import_module(f'nova.api.validation.extra_specs.{name}')
    for v in module.register():
        VALIDATORS[v.name] = v

GROUP = r'([a-zA-Z0-9_-]{1,64})?'


def js_regex(python_regex):
    # named groups are the only Python-only syntax the validators use
    return re.sub(r'\(\?P<[a-z_]+>', '(', python_regex)


def q(text):
    # a TypeScript string literal in single quotes, as the project's lint wants
    return "'" + text.replace('\\', '\\\\').replace("'", "\\'") + "'"


def value_of(v):
    t = v.value['type']
    out = {'type': {int: 'int', bool: 'bool', str: 'str'}[t]}
    for k in ('min', 'max'):
        if k in v.value:
            out[k] = v.value[k]
    if t == str and 'pattern' in v.value:
        out['pattern'] = js_regex(v.value['pattern'])
    elif t == str and 'enum' in v.value:
        out['enum'] = [str(x) for x in v.value['enum']]
    return out


# the standard resource classes and traits register one validator each; fold each family into one alternation,
# kept at the position of its first member so the first-match order of validators.py is unchanged
rows, folded = [], {}
for v in VALIDATORS.values():
    m = re.fullmatch(r'(resources|trait)\{group\}:([A-Z0-9_]+)', v.name)
    if m and m.group(2) != 'CUSTOM_{resource}' and m.group(2) != 'CUSTOM_{trait}':
        family = m.group(1)
        if family not in folded:
            folded[family] = {'names': [], 'value': value_of(v), 'deprecated': False}
            rows.append(('folded', family))
        folded[family]['names'].append(m.group(2))
        continue
    rows.append(('one', v))

out = []
for kind, item in rows:
    if kind == 'folded':
        f = folded[item]
        out.append({'name': f'{item}{{group}}:<standard {"resource class" if item == "resources" else "trait"}>',
                    'nameRegex': f'{item}{GROUP}:({"|".join(sorted(f["names"]))})', 'value': f['value']})
    else:
        row = {'name': item.name, 'nameRegex': js_regex(item.name_regex), 'value': value_of(item)}
        if item.deprecated:
            row['deprecated'] = True
        out.append(row)

namespaces = sorted({js_regex(v.name_regex).split(':', 1)[0] for v in VALIDATORS.values() if ':' in v.name_regex})

ts = f"""// Generated by scripts/gen-nova-extra-specs.py from {SOURCES}: do not edit by hand.
// Nova's flavor extra-spec validators (nova/api/validation/extra_specs/*.py), in the order validators.py loads them.

/** One of Nova's extra-spec validators: the key's pattern and what its value must be. */
export interface NovaExtraSpecRule {{
  /** The key as Nova documents it, e.g. `hw:numa_cpus.{{num}}`. */
  readonly name: string;
  /** The key as a regular expression (matched whole). */
  readonly nameRegex: string;
  /** The value's type: `int`, `bool` or `str`. */
  readonly valueType: string;
  /** @default - no lower bound */
  readonly min?: number;
  /** @default - no upper bound */
  readonly max?: number;
  /** @default - any string */
  readonly pattern?: string;
  /** @default - any string */
  readonly allowed?: string[];
  /** @default false */
  readonly deprecated?: boolean;
}}

/** The validators, in the order Nova tries them. */
export const NOVA_EXTRA_SPEC_RULES: NovaExtraSpecRule[] = [
"""
for r in out:
    v = r['value']
    fields_ = [f"name: {q(r['name'])}", f"nameRegex: {q(r['nameRegex'])}", f"valueType: '{v['type']}'"]
    for k in ('min', 'max'):
        if k in v:
            fields_.append(f'{k}: {v[k]}')
    if 'pattern' in v:
        fields_.append(f"pattern: {q(v['pattern'])}")
    if 'enum' in v:
        fields_.append('allowed: [' + ', '.join(q(x) for x in v['enum']) + ']')
    if r.get('deprecated'):
        fields_.append('deprecated: true')
    ts += '  { ' + ', '.join(fields_) + ' },\n'
ts += "];\n\n/** The namespaces (key prefixes before `:`) Nova refuses unknown keys in, as regular expressions. */\n"
ts += 'export const NOVA_EXTRA_SPEC_NAMESPACES: string[] = [\n' + ''.join(f'  {q(n)},\n' for n in namespaces) + '];\n'
open(os.path.join(os.path.dirname(__file__), '..', 'lib', 'hardware', 'nova-extra-spec-validators.ts'), 'w').write(ts)
print(f'{len(VALIDATORS)} validators, {len(out)} rows, {len(namespaces)} namespaces')
