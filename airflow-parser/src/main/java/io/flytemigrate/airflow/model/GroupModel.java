package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A task group ({@code TaskGroup} or {@code @task_group}): a prefix for task ids and a unit of edges. */
public final class GroupModel {
  private final String id;
  private final GroupModel parent;
  private final boolean prefixGroupId;
  private final Span span;
  private final LinkedHashMap<String, Kwarg> kwargs = new LinkedHashMap<>();
  private final List<TaskModel> tasks = new ArrayList<>();
  private final List<GroupModel> children = new ArrayList<>();

  /**
   * @param id the full group id, already prefixed by the parent groups' ids where they prefix
   */
  public GroupModel(String id, GroupModel parent, boolean prefixGroupId, Span span) {
    this.id = Objects.requireNonNull(id, "id");
    this.parent = parent;
    this.prefixGroupId = prefixGroupId;
    this.span = Objects.requireNonNull(span, "span");
    if (parent != null) {
      parent.children.add(this);
    }
  }

  public String id() {
    return id;
  }

  public Optional<GroupModel> parent() {
    return Optional.ofNullable(parent);
  }

  public boolean prefixGroupId() {
    return prefixGroupId;
  }

  public Span span() {
    return span;
  }

  /** The id a child task or group with this local id gets. */
  public String childId(String local) {
    return prefixGroupId ? id + "." + local : local;
  }

  /** Arguments of the group (tooltip, default_args, ...). */
  public Map<String, Kwarg> kwargs() {
    return kwargs;
  }

  /** Tasks directly in this group. */
  public List<TaskModel> tasks() {
    return tasks;
  }

  public List<GroupModel> children() {
    return children;
  }

  /** Every task in this group and its nested groups, in creation order. */
  public List<TaskModel> allTasks() {
    List<TaskModel> out = new ArrayList<>(tasks);
    for (GroupModel c : children) {
      out.addAll(c.allTasks());
    }
    out.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
    return out;
  }
}
