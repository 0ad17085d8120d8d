package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgoDurationsTest {
  @Test
  void secondsAndGoDurationsBecomeIso8601() {
    assertEquals(Optional.of("PT30S"), ArgoDurations.iso("30"));
    assertEquals(Optional.of("PT30S"), ArgoDurations.iso("30s"));
    assertEquals(Optional.of("PT1H30M"), ArgoDurations.iso("1h30m"));
    assertEquals(Optional.of("PT1.5S"), ArgoDurations.iso("1.5s"));
    assertEquals(Optional.of("P2DT3H"), ArgoDurations.iso("2d3h"));
    assertEquals(Optional.of("PT0S"), ArgoDurations.iso("0"));
  }

  @Test
  void expressionsAreNotDurations() {
    assertEquals(Optional.empty(), ArgoDurations.iso("{{inputs.parameters.t}}"));
    assertEquals(Optional.empty(), ArgoDurations.iso(""));
    assertEquals(Optional.empty(), ArgoDurations.iso("5 minutes"));
  }
}
