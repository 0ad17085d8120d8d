package io.flytemigrate.flyteproto.write;

import java.util.Objects;

/**
 * How the package is written, beyond what the model says.
 *
 * @param versions whether identifiers carry the model's versions or are left for {@code flytectl
 *     register files --version} to fill
 * @param destinationDir the {@code --dest-dir} of {@code pyflyte-fast-execute}; the placeholder
 *     {@value #DEST_DIR_PLACEHOLDER} is replaced by {@code flytectl --destinationDirectory}
 * @param additionalDistribution the {@code --additional-distribution} of {@code
 *     pyflyte-fast-execute}; the placeholder {@value #DISTRIBUTION_PLACEHOLDER} becomes the URL
 *     flytectl uploads the fast tarball to
 * @param flytekitVersion {@code TaskMetadata.runtime.version}, which flyteadmin requires to be
 *     non-empty: the flytekit release the generated project is written for
 */
public record PackageOptions(Versions versions, String destinationDir, String additionalDistribution, String flytekitVersion) {
  /** The destination-directory placeholder flytectl replaces. */
  public static final String DEST_DIR_PLACEHOLDER = "{{ .dest_dir }}";

  /** The distribution placeholder flytectl replaces with the upload location. */
  public static final String DISTRIBUTION_PLACEHOLDER = "{{ .remote_package_path }}";

  /** The flytekit release the generated projects target. */
  public static final String FLYTEKIT_VERSION = "1.16.24";

  /** What {@code pyflyte package --copy all} writes: empty versions and both placeholders. */
  public static final PackageOptions DEFAULT =
      new PackageOptions(Versions.EMPTY, DEST_DIR_PLACEHOLDER, DISTRIBUTION_PLACEHOLDER, FLYTEKIT_VERSION);

  public PackageOptions {
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(destinationDir, "destinationDir");
    Objects.requireNonNull(additionalDistribution, "additionalDistribution");
    Objects.requireNonNull(flytekitVersion, "flytekitVersion");
    if (flytekitVersion.isEmpty()) {
      throw new IllegalArgumentException("flyteadmin rejects an empty runtime version");
    }
  }

  /** These options with another version policy. */
  public PackageOptions withVersions(Versions newVersions) {
    return new PackageOptions(newVersions, destinationDir, additionalDistribution, flytekitVersion);
  }

  /** Which version every identifier of the package carries. */
  public enum Versions {
    /**
     * Empty, as {@code pyflyte package} leaves it: {@code flytectl register files --version V}
     * gives every entity version V. Project and domain are still written when the model has them.
     */
    EMPTY,
    /**
     * The model's versions: deterministic content hashes, or the user's {@code --version}
     * override when lowering was given one. flytectl keeps versions that are set (unless
     * {@code --force}), so only entities whose content changed get new versions.
     */
    MODEL
  }
}
