package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;

/**
 * A task's pod template: flytekit's {@code PodTemplate(primary_container_name=, pod_spec=,
 * labels=, annotations=)}. With one, flytekit leaves {@code TaskTemplate.container} unset and
 * writes {@code k8s_pod{pod_spec, metadata}} plus {@code config["primary_container_name"]}; the
 * primary container receives the task's image, command, args, resources and env.
 *
 * @param primaryContainerName a DNS-1123 label, {@code primary} by default
 */
public record PodTemplate(String primaryContainerName, PodSpec podSpec, List<KeyValue> labels, List<KeyValue> annotations) {
  public static final String PRIMARY = "primary";

  public PodTemplate {
    Objects.requireNonNull(primaryContainerName, "primaryContainerName");
    Objects.requireNonNull(podSpec, "podSpec");
    labels = List.copyOf(labels);
    annotations = List.copyOf(annotations);
  }
}
