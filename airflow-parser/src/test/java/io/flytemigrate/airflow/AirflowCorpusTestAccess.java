package io.flytemigrate.airflow;

import java.nio.file.Path;

/** The shared corpus's root for tests in other packages of the module. */
public final class AirflowCorpusTestAccess {
  private AirflowCorpusTestAccess() {}

  public static Path corpus() {
    return AirflowCorpusTest.corpus();
  }
}
