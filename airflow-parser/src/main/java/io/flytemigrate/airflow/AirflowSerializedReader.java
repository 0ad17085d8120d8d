package io.flytemigrate.airflow;

import io.flytemigrate.airflow.dag.MappingOptions;
import io.flytemigrate.airflow.dag.PipelineMapper;
import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.serialized.SerializedDags;
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
import java.util.stream.Collectors;

/**
 * Reads serialized DAGs, the JSON Airflow stores for every parsed DAG (and the non-Python SDKs
 * emit), into the same IR as {@link AirflowReader} gives for the DAG file. The serialized form is
 * the evaluated DAG, so loops, helpers and computed ids are already resolved; Python callables are
 * not stored, so their tasks have no source. A file may hold several DAGs, like a DAG file.
 */
public final class AirflowSerializedReader implements PipelineReader {
  /** The format name, the value of {@code --from}. */
  public static final String FORMAT = "airflow-serialized";

  private final PipelineMapper mapper;

  public AirflowSerializedReader() {
    this(MappingOptions.DEFAULT);
  }

  public AirflowSerializedReader(MappingOptions options) {
    this.mapper = new PipelineMapper(options);
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(SourceFile source) {
    return SerializedDags.looksSerialized(source.text());
  }

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
      diagnostics.add(Diagnostic.of(Codes.AIRFLOW_SEVERAL_DAGS, at, "the file holds " + pipelines.size()
              + " serialized dags; this is `" + pipelines.get(0).name() + "`, the others are " + others)
          .withHelp("convert the file in batch mode to get one pipeline per dag"));
      diagnostics.sort(Diagnostic.ORDER);
    }
    return Outcome.of(pipelines.get(0), diagnostics);
  }

  /** Every DAG of the file, in file order. */
  public Outcome<List<Pipeline>> readAll(SourceFile source) {
    DiagnosticSink sink = new DiagnosticSink();
    try {
      SerializedDags.Result result = new SerializedDags(source, sink).read();
      if (result.dags().isEmpty()) {
        if (!sink.hasErrors()) {
          sink.report(Codes.SERIALIZED_NOT_A_DAG, Span.at(source.path(), 1, 1), "the json holds no serialized dag");
        }
        return Outcome.failed(sink.sorted());
      }
      List<Pipeline> pipelines = new ArrayList<>();
      for (DagModel dag : result.dags()) {
        pipelines.add(mapper.map(dag, source.path(), result.version(), FORMAT, sink));
      }
      return Outcome.of(pipelines, sink.sorted());
    } catch (RuntimeException | StackOverflowError e) {
      sink.report(Diagnostic.of(Codes.INTERNAL_ERROR, Span.at(source.path(), 1, 1),
              "the serialized-dag reader failed on this file: " + e.getClass().getSimpleName())
          .withHelp("please report it with the file"));
      return Outcome.failed(sink.sorted());
    }
  }
}
