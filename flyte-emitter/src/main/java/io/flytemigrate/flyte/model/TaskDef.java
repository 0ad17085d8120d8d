package io.flytemigrate.flyte.model;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task ({@code flyteidl.admin.TaskSpec{template}}), and how the Python writer defines it.
 *
 * @param id the task id; the name is what flytekit derives ({@code <module>.<function>} for Python
 *     tasks, the {@code ContainerTask} name for raw containers)
 * @param container absent only for {@link TaskKind#ECHO}; with a {@link #pod()} the package writer
 *     moves it into the pod's primary container as flytekit does
 * @param pod a pod template, when the task needs pod-level settings
 * @param secrets secrets requested through Flyte's secret manager ({@code security_context})
 * @param python where the Python writer defines it; for raw containers the variable name
 * @param description the source component's description, for the docstring
 * @param sourceComponent the IR component it came from ({@code comp-...}), empty if synthesised
 */
public record TaskDef(
    Identifier id,
    TaskKind kind,
    TypedInterface iface,
    TaskMetadata metadata,
    Optional<Container> container,
    Optional<PodTemplate> pod,
    List<SecretRequest> secrets,
    TaskBody body,
    PythonRef python,
    Optional<String> description,
    String sourceComponent,
    Span span) {
  public TaskDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(pod, "pod");
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sourceComponent, "sourceComponent");
    Objects.requireNonNull(span, "span");
    if (id.resourceType() != Identifier.ResourceType.TASK) {
      throw new IllegalArgumentException("a task id must have resource type TASK: " + id);
    }
  }

  /** The same task with another id (versions are filled in after lowering). */
  public TaskDef withId(Identifier newId) {
    return new TaskDef(newId, kind, iface, metadata, container, pod, secrets, body, python, description, sourceComponent, span);
  }

  /** The same task with another body (a dynamic loop's body reference gets its version late). */
  public TaskDef withBody(TaskBody newBody) {
    return new TaskDef(id, kind, iface, metadata, container, pod, secrets, newBody, python, description, sourceComponent, span);
  }
}
