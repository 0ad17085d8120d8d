package io.flytemigrate.flyte.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Lookups by id answer what a search of the lists would, first of equal ids; equality is a record's. */
class FlyteProjectTest {
  private static Identifier id(Identifier.ResourceType type, String name) {
    return new Identifier(type, "", "", name, "v1");
  }

  private static WorkflowDef workflow(String name, String description) {
    return new WorkflowDef(id(Identifier.ResourceType.WORKFLOW, name), TypedInterface.EMPTY, List.of(), List.of(),
        Optional.empty(), WorkflowDef.FailurePolicy.FAIL_IMMEDIATELY, false, WorkflowDef.Role.NESTED_PIPELINE,
        new PythonRef("pkg.workflows." + name, name), Optional.of(description), name, Span.NONE);
  }

  private static LaunchPlanDef plan(String name, WorkflowDef wf, boolean defaultPlan) {
    return new LaunchPlanDef(id(Identifier.ResourceType.LAUNCH_PLAN, name), wf.id(), List.of(), List.of(),
        Optional.empty(), List.of(), List.of(), "", OptionalInt.empty(), defaultPlan, wf.python());
  }

  private static FlyteProject project(List<WorkflowDef> workflows, List<LaunchPlanDef> plans) {
    return new FlyteProject("pkg", "p.yaml", "p", Optional.empty(), List.of(), List.of(), workflows, plans, false);
  }

  @Test
  void findsTheFirstEntityOfAnIdAmongThousands() {
    List<WorkflowDef> workflows = new ArrayList<>();
    List<LaunchPlanDef> plans = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      WorkflowDef w = workflow("w" + i, "first");
      workflows.add(w);
      plans.add(plan("named" + i, w, false));
      plans.add(plan("w" + i, w, true));
    }
    WorkflowDef duplicate = workflow("w17", "second");
    workflows.add(duplicate);
    FlyteProject p = project(workflows, plans);
    WorkflowDef w17 = p.workflow(id(Identifier.ResourceType.WORKFLOW, "w17")).orElseThrow();
    assertSame(workflows.get(17), w17);
    assertEquals(Optional.of("first"), w17.description());
    assertEquals("w4999", p.defaultPlan(workflows.get(4_999).id()).orElseThrow().id().name());
    assertEquals("named3", p.launchPlan(id(Identifier.ResourceType.LAUNCH_PLAN, "named3")).orElseThrow().id().name());
    assertTrue(p.workflow(id(Identifier.ResourceType.WORKFLOW, "nowhere")).isEmpty());
    assertTrue(p.task(id(Identifier.ResourceType.TASK, "w1")).isEmpty());
  }

  @Test
  void equalsHashCodeAndTextAreThoseOfARecord() {
    WorkflowDef w = workflow("w", "d");
    FlyteProject a = project(List.of(w), List.of());
    FlyteProject b = project(List.of(w), List.of());
    a.workflow(w.id()); // an index built on one side only changes nothing
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, project(List.of(), List.of()));
    assertEquals("FlyteProject[pythonPackage=pkg, sourceFile=p.yaml, pipelineName=p, description=Optional.empty,"
        + " images=[], tasks=[], workflows=[" + w + "], launchPlans=[], compatModule=false]", a.toString());
  }
}
