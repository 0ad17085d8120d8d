package io.flytemigrate.kfp.v1;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Argo {@code {{...}}} expression, classified: a template's own input or output, an output
 * of a sibling task or step, the current loop item, a workflow parameter, a value Argo fills in
 * at run time, a KFP v2 placeholder, or something else.
 *
 * @param scope the task or step name for {@link Kind#TASK_PARAMETER} and its kin, else empty
 * @param name the parameter, artifact or runtime variable name
 * @param field what follows the name ({@code path} of an artifact, {@code a.b} of an item)
 * @param raw the expression as written, with its braces
 */
record ArgoRef(Kind kind, String scope, String name, String field, String raw) {
  /** What an expression refers to. */
  enum Kind {
    /** {@code inputs.parameters.x} of the template. */
    INPUT_PARAMETER,
    /** {@code inputs.artifacts.x} or {@code inputs.artifacts.x.path}. */
    INPUT_ARTIFACT,
    /** {@code outputs.parameters.x.path}: where the template writes an output parameter. */
    OUTPUT_PARAMETER,
    /** {@code outputs.artifacts.x.path}. */
    OUTPUT_ARTIFACT,
    /** {@code tasks.t.outputs.parameters.y} or {@code steps.t.outputs.parameters.y}. */
    TASK_PARAMETER,
    /** {@code tasks.t.outputs.artifacts.y} or the steps form. */
    TASK_ARTIFACT,
    /** {@code tasks.t.outputs.result}, {@code tasks.t.status} and other task fields. */
    TASK_OTHER,
    /** {@code item} or {@code item.a}. */
    ITEM,
    /** {@code workflow.parameters.x}. */
    WORKFLOW_PARAMETER,
    /** {@code workflow.name}, {@code pod.name} and the other values Argo fills in. */
    RUNTIME,
    /** A KFP v2 placeholder ({@code {{$.inputs...}}}), found in KFP v2-compatible templates. */
    KFP_V2,
    /** An {@code {{=expr}}} expression. */
    EXPRESSION,
    /** Anything else. */
    UNKNOWN
  }

  private static final Set<String> RUNTIME_NAMES = Set.of(
      "workflow.name", "workflow.namespace", "workflow.uid", "workflow.serviceAccountName", "workflow.status",
      "workflow.duration", "workflow.creationTimestamp", "workflow.mainEntrypoint", "workflow.priority",
      "workflow.failures", "workflow.scheduledTime", "pod.name", "node.name", "retries", "lastRetry.exitCode",
      "lastRetry.status", "lastRetry.duration", "lastRetry.message");

  ArgoRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(raw, "raw");
  }

  /** Classifies the text between the braces. */
  static ArgoRef parse(String inner) {
    String s = inner.strip();
    String raw = "{{" + inner + "}}";
    if (s.startsWith("$")) {
      return new ArgoRef(Kind.KFP_V2, "", s, "", raw);
    }
    if (s.startsWith("=")) {
      return new ArgoRef(Kind.EXPRESSION, "", s.substring(1).strip(), "", raw);
    }
    if (s.equals("item")) {
      return new ArgoRef(Kind.ITEM, "", "item", "", raw);
    }
    if (s.startsWith("item.")) {
      return new ArgoRef(Kind.ITEM, "", "item", s.substring("item.".length()), raw);
    }
    if (RUNTIME_NAMES.contains(s) || s.startsWith("workflow.creationTimestamp.") || s.startsWith("workflow.labels.")
        || s.startsWith("workflow.annotations.")) {
      return new ArgoRef(Kind.RUNTIME, "", s, "", raw);
    }
    List<String> parts = List.of(s.split("\\.", -1));
    if (parts.size() >= 3 && parts.get(0).equals("workflow") && parts.get(1).equals("parameters")) {
      return new ArgoRef(Kind.WORKFLOW_PARAMETER, "", String.join(".", parts.subList(2, parts.size())), "", raw);
    }
    if (parts.size() >= 3 && (parts.get(0).equals("inputs") || parts.get(0).equals("outputs"))) {
      boolean in = parts.get(0).equals("inputs");
      String name = parts.get(2);
      String field = String.join(".", parts.subList(3, parts.size()));
      if (parts.get(1).equals("parameters")) {
        return new ArgoRef(in ? Kind.INPUT_PARAMETER : Kind.OUTPUT_PARAMETER, "", name, field, raw);
      }
      if (parts.get(1).equals("artifacts")) {
        return new ArgoRef(in ? Kind.INPUT_ARTIFACT : Kind.OUTPUT_ARTIFACT, "", name, field, raw);
      }
    }
    if (parts.size() >= 3 && (parts.get(0).equals("tasks") || parts.get(0).equals("steps"))) {
      String task = parts.get(1);
      if (parts.size() >= 5 && parts.get(2).equals("outputs") && parts.get(3).equals("parameters")) {
        return new ArgoRef(Kind.TASK_PARAMETER, task, String.join(".", parts.subList(4, parts.size())), "", raw);
      }
      if (parts.size() >= 5 && parts.get(2).equals("outputs") && parts.get(3).equals("artifacts")) {
        return new ArgoRef(Kind.TASK_ARTIFACT, task, String.join(".", parts.subList(4, parts.size())), "", raw);
      }
      return new ArgoRef(Kind.TASK_OTHER, task, String.join(".", parts.subList(2, parts.size())), "", raw);
    }
    return new ArgoRef(Kind.UNKNOWN, "", s, "", raw);
  }
}
