package io.flytemigrate.flyte.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code flyteidl.core.NodeMetadata}. In the Python project these are
 * {@code .with_overrides(node_name=, retries=, timeout=, interruptible=)} on the call.
 *
 * @param name the source task's name, so users and the parity report can match nodes
 * @param retries node-level retries, when the source set them on this node
 * @param timeoutSeconds node-level timeout in whole seconds
 */
public record NodeMetadata(String name, Optional<Integer> retries, Optional<Long> timeoutSeconds, Optional<Boolean> interruptible) {
  public NodeMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retries, "retries");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(interruptible, "interruptible");
  }

  /** Metadata with only a name. */
  public static NodeMetadata named(String name) {
    return new NodeMetadata(name, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
