package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * Where an entity is defined in the generated flytekit project: a dotted module path relative to
 * the project root and the attribute that holds the entity. The package writer uses it for the
 * {@code task-module}/{@code task-name} resolver arguments of Python tasks.
 *
 * @param module e.g. {@code coin_flip.tasks}
 * @param name a Python identifier, e.g. {@code flip_coin}
 */
public record PythonRef(String module, String name) {
  public PythonRef {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
  }

  /** {@code module.name}. */
  public String qualified() {
    return module + "." + name;
  }
}
