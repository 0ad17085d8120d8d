package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * One input or output of an interface ({@code flyteidl.core.Variable}).
 *
 * @param name a Python identifier ({@code \w+}), as flytekit derives it from the Python source
 * @param description defaults to the name, as flytekit does
 */
public record Variable(String name, LiteralType type, String description) {
  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }
}
