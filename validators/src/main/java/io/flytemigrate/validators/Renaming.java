package io.flytemigrate.validators;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The names the emitters rename, grouped into the spaces in which they must stay distinct: the
 * node ids of each workflow (the root or a nested pipeline, bodies included) become Flyte node
 * ids, and the input names and output names of each interface (components and the pipeline)
 * become Python names. The plumbing ports of control-flow bodies are not emitted, so they are
 * not here.
 */
final class Renaming {
  /**
   * One name and what it becomes.
   *
   * @param what how messages name it: {@code node id}, {@code input `x` of component `c`}
   */
  record Name(String original, String renamed, Span span, String what) {}

  /**
   * A name that becomes the same as another, different name of its space.
   *
   * @param first the earlier of the names it collides with
   */
  record Collision(Name name, Name first) {}

  private Renaming() {}

  /** The node ids of each namespace, renamed with {@link FlyteNames#nodeId}. */
  static List<List<Name>> nodeIdSpaces(Pipeline pipeline) {
    Map<Scope, List<Name>> byNamespace = new LinkedHashMap<>();
    for (Scope s : Scope.all(pipeline)) {
      List<Name> names = byNamespace.computeIfAbsent(s.namespace(), k -> new ArrayList<>());
      for (Node n : s.graph().nodes()) {
        names.add(new Name(n.id(), FlyteNames.nodeId(n.id()), n.span(), "node id `" + n.id() + "`"));
      }
    }
    return List.copyOf(byNamespace.values());
  }

  /** The input names and the output names of each emitted interface, renamed with {@link FlyteNames#pythonIdentifier}. */
  static List<List<Name>> portSpaces(Pipeline pipeline) {
    List<List<Name>> out = new ArrayList<>();
    addPorts(pipeline.iface(), "the pipeline", out);
    for (Component c : pipeline.components()) {
      addPorts(c.iface(), (c instanceof Component.PipelineComponent ? "pipeline `" : "component `") + c.id() + "`", out);
    }
    return out;
  }

  private static void addPorts(Interface iface, String owner, List<List<Name>> out) {
    out.add(ports(iface.inputs(), "input", owner, FlyteNames::pythonIdentifier));
    out.add(ports(iface.outputs(), "output", owner, FlyteNames::pythonIdentifier));
  }

  private static List<Name> ports(List<Port> ports, String word, String owner, UnaryOperator<String> rename) {
    return ports.stream()
        .map(p -> new Name(p.name(), rename.apply(p.name()), p.span(), word + " `" + p.name() + "` of " + owner))
        .toList();
  }

  /**
   * The names of {@code space} that, renamed, equal a different name's renaming, each with the
   * earliest such name (by position). Names that are equal before renaming are duplicates, not
   * collisions, and are left to the duplicate checks.
   */
  static List<Collision> collisions(List<Name> space) {
    List<Name> sorted = new ArrayList<>(space);
    sorted.sort(Comparator.comparingInt((Name n) -> n.span().line()).thenComparingInt(n -> n.span().column()));
    Map<String, List<Name>> byRenamed = new LinkedHashMap<>();
    for (Name n : sorted) {
      byRenamed.computeIfAbsent(n.renamed(), k -> new ArrayList<>()).add(n);
    }
    List<Collision> out = new ArrayList<>();
    for (List<Name> group : byRenamed.values()) {
      Name first = group.get(0);
      for (Name n : group.subList(1, group.size())) {
        if (!n.original().equals(first.original())) {
          out.add(new Collision(n, first));
        }
      }
    }
    return out;
  }

  /**
   * The renamed forms that two different names of {@code space} share: a name of the space takes
   * part in a collision, as either side, when its renamed form is one of these. One pass over the
   * space, so a check can ask for every name without rescanning it.
   */
  static Set<String> collidingRenames(List<Name> space) {
    Map<String, String> firstOriginal = new HashMap<>();
    Set<String> out = new HashSet<>();
    for (Name n : space) {
      String original = firstOriginal.putIfAbsent(n.renamed(), n.original());
      if (original != null && !original.equals(n.original())) {
        out.add(n.renamed());
      }
    }
    return out;
  }
}
