package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The state of one workflow while its graph is lowered: its inputs, the Flyte node each IR node
 * became and what its outputs are called, and the nodes built so far. Resolves IR bindings to
 * Flyte bindings inside this workflow.
 */
final class WorkflowBuilder {
  /** What an IR node became: its Flyte node id and its outputs by IR output name. */
  record NodeOut(String nodeId, Map<String, String> outputVars, Map<String, LiteralType> varTypes) {}

  final Context ctx;
  final String module;
  final String pythonName;
  final Identifier id;
  final Graph graph;
  final GraphScope scope;
  final WorkflowDef.Role role;
  final NameTable nodeIds = new NameTable("-").reserve(List.of("start-node", "end-node", "fn0"));
  final NameTable inputNames = new NameTable("_").reserve(Names.PYTHON_KEYWORDS).reserve(Context.RESERVED);
  final LinkedHashMap<String, Variable> inputs = new LinkedHashMap<>();
  final Map<String, Optional<Literal>> defaults = new HashMap<>();
  final Map<String, NodeOut> irNodes = new HashMap<>();
  final Map<String, BindingData> importers = new HashMap<>();
  final List<Node> nodes = new ArrayList<>();
  /** How an IR graph input is read here; by default, the workflow input of that name. */
  Function<String, Optional<BindingData>> graphInputs = name -> Optional.empty();
  /** The variables of the current loop item and of its fields, in a loop body. */
  final Map<String, String> loopItems = new HashMap<>();
  final Map<List<String>, String> itemFields = new HashMap<>();

  WorkflowBuilder(Context ctx, String module, String pythonName, Graph graph, GraphScope scope, WorkflowDef.Role role) {
    this.ctx = ctx;
    this.module = module;
    this.pythonName = pythonName;
    this.id = ctx.id(Identifier.ResourceType.WORKFLOW, module + "." + pythonName);
    this.graph = graph;
    this.scope = scope;
    this.role = role;
    this.graphInputs = name -> Optional.ofNullable(inputs.get("graph:" + name))
        .map(v -> BindingData.Promise.input(v.name()));
  }

  /** Adds a workflow input under {@code key} ({@code graph:<name>} for IR graph inputs). */
  String addInput(String key, String wanted, LiteralType type, Optional<Literal> defaultValue) {
    Variable existing = inputs.get(key);
    if (existing != null) {
      return existing.name();
    }
    String var = inputNames.claim(wanted);
    inputs.put(key, new Variable(var, type, var));
    defaults.put(var, defaultValue);
    return var;
  }

  /** The binding of an IR binding for a consumer of type {@code target}; empty when it cannot be bound. */
  Optional<BindingData> bind(io.flytemigrate.ir.Binding b, LiteralType target, String where, Span span) {
    if (b instanceof io.flytemigrate.ir.Binding.Constant c) {
      return constant(c.value(), target, where, span);
    }
    if (b instanceof io.flytemigrate.ir.Binding.GraphInput g) {
      Optional<BindingData> fed = graphInputs.apply(g.input());
      if (fed.isEmpty()) {
        ctx.parity.dropped("binding", where, span, "graph input `" + g.input() + "` is not available here");
      }
      return fed;
    }
    if (b instanceof io.flytemigrate.ir.Binding.TaskOutput t) {
      BindingData importer = importers.get(t.task());
      if (importer != null) {
        return Optional.of(importer);
      }
      Optional<BindingData> out = output(t.task(), t.output());
      if (out.isEmpty()) {
        ctx.parity.dropped("binding", where, span, "output `" + t.output() + "` of `" + t.task() + "` has no Flyte counterpart");
      }
      return out;
    }
    if (b instanceof io.flytemigrate.ir.Binding.LoopItem l) {
      String var = loopItems.get(l.loop());
      if (var == null) {
        ctx.parity.dropped("binding", where, span, "the item of loop `" + l.loop() + "` is not available here");
        return Optional.empty();
      }
      return Optional.of(BindingData.Promise.input(var));
    }
    if (b instanceof io.flytemigrate.ir.Binding.Field f && f.base() instanceof io.flytemigrate.ir.Binding.LoopItem) {
      String var = itemFields.get(f.path());
      if (var == null) {
        ctx.parity.dropped("binding", where, span, "field `" + f.raw() + "` of a loop item is not available here");
        return Optional.empty();
      }
      return Optional.of(BindingData.Promise.input(var));
    }
    if (b instanceof io.flytemigrate.ir.Binding.Template t) {
      StringBuilder text = new StringBuilder();
      for (io.flytemigrate.ir.Arg part : t.parts()) {
        if (part instanceof io.flytemigrate.ir.Arg.Literal l) {
          text.append(l.text());
        } else {
          ctx.parity.dropped("binding", where, span,
              "a string built from other inputs at run time has no Flyte counterpart; compute it in a task");
          ctx.warn(Codes.ELEMENT_DROPPED, span, "input " + where + " is a string template of other inputs, which Flyte"
              + " cannot build without a task, so it is left unbound", "compute the string in a task");
          return Optional.empty();
        }
      }
      return constant(Value.str(text.toString()), target, where, span);
    }
    String raw = b instanceof io.flytemigrate.ir.Binding.Unresolved u ? u.raw() : b.getClass().getSimpleName();
    ctx.parity.dropped("binding", where, span, "`" + raw + "` has no Flyte counterpart");
    ctx.warn(Codes.ELEMENT_DROPPED, span, "input " + where + " is bound to `" + raw + "`, which has no Flyte counterpart",
        "bind it to a constant, a parameter or another task's output");
    return Optional.empty();
  }

  /** A static binding of a constant, converted to the consumer's type. */
  Optional<BindingData> constant(Value v, LiteralType target, String where, Span span) {
    Optional<Literal> lit = Values.of(v, target);
    if (lit.isPresent()) {
      return Optional.of(new BindingData.Static(lit.get()));
    }
    Optional<Literal> asText = Values.of(Value.str(v instanceof Value.Str s ? s.value() : Values.json(v)), target);
    ctx.warn(Codes.VALUE_TYPE_MISMATCH, span, "the value `" + Values.text(v) + "` of " + where + " does not fit its type `"
        + io.flytemigrate.flyte.python.PythonTypes.annotation(target) + "`", "change the value or the input's type");
    if (asText.isPresent()) {
      ctx.parity.approximated("binding", where, span, "static value", "`" + Values.text(v) + "` is passed as text");
      return Optional.of(new BindingData.Static(asText.get()));
    }
    ctx.parity.dropped("binding", where, span, "`" + Values.text(v) + "` does not fit type `"
        + io.flytemigrate.flyte.python.PythonTypes.annotation(target) + "`");
    return Optional.empty();
  }

  /** The promise of an IR node's output in this workflow. */
  Optional<BindingData> output(String irNode, String irOutput) {
    NodeOut n = irNodes.get(irNode);
    if (n == null) {
      return Optional.empty();
    }
    String var = n.outputVars().get(irOutput);
    return var == null ? Optional.empty() : Optional.of(new BindingData.Promise(n.nodeId(), var));
  }

  /** The Flyte type of an IR node's output in this workflow. */
  Optional<LiteralType> outputType(String irNode, String irOutput) {
    NodeOut n = irNodes.get(irNode);
    if (n == null || !n.outputVars().containsKey(irOutput)) {
      return Optional.empty();
    }
    return Optional.ofNullable(n.varTypes().get(n.outputVars().get(irOutput)));
  }

  /** Sibling nodes a node must wait for: the nodes its bindings read, plus its after list, sorted. */
  List<String> upstream(List<Binding> bindings, List<String> irAfter, Optional<Node> inner) {
    TreeSet<String> ids = new TreeSet<>();
    for (Binding b : bindings) {
      promises(b.data(), ids);
    }
    inner.ifPresent(n -> deepPromises(n, ids));
    for (String a : irAfter) {
      NodeOut n = irNodes.get(a);
      if (n != null) {
        ids.add(n.nodeId());
      }
    }
    ids.remove(BindingData.START_NODE);
    return List.copyOf(ids);
  }

  private static void deepPromises(Node n, TreeSet<String> ids) {
    for (Binding b : n.inputs()) {
      promises(b.data(), ids);
    }
    if (n.target() instanceof io.flytemigrate.flyte.model.NodeTarget.Branch br) {
      deepPromises(br.ifElse().first().thenNode(), ids);
      br.ifElse().others().forEach(o -> deepPromises(o.thenNode(), ids));
      br.ifElse().elseNode().ifPresent(e -> deepPromises(e, ids));
    }
    if (n.target() instanceof io.flytemigrate.flyte.model.NodeTarget.ArrayCall a) {
      deepPromises(a.subNode(), ids);
    }
  }

  static void promises(BindingData d, TreeSet<String> ids) {
    if (d instanceof BindingData.Promise p) {
      ids.add(p.nodeId());
    } else if (d instanceof BindingData.CollectionOf c) {
      c.items().forEach(i -> promises(i, ids));
    } else if (d instanceof BindingData.MapOf m) {
      m.entries().forEach(e -> promises(e.value(), ids));
    }
  }

  /** The Flyte type of a bound value in this workflow, when it is known. */
  Optional<LiteralType> typeOf(BindingData d) {
    if (d instanceof BindingData.Promise p) {
      if (p.isWorkflowInput()) {
        return inputs.values().stream().filter(v -> v.name().equals(p.var())).map(Variable::type).findFirst();
      }
      for (NodeOut n : irNodes.values()) {
        if (n.nodeId().equals(p.nodeId()) && n.varTypes().containsKey(p.var())) {
          return Optional.of(n.varTypes().get(p.var()));
        }
      }
      return Optional.empty();
    }
    if (d instanceof BindingData.Static s) {
      return LiteralTypes.of(s.value());
    }
    return Optional.empty();
  }

  /** The workflow's inputs as variables, in the order added. */
  List<Variable> inputVariables() {
    return List.copyOf(inputs.values());
  }

  Map<String, Variable> inputsByKey() {
    return new LinkedHashMap<>(inputs);
  }
}
