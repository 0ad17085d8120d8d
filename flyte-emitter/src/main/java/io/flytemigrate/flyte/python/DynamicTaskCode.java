package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code @dynamic} task of a loop: a plain Python {@code for} over the items that calls the
 * loop's body workflow once per item, taking fields of JSON items apart ({@code item["a"]}, or
 * {@code json.dumps(item["a"])} for an input that takes text) and collecting the body's outputs
 * into lists (joined by a task when each is a list KFP would have flattened).
 */
final class DynamicTaskCode {
  /** Declares a return annotation (a NamedTuple when needed) before the function. */
  interface Returns {
    String annotation(PySource src, String owner, List<Variable> outputs);
  }

  private final FlyteProject project;
  private final Imports imports;
  private final TaskCode code;
  private final Set<String> moduleNames;

  DynamicTaskCode(FlyteProject project, Imports imports, TaskCode code, Set<String> moduleNames) {
    this.project = project;
    this.imports = imports;
    this.code = code;
    this.moduleNames = moduleNames;
  }

  void write(PySource src, TaskDef t, Returns returns) {
    imports.from("flytekit", "dynamic");
    TaskBody.DynamicLoop loop = (TaskBody.DynamicLoop) t.body();
    WorkflowDef body = project.workflows().stream().filter(w -> w.id().name().equals(loop.body().name())).findFirst()
        .orElseThrow();
    String ret = t.iface().outputs().isEmpty() ? "" : " -> " + returns.annotation(src, t.python().name(), t.iface().outputs());
    src.line("@dynamic");
    src.expr("", new PyExpr.Call(PyExpr.atom("def " + t.python().name()), code.parameters(t.iface().inputs())), ret + ":");
    src.indent();
    t.description().ifPresent(src::docstring);
    Set<String> locals = new HashSet<>(moduleNames);
    t.iface().inputs().forEach(v -> locals.add(v.name()));
    String item = WorkflowModuleWriter.fresh(locals, "item");
    List<PyExpr> args = new ArrayList<>();
    for (TaskBody.LoopArgument a : loop.arguments()) {
      String value;
      if (a.value() instanceof TaskBody.LoopValue.Item) {
        value = item;
      } else if (a.value() instanceof TaskBody.LoopValue.ItemField f) {
        value = field(item, f.path());
      } else if (a.value() instanceof TaskBody.LoopValue.ItemJson j) {
        imports.std("json");
        value = "json.dumps(" + field(item, j.path()) + ")";
      } else {
        value = ((TaskBody.LoopValue.Passed) a.value()).taskInput();
      }
      args.add(PyExpr.kw(a.bodyInput(), PyExpr.atom(value)));
    }
    PyExpr call = PyExpr.call(body.python().name(), args);
    List<TaskBody.Collected> collected = loop.collected();
    if (collected.isEmpty()) {
      src.line("for " + item + " in " + loop.itemsInput() + ":");
      src.indent();
      src.expr("", call, "");
      src.dedent();
    } else if (collected.size() == 1) {
      String results = WorkflowModuleWriter.fresh(locals, "results");
      src.line(results + " = []");
      src.line("for " + item + " in " + loop.itemsInput() + ":");
      src.indent();
      src.expr("", PyExpr.call(results + ".append", call), "");
      src.dedent();
      src.expr("return ", joined(collected.get(0), PyExpr.atom(results)), "");
    } else {
      String result = WorkflowModuleWriter.fresh(locals, "result");
      List<String> lists = new ArrayList<>();
      for (TaskBody.Collected c : collected) {
        lists.add(WorkflowModuleWriter.fresh(locals, c.taskOutput()));
      }
      for (String l : lists) {
        src.line(l + " = []");
      }
      src.line("for " + item + " in " + loop.itemsInput() + ":");
      src.indent();
      src.expr(result + " = ", call, "");
      for (int i = 0; i < collected.size(); i++) {
        src.expr("", PyExpr.call(lists.get(i) + ".append", PyExpr.atom(result + "." + collected.get(i).bodyOutput())), "");
      }
      src.dedent();
      List<PyExpr> values = new ArrayList<>();
      for (int i = 0; i < collected.size(); i++) {
        values.add(joined(collected.get(i), PyExpr.atom(lists.get(i))));
      }
      WorkflowModuleWriter.returnValues(src, values);
    }
    src.dedent();
  }

  /** {@code item["a"]["b"]}. */
  private static String field(String item, List<String> path) {
    StringBuilder b = new StringBuilder(item);
    path.forEach(k -> b.append('[').append(PyText.str(k)).append(']'));
    return b.toString();
  }

  /** The collected list, or, for lists of lists KFP flattens, the task call that joins them. */
  private PyExpr joined(TaskBody.Collected c, PyExpr list) {
    if (c.flattenedBy().isEmpty()) {
      return list;
    }
    TaskDef flatten = project.task(c.flattenedBy().get()).orElseThrow();
    String input = flatten.iface().inputs().get(0).name();
    return PyExpr.call(taskReference(flatten), PyExpr.kw(input, list));
  }

  /** How the workflow module names a task of the project's (or a batch's shared) tasks module. */
  private String taskReference(TaskDef t) {
    String mod = t.python().module();
    String pkg = mod.endsWith(".tasks") ? mod.substring(0, mod.length() - ".tasks".length()) : mod;
    if (pkg.equals(project.pythonPackage())) {
      imports.local(pkg, "tasks");
      return "tasks." + t.python().name();
    }
    String alias = pkg.replace('.', '_') + "_tasks";
    imports.local(pkg, "tasks as " + alias);
    return alias + "." + t.python().name();
  }
}
