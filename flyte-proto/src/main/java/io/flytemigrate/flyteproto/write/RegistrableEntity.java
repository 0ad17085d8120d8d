package io.flytemigrate.flyteproto.write;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.flytemigrate.flyte.model.Identifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One entity of the package: its name, its kind (whose number is the digit of its file name) and
 * the message registered for it ({@code TaskSpec}, {@code WorkflowSpec} or {@code LaunchPlan}).
 */
public record RegistrableEntity(String name, Identifier.ResourceType kind, Message message) {
  public RegistrableEntity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The message's bytes, serialised deterministically (map entries sorted by key), so the same
   * entity always gives the same bytes.
   */
  public byte[] bytes() {
    byte[] out = new byte[message.getSerializedSize()];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    try {
      message.writeTo(cos);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out;
  }
}
