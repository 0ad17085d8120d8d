package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * Copilot settings of a raw-container task ({@code flyteidl.core.DataLoadingConfig}, always
 * {@code enabled}): inputs are downloaded to {@code inputPath/<name>}, outputs uploaded from
 * {@code outputPath/<name>}. flytekit's {@code ContainerTask(input_data_dir=, output_data_dir=,
 * metadata_format=)}.
 */
public record DataLoadingConfig(String inputPath, String outputPath, Format format) {
  public static final String DEFAULT_INPUT_PATH = "/var/flyte/inputs";
  public static final String DEFAULT_OUTPUT_PATH = "/var/flyte/outputs";

  public DataLoadingConfig {
    Objects.requireNonNull(inputPath, "inputPath");
    Objects.requireNonNull(outputPath, "outputPath");
    Objects.requireNonNull(format, "format");
  }

  /** The metadata format copilot writes next to the inputs; the number is the protobuf value. */
  public enum Format {
    JSON(0),
    YAML(1),
    PROTO(2);

    private final int number;

    Format(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }
  }
}
