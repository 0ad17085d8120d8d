package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IR-to-IR rewrite before lowering: Airflow's template values derived from the logical date
 * ({@code {{ ds }}}, {@code {{ ts_nodash }}}, ...) in a container's command line. The container
 * has the logical date as a {@code datetime} input, but Flyte renders a datetime in a command only
 * as RFC 3339 ({@code 2024-01-01T00:00:00Z}), never as {@code 2024-01-01}. So each value is
 * computed, exactly as Airflow renders it, by a small Python task from the same {@code datetime}
 * ({@code airflow_ds}), and reaches the container as a text input in its place. The container
 * keeps its {@code datetime} input, which says where the date comes from.
 */
final class LogicalDates {
  /** How a task computes one template value from {@code utc}, the logical date in UTC. */
  private record Derived(String name, String expression, boolean exact, String example) {}

  private static final Map<String, Derived> DERIVED = new LinkedHashMap<>();

  static {
    for (Derived d : List.of(
        new Derived("ds", "utc.strftime(\"%Y-%m-%d\")", true, "2024-01-31"),
        new Derived("ds_nodash", "utc.strftime(\"%Y%m%d\")", true, "20240131"),
        new Derived("ts", "utc.isoformat()", true, "2024-01-31T00:00:00+00:00"),
        new Derived("ts_nodash", "utc.strftime(\"%Y%m%dT%H%M%S\")", true, "20240131T000000"),
        new Derived("ts_nodash_with_tz", "utc.isoformat().replace(\"-\", \"\").replace(\":\", \"\")", true,
            "20240131T000000+0000"),
        new Derived("yesterday_ds", "(utc - datetime.timedelta(days=1)).strftime(\"%Y-%m-%d\")", true, "2024-01-30"),
        new Derived("yesterday_ds_nodash", "(utc - datetime.timedelta(days=1)).strftime(\"%Y%m%d\")", true, "20240130"),
        new Derived("tomorrow_ds", "(utc + datetime.timedelta(days=1)).strftime(\"%Y-%m-%d\")", true, "2024-02-01"),
        new Derived("tomorrow_ds_nodash", "(utc + datetime.timedelta(days=1)).strftime(\"%Y%m%d\")", true, "20240201"),
        new Derived("logical_date", "utc.isoformat()", false, "2024-01-31T00:00:00+00:00"))) {
      DERIVED.put(d.name(), d);
    }
  }

  /** The template name a value is computed under: the date objects themselves render as their ISO text. */
  private static Optional<Derived> derived(String runtimeValue) {
    String name = switch (runtimeValue) {
      case "execution_date", "dag_run.logical_date", "dag_run.execution_date" -> "logical_date";
      default -> runtimeValue;
    };
    return Optional.ofNullable(DERIVED.get(name));
  }

  /** A conversion task of the rewritten pipeline, and what it computes. */
  record Conversion(Component.PythonComponent component, String value, boolean exact, String example) {}

  private static final String INPUT = "logical_date";

  private final Pipeline pipeline;
  private final IrIndex index;
  /** Rewritten container components, by id. */
  private final Map<String, Component> rewritten = new LinkedHashMap<>();
  /** Per rewritten component: its datetime input, and the text input of each template value. */
  private final Map<String, String> dateInput = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> textInputs = new LinkedHashMap<>();
  /** The conversion component of each template value used, by value name. */
  private final Map<String, Component.PythonComponent> conversions = new LinkedHashMap<>();
  private final Set<String> componentIds = new HashSet<>();

  private LogicalDates(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.index = new IrIndex(pipeline);
    pipeline.components().forEach(c -> componentIds.add(c.id()));
  }

  static Pipeline rewrite(Pipeline p) {
    LogicalDates r = new LogicalDates(p);
    r.plan();
    if (r.rewritten.isEmpty()) {
      return p;
    }
    List<Component> components = new ArrayList<>();
    for (Component c : p.components()) {
      Component now = r.rewritten.getOrDefault(c.id(), c);
      components.add(now instanceof Component.PipelineComponent pc
          ? new Component.PipelineComponent(pc.id(), pc.description(), r.graph(pc.graph()), pc.span())
          : now);
    }
    Graph root = r.graph(p.root());
    components.addAll(r.conversions.values());
    return new Pipeline(p.name(), p.displayName(), p.description(), p.source(), components, root, p.platform(), p.span());
  }

  /** The conversion tasks in a rewritten pipeline, in component order. */
  static List<Conversion> conversions(Pipeline p) {
    List<Conversion> out = new ArrayList<>();
    for (Component c : p.components()) {
      if (c instanceof Component.PythonComponent pc) {
        for (Derived d : DERIVED.values()) {
          if (pc.source().equals(Optional.of(source(d))) && pc.functionName().equals(function(d))) {
            out.add(new Conversion(pc, d.name(), d.exact(), d.example()));
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- planning

  /** Chooses the containers to rewrite: those with a datetime input that every node using them binds. */
  private void plan() {
    Set<String> unbound = new HashSet<>();
    for (Graph g : graphs()) {
      collectUnbound(g, unbound);
    }
    for (Component c : pipeline.components()) {
      if (!(c instanceof Component.ContainerComponent cc) || unbound.contains(c.id())) {
        continue;
      }
      Optional<String> date = dateInputOf(cc.iface());
      Set<String> used = new LinkedHashSet<>();
      cc.container().command().forEach(a -> used(a, used));
      cc.container().args().forEach(a -> used(a, used));
      if (date.isEmpty() || used.isEmpty()) {
        continue;
      }
      Set<String> taken = new HashSet<>();
      cc.iface().inputs().forEach(p -> taken.add(p.name()));
      cc.iface().outputs().forEach(p -> taken.add(p.name()));
      Map<String, String> texts = new LinkedHashMap<>();
      List<Port> inputs = new ArrayList<>(cc.iface().inputs());
      for (String value : used) {
        Derived d = derived(value).orElseThrow();
        if (texts.containsKey(d.name())) {
          continue;
        }
        String port = fresh(taken, d.name().equals(INPUT) ? INPUT + "_text" : d.name());
        texts.put(d.name(), port);
        inputs.add(new Port(port, IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(),
            Optional.of("airflow's `{{ " + d.name() + " }}`, computed from `" + date.get() + "`"), Span.NONE));
        conversion(d);
      }
      ContainerSpec s = cc.container();
      ContainerSpec spec = new ContainerSpec(s.image(), replaced(s.command(), texts), replaced(s.args(), texts), s.env(),
          s.resources(), s.kubernetes(), s.span());
      rewritten.put(c.id(), new Component.ContainerComponent(cc.id(), new Interface(inputs, cc.iface().outputs()),
          cc.description(), spec, cc.span()));
      dateInput.put(c.id(), date.get());
      textInputs.put(c.id(), texts);
    }
  }

  /** The component's logical-date input: the datetime input named so, else its first datetime input. */
  private static Optional<String> dateInputOf(Interface iface) {
    List<String> dates = iface.inputs().stream().filter(p -> p.type().equals(IrType.primitive(IrType.Scalar.DATETIME)))
        .map(Port::name).toList();
    return dates.contains(INPUT) ? Optional.of(INPUT) : dates.stream().findFirst();
  }

  /** Components used by a node that does not bind their datetime input: left alone, or the node would lose an input. */
  private void collectUnbound(Graph g, Set<String> out) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t) {
        Optional<Component> c = index.component(t.component());
        Optional<String> date = c.flatMap(x -> dateInputOf(x.iface()));
        if (date.isPresent() && t.inputs().stream().noneMatch(b -> b.input().equals(date.get()))) {
          out.add(t.component());
        }
      } else {
        collectUnbound(body(n), out);
      }
    }
  }

  private void conversion(Derived d) {
    if (conversions.containsKey(d.name())) {
      return;
    }
    String id = fresh(componentIds, "comp-airflow-" + d.name().replace('_', '-'));
    Port in = new Port(INPUT, IrType.primitive(IrType.Scalar.DATETIME), false, false, Optional.empty(), Optional.empty(),
        Span.NONE);
    Port out = new Port("Output", IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(), Optional.empty(),
        Span.NONE);
    ContainerSpec container = new ContainerSpec("", List.of(), List.of(), List.of(), Resources.NONE,
        KubernetesSettings.NONE, Span.NONE);
    conversions.put(d.name(), new Component.PythonComponent(id, new Interface(List.of(in), List.of(out)),
        Optional.of("Airflow's `{{ " + d.name() + " }}` of a logical date, as Airflow renders it"), function(d),
        Optional.of(source(d)), Span.NONE, List.of(), List.of(), List.of(), "", container, Span.NONE));
  }

  private static String function(Derived d) {
    return "airflow_" + d.name();
  }

  private static String source(Derived d) {
    return "def " + function(d) + "(" + INPUT + "):\n"
        + "    if " + INPUT + ".tzinfo is None:\n"
        + "        " + INPUT + " = " + INPUT + ".replace(tzinfo=datetime.timezone.utc)\n"
        + "    utc = " + INPUT + ".astimezone(datetime.timezone.utc)\n"
        + "    return " + d.expression() + "\n";
  }

  private static void used(Arg a, Set<String> out) {
    if (a instanceof Arg.RuntimeValue r && derived(r.name()).isPresent()) {
      out.add(r.name());
    } else if (a instanceof Arg.Concat c) {
      c.parts().forEach(p -> used(p, out));
    } else if (a instanceof Arg.IfPresent p) {
      p.then().forEach(x -> used(x, out));
      p.otherwise().forEach(x -> used(x, out));
    }
  }

  private static List<Arg> replaced(List<Arg> args, Map<String, String> texts) {
    List<Arg> out = new ArrayList<>();
    for (Arg a : args) {
      out.add(replaced(a, texts));
    }
    return out;
  }

  private static Arg replaced(Arg a, Map<String, String> texts) {
    if (a instanceof Arg.RuntimeValue r && derived(r.name()).isPresent()) {
      return new Arg.InputRef(texts.get(derived(r.name()).get().name()), Arg.Access.VALUE);
    }
    if (a instanceof Arg.Concat c) {
      return new Arg.Concat(replaced(c.parts(), texts));
    }
    if (a instanceof Arg.IfPresent p) {
      return new Arg.IfPresent(p.input(), replaced(p.then(), texts), replaced(p.otherwise(), texts));
    }
    return a;
  }

  // ---------------------------------------------------------------- graphs

  private List<Graph> graphs() {
    List<Graph> out = new ArrayList<>();
    out.add(pipeline.root());
    for (Component c : pipeline.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        out.add(pc.graph());
      }
    }
    return out;
  }

  /** {@code g} with every node of a rewritten container fed its text inputs by conversion nodes placed before it. */
  private Graph graph(Graph g) {
    Set<String> ids = new HashSet<>();
    g.nodes().forEach(n -> ids.add(n.id()));
    Map<List<Object>, String> made = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (!(n instanceof Node.TaskNode t) || !rewritten.containsKey(t.component())) {
        nodes.add(withBody(n));
        continue;
      }
      String date = dateInput.get(t.component());
      InputBinding dateBinding = t.inputs().stream().filter(b -> b.input().equals(date)).findFirst().orElseThrow();
      List<InputBinding> inputs = new ArrayList<>(t.inputs());
      for (Map.Entry<String, String> e : textInputs.get(t.component()).entrySet()) {
        List<Object> key = List.of(e.getKey(), dateBinding.value());
        String id = made.get(key);
        if (id == null) {
          id = fresh(ids, "airflow-" + e.getKey().replace('_', '-'));
          made.put(key, id);
          nodes.add(new Node.TaskNode(id, id, conversions.get(e.getKey()).id(),
              List.of(new InputBinding(INPUT, dateBinding.value(), dateBinding.span())), List.of(), TaskSettings.DEFAULT,
              Optional.empty(), Span.NONE));
        }
        inputs.add(new InputBinding(e.getValue(), new Binding.TaskOutput(id, "Output"), dateBinding.span()));
      }
      nodes.add(new Node.TaskNode(t.id(), t.displayName(), t.component(), inputs, t.after(), t.settings(), t.condition(),
          t.span()));
    }
    return new Graph(g.iface(), nodes, g.outputs(), g.span());
  }

  private Node withBody(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return new Node.ConditionNode(c.id(), c.displayName(), c.inputs(), c.after(), c.condition(), graph(c.body()),
          c.span());
    }
    if (n instanceof Node.BranchesNode b) {
      return new Node.BranchesNode(b.id(), b.displayName(), b.inputs(), b.after(), graph(b.body()), b.span());
    }
    if (n instanceof Node.LoopNode l) {
      return new Node.LoopNode(l.id(), l.displayName(), l.inputs(), l.after(), l.items(), l.itemInput(), l.parallelism(),
          graph(l.body()), l.span());
    }
    if (n instanceof Node.ExitHandlerNode e) {
      return new Node.ExitHandlerNode(e.id(), e.displayName(), e.inputs(), e.after(), graph(e.body()), e.exitTask(),
          e.span());
    }
    return n;
  }

  private static Graph body(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return c.body();
    }
    if (n instanceof Node.BranchesNode b) {
      return b.body();
    }
    if (n instanceof Node.LoopNode l) {
      return l.body();
    }
    return ((Node.ExitHandlerNode) n).body();
  }

  private static String fresh(Set<String> taken, String wanted) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) {
      name = wanted + "-" + i;
    }
    taken.add(name);
    return name;
  }
}
