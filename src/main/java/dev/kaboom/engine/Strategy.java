package dev.kaboom.engine;

import java.util.Arrays;
import java.util.Optional;

/** A supervisor's restart strategy, by its OTP name. */
public enum Strategy {
  ONE_FOR_ONE("one_for_one"),
  ONE_FOR_ALL("one_for_all"),
  REST_FOR_ONE("rest_for_one");

  private final String otpName;

  Strategy(String otpName) {
    this.otpName = otpName;
  }

  public String otpName() {
    return otpName;
  }

  public static Optional<Strategy> parse(String name) {
    return Arrays.stream(values()).filter(s -> s.otpName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return otpName;
  }
}
