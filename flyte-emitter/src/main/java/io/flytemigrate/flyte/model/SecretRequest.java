package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * A secret the task asks Flyte's secret manager for ({@code flyteidl.core.Secret} in
 * {@code security_context.secrets}); flytekit's {@code Secret(group=, key=, mount_requirement=)}.
 * With the Kubernetes secret manager it appears as {@code _FSEC_<GROUP>_<KEY>} or as the file
 * {@code /etc/flyte/secrets/<group>/<key>}.
 */
public record SecretRequest(String group, String key, MountType mountType) {
  public SecretRequest {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(mountType, "mountType");
  }

  /** {@code Secret.MountType}; the number is the protobuf value. */
  public enum MountType {
    ANY(0),
    ENV_VAR(1),
    FILE(2);

    private final int number;

    MountType(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }
  }
}
