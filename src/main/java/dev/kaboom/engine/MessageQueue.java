package dev.kaboom.engine;

/**
 * A process's mailbox: a ring buffer that a selective receive can scan and take from in the middle
 * without an iterator (the receive scan is the engine's innermost loop).
 */
final class MessageQueue {
  private Object[] items = new Object[4];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addLast(Object m) {
    if (size == items.length) {
      Object[] grown = new Object[items.length * 2];
      for (int i = 0; i < size; i++) {
        grown[i] = items[(head + i) & (items.length - 1)];
      }
      items = grown;
      head = 0;
    }
    items[(head + size) & (items.length - 1)] = m;
    size++;
  }

  /** The {@code i}-th message, oldest first. */
  Object get(int i) {
    return items[(head + i) & (items.length - 1)];
  }

  /** Removes and returns the {@code i}-th message; the others keep their order. */
  Object removeAt(int i) {
    int mask = items.length - 1;
    Object m = items[(head + i) & mask];
    if (i < size / 2) {
      for (int j = i; j > 0; j--) {
        items[(head + j) & mask] = items[(head + j - 1) & mask];
      }
      items[head] = null;
      head = (head + 1) & mask;
    } else {
      for (int j = i; j < size - 1; j++) {
        items[(head + j) & mask] = items[(head + j + 1) & mask];
      }
      items[(head + size - 1) & mask] = null;
    }
    size--;
    return m;
  }

  /** Removes and returns the first message that {@code pattern} matches, or null. */
  Object take(java.util.function.Predicate<Object> pattern) {
    for (int i = 0; i < size; i++) {
      if (pattern.test(get(i))) {
        return removeAt(i);
      }
    }
    return null;
  }
}
