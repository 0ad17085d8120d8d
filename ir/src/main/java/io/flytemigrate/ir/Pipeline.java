package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pipeline read from one source file: its metadata, the components it uses, and the root
 * graph whose interface holds the pipeline parameters and outputs.
 *
 * @param components every component, in source order; ids are unique
 * @param platform pipeline-wide settings that are not part of any component
 */
public record Pipeline(
    String name,
    Optional<String> displayName,
    Optional<String> description,
    SourceInfo source,
    List<Component> components,
    Graph root,
    PipelineSettings platform,
    Span span) {
  public Pipeline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    components = List.copyOf(components);
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(span, "span");
  }

  /** The pipeline parameters and outputs. */
  public Interface iface() {
    return root.iface();
  }

  public Optional<Component> component(String id) {
    return components.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Where the pipeline came from.
   *
   * @param format the reader's format name, e.g. {@code kfp-v2}
   * @param schemaVersion the format's own version, e.g. {@code 2.1.0}
   * @param producer the tool that wrote the file, e.g. {@code kfp-2.14.6}
   */
  public record SourceInfo(String file, String format, Optional<String> schemaVersion, Optional<String> producer) {
    public SourceInfo {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(schemaVersion, "schemaVersion");
      Objects.requireNonNull(producer, "producer");
    }
  }

  /**
   * Pipeline-wide settings.
   *
   * @param defaultRoot where the source system stores artifacts by default
   * @param workspace a shared volume for all tasks, with its raw settings
   * @param schedule when the pipeline runs by itself, if it does
   * @param tags labels for finding the pipeline
   * @param attributes other settings kept as written (e.g. Airflow's {@code catchup})
   */
  public record PipelineSettings(
      Optional<String> defaultRoot,
      Optional<Value> workspace,
      Optional<Schedule> schedule,
      List<String> tags,
      List<Attribute> attributes,
      Span span) {
    public static final PipelineSettings NONE = new PipelineSettings(Optional.empty(), Optional.empty(), Span.NONE);

    public PipelineSettings {
      Objects.requireNonNull(defaultRoot, "defaultRoot");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(schedule, "schedule");
      tags = List.copyOf(tags);
      attributes = List.copyOf(attributes);
      Objects.requireNonNull(span, "span");
    }

    /** Settings with only a default root and a workspace (what KFP v2 has). */
    public PipelineSettings(Optional<String> defaultRoot, Optional<Value> workspace, Span span) {
      this(defaultRoot, workspace, Optional.empty(), List.of(), List.of(), span);
    }
  }
}
