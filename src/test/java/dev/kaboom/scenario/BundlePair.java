package dev.kaboom.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a bundle's English and Korean files, to check they say the same things. */
public final class BundlePair {
  private BundlePair() {}

  /** The properties file at class-path {@code resource} (UTF-8). */
  public static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundlePair.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** The argument numbers a {@link java.text.MessageFormat} pattern uses (quoted text skipped). */
  public static TreeSet<String> arguments(String pattern) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d)\\}").matcher(pattern.replaceAll("'[^']*'", ""));
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
