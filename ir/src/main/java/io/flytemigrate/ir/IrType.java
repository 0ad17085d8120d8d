package io.flytemigrate.ir;

import java.util.Objects;
import java.util.Optional;

/** The type of an input, output or parameter, in a vocabulary shared by readers and writers. */
public sealed interface IrType {

  /** Scalar kinds every source format and Flyte have. */
  enum Scalar {
    INT,
    FLOAT,
    STRING,
    BOOL,
    /** A point in time (Python {@code datetime.datetime}), such as Airflow's logical date. */
    DATETIME
  }

  /** What an artifact holds, by the well-known schema titles of KFP (system.*) and others. */
  enum ArtifactKind {
    /** A generic artifact (system.Artifact); compatible with every kind. */
    ARTIFACT,
    DATASET,
    MODEL,
    METRICS,
    CLASSIFICATION_METRICS,
    SLICED_CLASSIFICATION_METRICS,
    HTML,
    MARKDOWN,
    /** A vendor type such as google.VertexModel; see {@link Artifact#schemaTitle()}. */
    VENDOR
  }

  /** Whether an artifact is one file, a directory, or not said by the source. */
  enum Shape {
    FILE,
    DIRECTORY,
    UNSPECIFIED
  }

  /** An int, float, string, bool or date-time. */
  record Primitive(Scalar scalar) implements IrType {
    public Primitive {
      Objects.requireNonNull(scalar, "scalar");
    }
  }

  /** A list; the element type is {@link Any} when the source does not say. */
  record ListOf(IrType element) implements IrType {
    public ListOf {
      Objects.requireNonNull(element, "element");
    }
  }

  /** A JSON object (KFP STRUCT, v1 JsonObject). */
  record Struct() implements IrType {}

  /** Any JSON value; the source gives no type. */
  record Any() implements IrType {}

  /** An artifact: data passed by reference (a URI), typed by its schema. */
  record Artifact(String schemaTitle, Optional<String> schemaVersion, ArtifactKind kind, Shape shape)
      implements IrType {
    public Artifact {
      Objects.requireNonNull(schemaTitle, "schemaTitle");
      Objects.requireNonNull(schemaVersion, "schemaVersion");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(shape, "shape");
    }
  }

  /** The final status of another task (KFP PipelineTaskFinalStatus), for exit tasks. */
  record TaskStatus() implements IrType {}

  /** A type the reader could not map; {@code name} is the source's own spelling. */
  record Unknown(String name) implements IrType {
    public Unknown {
      Objects.requireNonNull(name, "name");
    }
  }

  static IrType primitive(Scalar scalar) {
    return new Primitive(scalar);
  }
}
