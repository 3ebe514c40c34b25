package dev.kaboom.console;

import dev.kaboom.engine.Bin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Binaries that are not UTF-8 text ({@code <<200>>}, {@code "\xff"}) in the engine's {@link Bin},
 * which holds a Java string: a byte that is no part of a valid UTF-8 sequence is kept as the lone
 * low surrogate {@code U+DC00 + byte} (as Python's {@code surrogateescape}), which valid text never
 * holds. So every binary has one string (a valid sequence is always decoded: {@code <<195, 169>>}
 * is {@code "é"}), and equal binaries are equal {@code Bin}s.
 */
final class Binaries {
  private Binaries() {}

  /** The binary of {@code bytes}. */
  static Bin of(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int len =
          b < 0x80
              ? 1
              : b >= 0xC2 && b <= 0xDF
                  ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      int cp = -1;
      if (len == 1) {
        cp = b;
      } else if (len > 1 && i + len <= bytes.length) {
        cp = b & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
          int c = bytes[i + k] & 0xFF;
          if ((c & 0xC0) != 0x80) {
            cp = -1;
            break;
          }
          cp = (cp << 6) | (c & 0x3F);
        }
        int min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          cp = -1; // overlong, out of range or a surrogate: no UTF-8
        }
      }
      if (cp < 0) {
        sb.append((char) (0xDC00 + b));
        i++;
      } else {
        sb.appendCodePoint(cp);
        i += len;
      }
    }
    return new Bin(sb.toString());
  }

  /** The bytes of {@code b}. */
  static byte[] bytes(Bin b) {
    String s = b.value();
    if (!raw(b)) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0xDC80 && cp <= 0xDCFF) {
        out.write(cp - 0xDC00);
      } else {
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      }
      i += Character.charCount(cp);
    }
    return out.toByteArray();
  }

  /** Whether {@code b} holds a byte that is no UTF-8 (so it is no string for String.Chars). */
  static boolean raw(Bin b) {
    String s = b.value();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code String.printable?/1} of Elixir 1.14: what {@code inspect} writes in quotes. */
  static boolean printable(Bin b) {
    String s = b.value();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      boolean ok =
          (c >= 0x20 && c <= 0x7E)
              || (c >= 0xA0 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF)
              || c == 0x7F
              || Inspect.printableControl(c);
      if (!ok) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
