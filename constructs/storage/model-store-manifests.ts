import type { IModelStore, ModelStoreObjectBucket } from './model-store';

/**
 * Kubernetes manifests of model stores as plain objects, rendered either by Terraform (`yamlencode`, where the
 * share and access ids resolve after apply) or by cdk8s. Internal: not part of the jsii API.
 */

/** The annotations GitOps tools honour to keep an object (see Stateful.protectKubernetesObject). */
export const RETAIN_ANNOTATIONS: { [key: string]: string } = {
  'ai-factory.dev/data-protection': 'retain',
  'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false',
  'kustomize.toolkit.fluxcd.io/prune': 'disabled',
  'helm.sh/resource-policy': 'keep',
};

/**
 * The static PersistentVolume Manila CSI mounts (kubernetes/cloud-provider-openstack v1.36.0
 * docs/manila-csi-plugin/using-manila-csi-plugin.md and pkg/csi/manila/options/shareoptions.go: volume attributes
 * `shareID` or `shareName`, and `shareAccessIDs`, comma-separated access rule ids, which replaces the deprecated
 * `shareAccessID` since v1.35.0; secrets through `nodeStageSecretRef` and `nodePublishSecretRef`). Reclaim policy
 * `Retain`: deleting the PV must never delete the share.
 */
export function persistentVolumeManifest(store: Pick<IModelStore, 'storeName' | 'readOnly' | 'capacityGb' | 'fileSystem'>, claimNamespace: string | undefined): any {
  const fs = store.fileSystem!;
  const secretRef = { name: fs.csiSecret.secretName, namespace: fs.csiSecret.namespaceName ?? 'default' };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: fs.persistentVolumeName,
      labels: { 'ai-factory.dev/model-store': store.storeName },
      annotations: RETAIN_ANNOTATIONS,
    },
    spec: {
      capacity: { storage: `${store.capacityGb}Gi` },
      accessModes: [store.readOnly ? 'ReadOnlyMany' : 'ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      volumeMode: 'Filesystem',
      ...(claimNamespace === undefined ? {} : { claimRef: { namespace: claimNamespace, name: fs.claimName } }),
      csi: {
        driver: fs.csiDriverName,
        volumeHandle: fs.persistentVolumeName,
        readOnly: store.readOnly,
        volumeAttributes: { shareID: fs.shareId, shareAccessIDs: fs.shareAccessId },
        nodeStageSecretRef: secretRef,
        nodePublishSecretRef: secretRef,
      },
    },
  };
}

/** The Secret with a bucket store's S3 credentials (and endpoint and region, as AWS SDKs read them). */
export function credentialsSecretManifest(b: ModelStoreObjectBucket): any {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: { name: b.credentialsSecret.secretName },
    stringData: {
      [b.accessKeyIdKey]: b.accessKeyId,
      [b.secretAccessKeyKey]: b.secretAccessKey,
      AWS_ENDPOINT_URL: b.endpointUrl,
      AWS_REGION: b.region,
    },
  };
}
