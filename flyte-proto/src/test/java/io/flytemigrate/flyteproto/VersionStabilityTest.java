package io.flytemigrate.flyteproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyteproto.write.PackageOptions;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Versions are content hashes (written with {@code Versions.MODEL}): the same pipeline gives the
 * same versions in every run, and editing one component changes exactly the versions of the
 * entities that depend on it: its task, every workflow that calls it (directly, through a
 * sub-workflow, or through a dynamic task that runs a loop body), and their launch plans.
 */
class VersionStabilityTest {
  private static final PackageOptions VERSIONED = PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL);

  /** Every entity of the package by {@code <kind>:<name>}, with its version as the package writes it. */
  private static Map<String, String> versions(Translation t) {
    Map<String, String> out = new TreeMap<>();
    for (PackageJson.Member m : PackageJson.untar(PackageJson.gunzip(t.pkg().bytes()))) {
      try {
        if (m.name().endsWith("_1.pb")) {
          var id = TaskOuterClass.TaskSpec.parseFrom(m.content()).getTemplate().getId();
          out.put("1:" + id.getName(), id.getVersion());
        } else if (m.name().endsWith("_2.pb")) {
          var id = WorkflowOuterClass.WorkflowSpec.parseFrom(m.content()).getTemplate().getId();
          out.put("2:" + id.getName(), id.getVersion());
        } else if (m.name().endsWith("_3.pb")) {
          var id = LaunchPlanOuterClass.LaunchPlan.parseFrom(m.content()).getId();
          out.put("3:" + id.getName(), id.getVersion());
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** The pipeline with the first occurrence of {@code from} replaced. */
  private static Translation edited(String path, String from, String to) {
    String text = Corpus.read(path);
    assertTrue(text.contains(from), "the edit must apply");
    int at = text.indexOf(from);
    String once = text.substring(0, at) + to + text.substring(at + from.length());
    return Translation.ofText("corpus/" + path, once, LoweringOptions.DEFAULT, VERSIONED);
  }

  /** The entities that depend on the given tasks, by the model's references, launch plans included. */
  private static Set<String> dependents(FlyteProject p, Set<String> taskNames) {
    Set<String> changed = new LinkedHashSet<>();
    taskNames.forEach(n -> changed.add("1:" + n));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TaskDef t : p.tasks()) {
        if (t.body() instanceof TaskBody.DynamicLoop d && changed.contains("2:" + d.body().name())) {
          grew |= changed.add("1:" + t.id().name());
        }
      }
      for (WorkflowDef w : p.workflows()) {
        Set<String> refs = new LinkedHashSet<>();
        w.nodes().forEach(n -> refs(n, refs));
        w.failureNode().ifPresent(n -> refs(n, refs));
        if (refs.stream().anyMatch(changed::contains)) {
          grew |= changed.add("2:" + w.id().name());
        }
      }
      for (LaunchPlanDef l : p.launchPlans()) {
        if (changed.contains("2:" + l.workflow().name())) {
          grew |= changed.add("3:" + l.id().name());
        }
      }
    }
    return changed;
  }

  private static void refs(Node n, Set<String> out) {
    NodeTarget t = n.target();
    if (t instanceof NodeTarget.TaskCall c) {
      out.add("1:" + c.task().name());
    } else if (t instanceof NodeTarget.SubWorkflowCall c) {
      out.add("2:" + c.workflow().name());
    } else if (t instanceof NodeTarget.LaunchPlanCall c) {
      out.add("3:" + c.launchPlan().name());
    } else if (t instanceof NodeTarget.Branch b) {
      IfElseBlock e = b.ifElse();
      refs(e.first().thenNode(), out);
      e.others().forEach(o -> refs(o.thenNode(), out));
      e.elseNode().ifPresent(x -> refs(x, out));
    } else if (t instanceof NodeTarget.ArrayCall a) {
      refs(a.subNode(), out);
    }
  }

  private static Set<String> changedBetween(Map<String, String> a, Map<String, String> b) {
    assertEquals(a.keySet(), b.keySet(), "the same entities");
    Set<String> changed = new LinkedHashSet<>();
    a.forEach((k, v) -> {
      if (!v.equals(b.get(k))) {
        changed.add(k);
      }
    });
    return changed;
  }

  @Test
  void theSameContentGivesTheSameVersionsInEveryRun() {
    String path = "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml";
    Map<String, String> first = versions(Translation.of(path, LoweringOptions.DEFAULT, VERSIONED));
    Map<String, String> second = versions(Translation.of(path, LoweringOptions.DEFAULT, VERSIONED));
    assertEquals(first, second);
    assertTrue(first.values().stream().allMatch(v -> v.matches("[A-Za-z0-9._-]+")), "versions are URL-safe: " + first);
  }

  @Test
  void editingATaskInANestedPipelineChangesItsTaskTheWorkflowsAboveAndTheirPlans() {
    String path = "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml";
    Translation before = Translation.of(path, LoweringOptions.DEFAULT, VERSIONED);
    Translation after = edited(path, "return 'draw'", "return 'drawn'");
    Set<String> changed = changedBetween(versions(before), versions(after));
    String task = before.project().tasks().stream().filter(t -> t.id().name().endsWith("flip_three_sided_die"))
        .findFirst().orElseThrow().id().name();
    Set<String> expected = dependents(before.project(), Set.of(task));
    assertEquals(expected, changed);
    assertTrue(changed.stream().anyMatch(k -> k.startsWith("2:")), "a workflow changed: " + changed);
    assertTrue(changed.stream().anyMatch(k -> k.startsWith("3:")), "a launch plan changed: " + changed);
    assertFalse(changed.containsAll(versions(before).keySet()), "other tasks keep their versions");
  }

  @Test
  void editingALoopBodyTaskAlsoChangesTheDynamicTaskThatRunsTheBody() {
    String path = "kfp/sdk_compiled_pipelines/valid/parallel_and_nested/loop_consume_upstream.yaml";
    Translation before = Translation.of(path, LoweringOptions.DEFAULT, VERSIONED);
    Translation after = edited(path, "print(f.read())", "print(f.read().strip())");
    Set<String> changed = changedBetween(versions(before), versions(after));
    Set<String> editedTasks = new LinkedHashSet<>();
    Map<String, String> vb = versions(before);
    Map<String, String> va = versions(after);
    for (TaskDef t : before.project().tasks()) {
      if (t.body() instanceof TaskBody.PythonFunction && !vb.get("1:" + t.id().name()).equals(va.get("1:" + t.id().name()))) {
        editedTasks.add(t.id().name());
      }
    }
    assertFalse(editedTasks.isEmpty());
    assertEquals(dependents(before.project(), editedTasks), changed);
    assertTrue(changed.stream().anyMatch(k -> k.startsWith("1:") && !editedTasks.contains(k.substring(2))),
        "a dynamic task changed with its body: " + changed);
  }

  @Test
  void aChosenVersionIsEveryEntitysVersion() {
    String path = "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml";
    LoweringOptions fixed = new LoweringOptions(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("2026.1"),
        java.util.Optional.empty(), LoweringOptions.PythonComponents.NATIVE);
    Map<String, String> v = versions(Translation.of(path, fixed, VERSIONED));
    assertEquals(Set.of("2026.1"), new LinkedHashSet<>(v.values()));
    Map<String, String> empty = versions(Translation.of(path, fixed, PackageOptions.DEFAULT));
    assertEquals(Set.of(""), new LinkedHashSet<>(empty.values()), "the default package leaves versions to flytectl");
    assertNotEquals(v, empty);
  }
}
