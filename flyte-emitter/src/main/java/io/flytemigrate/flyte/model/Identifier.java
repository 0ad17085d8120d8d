package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * The id of a registrable entity ({@code flyteidl.core.Identifier}). Project and domain are empty
 * unless the user chose them with {@code --project}/{@code --domain}: flytectl fills empty ones at
 * registration. The version is a deterministic content hash (or the {@code --version} override)
 * and is always set, so references between entities of one package match exactly.
 *
 * @param resourceType always set: the Flyte compiler looks references up by the whole id
 * @param name the entity name as flytekit would derive it, e.g. {@code coin_flip.tasks.flip_coin}
 *     for a Python task or {@code coin_flip.workflows.coin_flip.coin_flip} for a workflow
 */
public record Identifier(ResourceType resourceType, String project, String domain, String name, String version) {
  public Identifier {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an identifier needs a name");
    }
  }

  /** The same id with another version. */
  public Identifier withVersion(String newVersion) {
    return new Identifier(resourceType, project, domain, name, newVersion);
  }

  /** The text after the last dot of the name: what flytekit shows as the short name. */
  public String shortName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The kinds of registrable entity; the number is flyteidl's {@code ResourceType} value. */
  public enum ResourceType {
    TASK(1),
    WORKFLOW(2),
    LAUNCH_PLAN(3);

    private final int number;

    ResourceType(int number) {
      this.number = number;
    }

    /** The protobuf enum number, also the digit pyflyte puts in package file names. */
    public int number() {
      return number;
    }
  }
}
