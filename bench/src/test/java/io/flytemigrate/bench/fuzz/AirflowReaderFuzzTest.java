package io.flytemigrate.bench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flytemigrate.cli.Readers;
import io.flytemigrate.ir.spi.PipelineReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the two Airflow readers, seeded from the corpus: DAG files, parsed with tree-sitter and
 * evaluated statically ({@code AirflowReaderFuzzTestInputs/python}), and serialized DAGs
 * ({@code .../serialized}). The readers come from the cli's registry by format name, as the
 * command finds them, so this module needs no dependency on the Airflow reader's module.
 */
class AirflowReaderFuzzTest {
  private final PipelineReader dags = reader("airflow");
  private final PipelineReader serialized = reader("airflow-serialized");

  private static PipelineReader reader(String format) {
    return Readers.all().stream().filter(r -> r.format().equals(format)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no reader of format `" + format + "` in Readers.all()"));
  }

  @FuzzTest
  void python(byte[] data) {
    ReaderProperty.check(dags, "dag.py", new String(data, StandardCharsets.UTF_8));
  }

  /** Keeps the input on the JSON path: serialized DAGs are JSON objects. */
  @FuzzTest
  void serialized(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ReaderProperty.check(serialized, "dag.json", text.stripLeading().startsWith("{") ? text : "{" + text);
  }
}
