package io.flytemigrate.airflow.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a task is mapped over lists at run time (dynamic task mapping): {@code .expand(x=...)} maps
 * over the cross product of its arguments, {@code .expand_kwargs(...)} over a list of keyword
 * dicts. The values are lists written in the file or XComs of upstream tasks.
 */
public record MapSpec(List<Kwarg> expand, Optional<Kwarg> expandKwargs) {
  public MapSpec {
    expand = List.copyOf(expand);
    Objects.requireNonNull(expandKwargs, "expandKwargs");
  }
}
