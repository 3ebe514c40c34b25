package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The command line's bundle: every line in English and Korean, with the same arguments. */
class CliTextTest {
  private static Properties load(String name) throws IOException {
    return dev.kaboom.scenario.BundlePair.load("/dev/kaboom/cli/" + name);
  }

  private static TreeSet<String> arguments(String pattern) {
    return dev.kaboom.scenario.BundlePair.arguments(pattern);
  }

  @Test
  void everyLineIsInBothLanguagesWithTheSameArguments() throws IOException {
    Properties en = load("cli.properties");
    Properties ko = load("cli_ko.properties");
    assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(arguments(ko.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
      if (!key.equals("line")) {
        assertThat(ko.getProperty(key).codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
            .as(key + " is Korean")
            .isTrue();
      }
    }
  }

  /** picocli's English comes back word for word in English, and in Korean from the bundle. */
  @Test
  void picocliMessagesAreSaidAgainFromTheBundle() {
    String[] english = {
      "Missing required parameter: 'FILE'",
      "Missing required parameter for option '--script' (FILE)",
      "Invalid value for option '--after': 'abc' is not a whole number",
      "Invalid value for option '--x': 'y' is not a number",
      "Invalid value for option '--mode': expected one of [a, b] but was 'c'",
      "Unknown option: '--explian'",
      "Unknown subcommand 'xyz'.",
      "Unmatched argument at index 2: 'b.json'",
      "option '--at' (N) should be specified only once",
      "Expected parameter for option '--at' but found '--tree'",
    };
    for (String message : english) {
      assertThat(CliText.picocli(Locale.ROOT, message)).isEqualTo(message);
      assertThat(
              dev.kaboom.scenario.KoreanText.englishProse(CliText.picocli(Locale.KOREAN, message)))
          .as(message)
          .isNull();
    }
    assertThat(CliText.picocli(Locale.KOREAN, "Something picocli never said"))
        .isEqualTo("Something picocli never said");
  }
}
