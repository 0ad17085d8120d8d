package io.flytemigrate.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to an enum constant by its lowercase spelling, case-insensitively, and
 * lists the lowercase spellings when the value is wrong.
 */
abstract class LowercaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  LowercaseEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw new TypeConversionException("expected one of " + allowed + " but was '" + value + "'");
  }

  /** Converts {@code --format}. */
  static final class Output extends LowercaseEnumConverter<OutputFormat> {
    Output() {
      super(OutputFormat.class);
    }
  }

  /** Converts {@code --diagnostics}. */
  static final class Diagnostics extends LowercaseEnumConverter<DiagnosticsFormat> {
    Diagnostics() {
      super(DiagnosticsFormat.class);
    }
  }

  /** Converts {@code --progress}. */
  static final class ProgressMode extends LowercaseEnumConverter<Progress.Mode> {
    ProgressMode() {
      super(Progress.Mode.class);
    }
  }
}
