package dev.kaboom.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCanonTest {
  static List<String> canon(String text) {
    return TraceCanon.canonical(text.lines().toList());
  }

  @Test
  void dropsBlankAndCommentLinesAndTrailingWhitespace() {
    assertThat(canon("# recorded by OTP 25\n\n> start_link root  \nstart root\t\n   \n#x\n"))
        .containsExactly("> start_link root", "start root");
  }

  @Test
  void keepsEverythingElseInItsOrder() {
    String t =
        "> start_link root\nstart root\nstart root/b\nstart root/a\n> exit root/a kaboom\n"
            + "exit root/a kaboom\nexit root/b shutdown\nstart root/b\nstart root/a\n= ok\n";
    assertThat(canon(t)).isEqualTo(t.lines().toList());
  }

  @Test
  void aChildWhoseInitFailedEndsRightAfterItsSupervisorWithItsOwnReason() {
    // OTP 25: the child either finishes its crash report first (its own reason) or is killed by
    // the supervisor's exit signal; both read the same
    String ownFirst =
        "> start_link root\nstart root\nstart root/s\nstart root/s/a\nexit root/s/b db_down\n"
            + "exit root/s/a shutdown\nexit root/s {shutdown,{failed_to_start_child,b,db_down}}\n"
            + "start root/s\n";
    String killedLater =
        "> start_link root\nstart root\nstart root/s\nstart root/s/a\nexit root/s/a shutdown\n"
            + "exit root/s {shutdown,{failed_to_start_child,b,db_down}}\n"
            + "exit root/s/b {shutdown,{failed_to_start_child,b,db_down}}\nstart root/s\n";
    assertThat(canon(ownFirst))
        .isEqualTo(canon(killedLater))
        .containsExactly(
            "> start_link root",
            "start root",
            "start root/s",
            "start root/s/a",
            "exit root/s/a shutdown",
            "exit root/s {shutdown,{failed_to_start_child,b,db_down}}",
            "exit root/s/b db_down",
            "start root/s");
    // a module-name id
    assertThat(
            canon(
                "> start_link root\nstart root\n"
                    + "exit root/App.W boom\n"
                    + "exit root {shutdown,{failed_to_start_child,'Elixir.App.W',boom}}\n"))
        .containsExactly(
            "> start_link root",
            "start root",
            "exit root {shutdown,{failed_to_start_child,'Elixir.App.W',boom}}",
            "exit root/App.W boom");
  }

  @Test
  void aFailedStartAtTheSamePathAsADyingOrphanIsTheLineWithItsReason() {
    // fuzz seed 536: the old root/s/x (an orphan of the kill) ends after the new one failed
    String otp =
        "start root\nstart root/s\nstart root/s/x\n> exit root/s kill\nexit root/s killed\n"
            + "start root/s\nexit root/s {shutdown,{failed_to_start_child,x,boom}}\n"
            + "exit root/s/x {shutdown,{failed_to_start_child,x,boom}}\nexit root/s/x killed\n";
    String kaboom =
        "start root\nstart root/s\nstart root/s/x\n> exit root/s kill\nexit root/s killed\n"
            + "exit root/s/x killed\nstart root/s\nexit root/s/x boom\n"
            + "exit root/s {shutdown,{failed_to_start_child,x,boom}}\n";
    assertThat(canon(otp))
        .isEqualTo(canon(kaboom))
        .containsExactly(
            "start root",
            "start root/s",
            "start root/s/x",
            "> exit root/s kill",
            "exit root/s killed",
            "exit root/s/x killed",
            "start root/s",
            "exit root/s {shutdown,{failed_to_start_child,x,boom}}",
            "exit root/s/x boom");
  }

  @Test
  void orphansOfAKilledSupervisorMoveRightAfterItsExit() {
    // the parent restarts root/s before the old root/s/x has finished dying
    String otp =
        "start root\nstart root/s\nstart root/s/x\n> exit root/s kill\nexit root/s killed\n"
            + "start root/s\nexit root/s/x killed\nstart root/s/x\n";
    assertThat(canon(otp))
        .containsExactly(
            "start root",
            "start root/s",
            "start root/s/x",
            "> exit root/s kill",
            "exit root/s killed",
            "exit root/s/x killed",
            "start root/s",
            "start root/s/x");
  }

  @Test
  void bothOrdersOfAnOrphanRaceHaveTheSameCanonicalForm() {
    String a =
        "start r\nstart r/s\nstart r/s/x\nexit r/s killed\nexit r/s/x killed\nstart r/s\nstart r/s/x\n";
    String b =
        "start r\nstart r/s\nstart r/s/x\nexit r/s killed\nstart r/s\nstart r/s/x\nexit r/s/x killed\n";
    // in b the orphan's exit comes after a new root/s/x started: it is still the orphan's line
    assertThat(canon(a)).isEqualTo(canon(b));
  }

  @Test
  void anOrphanEndingAfterANewerProcessAtItsPathIsFoundByItsReason() {
    // fuzz seed 138 on OTP 25: the trapping orphan r/s/x ends (killed) only after the restarted
    // r/s started a newer r/s/x that ended with shutdown; the orphan sup r/s/t stops its child
    // r/s/t/w first, and ends after the newer r/s/t failed
    String otp =
        "start r\nstart r/s\nstart r/s/x\nstart r/s/t\nstart r/s/t/w\nexit r/s killed\n"
            + "start r/s\nexit r/s/t/w shutdown\nstart r/s/x\nstart r/s/t\nexit r/s/t boom\n"
            + "exit r/s/x shutdown\nexit r/s/x killed\nexit r/s/t killed\n";
    String kaboom =
        "start r\nstart r/s\nstart r/s/x\nstart r/s/t\nstart r/s/t/w\nexit r/s killed\n"
            + "exit r/s/x killed\nstart r/s\nexit r/s/t/w shutdown\nstart r/s/x\n"
            + "exit r/s/t killed\nstart r/s/t\nexit r/s/t boom\nexit r/s/x shutdown\n";
    assertThat(canon(otp)).isEqualTo(canon(kaboom));
    assertThat(canon(otp))
        .containsSubsequence(
            "exit r/s killed",
            "exit r/s/t/w shutdown",
            "exit r/s/t killed",
            "exit r/s/x killed",
            "start r/s",
            "exit r/s/t boom",
            "exit r/s/x shutdown");
  }

  @Test
  void groupsByChildOfTheKilledProcessInLexicographicOrderKeepingOrderWithinAGroup() {
    String t =
        "start r\nstart r/s\nstart r/s/b\nstart r/s/b/y\nstart r/s/b/x\nstart r/s/a\n"
            + "exit r/s killed\n"
            + "exit r/s/b/x shutdown\nexit r/s/a killed\nexit r/s/b/y shutdown\nexit r/s/b killed\n";
    assertThat(canon(t))
        .containsExactly(
            "start r",
            "start r/s",
            "start r/s/b",
            "start r/s/b/y",
            "start r/s/b/x",
            "start r/s/a",
            "exit r/s killed",
            "exit r/s/a killed",
            "exit r/s/b/x shutdown",
            "exit r/s/b/y shutdown",
            "exit r/s/b killed");
  }

  @Test
  void orphanExitsAfterAResultLineAreMovedToo() {
    String t =
        "start r\nstart r/s\nstart r/s/x\n> terminate_child r s\nexit r/s killed\n= ok\n"
            + "exit r/s/x killed\n";
    assertThat(canon(t))
        .containsExactly(
            "start r",
            "start r/s",
            "start r/s/x",
            "> terminate_child r s",
            "exit r/s killed",
            "exit r/s/x killed",
            "= ok");
  }

  @Test
  void onlyDescendantsAliveAtTheKilledLineAreOrphans() {
    // r/s/old already exited; r/sx is not under r/s/ (prefix must end at a path boundary)
    String t =
        "start r\nstart r/s\nstart r/s/old\nexit r/s/old normal\nstart r/sx\n"
            + "exit r/s killed\nexit r/sx kaboom\n";
    assertThat(canon(t)).isEqualTo(t.lines().toList());
  }

  @Test
  void exitsWithOtherReasonsMoveNothing() {
    String t =
        "start r\nstart r/s\nstart r/s/x\nexit r/s shutdown\nstart r/s\nexit r/s/x shutdown\n";
    assertThat(canon(t)).isEqualTo(t.lines().toList());
  }

  @Test
  void aKilledOrphanDoesNotAnchorItsOwnDescendants() {
    // r/s/t is killed as an orphan of r/s: its line moves, and r/s/t/w stays an orphan of r/s
    String t =
        "start r\nstart r/s\nstart r/s/t\nstart r/s/t/w\nexit r/s killed\nstart r/s\n"
            + "exit r/s/t/w killed\nexit r/s/t killed\n";
    assertThat(canon(t))
        .containsExactly(
            "start r",
            "start r/s",
            "start r/s/t",
            "start r/s/t/w",
            "exit r/s killed",
            "exit r/s/t/w killed",
            "exit r/s/t killed",
            "start r/s");
  }

  @Test
  void diffShowsRemovedAndAddedLinesWithContext() {
    String d =
        UnifiedDiff.diff(
            "expected", List.of("a", "b", "c", "d"), "actual", List.of("a", "c", "x", "d"), 1);
    assertThat(d)
        .startsWith("--- expected\n+++ actual\n@@ ")
        .contains("\n-b\n")
        .contains("\n+x\n")
        .contains("\n d\n");
  }
}
