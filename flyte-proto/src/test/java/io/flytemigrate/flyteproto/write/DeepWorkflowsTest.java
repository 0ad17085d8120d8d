package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.Workflow;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyteproto.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Workflows nested in a chain, each calling the next: every spec carries all the sub-workflows
 * below it (flyteidl's compiler takes them only from the spec), and each sub-workflow's template is
 * built once and the same message reused in every spec that carries it.
 */
class DeepWorkflowsTest {
  private static final int DEPTH = 200;

  @Test
  void everySpecCarriesTheSubWorkflowsBelowItAsOneSharedTemplateEach() {
    FlyteProject p = nested(DEPTH);
    List<RegistrableEntity> entities = PackageEntities.write(p, PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
    List<WorkflowOuterClass.WorkflowSpec> specs = entities.stream()
        .filter(e -> e.kind() == Identifier.ResourceType.WORKFLOW)
        .map(e -> (WorkflowOuterClass.WorkflowSpec) e.message()).toList();
    assertEquals(DEPTH, specs.size());
    // Registration order: the innermost workflow first, each caller after what it calls.
    for (int i = 0; i < DEPTH; i++) {
      WorkflowOuterClass.WorkflowSpec spec = specs.get(i);
      assertEquals(name(DEPTH - 1 - i), spec.getTemplate().getId().getName());
      assertEquals(i, spec.getSubWorkflowsCount());
      for (Workflow.WorkflowTemplate sub : spec.getSubWorkflowsList()) {
        int level = Integer.parseInt(sub.getId().getName().substring(name(0).length() - 4));
        assertSame(specs.get(DEPTH - 1 - level).getTemplate(), sub, sub.getId().getName());
      }
    }
  }

  private static String name(int level) {
    return "pkg.workflows.w" + String.format(java.util.Locale.ROOT, "%04d", level);
  }

  /** Workflow {@code w0000} calls {@code w0001}, which calls {@code w0002}, down to one that runs a task. */
  private static FlyteProject nested(int depth) {
    TaskDef t = Models.pythonTask("pkg.tasks", "t", Models.iface(List.of(), List.of()));
    List<WorkflowDef> wfs = new ArrayList<>();
    for (int level = depth - 1; level >= 0; level--) {
      Node n = level == depth - 1
          ? Models.call("t", t.id(), List.of(), List.of())
          : Models.subWorkflow("inner", Models.workflowId(name(level + 1)), List.of());
      wfs.add(Models.workflow(name(level), Models.iface(List.of(), List.of()), List.of(n), List.of(), Optional.empty(),
          level == 0 ? WorkflowDef.Role.PIPELINE : WorkflowDef.Role.NESTED_PIPELINE));
    }
    return Models.project(List.of(t), wfs, List.of());
  }
}
