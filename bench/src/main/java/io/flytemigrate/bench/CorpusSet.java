package io.flytemigrate.bench;

import java.util.List;
import java.util.Objects;

/**
 * A folder of real pipeline files, relative to the corpus root, that the batch benchmark
 * replicates and converts. The registry is {@link #all()}: a reader that lands adds its corpus
 * folder there, one line, e.g. {@code new CorpusSet("airflow", "airflow")}.
 *
 * @param name the row name in the results
 * @param folder the folder below the corpus root; every regular file below it is an input
 */
public record CorpusSet(String name, String folder) {
  public CorpusSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folder, "folder");
  }

  /** Every corpus set the batch benchmark runs, in order. */
  public static List<CorpusSet> all() {
    return List.of(
        new CorpusSet("kfp-v2", "kfp/sdk_compiled_pipelines/valid"));
  }
}
