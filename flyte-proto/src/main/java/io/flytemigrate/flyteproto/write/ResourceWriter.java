package io.flytemigrate.flyteproto.write;

import flyteidl.core.Tasks;
import io.flytemigrate.flyte.model.Resources;

/** Requests and limits ({@code flyteidl.core.Resources}), entries in the model's (flytekit's) order. */
final class ResourceWriter {
  private ResourceWriter() {}

  static Tasks.Resources write(Resources resources) {
    Tasks.Resources.Builder b = Tasks.Resources.newBuilder();
    for (Resources.Entry e : resources.requests()) {
      b.addRequests(entry(e));
    }
    for (Resources.Entry e : resources.limits()) {
      b.addLimits(entry(e));
    }
    return b.build();
  }

  private static Tasks.Resources.ResourceEntry entry(Resources.Entry e) {
    return Tasks.Resources.ResourceEntry.newBuilder()
        .setName(Tasks.Resources.ResourceName.forNumber(e.name().number()))
        .setValue(e.quantity())
        .build();
  }

  /** The Kubernetes resource key flytekit writes into a pod spec: {@code cpu}, {@code ephemeral-storage}. */
  static String kubernetesKey(Resources.Name name) {
    return name.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
