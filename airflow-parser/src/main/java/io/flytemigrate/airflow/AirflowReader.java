package io.flytemigrate.airflow;

import io.flytemigrate.airflow.dag.MappingOptions;
import io.flytemigrate.airflow.dag.PipelineMapper;
import io.flytemigrate.airflow.eval.Interpreter;
import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.airflow.python.PySource;
import io.flytemigrate.airflow.python.PythonParser;
import io.flytemigrate.airflow.python.SyntaxProblem;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an Airflow DAG file (Python) statically: tree-sitter parses it, the evaluator builds the
 * DAGs the way Airflow's import would, without running anything, and each DAG becomes a
 * {@link Pipeline}. A file may declare several DAGs: {@link #readAll} returns them all,
 * {@link #read} the first (with a note naming the others).
 */
public final class AirflowReader implements PipelineReader {
  /** The format name, the value of {@code --from}. */
  public static final String FORMAT = "airflow";

  private final PipelineMapper mapper;
  private final PythonParser parser = new PythonParser();

  public AirflowReader() {
    this(MappingOptions.DEFAULT);
  }

  public AirflowReader(MappingOptions options) {
    this.mapper = new PipelineMapper(options);
  }

  @Override
  public String format() {
    return FORMAT;
  }

  /**
   * A Python file Airflow would look for DAGs in: one that imports Airflow, or one that passes
   * Airflow's own safe-mode test (its text mentions both "airflow" and "dag") and parses as a
   * Python module with an import, a definition or an assignment (a DAG file that gets its DAG
   * from a factory, a settings module of a DAG folder). JSON and YAML never match.
   */
  @Override
  public boolean accepts(SourceFile source) {
    String t = source.text();
    String s = t.stripLeading();
    if (s.startsWith("{") || s.startsWith("[") || s.startsWith("\uFEFF{") || t.contains("\napiVersion:")
        || t.startsWith("apiVersion:")) {
      return false;
    }
    if (t.contains("import airflow") || t.contains("from airflow")) {
      return true;
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("airflow") && lower.contains("dag") && isPythonModule(source);
  }

  private boolean isPythonModule(SourceFile source) {
    PythonParser.Result parsed = parser.parse(source);
    if (parsed.problem().isPresent()) {
      return false;
    }
    for (PyNode n : parsed.source().root().named()) {
      boolean assignment = n.is("expression_statement") && n.named().stream()
          .anyMatch(c -> c.is("assignment") && c.get("right") != null);
      if (assignment || n.is("import_statement") || n.is("import_from_statement") || n.is("function_definition")
          || n.is("class_definition") || n.is("decorated_definition")) {
        return true;
      }
    }
    return false;
  }

  /** The first DAG of the file; a note lists the others, which {@link #readAll} returns. */
  @Override
  public Outcome<Pipeline> read(SourceFile source) {
    Outcome<List<Pipeline>> all = readAll(source);
    if (all.value().isEmpty() || all.value().get().isEmpty()) {
      return Outcome.failed(all.diagnostics());
    }
    List<Pipeline> pipelines = all.value().get();
    List<Diagnostic> diagnostics = new ArrayList<>(all.diagnostics());
    if (pipelines.size() > 1) {
      String others = pipelines.subList(1, pipelines.size()).stream().map(p -> "`" + p.name() + "`")
          .collect(Collectors.joining(", "));
      Span at = pipelines.get(1).span().isKnown() ? pipelines.get(1).span() : Span.at(source.path(), 1, 1);
      diagnostics.add(Diagnostic.of(Codes.AIRFLOW_SEVERAL_DAGS, at, "the file declares " + pipelines.size()
              + " dags; this is `" + pipelines.get(0).name() + "`, the others are " + others)
          .withHelp("convert the file in batch mode to get one pipeline per dag"));
      diagnostics.sort(Diagnostic.ORDER);
    }
    return Outcome.of(pipelines.get(0), diagnostics);
  }

  /** Every DAG the file declares, in the order Airflow would register them. */
  public Outcome<List<Pipeline>> readAll(SourceFile source) {
    DiagnosticSink sink = new DiagnosticSink();
    try {
      PythonParser.Result parsed = parser.parse(source);
      if (parsed.problem().isPresent()) {
        SyntaxProblem p = parsed.problem().get();
        sink.report(Diagnostic.of(Codes.AIRFLOW_SYNTAX, p.span(), p.message()).withHelp(p.help()));
        return Outcome.failed(sink.sorted());
      }
      PySource py = parsed.source();
      Interpreter.Result result = new Interpreter(py, sink).run();
      if (result.dags().isEmpty()) {
        Optional<ModuleWithoutDag.Explanation> why = ModuleWithoutDag.explain(py, result.unreadFactories());
        sink.report(why.isPresent()
            ? Diagnostic.of(Codes.AIRFLOW_NO_DAG, why.get().span(), "the file declares no dag: " + why.get().what())
                .withHelp(why.get().help())
            : Diagnostic.of(Codes.AIRFLOW_NO_DAG, Span.at(source.path(), 1, 1), "the file declares no dag")
                .withHelp(noDagHelp(result)));
        return Outcome.failed(sink.sorted());
      }
      Optional<String> version = VersionGuess.of(py);
      List<Pipeline> pipelines = new ArrayList<>();
      for (DagModel dag : result.dags()) {
        pipelines.add(mapper.map(dag, source.path(), version, FORMAT, sink));
      }
      return Outcome.of(pipelines, sink.sorted());
    } catch (RuntimeException | StackOverflowError e) {
      sink.report(Diagnostic.of(Codes.INTERNAL_ERROR, Span.at(source.path(), 1, 1),
              "the airflow reader failed on this file: " + e.getClass().getSimpleName())
          .withHelp("please report it with the file; nothing of the file was run"));
      return Outcome.failed(sink.sorted());
    }
  }

  private static String noDagHelp(Interpreter.Result result) {
    if (!result.unreadFactories().isEmpty()) {
      return "the file calls " + result.unreadFactories().stream().distinct().limit(3).map(f -> "`" + f + "`")
          .collect(Collectors.joining(", ")) + " from modules that are not in the file, which may build the dag;"
          + " convert the file that defines it, or the dag's serialized json";
    }
    return "a dag is a `DAG(...)` object, a `with DAG(...)` block or a called `@dag` function at module level;"
        + " a module of helpers is converted through the dag file that imports it";
  }
}
