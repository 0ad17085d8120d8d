package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Conditions and if/elif/else chains to Flyte branch nodes ({@code conditional(name)}). A case
 * whose body is one task calls it directly; a larger body becomes a workflow of its own. KFP
 * writes each {@code elif} as "not the earlier conditions and this one"; Flyte tries cases in
 * order, so the negations are dropped and a case left with no condition of its own is the else.
 * A condition without else gets an {@code Echo} no-op else, since Flyte requires one.
 */
final class ConditionLowering {
  /** A case's node and the names and types of its outputs. */
  private record Case(Node node, Map<String, String> outputs, Map<String, LiteralType> types) {}

  private final GraphLowering g;

  ConditionLowering(GraphLowering g) {
    this.g = g;
  }

  void condition(WorkflowBuilder wb, io.flytemigrate.ir.Node.ConditionNode c) {
    ExprLowering ex = new ExprLowering(wb, c.inputs(), "`" + c.id() + "`", c.span());
    Optional<BooleanExpression> cond = c.condition().parsed().flatMap(e -> ex.lower(e, c.inputs()));
    Optional<Case> body = caseOf(wb, c.body(), c.inputs(), c.id(), Map.of(), false);
    if (body.isEmpty()) {
      g.ctx.parity.dropped("condition", c.id(), c.span(), "its body has nothing Flyte can run");
      return;
    }
    if (cond.isEmpty()) {
      unconditional(wb, c.id(), c.condition().raw(), body.get(), c.after(), c.span());
      return;
    }
    Node echo = echo(wb, c.id());
    IfElseBlock block = new IfElseBlock(new IfElseBlock.IfBlock(cond.get(), body.get().node()), List.of(),
        Optional.of(echo), Optional.empty());
    Node branch = branch(wb, c.id(), ex.inputs(), c.after(), block, c.span());
    wb.irNodes.put(c.id(), new WorkflowBuilder.NodeOut(branch.id(), Map.of(), Map.of()));
    report(c.id(), c.span(), branch.id(), ex.notes(), "if/else as `conditional(\"" + c.id() + "\")`; the missing else is"
        + " a no-op `Echo` task (Flyte needs an else; enable the echo plugin)");
  }

  void branches(WorkflowBuilder wb, io.flytemigrate.ir.Node.BranchesNode b) {
    List<io.flytemigrate.ir.Node.ConditionNode> cases = new ArrayList<>();
    for (io.flytemigrate.ir.Node n : b.body().nodes()) {
      if (n instanceof io.flytemigrate.ir.Node.ConditionNode c) {
        cases.add(c);
      } else {
        g.ctx.parity.dropped("task", n.id(), n.span(), "only conditions can be cases of an if/elif/else");
      }
    }
    if (cases.isEmpty()) {
      g.ctx.parity.dropped("condition", b.id(), b.span(), "the if/elif/else has no cases");
      return;
    }
    List<Graph.GraphOutput> oneOf = b.body().outputs();
    boolean inline = cases.stream().allMatch(c -> inlineTask(c.body()).isPresent()) && sameVars(cases, oneOf);
    Map<String, String> rename = new LinkedHashMap<>();
    NameTable outNames = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);
    Map<String, String> wanted = new LinkedHashMap<>();
    for (Graph.GraphOutput o : oneOf) {
      wanted.put(o.name(), oneOf.size() == 1 ? "o0" : outNames.claim(Names.identifier(Names.withoutChannelPrefix(o.name()))));
      for (Graph.Source s : o.sources()) {
        rename.put(s.task() + "\u0000" + s.output(), wanted.get(o.name()));
      }
    }
    ExprLowering ex = new ExprLowering(wb, b.inputs(), "`" + b.id() + "`", b.span());
    List<Expr> previous = new ArrayList<>();
    List<IfElseBlock.IfBlock> blocks = new ArrayList<>();
    Optional<Node> elseNode = Optional.empty();
    Map<String, String> outVars = new LinkedHashMap<>();
    Map<String, LiteralType> outTypes = new LinkedHashMap<>();
    Set<String> notes = new TreeSet<>(ex.notes());
    for (int i = 0; i < cases.size(); i++) {
      io.flytemigrate.ir.Node.ConditionNode c = cases.get(i);
      List<InputBinding> feed = compose(c.inputs(), b.inputs());
      Map<String, String> caseRename = new LinkedHashMap<>();
      for (Graph.GraphOutput o : c.body().outputs()) {
        String v = rename.get(c.id() + "\u0000" + o.name());
        if (v != null) {
          caseRename.put(o.name(), v);
        }
      }
      Optional<Case> body = caseOf(wb, c.body(), feed, c.id(), caseRename, !inline);
      if (body.isEmpty()) {
        notes.add("case `" + c.id() + "` has nothing Flyte can run");
        continue;
      }
      for (Graph.GraphOutput o : oneOf) {
        for (Graph.Source s : o.sources()) {
          if (s.task().equals(c.id()) && body.get().outputs().containsKey(s.output())) {
            String v = body.get().outputs().get(s.output());
            outVars.putIfAbsent(o.name(), v);
            outTypes.putIfAbsent(v, body.get().types().get(v));
          }
        }
      }
      Optional<Expr> own = c.condition().parsed().flatMap(e -> withoutEarlier(e, previous));
      c.condition().parsed().ifPresent(e -> previous.add(own.orElse(e)));
      if (c.condition().parsed().isPresent() && own.isEmpty() && i == cases.size() - 1) {
        elseNode = Optional.of(body.get().node());
        continue;
      }
      Optional<BooleanExpression> cond = own.flatMap(e -> ex.lower(e, feed));
      if (cond.isEmpty()) {
        notes.add("the condition of case `" + c.id() + "` (`" + c.condition().raw() + "`) could not be translated;"
            + " the case is left out");
        g.ctx.warn(Codes.ELEMENT_DROPPED, c.condition().span(), "the condition of `" + c.id()
            + "` cannot be written as a Flyte branch condition, so the case is left out",
            "Flyte conditions compare values with ==, !=, <, <=, >, >= and combine them with and/or");
        continue;
      }
      blocks.add(new IfElseBlock.IfBlock(cond.get(), body.get().node()));
    }
    notes.addAll(ex.notes());
    if (blocks.isEmpty()) {
      g.ctx.parity.dropped("condition", b.id(), b.span(), "no case could be translated");
      return;
    }
    Optional<IfElseBlock.BranchError> error = Optional.empty();
    if (elseNode.isEmpty()) {
      if (oneOf.isEmpty()) {
        elseNode = Optional.of(echo(wb, b.id()));
        notes.add("the missing else is a no-op `Echo` task (Flyte needs an else; enable the echo plugin)");
      } else {
        error = Optional.of(new IfElseBlock.BranchError(b.id(), "no branch of " + b.id() + " matched"));
      }
    }
    IfElseBlock block = new IfElseBlock(blocks.get(0), blocks.subList(1, blocks.size()), elseNode, error);
    Node branch = branch(wb, b.id(), ex.inputs(), b.after(), block, b.span());
    wb.irNodes.put(b.id(), new WorkflowBuilder.NodeOut(branch.id(), outVars, outTypes));
    report(b.id(), b.span(), branch.id(), notes, "if/elif/else as one `conditional(\"" + b.id() + "\")`");
  }

  /** A task with a trigger condition of its own: a branch around that one task. */
  void guardedTask(WorkflowBuilder wb, io.flytemigrate.ir.Node.TaskNode t) {
    io.flytemigrate.ir.Node.TaskNode plain = new io.flytemigrate.ir.Node.TaskNode(t.id(), t.displayName(), t.component(),
        t.inputs(), List.of(), t.settings(), Optional.empty(), t.span());
    ExprLowering ex = new ExprLowering(wb, t.inputs(), "`" + t.id() + "`", t.span());
    Optional<BooleanExpression> cond = t.condition().flatMap(c -> c.parsed()).flatMap(e -> ex.lower(e, t.inputs()));
    Optional<Node> then = g.callNode(wb, plain, "SUCCEEDED", Optional.of("guarded:" + t.id()));
    if (then.isEmpty()) {
      return;
    }
    if (cond.isEmpty()) {
      unconditional(wb, t.id(), t.condition().get().raw(), new Case(then.get(), Map.of(), Map.of()), t.after(), t.span());
      return;
    }
    IfElseBlock block = new IfElseBlock(new IfElseBlock.IfBlock(cond.get(), then.get()), List.of(),
        Optional.of(echo(wb, t.id())), Optional.empty());
    Node branch = branch(wb, t.id() + "-if", ex.inputs(), t.after(), block, t.span());
    wb.irNodes.put(t.id(), new WorkflowBuilder.NodeOut(branch.id(), Map.of(), Map.of()));
    report(t.id(), t.span(), branch.id(), ex.notes(), "the task's own condition as a `conditional` around it");
    if (!(g.ctx.index.component(t.component()).orElse(null) instanceof Component.OpaqueComponent)) {
      // (A placeholder's row is written with its node.)
      g.ctx.parity.exact("task", t.id(), t.span(), wb.id.name() + "/" + then.get().id());
    }
  }

  private void unconditional(WorkflowBuilder wb, String id, String raw, Case body, List<String> after, Span span) {
    Node n = body.node();
    Node placed = new Node(n.id(), n.metadata(), n.inputs(), wb.upstream(n.inputs(), after, Optional.empty()), n.target(),
        n.sourceTask(), n.span());
    wb.nodes.add(placed);
    wb.irNodes.put(id, new WorkflowBuilder.NodeOut(placed.id(), body.outputs(), body.types()));
    g.ctx.parity.dropped("condition", id, span, "condition `" + raw + "` could not be translated; its body runs always");
    g.ctx.warn(Codes.ELEMENT_DROPPED, span, "condition `" + raw + "` of `" + id + "` cannot be written as a Flyte branch"
        + " condition, so its body runs unconditionally", "Flyte conditions compare values and combine them with and/or");
  }

  private void report(String id, Span span, String node, Set<String> notes, String what) {
    if (notes.isEmpty()) {
      g.ctx.parity.exact("condition", id, span, node, what);
    } else {
      g.ctx.parity.approximated("condition", id, span, node, what + "; " + String.join("; ", notes));
    }
  }

  private Node branch(WorkflowBuilder wb, String controlId, List<Binding> inputs, List<String> after, IfElseBlock block,
      Span span) {
    String id = wb.nodeIds.claim(GraphLowering.dns(controlId), Names::dnsify);
    NodeTarget.Branch target = new NodeTarget.Branch(block);
    Node probe = new Node(id, NodeMetadata.named(controlId), inputs, List.of(), target, controlId, span);
    Node node = new Node(id, NodeMetadata.named(controlId), inputs, wb.upstream(inputs, after, Optional.of(probe)), target,
        controlId, span);
    wb.nodes.add(node);
    return node;
  }

  private Node echo(WorkflowBuilder wb, String controlId) {
    TaskLowering.LoweredTask echo = g.tasks.echo();
    String id = wb.nodeIds.claim(GraphLowering.dns(controlId) + "-else", Names::dnsify);
    return new Node(id, NodeMetadata.named("no-op"), List.of(), List.of(),
        new NodeTarget.TaskCall(echo.def().id(), Optional.empty()), "", Span.NONE);
  }

  /** The single task a body could call directly, if it is just that. */
  private Optional<io.flytemigrate.ir.Node.TaskNode> inlineTask(Graph body) {
    if (body.nodes().size() != 1 || !(body.nodes().get(0) instanceof io.flytemigrate.ir.Node.TaskNode t)
        || t.condition().isPresent()) {
      return Optional.empty();
    }
    Optional<Component> c = g.ctx.index.component(t.component());
    if (c.isEmpty() || c.get() instanceof Component.ImporterComponent || c.get() instanceof Component.OpaqueComponent) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private Optional<Case> caseOf(WorkflowBuilder wb, Graph body, List<InputBinding> feed, String controlId,
      Map<String, String> rename, boolean forceWorkflow) {
    Optional<io.flytemigrate.ir.Node.TaskNode> single = forceWorkflow ? Optional.empty() : inlineTask(body);
    if (single.isPresent()) {
      io.flytemigrate.ir.Node.TaskNode t = single.get();
      Function<String, Optional<io.flytemigrate.flyte.model.BindingData>> outer = wb.graphInputs;
      wb.graphInputs = name -> {
        Optional<InputBinding> ib = feed.stream().filter(b -> b.input().equals(name)).findFirst();
        if (ib.isEmpty()) {
          return Optional.empty();
        }
        Function<String, Optional<io.flytemigrate.flyte.model.BindingData>> inner = wb.graphInputs;
        wb.graphInputs = outer;
        try {
          return wb.bind(ib.get().value(), portType(body.iface(), name), "`" + controlId + "." + name + "`",
              ib.get().span());
        } finally {
          wb.graphInputs = inner;
        }
      };
      String key = "case:" + controlId + "/" + t.id();
      Optional<Node> node;
      try {
        node = g.callNode(wb, t, "SUCCEEDED", Optional.of(key));
      } finally {
        wb.graphInputs = outer;
      }
      if (node.isEmpty()) {
        return Optional.empty();
      }
      g.ctx.parity.exact("task", t.id(), t.span(), wb.id.name() + "/" + node.get().id(), "called by `" + controlId + "`");
      WorkflowBuilder.NodeOut out = wb.irNodes.remove(key);
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Graph.GraphOutput o : body.outputs()) {
        if (!o.sources().isEmpty() && o.sources().get(0).task().equals(t.id())) {
          String v = out.outputVars().get(o.sources().get(0).output());
          if (v != null) {
            outputs.put(o.name(), v);
          }
        }
      }
      return Optional.of(new Case(node.get(), outputs, out.varTypes()));
    }
    BodyWorkflows.Body b = BodyWorkflows.lower(g, wb, body, feed, Names.identifier(controlId) + "_body",
        WorkflowDef.Role.BRANCH_BODY, List.of(), x -> { }, body.outputs(), rename, x -> Optional.empty(), controlId,
        body.span());
    Node call = BodyWorkflows.callNode(wb, b, controlId, controlId + "-body", List.of(), body.span());
    Map<String, LiteralType> types = new LinkedHashMap<>();
    for (Variable v : b.workflow().def().iface().outputs()) {
      types.put(v.name(), v.type());
    }
    return Optional.of(new Case(call, b.workflow().outputs(), types));
  }

  private static LiteralType portType(Interface iface, String name) {
    return iface.input(name).map(p -> Types.ofPort(p, Optional.empty(), false).type())
        .orElse(LiteralType.simple(LiteralType.SimpleType.STRING));
  }

  /** Whether every one-of output would get the same variable from every case's single task. */
  private boolean sameVars(List<io.flytemigrate.ir.Node.ConditionNode> cases, List<Graph.GraphOutput> oneOf) {
    for (Graph.GraphOutput o : oneOf) {
      Set<String> vars = new TreeSet<>();
      for (Graph.Source s : o.sources()) {
        Optional<io.flytemigrate.ir.Node.ConditionNode> c = cases.stream().filter(x -> x.id().equals(s.task())).findFirst();
        if (c.isEmpty()) {
          return false;
        }
        Optional<Graph.GraphOutput> bodyOut = c.get().body().outputs().stream()
            .filter(x -> x.name().equals(s.output())).findFirst();
        Optional<io.flytemigrate.ir.Node.TaskNode> t = inlineTask(c.get().body());
        if (bodyOut.isEmpty() || t.isEmpty() || bodyOut.get().sources().isEmpty()) {
          return false;
        }
        vars.add(predictedVar(t.get(), bodyOut.get().sources().get(0).output()));
      }
      if (vars.size() > 1) {
        return false;
      }
    }
    return true;
  }

  /** The output variable the task of a node will have, as {@link TaskLowering} names it. */
  private String predictedVar(io.flytemigrate.ir.Node.TaskNode t, String output) {
    Component c = g.ctx.index.component(t.component()).orElseThrow();
    if (c instanceof Component.PythonComponent pc && g.ctx.options.pythonComponents() == LoweringOptions.PythonComponents.NATIVE
        && pc.source().flatMap(s -> FunctionSource.find(s, pc.functionName())).isPresent()) {
      return pc.iface().outputs().size() == 1 ? "o0" : Names.keepIdentifier(output);
    }
    if (c instanceof Component.PipelineComponent pc) {
      return pc.graph().outputs().size() == 1 ? "o0" : Names.identifier(Names.withoutChannelPrefix(output));
    }
    return Names.identifier(output);
  }

  /** A case condition without the negations of earlier cases KFP adds to every elif. */
  private static Optional<Expr> withoutEarlier(Expr e, List<Expr> earlier) {
    List<Expr> terms = new ArrayList<>(ExprLowering.conjuncts(e));
    for (Expr prev : earlier) {
      terms.remove(new Expr.Not(prev));
    }
    return ExprLowering.and(terms);
  }

  /** A case's input bindings with the if/elif/else node's own inputs substituted for its body inputs. */
  private static List<InputBinding> compose(List<InputBinding> inner, List<InputBinding> outer) {
    List<InputBinding> out = new ArrayList<>();
    for (InputBinding ib : inner) {
      if (ib.value() instanceof io.flytemigrate.ir.Binding.GraphInput gi) {
        Optional<InputBinding> o = outer.stream().filter(x -> x.input().equals(gi.input())).findFirst();
        out.add(o.map(x -> new InputBinding(ib.input(), x.value(), ib.span())).orElse(ib));
      } else {
        out.add(ib);
      }
    }
    return out;
  }
}
