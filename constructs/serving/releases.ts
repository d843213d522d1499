/**
 * The upstream releases the serving constructs render for, as typed choices where two API shapes exist.
 *
 * Every fact here was read at the release's git tag:
 * - kubernetes-sigs/gateway-api-inference-extension: `config/crd/bases/inference.networking.k8s.io_inferencepools.yaml`
 *   has no `appProtocol` at v1.0.0 … v1.3.1 and has it from v1.4.0 (`api/v1/inferencepool_types.go`, enum `http`,
 *   `kubernetes.io/h2c`, default `http`).
 * - llm-d/llm-d-router: v0.9.0 moved the endpoint picker's APIs to the `llm-d.ai` group (`apix/config` `GroupName`,
 *   `config/crd/bases/llm-d.ai_inferenceobjectives.yaml`), renamed the objective header to
 *   `x-llm-d-inference-objective` (`pkg/epp/metadata/consts.go`, the old `x-gateway-inference-objective` kept as a
 *   deprecated alias) and published its images as `llm-d-router-endpoint-picker` / `llm-d-router-disagg-sidecar`
 *   (`Makefile`, `.github/workflows/ci-release.yaml`). v0.8.0, still `llm-d-inference-scheduler`, ran the Inference
 *   Extension v1.5.0 picker (`go.mod`): objectives in `inference.networking.x-k8s.io/v1alpha2`, plugin file in
 *   `inference.networking.x-k8s.io/v1alpha1`, header `x-gateway-inference-objective`, images
 *   `llm-d-inference-scheduler` / `llm-d-routing-sidecar`.
 */

/** A release of the Gateway API Inference Extension (the `InferencePool` CRD, `inference.networking.k8s.io/v1`). */
export class InferenceExtensionRelease {
  /** v1.0.0: the first `inference.networking.k8s.io/v1` InferencePool. */
  public static readonly V1_0_0 = new InferenceExtensionRelease('v1.0.0', false);
  /** v1.1.0. */
  public static readonly V1_1_0 = new InferenceExtensionRelease('v1.1.0', false);
  /** v1.2.0. */
  public static readonly V1_2_0 = new InferenceExtensionRelease('v1.2.0', false);
  /** v1.3.0. */
  public static readonly V1_3_0 = new InferenceExtensionRelease('v1.3.0', false);
  /** v1.3.1. */
  public static readonly V1_3_1 = new InferenceExtensionRelease('v1.3.1', false);
  /** v1.4.0: adds `spec.appProtocol` to InferencePool. */
  public static readonly V1_4_0 = new InferenceExtensionRelease('v1.4.0', true);
  /** v1.5.0. */
  public static readonly V1_5_0 = new InferenceExtensionRelease('v1.5.0', true);
  /** v1.6.0, the release the library's InferencePool binding was generated from. */
  public static readonly V1_6_0 = new InferenceExtensionRelease('v1.6.0', true);

  /** Git tag of the release. */
  public readonly version: string;
  /** Whether the InferencePool CRD of this release has `spec.appProtocol` (v1.4.0 and later). */
  public readonly supportsAppProtocol: boolean;

  private constructor(version: string, supportsAppProtocol: boolean) {
    this.version = version;
    this.supportsAppProtocol = supportsAppProtocol;
  }
}

/** A release of llm-d-router (formerly llm-d-inference-scheduler): the endpoint picker and the routing sidecar. */
export class LlmdRouterRelease {
  /**
   * v0.8.0 (llm-d-inference-scheduler): InferenceObjectives in the Inference Extension's
   * `inference.networking.x-k8s.io/v1alpha2`, header `x-gateway-inference-objective`.
   */
  public static readonly V0_8_0 = new LlmdRouterRelease('v0.8.0', 'llm-d-inference-scheduler', 'llm-d-routing-sidecar', false);
  /** v0.9.0: the `llm-d.ai` APIs (InferenceObjective `llm-d.ai/v1alpha2`), header `x-llm-d-inference-objective`. */
  public static readonly V0_9_0 = new LlmdRouterRelease('v0.9.0', 'llm-d-router-endpoint-picker', 'llm-d-router-disagg-sidecar', true);
  /** v0.10.0. */
  public static readonly V0_10_0 = new LlmdRouterRelease('v0.10.0', 'llm-d-router-endpoint-picker', 'llm-d-router-disagg-sidecar', true);

  /** Git tag of the release (also the tag of its images). */
  public readonly version: string;
  /** The endpoint picker image the release publishes. */
  public readonly endpointPickerImage: string;
  /** The routing sidecar image (decode pods of a P/D pool) the release publishes. */
  public readonly routingSidecarImage: string;
  /** API version of the InferenceObjective kind the release's picker watches. */
  public readonly objectiveApiVersion: string;
  /** API version of the picker's plugin file (`EndpointPickerConfig`). */
  public readonly endpointPickerConfigApiVersion: string;
  /**
   * The request header that names an InferenceObjective: `x-llm-d-inference-objective` from v0.9.0
   * (`pkg/epp/metadata/consts.go` `ObjectiveKey`, the old name still accepted as an alias), `x-gateway-inference-objective`
   * before (Inference Extension v1.5.0 `pkg/epp/metadata/consts.go`).
   */
  public readonly objectiveHeader: string;
  /** Whether the release serves the `llm-d.ai` API group (v0.9.0 and later). */
  public readonly llmdApiGroup: boolean;

  private constructor(version: string, pickerImage: string, sidecarImage: string, llmdApiGroup: boolean) {
    this.version = version;
    this.endpointPickerImage = `ghcr.io/llm-d/${pickerImage}:${version}`;
    this.routingSidecarImage = `ghcr.io/llm-d/${sidecarImage}:${version}`;
    this.llmdApiGroup = llmdApiGroup;
    this.objectiveApiVersion = llmdApiGroup ? 'llm-d.ai/v1alpha2' : 'inference.networking.x-k8s.io/v1alpha2';
    this.objectiveHeader = llmdApiGroup ? 'x-llm-d-inference-objective' : 'x-gateway-inference-objective';
    this.endpointPickerConfigApiVersion = llmdApiGroup ? 'llm-d.ai/v1alpha1' : 'inference.networking.x-k8s.io/v1alpha1';
  }
}
