package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;

/** How a component runs as a container: image, command line, environment, resources, pod. */
public record ContainerSpec(
    String image,
    List<Arg> command,
    List<Arg> args,
    List<EnvVar> env,
    Resources resources,
    KubernetesSettings kubernetes,
    Span span) {
  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(kubernetes, "kubernetes");
    Objects.requireNonNull(span, "span");
  }

  public ContainerSpec withKubernetes(KubernetesSettings k8s) {
    return new ContainerSpec(image, command, args, env, resources, k8s, span);
  }
}
