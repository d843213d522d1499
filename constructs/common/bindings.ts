/**
 * The generated bindings, each loaded when a construct first needs it, not with the package: the entry point used to
 * load every CRD group and every OpenStack and Ironic resource (about 16 MiB of JavaScript with its source maps), which
 * cost every synth about 0.2 s of CPU and 50 MiB (bench/RESULTS.md). Constructs import a binding's types with
 * `import type` and make resources through these accessors (`new (bindings.networkingNetworkV2().NetworkingNetworkV2)(...)`);
 * test/lint/lazy-bindings.test.ts fails when a value import brings a binding back into the package load.
 *
 * Not part of the jsii API.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const bindings = {
  allocation: (): typeof import('../../generated/terraform/ironic/allocation') => require('../../generated/terraform/ironic/allocation'),
  amdGpuOperator: (): typeof import('../../generated/k8s/amd-gpu-operator') => require('../../generated/k8s/amd-gpu-operator'),
  blockstorageQosAssociationV3: (): typeof import('../../generated/terraform/openstack/blockstorage-qos-association-v3') =>
    require('../../generated/terraform/openstack/blockstorage-qos-association-v3'),
  blockstorageQosV3: (): typeof import('../../generated/terraform/openstack/blockstorage-qos-v3') =>
    require('../../generated/terraform/openstack/blockstorage-qos-v3'),
  blockstorageQuotasetV3: (): typeof import('../../generated/terraform/openstack/blockstorage-quotaset-v3') =>
    require('../../generated/terraform/openstack/blockstorage-quotaset-v3'),
  blockstorageVolumeTypeAccessV3: (): typeof import('../../generated/terraform/openstack/blockstorage-volume-type-access-v3') =>
    require('../../generated/terraform/openstack/blockstorage-volume-type-access-v3'),
  blockstorageVolumeTypeV3: (): typeof import('../../generated/terraform/openstack/blockstorage-volume-type-v3') =>
    require('../../generated/terraform/openstack/blockstorage-volume-type-v3'),
  blockstorageVolumeV3: (): typeof import('../../generated/terraform/openstack/blockstorage-volume-v3') =>
    require('../../generated/terraform/openstack/blockstorage-volume-v3'),
  certManager: (): typeof import('../../generated/k8s/cert-manager') => require('../../generated/k8s/cert-manager'),
  computeFlavorAccessV2: (): typeof import('../../generated/terraform/openstack/compute-flavor-access-v2') =>
    require('../../generated/terraform/openstack/compute-flavor-access-v2'),
  computeFlavorV2: (): typeof import('../../generated/terraform/openstack/compute-flavor-v2') =>
    require('../../generated/terraform/openstack/compute-flavor-v2'),
  computeKeypairV2: (): typeof import('../../generated/terraform/openstack/compute-keypair-v2') =>
    require('../../generated/terraform/openstack/compute-keypair-v2'),
  computeQuotasetV2: (): typeof import('../../generated/terraform/openstack/compute-quotaset-v2') =>
    require('../../generated/terraform/openstack/compute-quotaset-v2'),
  computeServergroupV2: (): typeof import('../../generated/terraform/openstack/compute-servergroup-v2') =>
    require('../../generated/terraform/openstack/compute-servergroup-v2'),
  containerinfraClusterV1: (): typeof import('../../generated/terraform/openstack/containerinfra-cluster-v1') =>
    require('../../generated/terraform/openstack/containerinfra-cluster-v1'),
  containerinfraClustertemplateV1: (): typeof import('../../generated/terraform/openstack/containerinfra-clustertemplate-v1') =>
    require('../../generated/terraform/openstack/containerinfra-clustertemplate-v1'),
  containerinfraNodegroupV1: (): typeof import('../../generated/terraform/openstack/containerinfra-nodegroup-v1') =>
    require('../../generated/terraform/openstack/containerinfra-nodegroup-v1'),
  dataIronicInventory: (): typeof import('../../generated/terraform/ironic/data-ironic-inventory') =>
    require('../../generated/terraform/ironic/data-ironic-inventory'),
  dataOpenstackComputeFlavorV2: (): typeof import('../../generated/terraform/openstack/data-openstack-compute-flavor-v2') =>
    require('../../generated/terraform/openstack/data-openstack-compute-flavor-v2'),
  dataOpenstackComputeServergroupV2: (): typeof import('../../generated/terraform/openstack/data-openstack-compute-servergroup-v2') =>
    require('../../generated/terraform/openstack/data-openstack-compute-servergroup-v2'),
  dataOpenstackContainerinfraClusterV1: (): typeof import('../../generated/terraform/openstack/data-openstack-containerinfra-cluster-v1') =>
    require('../../generated/terraform/openstack/data-openstack-containerinfra-cluster-v1'),
  dataOpenstackContainerinfraClustertemplateV1: (): typeof import('../../generated/terraform/openstack/data-openstack-containerinfra-clustertemplate-v1') =>
    require('../../generated/terraform/openstack/data-openstack-containerinfra-clustertemplate-v1'),
  dataOpenstackIdentityAuthScopeV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-auth-scope-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-auth-scope-v3'),
  dataOpenstackIdentityGroupV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-group-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-group-v3'),
  dataOpenstackIdentityProjectV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-project-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-project-v3'),
  dataOpenstackIdentityRoleV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-role-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-role-v3'),
  dataOpenstackIdentityServiceV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-service-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-service-v3'),
  dataOpenstackIdentityUserV3: (): typeof import('../../generated/terraform/openstack/data-openstack-identity-user-v3') =>
    require('../../generated/terraform/openstack/data-openstack-identity-user-v3'),
  dataOpenstackImagesImageV2: (): typeof import('../../generated/terraform/openstack/data-openstack-images-image-v2') =>
    require('../../generated/terraform/openstack/data-openstack-images-image-v2'),
  dataOpenstackKeymanagerSecretV1: (): typeof import('../../generated/terraform/openstack/data-openstack-keymanager-secret-v1') =>
    require('../../generated/terraform/openstack/data-openstack-keymanager-secret-v1'),
  dataOpenstackNetworkingNetworkV2: (): typeof import('../../generated/terraform/openstack/data-openstack-networking-network-v2') =>
    require('../../generated/terraform/openstack/data-openstack-networking-network-v2'),
  dataOpenstackNetworkingQosPolicyV2: (): typeof import('../../generated/terraform/openstack/data-openstack-networking-qos-policy-v2') =>
    require('../../generated/terraform/openstack/data-openstack-networking-qos-policy-v2'),
  dataOpenstackNetworkingRouterV2: (): typeof import('../../generated/terraform/openstack/data-openstack-networking-router-v2') =>
    require('../../generated/terraform/openstack/data-openstack-networking-router-v2'),
  dataOpenstackNetworkingSecgroupV2: (): typeof import('../../generated/terraform/openstack/data-openstack-networking-secgroup-v2') =>
    require('../../generated/terraform/openstack/data-openstack-networking-secgroup-v2'),
  dataOpenstackNetworkingSubnetV2: (): typeof import('../../generated/terraform/openstack/data-openstack-networking-subnet-v2') =>
    require('../../generated/terraform/openstack/data-openstack-networking-subnet-v2'),
  dataOpenstackSharedfilesystemShareV2: (): typeof import('../../generated/terraform/openstack/data-openstack-sharedfilesystem-share-v2') =>
    require('../../generated/terraform/openstack/data-openstack-sharedfilesystem-share-v2'),
  dataOpenstackSharedfilesystemSharenetworkV2: (): typeof import('../../generated/terraform/openstack/data-openstack-sharedfilesystem-sharenetwork-v2') =>
    require('../../generated/terraform/openstack/data-openstack-sharedfilesystem-sharenetwork-v2'),
  deployment: (): typeof import('../../generated/terraform/ironic/deployment') => require('../../generated/terraform/ironic/deployment'),
  envoyAiGateway: (): typeof import('../../generated/k8s/envoy-ai-gateway') => require('../../generated/k8s/envoy-ai-gateway'),
  envoyGateway: (): typeof import('../../generated/k8s/envoy-gateway') => require('../../generated/k8s/envoy-gateway'),
  gatewayApi: (): typeof import('../../generated/k8s/gateway-api') => require('../../generated/k8s/gateway-api'),
  gpuOperator: (): typeof import('../../generated/k8s/gpu-operator') => require('../../generated/k8s/gpu-operator'),
  identityApplicationCredentialV3: (): typeof import('../../generated/terraform/openstack/identity-application-credential-v3') =>
    require('../../generated/terraform/openstack/identity-application-credential-v3'),
  identityEc2CredentialV3: (): typeof import('../../generated/terraform/openstack/identity-ec2-credential-v3') =>
    require('../../generated/terraform/openstack/identity-ec2-credential-v3'),
  identityLimitV3: (): typeof import('../../generated/terraform/openstack/identity-limit-v3') =>
    require('../../generated/terraform/openstack/identity-limit-v3'),
  identityProjectV3: (): typeof import('../../generated/terraform/openstack/identity-project-v3') =>
    require('../../generated/terraform/openstack/identity-project-v3'),
  identityRegisteredLimitV3: (): typeof import('../../generated/terraform/openstack/identity-registered-limit-v3') =>
    require('../../generated/terraform/openstack/identity-registered-limit-v3'),
  identityRoleAssignmentV3: (): typeof import('../../generated/terraform/openstack/identity-role-assignment-v3') =>
    require('../../generated/terraform/openstack/identity-role-assignment-v3'),
  imagesImageV2: (): typeof import('../../generated/terraform/openstack/images-image-v2') =>
    require('../../generated/terraform/openstack/images-image-v2'),
  inferenceExtension: (): typeof import('../../generated/k8s/inference-extension') => require('../../generated/k8s/inference-extension'),
  ironicProvider: (): typeof import('../../generated/terraform/ironic/provider') => require('../../generated/terraform/ironic/provider'),
  keda: (): typeof import('../../generated/k8s/keda') => require('../../generated/k8s/keda'),
  kuadrant: (): typeof import('../../generated/k8s/kuadrant') => require('../../generated/k8s/kuadrant'),
  kuadrantV1alpha1: (): typeof import('../../generated/k8s/kuadrant-v1alpha1') => require('../../generated/k8s/kuadrant-v1alpha1'),
  kubernetesManifest: (): typeof import('@cdktf/provider-kubernetes/lib/manifest') => require('@cdktf/provider-kubernetes/lib/manifest'),
  kubernetesProvider: (): typeof import('@cdktf/provider-kubernetes/lib/provider') => require('@cdktf/provider-kubernetes/lib/provider'),
  kueue: (): typeof import('../../generated/k8s/kueue') => require('../../generated/k8s/kueue'),
  llmD: (): typeof import('../../generated/k8s/llm-d') => require('../../generated/k8s/llm-d'),
  lws: (): typeof import('../../generated/k8s/lws') => require('../../generated/k8s/lws'),
  multus: (): typeof import('../../generated/k8s/multus') => require('../../generated/k8s/multus'),
  networkOperator: (): typeof import('../../generated/k8s/network-operator') => require('../../generated/k8s/network-operator'),
  networkingNetworkV2: (): typeof import('../../generated/terraform/openstack/networking-network-v2') =>
    require('../../generated/terraform/openstack/networking-network-v2'),
  networkingPortV2: (): typeof import('../../generated/terraform/openstack/networking-port-v2') =>
    require('../../generated/terraform/openstack/networking-port-v2'),
  networkingQosBandwidthLimitRuleV2: (): typeof import('../../generated/terraform/openstack/networking-qos-bandwidth-limit-rule-v2') =>
    require('../../generated/terraform/openstack/networking-qos-bandwidth-limit-rule-v2'),
  networkingQosDscpMarkingRuleV2: (): typeof import('../../generated/terraform/openstack/networking-qos-dscp-marking-rule-v2') =>
    require('../../generated/terraform/openstack/networking-qos-dscp-marking-rule-v2'),
  networkingQosMinimumBandwidthRuleV2: (): typeof import('../../generated/terraform/openstack/networking-qos-minimum-bandwidth-rule-v2') =>
    require('../../generated/terraform/openstack/networking-qos-minimum-bandwidth-rule-v2'),
  networkingQosPolicyV2: (): typeof import('../../generated/terraform/openstack/networking-qos-policy-v2') =>
    require('../../generated/terraform/openstack/networking-qos-policy-v2'),
  networkingQuotaV2: (): typeof import('../../generated/terraform/openstack/networking-quota-v2') =>
    require('../../generated/terraform/openstack/networking-quota-v2'),
  networkingRbacPolicyV2: (): typeof import('../../generated/terraform/openstack/networking-rbac-policy-v2') =>
    require('../../generated/terraform/openstack/networking-rbac-policy-v2'),
  networkingRouterInterfaceV2: (): typeof import('../../generated/terraform/openstack/networking-router-interface-v2') =>
    require('../../generated/terraform/openstack/networking-router-interface-v2'),
  networkingRouterV2: (): typeof import('../../generated/terraform/openstack/networking-router-v2') =>
    require('../../generated/terraform/openstack/networking-router-v2'),
  networkingSecgroupRuleV2: (): typeof import('../../generated/terraform/openstack/networking-secgroup-rule-v2') =>
    require('../../generated/terraform/openstack/networking-secgroup-rule-v2'),
  networkingSecgroupV2: (): typeof import('../../generated/terraform/openstack/networking-secgroup-v2') =>
    require('../../generated/terraform/openstack/networking-secgroup-v2'),
  networkingSubnetV2: (): typeof import('../../generated/terraform/openstack/networking-subnet-v2') =>
    require('../../generated/terraform/openstack/networking-subnet-v2'),
  networkingTrunkV2: (): typeof import('../../generated/terraform/openstack/networking-trunk-v2') =>
    require('../../generated/terraform/openstack/networking-trunk-v2'),
  node: (): typeof import('../../generated/terraform/ironic/node') => require('../../generated/terraform/ironic/node'),
  objectstorageContainerV1: (): typeof import('../../generated/terraform/openstack/objectstorage-container-v1') =>
    require('../../generated/terraform/openstack/objectstorage-container-v1'),
  openstackProvider: (): typeof import('../../generated/terraform/openstack/provider') => require('../../generated/terraform/openstack/provider'),
  port: (): typeof import('../../generated/terraform/ironic/port') => require('../../generated/terraform/ironic/port'),
  portGroup: (): typeof import('../../generated/terraform/ironic/port-group') => require('../../generated/terraform/ironic/port-group'),
  prometheusOperator: (): typeof import('../../generated/k8s/prometheus-operator') => require('../../generated/k8s/prometheus-operator'),
  sharedfilesystemShareAccessV2: (): typeof import('../../generated/terraform/openstack/sharedfilesystem-share-access-v2') =>
    require('../../generated/terraform/openstack/sharedfilesystem-share-access-v2'),
  sharedfilesystemShareV2: (): typeof import('../../generated/terraform/openstack/sharedfilesystem-share-v2') =>
    require('../../generated/terraform/openstack/sharedfilesystem-share-v2'),
  sharedfilesystemSharenetworkV2: (): typeof import('../../generated/terraform/openstack/sharedfilesystem-sharenetwork-v2') =>
    require('../../generated/terraform/openstack/sharedfilesystem-sharenetwork-v2'),
};
/* eslint-enable @typescript-eslint/no-require-imports */
