package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an opaque component (a sensor, a trigger, a provider operator, a KFP v1 resource or volume
 * op, a component reference that cannot be resolved) becomes: a placeholder task that keeps the
 * node's place in the graph, its name and its ordering edges, with the operator's kind and source
 * text in a comment so a user sees what to replace.
 *
 * <p>Two kinds of placeholder, decided per component. When nothing reads the component's
 * outputs, flytekit's no-op {@code Echo} task: the workflow runs, and only the operator's work is
 * missing (other placeholders take no inputs, so their reads do not count). When a translated
 * node or a graph output reads them, inventing values would be a guess presented as fact, and
 * leaving the readers out would lose them too; so the placeholder is a Python task with the
 * component's outputs, typed as their readers expect where the source leaves them untyped, that
 * raises {@code NotImplementedError}: the workflow registers with every data edge in place and
 * fails at that node, with a message naming the operator, until someone replaces it.
 *
 * <p>The placeholder takes no inputs: the operator's arguments are in its source text, and a
 * value read from another task's output still orders the placeholder after that task.
 */
final class Placeholders {
  /** The attribute in which the Airflow reader keeps an operator's qualified class name. */
  private static final String OPERATOR_CLASS = "airflow.operator";

  private Placeholders() {}

  /**
   * Which outputs of opaque components are read, and as what.
   *
   * @param components ids of the opaque components whose outputs a node or a graph output reads;
   *     reads by placeholders (tasks of opaque components, which take no inputs) do not count
   * @param types for an output the source leaves untyped, the declared type of an input that
   *     reads it directly, by {@code <component id>/<output name>}, so that the placeholder's
   *     output has the type its reader expects
   */
  record Reads(Set<String> components, Map<String, IrType> types) {
    /** The type the placeholder of {@code oc} gives its output {@code p}. */
    Port typed(Component.OpaqueComponent oc, Port p) {
      IrType t = types.get(oc.id() + "/" + p.name());
      return p.type() instanceof IrType.Any && t != null
          ? new Port(p.name(), t, p.artifact(), p.optional(), p.defaultValue(), p.description(), p.span()) : p;
    }
  }

  /** What the pipeline reads of its opaque components' outputs. */
  static Reads reads(Pipeline p) {
    Set<String> out = new TreeSet<>();
    Map<String, IrType> types = new HashMap<>();
    List<Graph> graphs = new ArrayList<>();
    graphs.add(p.root());
    for (Component c : p.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        graphs.add(pc.graph());
      }
    }
    IrIndex index = new IrIndex(p);
    for (Graph g : graphs) {
      Map<String, String> componentOf = new HashMap<>();
      List<Read> read = new ArrayList<>();
      scan(index, g, componentOf, read);
      for (Read r : read) {
        String comp = componentOf.get(r.task());
        if (comp != null && index.component(comp).orElse(null) instanceof Component.OpaqueComponent) {
          out.add(comp);
          r.as().filter(t -> !(t instanceof IrType.Any)).ifPresent(t -> types.putIfAbsent(comp + "/" + r.output(), t));
        }
      }
    }
    return new Reads(out, types);
  }

  /** A read of output {@code output} of node {@code task}, by an input declared as {@code as}. */
  private record Read(String task, String output, Optional<IrType> as) {}

  /** Task nodes by id and the reads of node outputs, in a graph and its bodies, in order. */
  private static void scan(IrIndex p, Graph g, Map<String, String> componentOf, List<Read> read) {
    for (Graph.GraphOutput o : g.outputs()) {
      o.sources().forEach(s -> read.add(new Read(s.task(), s.output(), Optional.empty())));
    }
    for (Node n : g.nodes()) {
      Optional<Component> c = n instanceof Node.TaskNode t ? p.component(t.component()) : Optional.empty();
      if (n instanceof Node.TaskNode t) {
        componentOf.putIfAbsent(t.id(), t.component());
      }
      if (c.isPresent() && c.get() instanceof Component.OpaqueComponent) {
        continue;
      }
      for (InputBinding ib : n.inputs()) {
        if (ib.value() instanceof Binding.TaskOutput to) {
          read.add(new Read(to.task(), to.output(), c.flatMap(x -> x.iface().input(ib.input())).map(Port::type)));
        } else {
          producer(ib.value()).ifPresent(task -> read.add(new Read(task, "", Optional.empty())));
        }
      }
      Graph body = n instanceof Node.ConditionNode cn ? cn.body()
          : n instanceof Node.BranchesNode b ? b.body()
          : n instanceof Node.LoopNode l ? l.body()
          : n instanceof Node.ExitHandlerNode e ? e.body() : null;
      if (body != null) {
        scan(p, body, componentOf, read);
      }
    }
  }

  /** The node whose output a binding reads, if it reads one. */
  static Optional<String> producer(Binding b) {
    if (b instanceof Binding.TaskOutput t) {
      return Optional.of(t.task());
    }
    if (b instanceof Binding.Field f) {
      return producer(f.base());
    }
    return Optional.empty();
  }

  /**
   * The placeholder task of {@code oc}, named {@code name}: {@code Echo} without outputs, else a
   * Python task with {@code outputs} that raises. Reports the component DROPPED, with one warning.
   */
  static TaskDef task(Context ctx, Component.OpaqueComponent oc, Optional<String> operatorClass, String name,
      List<Variable> outputs) {
    boolean fails = !outputs.isEmpty();
    List<String> comment = comment(oc, operatorClass, fails);
    Identifier id = ctx.id(Identifier.ResourceType.TASK, ctx.tasksModule() + "." + name);
    PythonRef python = new PythonRef(ctx.tasksModule(), name);
    TaskDef def;
    if (fails) {
      TaskBody body = new TaskBody.PythonFunction(name, "", failingFunction(name, comment, failure(oc)), 1,
          TaskBody.PythonFunction.Style.DIRECT);
      def = new TaskDef(id, TaskKind.PYTHON, new TypedInterface(List.of(), outputs), TaskMetadata.DEFAULT,
          Optional.of(new Container(ctx.options.image().orElse(TaskLowering.FLYTEKIT_IMAGE), Optional.empty(), List.of(),
              List.of(), Resources.NONE, List.of(), Optional.empty())), Optional.empty(), List.of(), body, python,
          Optional.of("a placeholder that raises until it is replaced"), oc.id(), oc.span());
    } else {
      def = new TaskDef(id, TaskKind.ECHO, TypedInterface.EMPTY, TaskMetadata.DEFAULT, Optional.empty(), Optional.empty(),
          List.of(), new TaskBody.Echo(), python, Optional.of(String.join("\n", comment)), oc.id(), oc.span());
    }
    String runs = fails ? "raises `NotImplementedError`, since later tasks read its outputs" : "does nothing";
    ctx.parity.dropped("component", oc.id(), oc.span(), "a " + operator(oc, operatorClass) + " has no Flyte translation;"
        + " its tasks run placeholder task `" + name + "`, which " + runs + " (its source is in the task's comment)");
    ctx.warn(Codes.ELEMENT_DROPPED, oc.span(), "component `" + oc.id() + "` is a `" + oc.kind() + "`, which has no"
        + " Flyte translation, so its tasks run placeholder task `" + name + "`, which " + runs,
        "replace `" + name + "` in the tasks module with a task that does the same work");
    return def;
  }

  /**
   * Reports what becomes of a placeholder node's inputs and settings, and returns the IR nodes it
   * must run after: its own after list and the nodes whose outputs its inputs read, so data order
   * survives as ordering. Its inputs are not passed (the placeholder takes none); their values are
   * in the operator's source text in the task's comment.
   */
  static List<String> inputs(WorkflowBuilder wb, Node.TaskNode t, TaskLowering.LoweredTask lt) {
    NodeSettingsLowering.placeholder(t.settings(), t.id(), wb.ctx);
    Set<String> after = new LinkedHashSet<>(t.after());
    for (InputBinding ib : t.inputs()) {
      Optional<String> producer = producer(ib.value());
      producer.ifPresent(after::add);
      wb.ctx.parity.dropped("binding", "`" + t.id() + "." + ib.input() + "`", ib.span(), "not passed: placeholder task `"
          + lt.def().python().name() + "` takes no inputs; the value is in the operator's source in its comment"
          + producer.map(p -> ", and the node still runs after `" + p + "`").orElse(""));
    }
    return List.copyOf(after);
  }

  /** The parity row of a task that runs placeholder {@code lt} as node {@code nodeId} of {@code wb}. */
  static void row(WorkflowBuilder wb, Node.TaskNode t, Component.OpaqueComponent oc, TaskLowering.LoweredTask lt,
      String nodeId) {
    String runs = lt.def().kind() == TaskKind.ECHO
        ? "flytekit's no-op `Echo` task `" + lt.def().python().name() + "` (the echo plugin must be enabled)"
        : "task `" + lt.def().python().name() + "`, which has the component's typed outputs and raises"
            + " `NotImplementedError`, since later tasks read them";
    String trigger = t.settings().trigger() == TaskSettings.Trigger.ALL_SUCCEEDED ? ""
        : "; trigger rule " + t.settings().trigger() + " has no Flyte counterpart: the node runs when its upstream nodes"
            + " succeed";
    wb.ctx.parity.approximated("task", t.id(), t.span(), wb.id.name() + "/" + nodeId,
        "placeholder for a " + operator(oc, operatorClass(t)) + ", which has no Flyte translation: the node keeps its"
            + " name, its place and its ordering edges, but runs " + runs + trigger);
  }

  /** The operator's qualified class, when the reader kept it on the node. */
  static Optional<String> operatorClass(Node.TaskNode t) {
    for (Attribute a : t.settings().attributes()) {
      if (a.key().equals(OPERATOR_CLASS) && a.value() instanceof Value.Str s && !s.value().isEmpty()) {
        return Optional.of(s.value());
      }
    }
    return Optional.empty();
  }

  /** How the operator is named in messages: its kind, and its class where known. */
  static String operator(Component.OpaqueComponent oc, Optional<String> operatorClass) {
    return "`" + oc.kind() + "`" + operatorClass.filter(q -> !q.equals(oc.kind())).map(q -> " (`" + q + "`)").orElse("");
  }

  /**
   * The comment that heads a placeholder: what it stands for, what it does, and the operator's
   * source text, re-indented, so its class and arguments are in the generated code.
   *
   * @param fails whether the placeholder raises (its outputs are read) rather than doing nothing
   */
  static List<String> comment(Component.OpaqueComponent oc, Optional<String> operatorClass, boolean fails) {
    List<String> lines = new ArrayList<>();
    lines.add("Placeholder for component `" + oc.id() + "` (`" + oc.kind() + "`),");
    lines.add("which has no Flyte translation.");
    operatorClass.filter(q -> !q.equals(oc.kind())).ifPresent(q -> lines.add("Operator class: `" + q + "`."));
    if (fails) {
      lines.add("Later tasks read its outputs, so it raises instead of inventing them:");
      lines.add("replace it with a task that does the same work and returns them.");
    } else {
      lines.add("It does nothing: replace it with a task that does the same work.");
    }
    List<String> source = sourceLines(oc.rawText());
    if (!source.isEmpty()) {
      lines.add("The source:");
      for (String l : source) {
        lines.add(l.isEmpty() ? "" : "    " + l);
      }
    }
    lines.replaceAll(Placeholders::printable);
    return lines;
  }

  /** The message of the placeholder's {@code NotImplementedError}. */
  static String failure(Component.OpaqueComponent oc) {
    return "component `" + oc.id() + "` (`" + oc.kind() + "`) has no Flyte translation: replace this placeholder"
        + " with a task that produces its outputs";
  }

  /**
   * The Python function of a raising placeholder: the signature line (the writer derives the real
   * one from the interface), then the comment and the {@code raise}, as body lines.
   */
  static String failingFunction(String name, List<String> comment, String message) {
    StringBuilder b = new StringBuilder("def ").append(name).append("():");
    for (String l : comment) {
      b.append("\n    #").append(l.isEmpty() ? "" : " " + l);
    }
    b.append("\n    raise NotImplementedError(\"");
    for (char c : printable(message).toCharArray()) {
      b.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
    }
    return b.append("\")").toString();
  }

  /**
   * The source text as comment lines, without the indentation its lines share; no trailing spaces,
   * no trailing blank lines. A first line that starts mid-line (a call after {@code x = }) has no
   * indentation of its own and does not count.
   */
  static List<String> sourceLines(String raw) {
    List<String> lines = new ArrayList<>(List.of(raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
    lines.replaceAll(l -> printable(l).stripTrailing());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    int common = Integer.MAX_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int indent = l.length() - l.stripLeading().length();
      if (!l.isEmpty() && (indent > 0 || i > 0)) {
        common = Math.min(common, indent);
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      int indent = l.length() - l.stripLeading().length();
      out.add(l.isEmpty() ? "" : l.substring(Math.min(indent, common)));
    }
    return out;
  }

  /** A line with control characters (which a comment cannot hold) as spaces; tabs are kept. */
  private static String printable(String l) {
    StringBuilder b = new StringBuilder(l.length());
    for (char c : l.toCharArray()) {
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029';
      b.append(control ? ' ' : c);
    }
    return b.toString();
  }
}
