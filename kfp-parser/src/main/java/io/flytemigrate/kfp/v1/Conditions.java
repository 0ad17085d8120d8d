package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Argo {@code when} conditions: the expression becomes a {@link Condition} whose {@code {{...}}}
 * references are inputs of the node (reusing an argument that binds the same value, else adding
 * a {@code pipelinechannel--} input), parsed by {@link WhenParser} where it can be. And what a
 * condition means for the tasks after it: Argo counts a skipped task as done.
 */
final class Conditions {
  private final DiagnosticSink sink;
  private final ArgumentBindings arguments;

  Conditions(DiagnosticSink sink, ArgumentBindings arguments) {
    this.sink = sink;
    this.arguments = arguments;
  }

  Condition condition(String text, Span span, Scope scope, NodeInputs inputs, String what) {
    Map<String, Optional<String>> names = new LinkedHashMap<>();
    for (ArgoText.Piece p : ArgoText.split(text)) {
      if (p instanceof ArgoText.Ref ref) {
        ArgoRef r = ref.ref();
        names.computeIfAbsent(r.raw(), k -> {
          if (r.kind() == ArgoRef.Kind.ITEM || r.kind() == ArgoRef.Kind.RUNTIME || r.kind() == ArgoRef.Kind.TASK_OTHER) {
            return Optional.empty();
          }
          Binding b = arguments.ref(r, span, scope, null);
          if (b instanceof Binding.Unresolved) {
            return Optional.empty();
          }
          return Optional.of(inputs.hidden(ArgumentBindings.baseName(r), b, span));
        });
      }
    }
    Optional<Expr> parsed = WhenParser.parse(text, r -> names.getOrDefault(r.raw(), Optional.empty()));
    if (parsed.isEmpty()) {
      Messages.report(sink, Codes.UNPARSED_WHEN, span, "the `when` of " + what + ", `" + text + "`, could not be parsed and is kept as text",
          "conditions compare task outputs or inputs with literals using == != < <= > >=, joined by && and ||");
    }
    return new Condition(text, parsed, span);
  }
  // ---- globals ------------------------------------------------------------------------------

  /**
   * Argo runs a task whose plain dependency was skipped by its {@code when} (a skipped task
   * counts as done), so such a task waits for its dependencies to not have failed.
   */
  static List<Node> skippedIsFine(List<Node> nodes, Scope scope, Set<String> strict) {
    Set<String> conditional = new LinkedHashSet<>();
    for (Node n : nodes) {
      if (n instanceof Node.ConditionNode || n instanceof Node.TaskNode t && t.condition().isPresent()) {
        conditional.add(n.id());
      }
    }
    if (conditional.isEmpty()) {
      return nodes;
    }
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Node.TaskNode t && t.settings().trigger() == TaskSettings.Trigger.ALL_SUCCEEDED
          && t.after().stream().anyMatch(conditional::contains) && !strict.contains(scope.template + "\u0000" + t.id())) {
        TaskSettings s = t.settings();
        out.add(new Node.TaskNode(t.id(), t.displayName(), t.component(), t.inputs(), t.after(),
            new TaskSettings(s.cache(), s.cacheKey(), s.retry(), s.timeout(), TaskSettings.Trigger.NONE_FAILED, s.attributes(), s.span()),
            t.condition(), t.span()));
      } else {
        out.add(n);
      }
    }
    return out;
  }
}
