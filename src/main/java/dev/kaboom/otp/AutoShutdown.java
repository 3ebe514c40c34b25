package dev.kaboom.otp;

import java.util.Arrays;
import java.util.Optional;

/**
 * A supervisor's {@code auto_shutdown} flag (OTP 24+, EEP 56): whether the exit of {@code
 * significant} children shuts the supervisor down.
 */
public enum AutoShutdown {
  NEVER("never"),
  ANY_SIGNIFICANT("any_significant"),
  ALL_SIGNIFICANT("all_significant");

  private final String otpName;

  AutoShutdown(String otpName) {
    this.otpName = otpName;
  }

  public String otpName() {
    return otpName;
  }

  public static Optional<AutoShutdown> parse(String name) {
    return Arrays.stream(values()).filter(a -> a.otpName.equals(name)).findFirst();
  }
}
