package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A log line's time stamp is written without a Formatter, exactly as "[%7.3f s] " writes it. */
class ReportFormatterTimeTest {
  @Test
  void theTimeStampIsTheOneStringFormatWrites() {
    Random random = new Random(42);
    long[] fixed = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 12_345_678};
    for (long ms : fixed) {
      assertThat(ReportFormatter.time(ms)).isEqualTo(expected(ms));
    }
    for (int i = 0; i < 10_000; i++) {
      long ms = (long) (random.nextDouble() * random.nextDouble() * 100_000_000L);
      assertThat(ReportFormatter.time(ms)).isEqualTo(expected(ms));
    }
    assertThat(ReportFormatter.time(-1500)).isEqualTo(expected(-1500));
  }

  private static String expected(long ms) {
    return String.format(Locale.ROOT, "[%7.3f s] ", ms / 1000.0);
  }
}
