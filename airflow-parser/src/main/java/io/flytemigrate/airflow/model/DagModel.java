package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One DAG of a file, evaluated: its id and arguments, its tasks in creation order and its groups.
 * The DAG-file reader and the serialized-DAG reader both produce this; one mapper turns it into
 * the IR, which is why both readers give the same IR for the same DAG.
 */
public final class DagModel {
  /** How the DAG was declared, which decides some defaults. */
  public enum Declaration {
    WITH_BLOCK,
    DECORATOR,
    OBJECT,
    ASSET,
    SERIALIZED
  }

  private final String dagId;
  private final boolean dagIdKnown;
  private final Declaration declaration;
  private final Span span;
  private final String raw;
  private final LinkedHashMap<String, Kwarg> kwargs = new LinkedHashMap<>();
  private final LinkedHashMap<String, Kwarg> defaultArgs = new LinkedHashMap<>();
  private final List<TaskModel> tasks = new ArrayList<>();
  private final List<GroupModel> groups = new ArrayList<>();
  private final List<PyParam> functionParams = new ArrayList<>();
  private Optional<String> doc = Optional.empty();

  /**
   * @param dagIdKnown false when the id could not be computed and {@code dagId} is a stand-in
   */
  public DagModel(String dagId, boolean dagIdKnown, Declaration declaration, Span span, String raw) {
    this.dagId = Objects.requireNonNull(dagId, "dagId");
    this.dagIdKnown = dagIdKnown;
    this.declaration = Objects.requireNonNull(declaration, "declaration");
    this.span = Objects.requireNonNull(span, "span");
    this.raw = Objects.requireNonNull(raw, "raw");
  }

  public String dagId() {
    return dagId;
  }

  public boolean dagIdKnown() {
    return dagIdKnown;
  }

  public Declaration declaration() {
    return declaration;
  }

  public Span span() {
    return span;
  }

  public String raw() {
    return raw;
  }

  /** The DAG's arguments as given, plus attributes set later ({@code dag.doc_md = ...}). */
  public Map<String, Kwarg> kwargs() {
    return kwargs;
  }

  public Optional<Kwarg> kwarg(String name) {
    return Optional.ofNullable(kwargs.get(name));
  }

  public void putKwarg(Kwarg k) {
    kwargs.remove(k.name());
    kwargs.put(k.name(), k);
  }

  /** The {@code default_args}, key by key. */
  public Map<String, Kwarg> defaultArgs() {
    return defaultArgs;
  }

  public List<TaskModel> tasks() {
    return tasks;
  }

  public Optional<TaskModel> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public List<GroupModel> groups() {
    return groups;
  }

  /** Parameters of an {@code @dag} function, which become DAG params. */
  public List<PyParam> functionParams() {
    return functionParams;
  }

  public Optional<String> doc() {
    return doc;
  }

  public void setDoc(String d) {
    this.doc = Optional.of(d);
  }

  @Override
  public String toString() {
    return "dag " + dagId;
  }
}
