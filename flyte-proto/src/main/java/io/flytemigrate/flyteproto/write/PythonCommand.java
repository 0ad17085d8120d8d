package io.flytemigrate.flyteproto.write;

import io.flytemigrate.flyte.model.PythonRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The container arguments of a native Python task, exactly as {@code pyflyte package --copy all}
 * writes them (flyte-target.md 1.5 and 2.1): the fast-execute prefix that downloads the fast
 * tarball, then {@code pyflyte-execute} with the default task resolver and the task's module and
 * function. The container command stays empty.
 */
final class PythonCommand {
  static final String DEFAULT_RESOLVER = "flytekit.core.python_auto_container.default_task_resolver";

  private PythonCommand() {}

  static List<String> args(PythonRef task, PackageOptions options) {
    List<String> args = new ArrayList<>(List.of(
        "pyflyte-fast-execute",
        "--additional-distribution", options.additionalDistribution(),
        "--dest-dir", options.destinationDir(),
        "--"));
    args.addAll(List.of(
        "pyflyte-execute",
        "--inputs", "{{.input}}",
        "--output-prefix", "{{.outputPrefix}}",
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--checkpoint-path", "{{.checkpointOutputPrefix}}",
        "--prev-checkpoint", "{{.prevCheckpointPrefix}}",
        "--resolver", DEFAULT_RESOLVER,
        "--",
        "task-module", task.module(),
        "task-name", task.name()));
    return args;
  }
}
