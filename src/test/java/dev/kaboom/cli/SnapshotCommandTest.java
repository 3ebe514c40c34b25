package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaboom snapshot}: given Servy, when snapshot, then a PNG of the tree. */
class SnapshotCommandTest {
  @Test
  void drawsServyIntoAPng(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("servy.png");
    CliTest.Ran ran =
        CliTest.run("snapshot", "resources/scenarios/servy.json", out.toString(), "--after", "3");
    assertThat(ran.status()).isZero();
    assertThat(ran.out()).contains("servy.png");
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isGreaterThan(300);
    assertThat(img.getHeight()).isGreaterThan(200);
    // not blank: the running borders are green somewhere
    boolean green = false;
    for (int y = 0; y < img.getHeight() && !green; y += 2) {
      for (int x = 0; x < img.getWidth() && !green; x += 2) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        green = g > 100 && r < 80 && b < 80;
      }
    }
    assertThat(green).isTrue();
  }

  @Test
  void aLanguageOrStepCountItCannotUseIsOneLineAndExitStatusTwo(@TempDir Path dir) {
    String png = dir.resolve("x.png").toString();
    CliTest.Ran fr = CliTest.run("snapshot", "resources/scenarios/servy.json", png, "--lang", "fr");
    assertThat(fr.status()).isEqualTo(2);
    assertThat(fr.err()).contains("--lang fr: expected en or ko");
    CliTest.Ran far =
        CliTest.run("snapshot", "resources/scenarios/servy.json", png, "--after", "99999");
    assertThat(far.status()).isEqualTo(2);
    assertThat(far.err()).contains("--after 99999: out of range", "so STEPS is 0..");
    assertThat(
            CliTest.run("snapshot", "resources/scenarios/servy.json", png, "--after", "-3")
                .status())
        .isEqualTo(2);
    assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
  }

  @Test
  void aMalformedScenarioIsExitStatusTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ \"tree\": ");
    CliTest.Ran r = CliTest.run("snapshot", bad.toString(), dir.resolve("x.png").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json:1:11: malformed JSON");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }
}
