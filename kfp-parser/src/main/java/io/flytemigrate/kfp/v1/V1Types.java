package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.IrType.ArtifactKind;
import io.flytemigrate.ir.IrType.Shape;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.Fields;
import io.flytemigrate.kfp.tree.JsonLoader;
import java.util.Locale;
import java.util.Optional;

/**
 * The KFP v1 type vocabulary, mapped to {@link IrType}. In KFP v1 a type is a free-form name
 * ({@code String}, {@code CSV}, {@code XGBoostModel}) or a one-key mapping with properties
 * ({@code {GCSPath: {data_type: CSV}}}); how a value is passed (by value or as a file) is decided
 * by the command line, not by the type. The mapping is:
 *
 * <ul>
 *   <li>{@code String}, {@code str}, {@code Text} to {@code STRING}; {@code Integer}, {@code int}
 *       to {@code INT}; {@code Float}, {@code double} to {@code FLOAT}; {@code Bool}, {@code
 *       Boolean} to {@code BOOL}; {@code JsonObject}, {@code Dict} to {@link IrType.Struct};
 *       {@code JsonArray}, {@code List} to a list of {@link IrType.Any} (names compare
 *       case-insensitively);
 *   <li>the string-shaped GCP types {@code GCSPath}, {@code GCRPath}, {@code GCPRegion}, {@code
 *       GCPProjectID}, {@code URI}, {@code Url}, {@code LocalPath} to {@code STRING} when passed by
 *       value;
 *   <li>a port passed as a file ({@code inputPath}/{@code outputPath}/{@code inputUri}) whose type
 *       is not one of the above is an {@link IrType.Artifact} whose schema title is the v1 type name
 *       as written ({@code system.Artifact} when untyped); {@code Dataset}, {@code Model}, {@code
 *       Metrics}, {@code HTML}, {@code Markdown} and their {@code system.} forms get their kind,
 *       {@code google.*} names are {@code VENDOR}, everything else is a generic {@code ARTIFACT};
 *       {@code Directory} or a {@code path_type: Directory} property makes the shape {@code
 *       DIRECTORY};
 *   <li>an untyped port passed by value is {@link IrType.Any}; any other free-form name passed by
 *       value is kept as {@link IrType.Unknown} with the name as written.
 * </ul>
 */
final class V1Types {
  private V1Types() {}

  /** The type's name: the scalar text, or the single key of a mapping; empty when untyped. */
  static String name(Optional<DocNode> spec) {
    if (spec.isEmpty()) {
      return "";
    }
    DocNode n = spec.get();
    if (n instanceof DocScalar s && s.kind() != DocNode.ScalarKind.NULL) {
      return s.text().strip();
    }
    if (n instanceof DocMap m && m.entries().size() == 1) {
      return m.entries().get(0).key().strip();
    }
    return n instanceof DocMap m && !m.entries().isEmpty() ? m.entries().get(0).key().strip() : "";
  }

  /** Whether a value of this type is passed by value in KFP (a "parameter type"). */
  static boolean isParameter(String name) {
    return scalar(name).isPresent() || isStringLike(name);
  }

  /** The type of a port passed by value. */
  static IrType valueType(String name) {
    Optional<IrType> s = scalar(name);
    if (s.isPresent()) {
      return s.get();
    }
    if (isStringLike(name)) {
      return IrType.primitive(IrType.Scalar.STRING);
    }
    return name.isEmpty() ? new IrType.Any() : new IrType.Unknown(name);
  }

  /** An artifact type for a v1 type name. */
  static IrType.Artifact artifact(String name, Optional<DocNode> spec) {
    String title = name.isEmpty() ? "system.Artifact" : name;
    Shape shape = name.equalsIgnoreCase("Directory") || directoryProperty(spec) ? Shape.DIRECTORY : Shape.UNSPECIFIED;
    return new IrType.Artifact(title, Optional.empty(), kind(title), shape);
  }

  static ArtifactKind kind(String title) {
    String t = title.startsWith("system.") ? title.substring("system.".length()) : title;
    if (title.startsWith("google.")) {
      return ArtifactKind.VENDOR;
    }
    return switch (t) {
      case "Dataset" -> ArtifactKind.DATASET;
      case "Model" -> ArtifactKind.MODEL;
      case "Metrics" -> ArtifactKind.METRICS;
      case "ClassificationMetrics" -> ArtifactKind.CLASSIFICATION_METRICS;
      case "SlicedClassificationMetrics" -> ArtifactKind.SLICED_CLASSIFICATION_METRICS;
      case "HTML" -> ArtifactKind.HTML;
      case "Markdown" -> ArtifactKind.MARKDOWN;
      default -> ArtifactKind.ARTIFACT;
    };
  }

  /**
   * A v1 default (always written as text in KFP v1, though YAML may type it) converted to the
   * port's type: numbers and booleans are parsed, JSON types are parsed as JSON, strings stay
   * text, and an empty default of a non-string type (the v1 idiom for "not given") is null. A
   * default that does not parse is kept as the text it is.
   */
  static Value defaultValue(DocNode node, IrType type, String file) {
    Value raw = Fields.toValue(node);
    String text = node instanceof DocScalar s ? s.text() : null;
    if (text == null) {
      return raw;
    }
    if (text.isBlank() && !type.equals(IrType.primitive(IrType.Scalar.STRING)) && (type instanceof IrType.Primitive
        || type instanceof IrType.Struct || type instanceof IrType.ListOf)) {
      // KFP v1 components write an empty default for "not given"; for a typed input that is None.
      return new Value.Null();
    }
    if (type instanceof IrType.Primitive p) {
      switch (p.scalar()) {
        case STRING:
          return new Value.Str(text);
        case INT:
          try {
            return new Value.Int(Long.parseLong(text.strip()));
          } catch (NumberFormatException e) {
            return raw;
          }
        case FLOAT:
          try {
            return new Value.Float(Double.parseDouble(text.strip()));
          } catch (NumberFormatException e) {
            return raw;
          }
        case BOOL:
          String b = text.strip().toLowerCase(Locale.ROOT);
          return b.equals("true") ? new Value.Bool(true) : b.equals("false") ? new Value.Bool(false) : raw;
        default:
          return raw;
      }
    }
    if (type instanceof IrType.Struct || type instanceof IrType.ListOf) {
      DiagnosticSink scratch = new DiagnosticSink();
      Optional<DocNode> json = new JsonLoader(file, scratch).load(text);
      if (json.isPresent() && !scratch.hasErrors()) {
        return Fields.toValue(json.get());
      }
      return raw;
    }
    return raw;
  }

  private static Optional<IrType> scalar(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "string", "str", "text" -> Optional.of(IrType.primitive(IrType.Scalar.STRING));
      case "integer", "int" -> Optional.of(IrType.primitive(IrType.Scalar.INT));
      case "float", "double" -> Optional.of(IrType.primitive(IrType.Scalar.FLOAT));
      case "bool", "boolean" -> Optional.of(IrType.primitive(IrType.Scalar.BOOL));
      case "jsonobject", "dict" -> Optional.of(new IrType.Struct());
      case "jsonarray", "list" -> Optional.of(new IrType.ListOf(new IrType.Any()));
      default -> Optional.empty();
    };
  }

  private static boolean isStringLike(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "gcspath", "gcrpath", "gcpregion", "gcpprojectid", "uri", "url", "localpath" -> true;
      default -> false;
    };
  }

  private static boolean directoryProperty(Optional<DocNode> spec) {
    if (spec.isEmpty() || !(spec.get() instanceof DocMap m) || m.entries().isEmpty()) {
      return false;
    }
    DocNode props = m.entries().get(0).value();
    if (props instanceof DocMap pm) {
      return pm.entry("path_type").map(e -> e.value() instanceof DocScalar s && s.text().equalsIgnoreCase("Directory"))
          .orElse(false);
    }
    return false;
  }
}
