import { DataProtection } from '../../../constructs/common/stateful';
import { Volume, VolumePurpose } from '../../../constructs/storage/volume';
import { VolumeQos, VolumeType } from '../../../constructs/storage/volume-type';
import { BlockStorageBackend } from '../../../lib/storage/block-backend';
import { QosConsumer, QosTier } from '../../../lib/storage/qos';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';
import { synthValidated, tenant } from '../identity/fixtures';

const rbd = BlockStorageBackend.cephRbd({ backendName: 'ceph-nvme' });

describe('VolumeType and VolumeQos', () => {
  test('a private multi-attach type on Ceph RBD with a front-end QoS tier, granted to a tenant', () => {
    const stack = testStack();
    const qos = new VolumeQos(stack, 'Gold', { tier: QosTier.of({ name: 'gold', readIopsSec: 40000, writeIopsSec: 20000, totalBytesSec: 4_000_000_000 }) });
    const type = new VolumeType(stack, 'Shared', { volumeTypeName: 'nvme-shared', backend: rbd, qos, multiattach: true, isPublic: false });
    const t = tenant(stack, 'T', 't');
    type.grantAccess(t);
    type.grantAccess(t);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_blockstorage_volume_type_v3')).toEqual({
      name: 'nvme-shared',
      description: 'Ceph RBD backend ceph-nvme, QoS gold, multi-attach',
      is_public: false,
      extra_specs: { multiattach: '<is> True', volume_backend_name: 'ceph-nvme' },
    });
    expect(onlyResource(tf, 'openstack_blockstorage_qos_v3')).toEqual({
      name: 'gold', consumer: 'front-end', specs: { read_iops_sec: '40000', total_bytes_sec: '4000000000', write_iops_sec: '20000' },
    });
    expect(onlyResource(tf, 'openstack_blockstorage_qos_association_v3').qos_id).toMatch(/openstack_blockstorage_qos_v3\.Gold_\w+\.id/);
    expect(onlyResource(tf, 'openstack_blockstorage_volume_type_access_v3').project_id).toMatch(/openstack_identity_project_v3\.T_Project_\w+\.id/);
    expect(type.isAccessibleBy(t)).toBe(true);
  });

  test('fails when multi-attach is asked of a backend without it', () => {
    const backend = BlockStorageBackend.cephRbd({ backendName: 'ceph-hdd', multiattach: false });
    expect(() => new VolumeType(testStack(), 'T', { volumeTypeName: 'hdd', backend, multiattach: true })).toThrow(
      'test/T: multiattach is asked for but backend ceph-hdd (Ceph RBD) does not support multi-attach; use a backend that does, or leave multiattach off',
    );
  });

  test('fails when a back-end QoS tier is put on Ceph RBD', () => {
    const stack = testStack();
    const qos = new VolumeQos(stack, 'Q', { tier: QosTier.of({ name: 'be', totalIopsSec: 100, consumer: QosConsumer.BACK_END }) });
    expect(() => new VolumeType(stack, 'T', { volumeTypeName: 'x', backend: rbd, qos })).toThrow(
      'test/T: QoS tier be has consumer back-end but backend ceph-nvme (Ceph RBD) enforces no back-end QoS; use QosConsumer.FRONT_END so libvirt enforces it',
    );
  });

  test('fails when a QoS tier contradicts its total', () => {
    expect(() => QosTier.of({ name: 'bad', totalBytesSec: 100, writeBytesSec: 80 })).toThrow(/QoS tier bad: total_bytes_sec 100 is combined with write_bytes_sec 80/);
  });

  test('fails when two QoS specs or volume types share a name', () => {
    const stack = testStack();
    const tier = QosTier.of({ name: 'gold', totalIopsSec: 1 });
    new VolumeQos(stack, 'A', { tier });
    expect(() => new VolumeQos(stack, 'B', { tier })).toThrow('test/B: QoS spec name gold is already used by test/A; Cinder QoS spec names are unique, reuse that VolumeQos');
    new VolumeType(stack, 'T1', { volumeTypeName: 'ssd', backend: rbd });
    expect(() => new VolumeType(stack, 'T2', { volumeTypeName: 'ssd', backend: rbd })).toThrow('test/T2: volume type name ssd is already used by test/T1; Cinder volume type names are unique');
  });

  test('fails when extraSpecs repeat the backend', () => {
    expect(() => new VolumeType(testStack(), 'T', { volumeTypeName: 'x', backend: rbd, extraSpecs: { volume_backend_name: 'other' } })).toThrow(
      'test/T: extra spec volume_backend_name is set from the backend; remove it from extraSpecs',
    );
  });
});

describe('Volume', () => {
  test('a checkpoint volume in the tenant\'s project, protected, through the project-scoped provider', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'research');
    const type = new VolumeType(stack, 'Ssd', { volumeTypeName: 'ssd', backend: rbd });
    const v = new Volume(stack, 'Checkpoints', { tenant: t, sizeGb: 2000, volumeType: type, purpose: VolumePurpose.CHECKPOINTS });
    expect(onlyResource(synthValidated(stack), 'openstack_blockstorage_volume_v3')).toEqual({
      name: 'research-checkpoints',
      size: 2000,
      volume_type: 'ssd',
      metadata: { purpose: 'checkpoints' },
      provider: 'openstack.project_research',
      // the project, the scope user's role, the tenant's Cinder quota (never created against the defaults) and the type
      depends_on: [
        expect.stringMatching(/^openstack_identity_project_v3\./),
        expect.stringMatching(/^openstack_identity_role_assignment_v3\./),
        expect.stringMatching(/^openstack_blockstorage_quotaset_v3\.T_Quotas_BlockStorage_/),
        expect.stringMatching(/^openstack_blockstorage_volume_type_v3\.Ssd_/),
      ],
      lifecycle: { prevent_destroy: true },
    });
    expect([v.volumeName, v.sizeGb, v.multiattach]).toEqual(['research-checkpoints', 2000, false]);
  });

  test('a volume of a private type waits for the grant to its project, also when the grant comes later', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't');
    const qos = new VolumeQos(stack, 'Q', { tier: QosTier.of({ name: 'q', totalIopsSec: 100 }) });
    const type = new VolumeType(stack, 'Gold', { volumeTypeName: 'gold', backend: rbd, qos, isPublic: false });
    new Volume(stack, 'V', { tenant: t, sizeGb: 10, volumeType: type });
    type.grantAccess(t);
    const deps: string[] = onlyResource(synthValidated(stack), 'openstack_blockstorage_volume_v3').depends_on;
    expect(deps.slice(3).map((d) => d.split('.')[0])).toEqual([
      'openstack_blockstorage_volume_type_v3', 'openstack_blockstorage_qos_association_v3', 'openstack_blockstorage_volume_type_access_v3',
    ]);
  });

  test('scratch space may be destroyed when the reason is given', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't');
    const type = new VolumeType(stack, 'Ssd', { volumeTypeName: 'ssd', backend: rbd });
    new Volume(stack, 'Scratch', { tenant: t, sizeGb: 100, volumeType: type, purpose: VolumePurpose.SCRATCH, protection: DataProtection.allowDestroy('scratch space, rebuilt by every job') });
    expect(Object.values(resourcesOf(synthStack(stack), 'openstack_blockstorage_volume_v3'))[0]).not.toHaveProperty('lifecycle');
  });

  test('fails when a private volume type is not granted to the tenant', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't');
    const type = new VolumeType(stack, 'Gold', { volumeTypeName: 'gold', backend: rbd, isPublic: false });
    new Volume(stack, 'V', { tenant: t, sizeGb: 10, volumeType: type });
    expect(() => synthValidated(stack)).toThrow('[test/V] volume type gold is private and not granted to project t; call grantAccess(tenant) on test/Gold');
  });

  test('fails when the size is not a positive integer', () => {
    const stack = testStack();
    const type = new VolumeType(stack, 'Ssd', { volumeTypeName: 'ssd', backend: rbd });
    expect(() => new Volume(stack, 'V', { tenant: tenant(stack, 'T', 't'), sizeGb: 0.5, volumeType: type })).toThrow('test/V: sizeGb 0.5 must be a whole number of GB from 1 to 2147483647 (the largest volume Cinder accepts)');
  });
});
