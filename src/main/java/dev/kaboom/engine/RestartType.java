package dev.kaboom.engine;

import java.util.Arrays;
import java.util.Optional;

/** When a supervisor restarts a child that ended: always, only on abnormal exit, or never. */
public enum RestartType {
  PERMANENT("permanent"),
  TRANSIENT("transient"),
  TEMPORARY("temporary");

  private final String otpName;

  RestartType(String otpName) {
    this.otpName = otpName;
  }

  public String otpName() {
    return otpName;
  }

  public static Optional<RestartType> parse(String name) {
    return Arrays.stream(values()).filter(s -> s.otpName.equals(name)).findFirst();
  }

  /**
   * {@code normal}, {@code shutdown} and {@code {shutdown, _}}: exits a transient child may make.
   */
  public static boolean isNormalExit(Term reason) {
    if (reason == Atom.NORMAL || reason == Atom.SHUTDOWN) {
      return true;
    }
    return reason instanceof Tuple t && t.size() == 2 && t.get(0) == Atom.SHUTDOWN;
  }

  /** OTP's restart decision for a child of this type that ended with {@code reason}. */
  public boolean restarts(Term reason) {
    return switch (this) {
      case PERMANENT -> true;
      case TRANSIENT -> !isNormalExit(reason);
      case TEMPORARY -> false;
    };
  }

  @Override
  public String toString() {
    return otpName;
  }
}
