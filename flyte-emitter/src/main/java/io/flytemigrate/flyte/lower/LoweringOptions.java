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
 * @param pythonPackage the top-level Python package of the project instead of the one named after
 *     the pipeline: a batch gives two pipelines of the same name different packages
 */
public record LoweringOptions(
    Optional<String> project, Optional<String> domain, Optional<String> version, Optional<String> image,
    PythonComponents pythonComponents, Optional<String> pythonPackage) {
  public static final LoweringOptions DEFAULT =
      new LoweringOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PythonComponents.NATIVE,
          Optional.empty());

  public LoweringOptions {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(pythonComponents, "pythonComponents");
    Objects.requireNonNull(pythonPackage, "pythonPackage");
  }

  /** The options of the command line, with the package named after the pipeline. */
  public LoweringOptions(
      Optional<String> project, Optional<String> domain, Optional<String> version, Optional<String> image,
      PythonComponents pythonComponents) {
    this(project, domain, version, image, pythonComponents, Optional.empty());
  }

  /** The same options with the project's top-level Python package chosen by the caller. */
  public LoweringOptions withPythonPackage(String name) {
    return new LoweringOptions(project, domain, version, image, pythonComponents, Optional.of(name));
  }

  /** How lightweight Python components become tasks. */
  public enum PythonComponents {
    /** Native {@code @task} functions whose body is the component's source. */
    NATIVE,
    /** Raw-container tasks running the component's original command in its image. */
    CONTAINER
  }
}
