package io.flytemigrate.bench;

import java.util.List;
import java.util.Objects;

/**
 * A folder of real pipeline files, relative to the corpus root, that the batch benchmark
 * replicates and converts: together, one set per reader, the whole corpus beside the repository
 * (its folders of KFP DSL sources, which no reader takes, aside). The registry is {@link #all()}:
 * a reader that lands adds its corpus folder there, one line.
 *
 * @param name the row name in the results
 * @param folder the folder below the corpus root; every regular file below it is an input
 */
public record CorpusSet(String name, String folder) {
  public CorpusSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folder, "folder");
  }

  /** The set named {@code name}, if there is one. */
  public static java.util.Optional<CorpusSet> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every corpus set the batch benchmark runs, in order. */
  public static List<CorpusSet> all() {
    return List.of(
        new CorpusSet("kfp-v2", "kfp/sdk_compiled_pipelines/valid"),
        new CorpusSet("kfp-v1", "kfp-v1"),
        new CorpusSet("airflow", "airflow"),
        new CorpusSet("airflow-serialized", "airflow-serialized"));
  }
}
