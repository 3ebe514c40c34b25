package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.BundlePair;
import dev.kaboom.scenario.KoreanText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage help's bundle ({@code help*.properties}): every key in English and Korean, and every
 * command, option and parameter of {@code bin/kaboom} described in both (picocli's own i18n).
 */
class HelpBundleTest {
  private static Properties load(String name) throws IOException {
    return BundlePair.load("/dev/kaboom/cli/" + name);
  }

  @Test
  void everyKeyIsInBothLanguagesAndTheKoreanIsKorean() throws IOException {
    Properties en = load("help.properties");
    Properties ko = load("help_ko.properties");
    assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      String k = ko.getProperty(key);
      if (!key.startsWith("kaboom.console.usage.description.")
          || KoreanText.hasHangul(en.getProperty(key) + k)) {
        assertThat(KoreanText.hasHangul(k)).as(key + " is Korean: " + k).isTrue();
      }
      // picocli formats the text: the same %n (and ${...}) in both; no lone % anywhere
      assertThat(specifiers(k)).as(key).isEqualTo(specifiers(en.getProperty(key)));
      assertThat(k.replaceAll("%[n%]", "")).as(key).doesNotContain("%");
      assertThat(en.getProperty(key).replaceAll("%[n%]", "")).as(key).doesNotContain("%");
    }
  }

  private static List<String> specifiers(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("%n|\\$\\{[^}]*}").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** Every command (the help command too) and every option and parameter has its words. */
  @Test
  void everyCommandOptionAndParameterIsDescribedInBothLanguages() {
    for (Locale locale : new Locale[] {Locale.ROOT, Locale.KOREAN}) {
      CommandLine cl = new CommandLine(new Main());
      cl.setResourceBundle(
          ResourceBundle.getBundle(
              Main.HELP,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES)));
      List<CommandSpec> specs = new ArrayList<>();
      specs.add(cl.getCommandSpec());
      cl.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
      for (CommandSpec spec : specs) {
        String name = spec.qualifiedName();
        String description =
            String.join(" ", spec.usageMessage().description())
                + String.join(" ", spec.usageMessage().header());
        assertThat(description).as(name).isNotBlank();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
          if (arg.hidden()) {
            continue;
          }
          String what = name + " " + arg.paramLabel() + " " + arg.descriptionKey();
          String text = String.join(" ", arg.description());
          assertThat(text).as(what).isNotBlank();
          if (locale.equals(Locale.KOREAN)) {
            assertThat(KoreanText.hasHangul(text)).as(what + ": " + text).isTrue();
          }
        }
        if (locale.equals(Locale.KOREAN)) {
          assertThat(KoreanText.hasHangul(description)).as(name).isTrue();
          assertThat(spec.usageMessage().synopsisHeading()).as(name).contains("사용법");
        }
      }
    }
  }

  @Test
  void theHelpIsKoreanOnAKoreanSystemOrWithLangKo() {
    for (String sub : CliTest.subcommands()) {
      CliTest.Ran korean = CliTest.inKorean(() -> CliTest.run(sub, "--help"));
      assertThat(korean.status()).as(sub).isZero();
      assertThat(korean.out()).as(sub).contains("사용법: kaboom " + sub);
      assertThat(KoreanText.englishProse(korean.out())).as(sub).isNull();
      CliTest.Ran lang = CliTest.run(sub, "--help", "--lang", "ko");
      if (!sub.equals("help")) { // (the help command takes no --lang: it is a usage error)
        assertThat(lang.out()).as(sub).isEqualTo(korean.out());
      }
    }
    CliTest.Ran top = CliTest.run("--lang=ko", "--help");
    assertThat(top.out()).startsWith("사용법: kaboom").contains("명령:").contains("trace");
    assertThat(CliTest.run("--lang", "ko", "help", "trace").out()).startsWith("사용법: kaboom trace");
    // --lang en on a Korean system: English
    CliTest.Ran english = CliTest.inKorean(() -> CliTest.run("trace", "--lang", "en", "--help"));
    assertThat(english.out()).startsWith("Usage: kaboom trace").contains("Show this help");
  }
}
