package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import org.junit.jupiter.api.Test;

class RestartLogTest {
  @Test
  void aRestartFoldedTwiceIsHeldOnce() {
    RestartLog log = new RestartLog();
    RestartRecord first = new RestartRecord(10, new Pid(5), new Pid(9), "kaboom");
    RestartRecord second = new RestartRecord(20, new Pid(9), new Pid(12), null);
    int a = log.add(first, RestartLog.NONE);
    int b = log.add(second, a);
    // a second fold of the same events (the seek's shadow, a thawed checkpoint)
    assertThat(log.add(first, RestartLog.NONE)).isEqualTo(a);
    assertThat(log.add(second, a)).isEqualTo(b);
    assertThat(log.size()).isEqualTo(2);
    assertThat(log.record(a)).isEqualTo(first);
    assertThat(log.record(b)).isEqualTo(second);
    assertThat(log.before(b)).isEqualTo(a);
    assertThat(log.before(a)).isEqualTo(RestartLog.NONE);
  }

  @Test
  void anotherRestartWithTheSameNewPidIsANewEntry() {
    RestartLog log = new RestartLog();
    int a = log.add(new RestartRecord(10, new Pid(5), new Pid(9), "kaboom"), RestartLog.NONE);
    RestartRecord other = new RestartRecord(10, new Pid(5), new Pid(9), "killed");
    int b = log.add(other, RestartLog.NONE);
    assertThat(b).isNotEqualTo(a);
    assertThat(log.record(b)).isEqualTo(other);
  }

  @Test
  void aRemotePidIsKeptAsItCame() {
    RestartLog log = new RestartLog();
    RestartRecord r = new RestartRecord(3, new Pid(1, 40, 2), new Pid(1, 41, 2), "kaboom");
    RestartRecord first = new RestartRecord(1, null, new Pid(7), null);
    int a = log.add(first, RestartLog.NONE);
    int b = log.add(r, a);
    assertThat(log.record(b)).isEqualTo(r);
    assertThat(log.record(a)).isEqualTo(first);
  }
}
