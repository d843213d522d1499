import { BucketModelStore, IModelStore, ModelStoreKind, ShareModelStore } from '../../../constructs/storage/model-store';
import { ModelStoreClaim } from '../../../constructs/storage/model-store-claim';
import { Share } from '../../../constructs/storage/share';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { ShareType } from '../../../lib/storage/share-type';
import { objectsOf, onlyObject, onlyResource, synthChart, synthStack, testChart, testStack } from '../../util';
import { synthValidated, tenant } from '../identity/fixtures';

const cephfs = ShareType.cephfsNative();
const nfs = ShareType.cephfsNfs();
const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', s3Region: 'eu-1' });

function site() {
  const stack = testStack();
  new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [cephfs, nfs] });
  const t = tenant(stack, 'T', 'inference');
  t.addNetwork('Net', { cidr: '10.50.0.0/24' });
  return { stack, t };
}

describe('ShareModelStore', () => {
  test('a read-only CephFS store: protected share, ro cephx rule, and what Manila CSI needs', () => {
    const { stack, t } = site();
    const store = new ShareModelStore(stack, 'Llama70b', { tenant: t, storeName: 'llama-3-1-70b', shareType: cephfs, sizeGb: 160 });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_v2')).toMatchObject({
      name: 'inference-llama-3-1-70b', size: 160, share_proto: 'CEPHFS', metadata: { purpose: 'model-store' }, lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({ access_type: 'cephx', access_to: 'inference-llama-3-1-70b', access_level: 'ro' });
    expect(store.storeKind).toBe(ModelStoreKind.SHARED_FILE_SYSTEM);
    expect(store.readOnly).toBe(true);
    expect((store as IModelStore).objectBucket).toBeUndefined();
    expect(store.fileSystem).toMatchObject({
      csiDriverName: 'cephfs.manila.csi.openstack.org',
      shareProtocol: 'CEPHFS',
      shareName: 'inference-llama-3-1-70b',
      persistentVolumeName: 'inference-llama-3-1-70b',
      claimName: 'llama-3-1-70b',
      csiSecret: { secretName: 'manila-csi-inference', namespaceName: 'kube-system' },
      persistentVolumeOutputName: 'model_store_llama_3_1_70b_pv',
    });
    // the PV is rendered by Terraform, where the share and access-rule ids resolve
    const pv: string = tf.output.model_store_llama_3_1_70b_pv.value;
    expect(pv).toMatch(/^\$\{yamlencode\(\{"apiVersion" = "v1", "kind" = "PersistentVolume"/);
    expect(pv).toContain('"shareID" = openstack_sharedfilesystem_share_v2.Llama70b_Share_');
    // shareAccessID is deprecated since cloud-provider-openstack v1.35.0 (pkg/csi/manila/options/shareoptions.go)
    expect(pv).not.toContain('"shareAccessID" =');
    expect(pv).toContain('"shareAccessIDs" = openstack_sharedfilesystem_share_access_v2.Llama70b_Share_Access-cephx-inference-llama-3-1-70b_');
    expect(pv).toContain('"persistentVolumeReclaimPolicy" = "Retain"');
    expect(pv).toContain('"accessModes" = ["ReadOnlyMany"]');
  });

  test('fromShare: a store on an existing share adds only the access rule and the PV output', () => {
    const { stack, t } = site();
    const share = Share.fromShareName(stack, 'Staged', { shareName: 'inference-weights', tenant: t, shareType: cephfs, sizeGb: 800 });
    const store = ShareModelStore.fromShare(stack, 'Weights', { share, storeName: 'weights' });
    const tf = synthValidated(stack);
    expect(tf.resource.openstack_sharedfilesystem_share_v2).toBeUndefined();
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({ access_type: 'cephx', access_to: 'inference-weights', access_level: 'ro' });
    expect([store.storeKind, store.readOnly, store.capacityGb]).toEqual([ModelStoreKind.SHARED_FILE_SYSTEM, true, 800]);
    expect(store.fileSystem).toMatchObject({ shareName: 'inference-weights', claimName: 'weights', persistentVolumeName: 'inference-weights', persistentVolumeOutputName: 'model_store_weights_pv' });
    const pv: string = tf.output.model_store_weights_pv.value;
    expect(pv).toContain('"shareID" = data.openstack_sharedfilesystem_share_v2.');
    expect(pv).toContain('"storage" = "800Gi"');
    // the claim renders from synth-time values, as for a new store
    const chart = testChart();
    new ModelStoreClaim(chart, 'Claim', { store });
    expect(onlyObject(synthChart(chart), 'PersistentVolumeClaim').spec).toMatchObject({ volumeName: 'inference-weights', accessModes: ['ReadOnlyMany'] });
  });

  test('fails when fromShare gets an invalid store name or a client of the other protocol', () => {
    const { stack, t } = site();
    const share = Share.fromShareName(stack, 'Staged', { shareName: 'inference-weights', tenant: t, shareType: cephfs, sizeGb: 800 });
    expect(() => ShareModelStore.fromShare(stack, 'A', { share, storeName: 'Weights' })).toThrow(
      'test/A: storeName "Weights" must be a DNS label (lower-case letters, digits, dashes; 63 at most)',
    );
    expect(() => ShareModelStore.fromShare(stack, 'B', { share, storeName: 'weights', clientNetwork: t.networks[0] })).toThrow(
      'test/B: clientNetwork is for NFS stores; a CephFS store names its client with clientCephxId',
    );
  });

  test('an NFS store grants the cluster network and pre-binds the PV to its claim', () => {
    const { stack, t } = site();
    const store = new ShareModelStore(stack, 'Weights', {
      tenant: t, storeName: 'weights', shareType: nfs, sizeGb: 500, readOnly: false, claimNamespace: 'llm', csiSecret: { secretName: 'csi-manila', namespaceName: 'manila' },
    });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({ access_type: 'ip', access_to: '10.50.0.0/24', access_level: 'rw' });
    expect(store.fileSystem!.csiDriverName).toBe('nfs.manila.csi.openstack.org');
    expect(tf.output.model_store_weights_pv.value).toContain('"claimRef" = {"namespace" = "llm", "name" = "weights"}');
    expect(tf.output.model_store_weights_pv.value).toContain('"accessModes" = ["ReadWriteMany"]');
  });

  test('fails when the store name is not a DNS label', () => {
    const { stack, t } = site();
    expect(() => new ShareModelStore(stack, 'W', { tenant: t, storeName: 'Llama_70B', shareType: cephfs, sizeGb: 10 })).toThrow(
      'test/W: storeName "Llama_70B" must be a DNS label (lower-case letters, digits, dashes; 63 at most)',
    );
  });

  test('fails when an NFS client network is given to a CephFS store', () => {
    const { stack, t } = site();
    expect(() => new ShareModelStore(stack, 'W', { tenant: t, storeName: 'w', shareType: cephfs, sizeGb: 10, clientNetwork: t.networks[0] })).toThrow(
      'test/W: clientNetwork is for NFS stores; a CephFS store names its client with clientCephxId',
    );
  });
});

describe('BucketModelStore', () => {
  test('a read-only bucket store: protected bucket, EC2 credential of a reader, and the Secret manifest as a sensitive output', () => {
    const { stack, t } = site();
    const store = new BucketModelStore(stack, 'Mistral', { tenant: t, storeName: 'mistral-7b', service: rgw, capacityGb: 15, credentialUserName: 'inference-reader' });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_objectstorage_container_v1')).toMatchObject({ name: 'inference-mistral-7b', lifecycle: { prevent_destroy: true }, force_destroy: false });
    const cred = onlyResource(tf, 'openstack_identity_ec2_credential_v3');
    expect(cred.user_id).toBe('${data.openstack_identity_user_v3.IdentityUser-default-inference-reader.id}');
    expect(cred.depends_on).toEqual([expect.stringMatching(/^openstack_identity_role_assignment_v3\.T_Members_User-default-inference-reader-reader_/)]);
    expect(store.storeKind).toBe(ModelStoreKind.OBJECT_BUCKET);
    expect(store.objectBucket).toMatchObject({
      endpointUrl: 'https://rgw.example.net',
      region: 'eu-1',
      bucketName: 'inference-mistral-7b',
      credentialsSecret: { secretName: 'mistral-7b-s3' },
      accessKeyIdKey: 'AWS_ACCESS_KEY_ID',
      secretAccessKeyKey: 'AWS_SECRET_ACCESS_KEY',
      secretOutputName: 'model_store_mistral_7b_secret',
    });
    const out = tf.output.model_store_mistral_7b_secret;
    expect(out.sensitive).toBe(true);
    expect(out.value).toContain('"AWS_SECRET_ACCESS_KEY" = openstack_identity_ec2_credential_v3.Mistral_Credential_');
  });

  test('fails when the object storage has no S3 endpoint', () => {
    const { stack, t } = site();
    expect(() => new BucketModelStore(stack, 'M', { tenant: t, storeName: 'm', service: ObjectStorageService.swift(), capacityGb: 1, credentialUserName: 'r' })).toThrow(
      'test/M: the site\'s OpenStack Swift has no S3 endpoint; declare s3EndpointUrl in ObjectStorageService for a bucket model store',
    );
  });
});

describe('ModelStoreClaim', () => {
  test('GitOps: only the PVC, with synth-time values, bound to the store\'s PV', () => {
    const { stack, t } = site();
    const store = new ShareModelStore(stack, 'Llama70b', { tenant: t, storeName: 'llama-3-1-70b', shareType: cephfs, sizeGb: 160 });
    const chart = testChart('llm');
    const claim = new ModelStoreClaim(chart, 'Weights', { store });
    const manifests = synthChart(chart);
    expect(objectsOf(manifests, 'PersistentVolume')).toEqual([]);
    const pvc = onlyObject(manifests, 'PersistentVolumeClaim');
    expect(pvc.metadata).toMatchObject({ name: 'llama-3-1-70b', namespace: 'llm', annotations: { 'ai-factory.dev/data-protection': 'retain' } });
    expect(pvc.spec).toEqual({
      accessModes: ['ReadOnlyMany'],
      storageClassName: '',
      volumeMode: 'Filesystem',
      volumeName: 'inference-llama-3-1-70b',
      resources: { requests: { storage: '160Gi' } },
    });
    expect(JSON.stringify(manifests)).not.toContain('TfToken');
    expect([claim.claimName, claim.readOnly]).toEqual(['llama-3-1-70b', true]);
  });

  test('fails when the store is a bucket', () => {
    const { stack, t } = site();
    const store = new BucketModelStore(stack, 'M', { tenant: t, storeName: 'm', service: rgw, capacityGb: 1, credentialUserName: 'r' });
    expect(() => new ModelStoreClaim(testChart(), 'W', { store })).toThrow(
      'test/W: model store m is an object-bucket; a claim mounts a shared file system, fetch a bucket over S3 with store.objectBucket',
    );
  });
});
