package org.newsmentions.entities.ner;

import java.util.Arrays;

/** An open-addressing map from long keys to int values, with no boxing; -1 means absent. */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int mask;
  private int size;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected + expected / 2)) << 1;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  int get(long key) {
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Adds delta to the key's value (absent counts as 0) and returns the new value. */
  int add(long key, int delta) {
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        values[i] += delta;
        return values[i];
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = delta;
    if (++size * 3 > keys.length * 2) {
      grow();
    }
    return delta;
  }

  void put(long key, int value) {
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    if (++size * 3 > keys.length * 2) {
      grow();
    }
  }

  /** Calls the visitor for every entry. */
  void forEach(Visitor v) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        v.visit(keys[i], values[i]);
      }
    }
  }

  interface Visitor {
    void visit(long key, int value);
  }

  /** Bytes held by the arrays, for the heap report. */
  long bytes() {
    return (long) keys.length * 8 + (long) values.length * 4 + used.length;
  }

  private int slot(long key) {
    return (int) NerFeatures.mix(key) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    int cap = keys.length * 2;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldValues[i]);
      }
    }
    Arrays.fill(oldUsed, false);
  }
}
