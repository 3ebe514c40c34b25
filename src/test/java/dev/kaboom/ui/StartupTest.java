package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupTest {
  private static final String PROC_NET_UNIX =
      "Num       RefCount Protocol Flags    Type St Inode Path\n"
          + "0000000000000000: 00000002 00000000 00010000 0001 01 21740 @/tmp/.X11-unix/X99\n"
          + "0000000000000000: 00000002 00000000 00010000 0001 01 21741 /tmp/.X11-unix/X1\n"
          + "0000000000000000: 00000002 00000000 00010000 0001 01 21742 /run/dbus/system_bus\n";

  @Test
  void aLocalDisplayWithNoXServerSocketIsMissing() {
    assertThat(Startup.localXServerMissing(":0", PROC_NET_UNIX)).isTrue();
    assertThat(Startup.localXServerMissing(":9.0", PROC_NET_UNIX)).isTrue();
  }

  @Test
  void aSocketByPathOrAbstractNameServesTheDisplay() {
    assertThat(Startup.localXServerMissing(":1", PROC_NET_UNIX)).isFalse();
    assertThat(Startup.localXServerMissing(":99", PROC_NET_UNIX)).isFalse();
    assertThat(Startup.localXServerMissing(":99.0", PROC_NET_UNIX)).isFalse();
  }

  @Test
  void aRemoteOrUnusualDisplayIsLeftToJavaFx() {
    assertThat(Startup.localXServerMissing("localhost:10.0", PROC_NET_UNIX)).isFalse();
    assertThat(Startup.localXServerMissing("host:0", "")).isFalse();
    assertThat(Startup.localXServerMissing("/private/tmp/launch/org.xquartz:0", "")).isFalse();
  }

  /** The tests run headless: no display, said in English or Korean (a Korean system, --lang ko). */
  @Test
  void noDisplayIsSaidInTheWindowsLanguage() {
    assertThat(Startup.problem(java.util.Locale.ENGLISH))
        .hasValueSatisfying(p -> assertThat(p).contains("no display").contains("xvfb-run -a"));
    assertThat(Startup.problem(java.util.Locale.KOREAN))
        .hasValueSatisfying(
            p -> {
              assertThat(p).contains("디스플레이가 없어요").contains("xvfb-run -a");
              assertThat(dev.kaboom.scenario.KoreanText.englishProse(p)).isNull();
            });
  }
}
