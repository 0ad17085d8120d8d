package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes statements symbolically: bindings, imports, definitions, {@code if}/{@code for}/
 * {@code while}/{@code try}/{@code with}. Conditions and loops over known values run exactly as
 * Python would; undecidable ones are reported and one path is chosen (see {@link #execIf}).
 */
final class Statements {
  private final Interpreter in;
  /** The right-hand side of the assignment being executed, for attributes set on tasks. */
  private PyNode rhs;

  Statements(Interpreter in) {
    this.in = in;
  }

  /** Runs statements at module level (no function frame). */
  Flow execBlock(List<PyNode> statements, Scope scope) {
    return execBlock(statements, scope, new Frame(scope, "<module>"));
  }

  Flow execBlock(List<PyNode> statements, Scope scope, Frame frame) {
    for (PyNode st : statements) {
      Flow f = exec(st, scope, frame);
      if (f != Flow.NORMAL) {
        return f;
      }
    }
    return Flow.NORMAL;
  }

  /** The statements of a {@code block} node (or the node itself if it is a single statement). */
  static List<PyNode> body(PyNode block) {
    if (block == null) {
      return List.of();
    }
    return block.is("block") ? block.named() : List.of(block);
  }

  Flow exec(PyNode st, Scope scope, Frame frame) {
    try {
      return execStatement(st, scope, frame);
    } catch (EvalLimit e) {
      if (e.span == null) {
        e.span = in.span(st);
      }
      throw e;
    }
  }

  private Flow execStatement(PyNode st, Scope scope, Frame frame) {
    in.budget.step("statement");
    switch (st.type()) {
      case "expression_statement" -> {
        for (PyNode e : st.named()) {
          expressionStatement(e, scope);
        }
        return Flow.NORMAL;
      }
      case "import_statement" -> {
        imports(st, scope);
        return Flow.NORMAL;
      }
      case "import_from_statement" -> {
        importFrom(st, scope);
        return Flow.NORMAL;
      }
      case "if_statement" -> {
        return execIf(st, scope, frame);
      }
      case "for_statement" -> {
        return execFor(st, scope, frame);
      }
      case "while_statement" -> {
        return execWhile(st, scope, frame);
      }
      case "try_statement" -> {
        return execTry(st, scope, frame);
      }
      case "with_statement" -> {
        return execWith(st, scope, frame);
      }
      case "function_definition" -> {
        define(st, List.of(), scope);
        return Flow.NORMAL;
      }
      case "class_definition" -> {
        defineClass(st, List.of(), scope);
        return Flow.NORMAL;
      }
      case "decorated_definition" -> {
        PyNode def = st.get("definition");
        List<PyNode> decorators = new ArrayList<>();
        for (PyNode c : st.children()) {
          if (c.is("decorator")) {
            decorators.add(c);
          }
        }
        if (def != null && def.is("function_definition")) {
          define(def, decorators, scope);
        } else if (def != null && def.is("class_definition")) {
          defineClass(def, decorators, scope);
        }
        return Flow.NORMAL;
      }
      case "return_statement" -> {
        List<PyNode> v = st.named();
        frame.returned = v.isEmpty() ? PyValue.NONE : in.expressions.eval(v.get(0), scope);
        return Flow.RETURN;
      }
      case "raise_statement" -> {
        return Flow.RAISE;
      }
      case "break_statement" -> {
        return Flow.BREAK;
      }
      case "continue_statement" -> {
        return Flow.CONTINUE;
      }
      case "global_statement", "nonlocal_statement" -> {
        for (PyNode id : st.named()) {
          if (id.is("identifier")) {
            scope.declareGlobal(in.text(id));
          }
        }
        return Flow.NORMAL;
      }
      case "delete_statement" -> {
        for (PyNode t : st.named()) {
          if (t.is("identifier")) {
            scope.delete(in.text(t));
          }
        }
        return Flow.NORMAL;
      }
      case "match_statement" -> {
        if (in.once("match@" + st.start())) {
          in.report(Codes.AIRFLOW_UNSUPPORTED, in.span(st), "a `match` statement is not evaluated",
              "the reader does not follow `match` at parse time; move task creation out of it");
        }
        return Flow.NORMAL;
      }
      default -> {
        // pass, assert, future imports, comments, type aliases, print/exec (already a syntax error)
        return Flow.NORMAL;
      }
    }
  }

  private void expressionStatement(PyNode e, Scope scope) {
    switch (e.type()) {
      case "assignment" -> assignment(e, scope);
      case "augmented_assignment" -> {
        PyNode left = e.get("left");
        PyNode op = e.get("operator");
        PyValue current = in.expressions.eval(left, scope);
        PyValue right = in.expressions.eval(e.get("right"), scope);
        String symbol = op == null ? "+" : in.text(op).replace("=", "");
        PyValue result = in.expressions.inPlace(symbol, current, right, e);
        assign(left, result, scope);
      }
      default -> in.expressions.eval(e, scope);
    }
  }

  private void assignment(PyNode a, Scope scope) {
    PyNode right = a.get("right");
    if (right == null) {
      return; // an annotation without a value: `x: int`
    }
    List<PyNode> targets = new ArrayList<>();
    targets.add(a.get("left"));
    while (right.is("assignment")) {
      targets.add(right.get("left"));
      right = right.get("right");
      if (right == null) {
        return;
      }
    }
    PyValue v = in.expressions.eval(right, scope);
    rhs = right;
    try {
      for (PyNode t : targets) {
        assign(t, v, scope);
      }
    } finally {
      rhs = null;
    }
  }

  /** Binds {@code value} to an assignment target: a name, an unpacking, an attribute or an item. */
  void assign(PyNode target, PyValue value, Scope scope) {
    if (target == null) {
      return;
    }
    switch (target.type()) {
      case "identifier" -> scope.set(in.text(target), value);
      case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> unpack(target, value, scope);
      case "parenthesized_expression" -> {
        List<PyNode> inner = target.named();
        if (!inner.isEmpty()) {
          assign(inner.get(0), value, scope);
        }
      }
      case "attribute" -> {
        PyValue obj = in.expressions.eval(target.get("object"), scope);
        PyNode attr = target.get("attribute");
        if (attr != null) {
          in.attributes.setAttribute(obj, in.text(attr), value, in.span(target), rhs == null ? in.text(target) : in.text(rhs));
        }
      }
      case "subscript" -> {
        PyValue obj = in.expressions.eval(target.get("value"), scope);
        PyNode sub = target.get("subscript");
        if (sub != null) {
          PyValue key = in.expressions.eval(sub, scope);
          Builtins.setItem(obj, key, value);
        }
      }
      default -> {
        // starred or exotic targets: nothing to bind statically
      }
    }
  }

  private void unpack(PyNode target, PyValue value, Scope scope) {
    List<PyNode> parts = target.named();
    List<PyValue> items = Builtins.iterate(value);
    int star = -1;
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).is("list_splat_pattern") || parts.get(i).is("list_splat")) {
        star = i;
      }
    }
    if (items == null || (star < 0 && items.size() != parts.size()) || (star >= 0 && items.size() < parts.size() - 1)) {
      PyValue unknown = Builtins.unknownFrom(value, in.text(target), "it cannot be unpacked statically");
      for (PyNode p : parts) {
        assign(starTarget(p), unknown, scope);
      }
      return;
    }
    if (star < 0) {
      for (int i = 0; i < parts.size(); i++) {
        assign(parts.get(i), items.get(i), scope);
      }
      return;
    }
    int after = parts.size() - star - 1;
    for (int i = 0; i < star; i++) {
      assign(parts.get(i), items.get(i), scope);
    }
    assign(starTarget(parts.get(star)), new PyValue.ListV(items.subList(star, items.size() - after), false), scope);
    for (int i = 0; i < after; i++) {
      assign(parts.get(star + 1 + i), items.get(items.size() - after + i), scope);
    }
  }

  private static PyNode starTarget(PyNode p) {
    if (p.is("list_splat_pattern") || p.is("list_splat")) {
      List<PyNode> n = p.named();
      return n.isEmpty() ? null : n.get(0);
    }
    return p;
  }

  private void imports(PyNode st, Scope scope) {
    for (PyNode n : st.all("name")) {
      if (n.is("aliased_import")) {
        PyNode name = n.get("name");
        PyNode alias = n.get("alias");
        if (name != null && alias != null) {
          scope.set(in.text(alias), new EvalValue.Ref(dotted(name)));
        }
      } else {
        String full = dotted(n);
        String top = Known.topPackage(full);
        scope.set(top, new EvalValue.Ref(top));
      }
    }
  }

  private void importFrom(PyNode st, Scope scope) {
    PyNode module = st.get("module_name");
    String base = module == null ? "" : dotted(module);
    for (PyNode n : st.all("name")) {
      if (n.is("aliased_import")) {
        PyNode name = n.get("name");
        PyNode alias = n.get("alias");
        if (name != null && alias != null) {
          scope.set(in.text(alias), new EvalValue.Ref(join(base, dotted(name))));
        }
      } else {
        String name = dotted(n);
        PyValue builtin = base.equals("builtins") ? Builtins.builtin(name) : null;
        scope.set(name, builtin != null ? builtin : new EvalValue.Ref(join(base, name)));
      }
    }
  }

  private static String join(String base, String name) {
    if (base.isEmpty()) {
      return name;
    }
    return base.endsWith(".") ? base + name : base + "." + name;
  }

  private String dotted(PyNode n) {
    return in.text(n).replaceAll("\\s+", "");
  }

  /**
   * An {@code if} whose condition is known runs like Python. An undecidable one (it reads the
   * environment, a variable, an optional import...) is reported; the reader then skips a branch
   * that only raises (a guard that would make Airflow fail to import the file), and otherwise
   * takes the {@code if} branch, reading the {@code else} branch too when the {@code if} branch
   * built nothing (the shape of {@code if not installed: warn() else: build()}).
   */
  private Flow execIf(PyNode st, Scope scope, Frame frame) {
    List<PyNode[]> arms = new ArrayList<>();
    arms.add(new PyNode[] {st.get("condition"), st.get("consequence")});
    for (PyNode alt : st.all("alternative")) {
      if (alt.is("elif_clause")) {
        arms.add(new PyNode[] {alt.get("condition"), alt.get("consequence")});
      } else if (alt.is("else_clause")) {
        arms.add(new PyNode[] {null, alt.get("body")});
      }
    }
    return execArms(arms, 0, scope, frame);
  }

  private Flow execArms(List<PyNode[]> arms, int from, Scope scope, Frame frame) {
    for (int i = from; i < arms.size(); i++) {
      PyNode cond = arms.get(i)[0];
      PyNode block = arms.get(i)[1];
      if (cond == null) {
        return execBlock(body(block), scope, frame);
      }
      PyValue c = in.expressions.eval(cond, scope);
      Boolean truth = Builtins.truth(c);
      if (truth == null) {
        return undecided(cond, c, block, arms, i, scope, frame);
      }
      if (truth) {
        return execBlock(body(block), scope, frame);
      }
    }
    return Flow.NORMAL;
  }

  private Flow undecided(PyNode cond, PyValue c, PyNode block, List<PyNode[]> arms, int i, Scope scope, Frame frame) {
    String why = c instanceof PyValue.Unknown u ? u.why() : "its value is not known statically";
    String condText = Strings.oneLine(in.text(cond));
    if (alwaysRaises(block)) {
      if (in.once("guard@" + cond.start())) {
        in.report(io.flytemigrate.ir.diag.Diagnostic.of(Codes.AIRFLOW_UNDECIDED, in.span(cond),
                "condition `" + condText + "` cannot be decided statically; the reader assumes this guard does not raise")
            .withSeverity(Severity.NOTE).withHelp(why));
      }
      return execArms(arms, i + 1, scope, frame);
    }
    long before = in.airflow.mutations();
    Flow f = execBlock(body(block), scope, frame);
    boolean builtNothing = in.airflow.mutations() == before;
    boolean more = i + 1 < arms.size();
    if (f == Flow.NORMAL && builtNothing && more) {
      if (in.once("if@" + cond.start())) {
        in.report(Codes.AIRFLOW_UNDECIDED, in.span(cond), "condition `" + condText
            + "` cannot be decided statically; the reader reads both branches", why);
      }
      return execArms(arms, i + 1, scope, frame);
    }
    if (in.once("if@" + cond.start())) {
      in.report(Codes.AIRFLOW_UNDECIDED, in.span(cond), "condition `" + condText
          + "` cannot be decided statically; the reader assumes it holds", why);
    }
    return f;
  }

  private static boolean alwaysRaises(PyNode block) {
    List<PyNode> stmts = body(block);
    for (PyNode s : stmts) {
      if (s.is("raise_statement")) {
        return true;
      }
    }
    return false;
  }

  private Flow execFor(PyNode st, Scope scope, Frame frame) {
    PyNode target = st.get("left");
    PyNode iterNode = st.get("right");
    PyValue iterable = in.expressions.eval(iterNode, scope);
    List<PyValue> items = Builtins.iterate(iterable);
    List<PyNode> body = body(st.get("body"));
    if (items == null) {
      String why = iterable instanceof PyValue.Unknown u ? u.why() : "its items are not known statically";
      if (in.once("for@" + st.start())) {
        in.report(Codes.AIRFLOW_UNDECIDED, in.span(iterNode), "loop over `" + Strings.oneLine(in.text(iterNode))
            + "` cannot be unrolled statically; its body is read once with an unknown item", why);
      }
      assign(target, new PyValue.Unknown(in.text(target), "it is an item of `" + Strings.oneLine(in.text(iterNode))
          + "`, whose items are not known statically (" + why + ")"), scope);
      Flow f = execBlock(body, scope, frame);
      return f == Flow.BREAK || f == Flow.CONTINUE ? Flow.NORMAL : f;
    }
    int count = 0;
    for (PyValue item : new ArrayList<>(items)) {
      if (++count > Budget.MAX_ITERATIONS) {
        throw new EvalLimit("a loop runs more than " + Budget.MAX_ITERATIONS + " times");
      }
      in.budget.step("loop");
      assign(target, item, scope);
      Flow f = execBlock(body, scope, frame);
      if (f == Flow.BREAK) {
        return Flow.NORMAL;
      }
      if (f == Flow.RETURN || f == Flow.RAISE) {
        return f;
      }
    }
    PyNode alt = st.get("alternative");
    if (alt != null) {
      return execBlock(body(alt.get("body")), scope, frame);
    }
    return Flow.NORMAL;
  }

  private Flow execWhile(PyNode st, Scope scope, Frame frame) {
    PyNode cond = st.get("condition");
    int count = 0;
    while (true) {
      Boolean truth = Builtins.truth(in.expressions.eval(cond, scope));
      if (truth == null) {
        if (in.once("while@" + st.start())) {
          in.report(Codes.AIRFLOW_UNDECIDED, in.span(cond), "`while " + Strings.oneLine(in.text(cond))
              + "` cannot be decided statically; its body is not read", null);
        }
        return Flow.NORMAL;
      }
      if (!truth) {
        break;
      }
      if (++count > Budget.MAX_ITERATIONS) {
        throw new EvalLimit("a `while` loop runs more than " + Budget.MAX_ITERATIONS + " times");
      }
      Flow f = execBlock(body(st.get("body")), scope, frame);
      if (f == Flow.BREAK) {
        return Flow.NORMAL;
      }
      if (f == Flow.RETURN || f == Flow.RAISE) {
        return f;
      }
    }
    PyNode alt = st.get("alternative");
    return alt == null ? Flow.NORMAL : execBlock(body(alt.get("body")), scope, frame);
  }

  private Flow execTry(PyNode st, Scope scope, Frame frame) {
    Flow f = execBlock(body(st.get("body")), scope, frame);
    if (f == Flow.RAISE) {
      for (PyNode c : st.children()) {
        if (c.is("except_clause") || c.is("except_group_clause")) {
          PyNode block = c.firstOfType("block");
          f = execBlock(body(block), scope, frame);
          break;
        }
      }
    } else if (f == Flow.NORMAL) {
      for (PyNode c : st.children()) {
        if (c.is("else_clause")) {
          f = execBlock(body(c.get("body")), scope, frame);
        }
      }
    }
    for (PyNode c : st.children()) {
      if (c.is("finally_clause")) {
        Flow fin = execBlock(body(c.firstOfType("block")), scope, frame);
        if (fin != Flow.NORMAL) {
          return fin;
        }
      }
    }
    return f;
  }

  private Flow execWith(PyNode st, Scope scope, Frame frame) {
    PyNode clause = st.firstOfType("with_clause");
    List<Runnable> exits = new ArrayList<>();
    if (clause != null) {
      for (PyNode item : clause.named()) {
        if (!item.is("with_item")) {
          continue;
        }
        PyNode value = item.get("value");
        PyNode expr = value;
        PyNode target = null;
        if (value != null && value.is("as_pattern")) {
          List<PyNode> parts = value.named();
          expr = parts.isEmpty() ? null : parts.get(0);
          PyNode alias = value.get("alias");
          if (alias != null) {
            List<PyNode> t = alias.named();
            target = t.isEmpty() ? alias : t.get(0);
          }
        }
        if (expr == null) {
          continue;
        }
        PyValue v = in.expressions.eval(expr, scope);
        exits.add(in.decorators.enterWith(v, expr));
        if (target != null) {
          assign(target, v, scope);
        }
      }
    }
    try {
      return execBlock(body(st.get("body")), scope, frame);
    } finally {
      for (int i = exits.size() - 1; i >= 0; i--) {
        exits.get(i).run();
      }
    }
  }

  private void define(PyNode def, List<PyNode> decorators, Scope scope) {
    PyNode nameNode = def.get("name");
    if (nameNode == null) {
      return;
    }
    String name = in.text(nameNode);
    PyValue fn = new EvalValue.Function(name, def, scope, false);
    for (int i = decorators.size() - 1; i >= 0; i--) {
      List<PyNode> expr = decorators.get(i).named();
      if (expr.isEmpty()) {
        continue;
      }
      PyValue deco = in.expressions.eval(expr.get(0), scope);
      fn = in.decorators.decorate(deco, fn, decorators.get(i), expr.get(0));
    }
    scope.set(name, fn);
  }

  private void defineClass(PyNode def, List<PyNode> decorators, Scope scope) {
    PyNode nameNode = def.get("name");
    if (nameNode == null) {
      return;
    }
    String name = in.text(nameNode);
    List<PyValue> bases = new ArrayList<>();
    PyNode sup = def.get("superclasses");
    if (sup != null) {
      for (PyNode b : sup.named()) {
        if (!b.is("keyword_argument")) {
          bases.add(in.expressions.eval(b, scope));
        }
      }
    }
    EvalValue.ClassDef cls = new EvalValue.ClassDef(name, bases, def);
    scope.set(name, in.decorators.isOperatorClass(cls) ? new EvalValue.OperatorClass(name, name, cls) : cls);
  }
}
