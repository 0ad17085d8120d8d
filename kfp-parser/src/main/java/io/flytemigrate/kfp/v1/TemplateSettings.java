package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * What an Argo template says about how each of its runs goes (retries, timeout, caching, extra
 * containers), which the IR keeps per node: every node that runs the template gets these.
 *
 * @param attributes settings with no typed slot, e.g. {@code argo.sidecars}
 * @param displayName the name KFP shows for the task ({@code task_display_name}), if set
 */
record TemplateSettings(
    Optional<Boolean> cache,
    Optional<TaskSettings.Retry> retry,
    Optional<String> timeout,
    List<Attribute> attributes,
    Optional<String> displayName) {
  static final TemplateSettings NONE =
      new TemplateSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

  TemplateSettings {
    attributes = List.copyOf(attributes);
  }

  TaskSettings toTask(TaskSettings.Trigger trigger, Span span) {
    return new TaskSettings(cache, Optional.empty(), retry, timeout, trigger, attributes, span);
  }
}
