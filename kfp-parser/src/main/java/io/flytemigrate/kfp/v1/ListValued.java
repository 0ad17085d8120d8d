package io.flytemigrate.kfp.v1;

import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters a loop iterates over. Argo's {@code withParam} takes a JSON list, so a task
 * output or workflow parameter that feeds one holds a list even when nothing types it (Argo
 * parameters are text); such an untyped port is typed as a list of any value. Found by a scan of
 * every DAG and steps template before they are read.
 *
 * @param outputs {@code template/output} pairs of executable templates
 * @param workflowParameters names of workflow parameters
 */
record ListValued(Set<String> outputs, Set<String> workflowParameters) {
  ListValued {
    outputs = Set.copyOf(outputs);
    workflowParameters = Set.copyOf(workflowParameters);
  }

  static ListValued scan(Templates templates, Optional<String> entrypoint) {
    Set<String> outputs = new LinkedHashSet<>();
    Set<String> globals = new LinkedHashSet<>();
    for (Templates.Template t : templates.all()) {
      List<DocMap> tasks = new ArrayList<>();
      Optional<DocNode> dag = t.node().entry("dag").map(Entry::value);
      if (dag.isPresent() && dag.get() instanceof DocMap d) {
        Templates.list(d, "tasks").forEach(n -> add(n, tasks));
      }
      for (DocNode group : Templates.list(t.node(), "steps")) {
        (group instanceof DocSeq s ? s.items() : List.of(group)).forEach(n -> add(n, tasks));
      }
      Map<String, String> templateOf = new LinkedHashMap<>();
      for (DocMap task : tasks) {
        Templates.text(task, "name").ifPresent(n -> templateOf.put(n, Templates.text(task, "template").orElse("")));
      }
      for (DocMap task : tasks) {
        Optional<ArgoRef> ref = Templates.text(task, "withParam").flatMap(ArgoText::single);
        if (ref.isEmpty()) {
          continue;
        }
        ArgoRef r = ref.get();
        if (r.kind() == ArgoRef.Kind.TASK_PARAMETER && templateOf.containsKey(r.scope())) {
          outputs.add(templateOf.get(r.scope()) + "/" + r.name());
        } else if (r.kind() == ArgoRef.Kind.WORKFLOW_PARAMETER
            || r.kind() == ArgoRef.Kind.INPUT_PARAMETER && entrypoint.filter(t.name()::equals).isPresent()) {
          globals.add(r.name());
        }
      }
    }
    return new ListValued(outputs, globals);
  }

  private static void add(DocNode n, List<DocMap> out) {
    if (n instanceof DocMap m) {
      out.add(m);
    }
  }
}
