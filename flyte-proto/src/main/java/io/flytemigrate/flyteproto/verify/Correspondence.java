package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which package nodes each source node became, as the matching walk found them, and whether a
 * source producer and a package producer are the same value source.
 */
final class Correspondence {
  /** A source node matched in the walk: its scope and its package nodes (several for exit tasks). */
  record Match(SourceScope scope, Node node, List<FlyteNode> flyte) {}

  private final Map<String, Match> matches = new LinkedHashMap<>();
  private final Set<String> dropped = new LinkedHashSet<>();
  private final Set<String> imported = new LinkedHashSet<>();
  private final Map<String, FlyteNode> flyteByKey = new LinkedHashMap<>();

  void add(SourceScope scope, Node node, FlyteNode flyte) {
    String key = scope.keyOf(node);
    matches.computeIfAbsent(key, k -> new Match(scope, node, new ArrayList<>()));
    Match m = matches.get(key);
    if (m.flyte().stream().noneMatch(f -> f.key.equals(flyte.key))) {
      m.flyte().add(flyte);
    }
    flyteByKey.put(flyte.key, flyte);
  }

  void dropped(SourceScope scope, Node node) {
    dropped.add(scope.keyOf(node));
  }

  void imported(SourceScope scope, Node node) {
    imported.add(scope.keyOf(node));
  }

  boolean isDropped(String key) {
    return dropped.contains(key);
  }

  Optional<Match> match(String sourceKey) {
    return Optional.ofNullable(matches.get(sourceKey));
  }

  List<Match> matches() {
    return List.copyOf(matches.values());
  }

  /** Whether a source node was left out or is not a node in Flyte (so edges from it are not checked). */
  boolean unmatched(String sourceKey) {
    return !matches.containsKey(sourceKey);
  }

  /** Whether the two sets share a producer. */
  boolean sameSource(Set<SourceProducer> source, Set<FlyteProducer> flyte) {
    for (SourceProducer s : source) {
      for (FlyteProducer f : flyte) {
        if (same(s, f)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean same(SourceProducer s, FlyteProducer f) {
    if (s instanceof SourceProducer.NodeOutput so && f instanceof FlyteProducer.NodeOutput fo) {
      Match m = matches.get(so.key());
      return m != null && m.flyte().stream().anyMatch(n -> n.key.equals(fo.key()));
    }
    if (s instanceof SourceProducer.Parameter sp && f instanceof FlyteProducer.Parameter fp) {
      return SourceNames.same(sp.name(), fp.var());
    }
    if (s instanceof SourceProducer.Constant sc && f instanceof FlyteProducer.Constant fc) {
      if (sc.value() instanceof io.flytemigrate.ir.Value.ListValue l) {
        // The list item by item (the package's collection, traced to its items), or whole (as text).
        return l.items().stream().anyMatch(v -> ValueCompare.equal(v, fc.scalar())) || l.items().isEmpty()
            || ValueCompare.equal(sc.value(), fc.scalar());
      }
      return ValueCompare.equal(sc.value(), fc.scalar());
    }
    if (s instanceof SourceProducer.Imported si) {
      if (f instanceof FlyteProducer.Parameter fp) {
        return SourceNames.same(si.name(), fp.var());
      }
      if (f instanceof FlyteProducer.Constant fc && fc.scalar().hasBlob()) {
        return si.uri().map(u -> u.equals(fc.scalar().getBlob().getUri())).orElse(true);
      }
    }
    return false;
  }

  /** The nearest producer of a set (the one the binding names directly), as messages show it. */
  String describe(Set<SourceProducer> ps) {
    for (SourceProducer p : ps) {
      if (p instanceof SourceProducer.NodeOutput n) {
        return "output `" + n.output() + "` of `" + n.key().substring(n.key().lastIndexOf('/') + 1) + "`";
      } else if (p instanceof SourceProducer.Parameter par) {
        return "parameter `" + par.name() + "`";
      } else if (p instanceof SourceProducer.Constant c) {
        return "`" + ValueCompare.text(c.value()) + "`";
      } else if (p instanceof SourceProducer.Imported i) {
        return "importer `" + i.name() + "`";
      }
    }
    return "nothing";
  }

  /** The nearest producer of a package set, as messages show it. */
  String describeFlyte(Set<FlyteProducer> ps) {
    for (FlyteProducer p : ps) {
      if (p instanceof FlyteProducer.NodeOutput n) {
        FlyteNode node = flyteByKey.get(n.key());
        String name = node != null ? node.name() : n.key().substring(n.key().lastIndexOf('/') + 1);
        return "output `" + n.var() + "` of `" + name + "`";
      } else if (p instanceof FlyteProducer.Parameter par) {
        return "workflow input `" + par.var() + "`";
      } else if (p instanceof FlyteProducer.Constant c) {
        return "`" + ValueCompare.text(c.scalar()) + "`";
      }
    }
    return "nothing";
  }
}
