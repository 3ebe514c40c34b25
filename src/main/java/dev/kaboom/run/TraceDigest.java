package dev.kaboom.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * A checksum of a trace (the lines {@code kaboom trace} prints): how many lines, the SHA-256 of the
 * text (each line ended by {@code \n}, UTF-8), and a CRC-32 per line, so that a replay whose trace
 * differs can name the first line that differs.
 */
public record TraceDigest(long lines, String sha256, int[] lineCrcs) {

  /** The line (1-based) at which {@code other} first differs from this one, or 0 if it does not. */
  public long firstDifference(TraceDigest other) {
    if (sha256.equals(other.sha256) && lines == other.lines) {
      return 0;
    }
    int n = Math.min(lineCrcs.length, other.lineCrcs.length);
    for (int i = 0; i < n; i++) {
      if (lineCrcs[i] != other.lineCrcs[i]) {
        return i + 1;
      }
    }
    return n + 1L;
  }

  /**
   * True when {@code other} has the same lines, line for line (count and per-line CRCs), and only
   * the SHA-256 differs: the recorded checksum itself was changed, not the trace.
   */
  public boolean onlyChecksumDiffers(TraceDigest other) {
    return !sha256.equals(other.sha256)
        && lines == other.lines
        && Arrays.equals(lineCrcs, other.lineCrcs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceDigest d
        && d.lines == lines
        && d.sha256.equals(sha256)
        && Arrays.equals(d.lineCrcs, lineCrcs);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }

  /** Builds a digest line by line. */
  public static final class Builder {
    private final MessageDigest sha;
    private final CRC32 crc = new CRC32();
    private int[] crcs = new int[64];
    private long lines;

    public Builder() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    public void line(String line) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      sha.update(bytes);
      crc.reset();
      crc.update(bytes);
      if (lines == crcs.length) {
        crcs = Arrays.copyOf(crcs, crcs.length * 2);
      }
      crcs[(int) lines++] = (int) crc.getValue();
    }

    public TraceDigest build() {
      return new TraceDigest(
          lines, HexFormat.of().formatHex(sha.digest()), Arrays.copyOf(crcs, (int) lines));
    }
  }
}
