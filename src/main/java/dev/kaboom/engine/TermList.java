package dev.kaboom.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A proper Erlang list, {@code [a,b]}.
 *
 * <p>As in Erlang, a list's tail can be shared: {@link #drop} ({@code [_ | t] = list}) and {@link
 * #prepend} ({@code [x | acc]}) take constant time (amortised) instead of copying the list, so a
 * recursion over a list of 100,000 elements, or a list built up one element at a time, is linear,
 * not quadratic. Such lists keep their elements last first in one growable array that their views
 * share; the array only grows past every view's end, so no list ever changes.
 */
public record TermList(List<Term> elements) implements Term {
  public TermList {
    if (!(elements instanceof Shared)) {
      elements = List.copyOf(elements);
    }
  }

  /** This list without its first {@code n} elements ({@code tl}, {@code [_ | t]}), shared. */
  public TermList drop(int n) {
    Shared s = shared();
    if (n < 0 || n > s.len) {
      throw new IndexOutOfBoundsException(n);
    }
    return new TermList(new Shared(s.store, s.len - n));
  }

  /** {@code [heads | this]}: this list's elements shared when no other list has grown them. */
  public TermList prepend(List<Term> heads) {
    Shared s = shared();
    Store store = s.store;
    if (store.size != s.len) {
      store = new Store(s.len + heads.size());
      for (int i = 0; i < s.len; i++) {
        store.add(s.store.items[i]);
      }
    }
    for (int i = heads.size() - 1; i >= 0; i--) {
      store.add(heads.get(i));
    }
    return new TermList(new Shared(store, s.len + heads.size()));
  }

  private Shared shared() {
    if (elements instanceof Shared s) {
      return s;
    }
    Store store = new Store(elements.size() + 1);
    for (int i = elements.size() - 1; i >= 0; i--) {
      store.add(elements.get(i));
    }
    return new Shared(store, elements.size());
  }

  /** The elements of shared lists, last first; grows only at its end. */
  private static final class Store {
    Term[] items;
    int size;

    Store(int capacity) {
      items = new Term[Math.max(capacity, 4)];
    }

    void add(Term t) {
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      items[size++] = t;
    }
  }

  /** A list of the first {@code len} elements of a store, read last first. */
  private static final class Shared extends AbstractList<Term> implements RandomAccess {
    private final Store store;
    private final int len;

    Shared(Store store, int len) {
      this.store = store;
      this.len = len;
    }

    @Override
    public Term get(int index) {
      if (index < 0 || index >= len) {
        throw new IndexOutOfBoundsException(index);
      }
      return store.items[len - 1 - index];
    }

    @Override
    public int size() {
      return len;
    }
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      elements.get(i).appendTo(out, anonymous);
    }
    out.append(']');
  }

  @Override
  public String toString() {
    return format();
  }
}
