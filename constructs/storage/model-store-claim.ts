import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IModelStore, ModelStoreKind } from './model-store';
import { DataProtection, Stateful } from '../common/stateful';
import { invalid } from '../common/validation';

/** Props of {@link ModelStoreClaim}. */
export interface ModelStoreClaimProps {
  /** A shared-file-system model store. */
  readonly store: IModelStore;
  /**
   * Whether the PVC (and PV) may be pruned by GitOps tools.
   * @default DataProtection.retain()
   */
  readonly protection?: DataProtection;
}

/**
 * The PersistentVolumeClaim a workload mounts a shared-file-system model store through (in a cdk8s chart):
 * `ReadOnlyMany` for read-only stores, bound to the store's pre-provisioned PV by `volumeName` with an empty
 * storage class, so nothing is provisioned dynamically. Every value is known at synth time, so the YAML suits
 * GitOps. Pods mount `claimName`, read-only when the store is.
 *
 * The PersistentVolume it binds to carries the share's ids, which exist only after apply: take it from the Terraform
 * output `store.fileSystem.persistentVolumeOutputName` (GitOps), or let `ClusterManifests.addModelStore()` apply it
 * from the Terraform side (one `cdktf deploy`).
 */
export class ModelStoreClaim extends Construct {
  /** Name of the PVC. */
  public readonly claimName: string;
  /** Name of the PV it binds to. */
  public readonly persistentVolumeName: string;
  /** Whether pods should mount it read-only. */
  public readonly readOnly: boolean;

  constructor(scope: Construct, id: string, props: ModelStoreClaimProps) {
    super(scope, id);
    const store = props.store;
    const fs = store.fileSystem;
    if (store.storeKind !== ModelStoreKind.SHARED_FILE_SYSTEM || fs === undefined) {
      invalid(this, `model store ${store.storeName} is an ${store.storeKind}; a claim mounts a shared file system, fetch a bucket over S3 with store.objectBucket`);
    }
    this.claimName = fs.claimName;
    this.persistentVolumeName = fs.persistentVolumeName;
    this.readOnly = store.readOnly;
    const accessMode = store.readOnly ? 'ReadOnlyMany' : 'ReadWriteMany';
    const claim = new k8s.KubePersistentVolumeClaim(this, 'Resource', {
      metadata: { name: fs.claimName, labels: { 'ai-factory.dev/model-store': store.storeName } },
      spec: {
        accessModes: [accessMode],
        storageClassName: '',
        volumeMode: 'Filesystem',
        volumeName: fs.persistentVolumeName,
        resources: { requests: { storage: k8s.Quantity.fromString(`${store.capacityGb}Gi`) } },
      },
    });
    Stateful.protectKubernetesObject(claim, props.protection);
  }
}
