package io.flytemigrate.airflow.dag;

import java.util.Objects;

/**
 * Choices the DAG does not make itself.
 *
 * @param pythonImage the image Python-function tasks run in unless the DAG names one
 *     ({@code @task.docker(image=...)})
 * @param bashImage the image {@code BashOperator} commands run in
 */
public record MappingOptions(String pythonImage, String bashImage) {
  public static final MappingOptions DEFAULT = new MappingOptions("python:3.11-slim", "bash:5.2");

  public MappingOptions {
    Objects.requireNonNull(pythonImage, "pythonImage");
    Objects.requireNonNull(bashImage, "bashImage");
  }
}
