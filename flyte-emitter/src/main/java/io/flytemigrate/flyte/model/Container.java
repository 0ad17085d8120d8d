package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The container of a task ({@code flyteidl.core.Container}).
 *
 * <p>For {@link TaskKind#RAW_CONTAINER} tasks {@code command} and {@code args} are the final
 * strings, with Flyte templates such as {@code {{.inputs.x}}} already in place. For Python tasks
 * they are empty: writers derive the {@code pyflyte-execute} (or fast-register) arguments from
 * the task's {@link PythonRef}, as flytekit does.
 *
 * @param image the image reference the package writes ({@code --image} or the image's reference)
 * @param imageSpec the {@link ImageDef#name()} the Python writer passes as {@code container_image},
 *     when the image is built from a spec rather than named
 * @param env environment variables in source order
 * @param dataConfig copilot settings; present only for raw containers with an interface
 */
public record Container(
    String image,
    Optional<String> imageSpec,
    List<String> command,
    List<String> args,
    Resources resources,
    List<KeyValue> env,
    Optional<DataLoadingConfig> dataConfig) {
  /** flytekit's default image, used by tasks that need nothing else (flytekit writes it when none is given). */
  public static final String DEFAULT_PYTHON_IMAGE = "cr.flyte.org/flyteorg/flytekit:py3.11-latest";

  public Container {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageSpec, "imageSpec");
    command = List.copyOf(command);
    args = List.copyOf(args);
    Objects.requireNonNull(resources, "resources");
    env = List.copyOf(env);
    Objects.requireNonNull(dataConfig, "dataConfig");
  }
}
