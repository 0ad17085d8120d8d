package io.flytemigrate.flyte.lower;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose on the command line.
 *
 * @param project the Flyte project for every id; empty leaves it to {@code flytectl -p}
 * @param domain the Flyte domain for every id; empty leaves it to {@code flytectl -d}
 * @param version one version for every entity instead of the content hashes
 * @param image the image of every native Python task instead of the one its ImageSpec builds
 * @param pythonComponents how KFP lightweight Python components are translated
 */
public record LoweringOptions(
    Optional<String> project, Optional<String> domain, Optional<String> version, Optional<String> image,
    PythonComponents pythonComponents) {
  public static final LoweringOptions DEFAULT =
      new LoweringOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PythonComponents.NATIVE);

  public LoweringOptions {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(pythonComponents, "pythonComponents");
  }

  /** How lightweight Python components become tasks. */
  public enum PythonComponents {
    /** Native {@code @task} functions whose body is the component's source. */
    NATIVE,
    /** Raw-container tasks running the component's original command in its image. */
    CONTAINER
  }
}
