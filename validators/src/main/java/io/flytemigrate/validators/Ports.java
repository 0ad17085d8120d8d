package io.flytemigrate.validators;

import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Port;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports of interfaces by name, with the answers of {@link Interface#input} and {@link
 * Interface#output} (the first port of a name). Those scan the ports; the checks ask once per
 * binding, so an interface of many ports (a body that passes thousands of values) is indexed
 * the first time it is asked about, and small ones are still scanned. One instance serves one
 * check run: it is not shared between threads.
 */
final class Ports {
  /** Up to this many ports a scan is cheaper than an index. */
  private static final int SCAN = 8;

  private final Map<Interface, Map<String, Port>> inputs = new IdentityHashMap<>();
  private final Map<Interface, Map<String, Port>> outputs = new IdentityHashMap<>();

  /** The input of {@code iface} with this name, the first one if there are several. */
  Optional<Port> input(Interface iface, String name) {
    return find(iface.inputs(), iface, name, inputs);
  }

  /** The output of {@code iface} with this name, the first one if there are several. */
  Optional<Port> output(Interface iface, String name) {
    return find(iface.outputs(), iface, name, outputs);
  }

  private static Optional<Port> find(List<Port> ports, Interface iface, String name, Map<Interface, Map<String, Port>> index) {
    if (ports.size() <= SCAN) {
      for (Port p : ports) {
        if (p.name().equals(name)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
    Map<String, Port> byName = index.computeIfAbsent(iface, k -> {
      Map<String, Port> m = new HashMap<>();
      for (Port p : ports) {
        m.putIfAbsent(p.name(), p);
      }
      return m;
    });
    return Optional.ofNullable(byName.get(name));
  }
}
