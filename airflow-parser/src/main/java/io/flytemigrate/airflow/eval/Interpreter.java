package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.airflow.python.PySource;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a DAG file symbolically, the way Airflow's import of it would build DAGs, without
 * running any of it: names resolve through the file's imports, literals and the file's own
 * helper functions are computed, loops over known lists are unrolled, and calls of Airflow's API
 * build {@link DagModel}s. Whatever depends on the world outside the file (environment, Airflow
 * variables, the clock, other modules) becomes an unknown value and, where it matters, a
 * diagnostic. TaskFlow function bodies and operator code are never evaluated.
 */
public final class Interpreter {

  /** The DAGs of the file in the order Airflow would register them. */
  public record Result(List<DagModel> dags, List<String> unreadFactories) {}

  /** The DAG (and task group) tasks created now belong to. */
  record Context(DagModel dag, GroupModel group) {}

  final PySource source;
  final DiagnosticSink sink;
  final Budget budget = new Budget();
  final Provenance provenance = new Provenance();
  final List<DagModel> dags = new ArrayList<>();
  final Deque<Context> contexts = new ArrayDeque<>();
  /** Collectors of tasks created inside {@code with teardown_task:} blocks. */
  final Deque<List<TaskModel>> creationWatchers = new ArrayDeque<>();
  /** Module-level calls of imported functions, which may be what builds an unseen DAG. */
  final List<String> unreadFactories = new ArrayList<>();
  private final Set<String> reportedOnce = new HashSet<>();
  /**
   * Unknown values that are results of functions from outside the file (and what is looked up
   * on them): calling one inside a DAG may create a task. Other unknown values (the clock, the
   * environment) never do.
   */
  final Set<PyValue> external = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private int seq;

  final Expressions expressions;
  final Statements statements;
  final Calls calls;
  final Strings strings;
  final AirflowCalls airflow;
  final Dependencies dependencies;
  final Lowering lowering;
  final TaskMethods methods;
  final Attributes attributes;
  final Decorators decorators;

  public Interpreter(PySource source, DiagnosticSink sink) {
    this.source = source;
    this.sink = sink;
    this.expressions = new Expressions(this);
    this.statements = new Statements(this);
    this.calls = new Calls(this);
    this.strings = new Strings(this);
    this.airflow = new AirflowCalls(this);
    this.dependencies = new Dependencies(this);
    this.lowering = new Lowering(this);
    this.methods = new TaskMethods(this);
    this.attributes = new Attributes(this);
    this.decorators = new Decorators(this);
  }

  /** Runs the module body and returns the DAGs it declared. */
  public Result run() {
    Scope globals = new Scope(null);
    Builtins.bindModuleNames(this, globals);
    try {
      statements.execBlock(source.root().named(), globals);
    } catch (EvalLimit e) {
      io.flytemigrate.ir.diag.Span at = e.span == null ? span(source.root()) : e.span;
      report(Codes.AIRFLOW_EVALUATION_LIMIT, io.flytemigrate.ir.diag.Span.at(at.file(), at.line(), at.column()), e.getMessage(),
          "the reader evaluates the file statically and gives up on endless or huge computations");
    }
    return new Result(List.copyOf(dags), List.copyOf(unreadFactories));
  }

  Context context() {
    return contexts.peek();
  }

  int nextSeq() {
    return seq++;
  }

  String text(PyNode n) {
    return source.text(n);
  }

  Span span(PyNode n) {
    return source.span(n);
  }

  void report(Code code, Span span, String message, String help) {
    Diagnostic d = Diagnostic.of(code, span, message);
    sink.report(help == null ? d : d.withHelp(help));
  }

  void report(Diagnostic d) {
    sink.report(d);
  }

  /** Reports only the first time {@code key} is seen, for findings that repeat per iteration. */
  boolean once(String key) {
    return reportedOnce.add(key);
  }
}
