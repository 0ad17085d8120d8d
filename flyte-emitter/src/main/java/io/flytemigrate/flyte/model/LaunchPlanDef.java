package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One launch plan ({@code flyteidl.admin.LaunchPlan{id, spec}}). Every workflow has a default plan
 * named like the workflow ({@code defaultPlan}); a scheduled pipeline gets a second, named one.
 *
 * @param defaultInputs one parameter per workflow input, in workflow input order
 * @param fixedInputs values that cannot be overridden, in workflow input order
 * @param labels execution labels ({@code Labels}), at most 16, sorted by key
 * @param annotations execution annotations, sorted by key
 * @param rawOutputPrefix {@code raw_output_data_config.output_location_prefix}, empty when unset
 * @param maxParallelism absent leaves the platform default
 * @param python the module-level variable that holds a named plan; for default plans the
 *     workflow's own reference (flytekit creates them implicitly)
 */
public record LaunchPlanDef(
    Identifier id,
    Identifier workflow,
    List<Parameter> defaultInputs,
    List<FixedInput> fixedInputs,
    Optional<Schedule> schedule,
    List<KeyValue> labels,
    List<KeyValue> annotations,
    String rawOutputPrefix,
    OptionalInt maxParallelism,
    boolean defaultPlan,
    PythonRef python) {
  public LaunchPlanDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflow, "workflow");
    defaultInputs = List.copyOf(defaultInputs);
    fixedInputs = List.copyOf(fixedInputs);
    Objects.requireNonNull(schedule, "schedule");
    labels = List.copyOf(labels);
    annotations = List.copyOf(annotations);
    Objects.requireNonNull(rawOutputPrefix, "rawOutputPrefix");
    Objects.requireNonNull(maxParallelism, "maxParallelism");
    Objects.requireNonNull(python, "python");
    if (id.resourceType() != Identifier.ResourceType.LAUNCH_PLAN) {
      throw new IllegalArgumentException("a launch plan id must have resource type LAUNCH_PLAN: " + id);
    }
  }

  /** The same plan with other ids (versions are filled in late). */
  public LaunchPlanDef withIds(Identifier newId, Identifier newWorkflow) {
    return new LaunchPlanDef(newId, newWorkflow, defaultInputs, fixedInputs, schedule, labels, annotations,
        rawOutputPrefix, maxParallelism, defaultPlan, python);
  }

  /** A value in {@code fixed_inputs}. */
  public record FixedInput(String var, Literal value) {
    public FixedInput {
      Objects.requireNonNull(var, "var");
      Objects.requireNonNull(value, "value");
    }
  }
}
