package dev.kaboom.run;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.RunawayException;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.ShutdownHow;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.StopCause;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SimpleWorker;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every event of a run, held as bytes: a read-only {@link List} of {@link TraceEvent}s that makes
 * each event again when it is read, so a run of millions of events holds no event object (about 1.7
 * bytes an event in a storm of kabooms, against about 60 for the records with their pids and
 * messages).
 *
 * <p>Recording costs the engine's thread one array store an event ({@code T2_record_overhead}):
 * {@link #accept} keeps the event in the segment being filled ({@value #SEGMENT_BLOCKS} blocks),
 * and a full segment goes to the encoder thread (one daemon thread for every store, {@code
 * kaboom-event-encoder}, fed through a {@link ConcurrentLinkedQueue} that wakes it only when it
 * sleeps with nothing to do), which encodes it once the engine rests (see {@link EncoderThread});
 * the encoded segment comes back through another {@link ConcurrentLinkedQueue} and the store's own
 * thread installs it the next time it hands a segment on or reads one that is out (then the
 * segment's event objects go). Until then a read gets the event objects themselves, so what a read
 * returns never depends on how far the encoder is; no state is shared between the threads but what
 * the two queues hand over, and each segment's bytes, which the encoder thread deflates later, when
 * it is idle ({@link Packed}).
 *
 * <p>The encoding: events in blocks of {@value #BLOCK}, each block starting at a known offset so an
 * event is found by decoding at most its block (the last two blocks read are kept decoded). Within
 * a block an event is a tag byte (its kind; its top bit set when its time is the event before's),
 * else its time as a varint difference, then its fields: pids as their place in a move-to-front
 * list of the block's last eight pids, else as the difference of their serial from one more than
 * the block's highest so far (a process spawned just now is 0); strings (labels, child ids, names)
 * as their place in a move-to-front list of the block's last four, else as indices into a table of
 * the run's distinct ones; atoms as indices into a table; enums as ordinals, integers as zigzag
 * varints, terms and the engine's and gen protocol's messages by their structure. A message of any
 * other class is kept as it is, once, in a table of objects. So a pattern of events that comes
 * again (every kaboom of a storm) writes the same bytes but for its few new facts, and a segment's
 * bytes are then deflated (on the encoder thread once no segment has come for a moment: about 6
 * bytes an event to 1.7); a read inflates its segment (the last two are kept). Not thread-safe: one
 * thread (the engine's) accepts and reads.
 */
public final class EventStore extends AbstractList<TraceEvent> implements EventSink, RandomAccess {
  /** Events per block: at most this many are decoded to read one. */
  static final int BLOCK = 128;

  /** Blocks per segment, the unit handed to the encoder. */
  static final int SEGMENT_BLOCKS = 8;

  private final int segmentEvents;
  private final boolean background;

  private int size;

  /** The segment being filled, as the events came. */
  private TraceEvent[] open;

  /** By segment: its events as they came, until its bytes are installed (null after). */
  private TraceEvent[][] out = new TraceEvent[16][];

  /**
   * By segment: its bytes (raw, or deflated once the encoder thread found time), once installed.
   */
  private Packed[] segments = new Packed[16];

  /** The last two segments inflated: their indices and bytes (the older one goes next). */
  private final int[] rawIndex = {-1, -1};

  private final byte[][] raw = new byte[2][];
  private int rawNext;
  private java.util.zip.Inflater inflater;

  /** By block: where it starts in its segment's bytes. */
  private int[] blockStart = new int[64];

  /** How many segments were handed to the encoder, and how many of them are installed. */
  private int handed;

  private int installed;

  /** The encoder's state (its thread's alone once a segment was handed over). */
  private final Encoder encoder = new Encoder();

  /** Encoded segments, in order, not installed yet. */
  private final ConcurrentLinkedQueue<Segment> done = new ConcurrentLinkedQueue<>();

  // the tables as installed (this thread's copies of the encoder's)
  private final ArrayList<String> strings = new ArrayList<>();
  private final ArrayList<Atom> atoms = new ArrayList<>();
  private final ArrayList<Object> objects = new ArrayList<>();

  // two decoded blocks
  private int cachedA = -1;
  private int cachedB = -1;
  private boolean newestA;
  private final TraceEvent[] blockA = new TraceEvent[BLOCK];
  private final TraceEvent[] blockB = new TraceEvent[BLOCK];

  private static final int RECENT = 8;

  /** Strings written lately that a string can refer to (a move-to-front list, as the pids'). */
  private static final int RECENT_STRINGS = 4;

  /**
   * The deflater's level for a segment's bytes: the fastest (1.70 bytes an event in a storm of
   * kabooms; level 6 gives 1.56 for about 100 ns more an event on the encoder thread).
   */
  static final int DEFLATE_LEVEL = 1;

  /** The bytes of segment {@code s} as encoded (inflated; the last two are kept). */
  private byte[] raw(int s) {
    Packed g = segments[s];
    byte[] plain = g.raw;
    if (plain != null) {
      return plain; // not deflated yet
    }
    if (rawIndex[0] == s) {
      return raw[0];
    }
    if (rawIndex[1] == s) {
      return raw[1];
    }
    int k = rawNext;
    rawNext ^= 1;
    byte[] into = raw[k];
    if (into == null || into.length < g.length) {
      into = new byte[Math.max(g.length, 1 << 13)];
    }
    if (inflater == null) {
      inflater = new java.util.zip.Inflater(true);
    }
    DeflatedBytes.inflate(inflater, g.deflated, into, g.length, "event segment " + s);
    raw[k] = into;
    rawIndex[k] = s;
    return into;
  }

  /** A store whose segments are encoded on the encoder thread. */
  public EventStore() {
    this(SEGMENT_BLOCKS, true);
  }

  /**
   * @param segmentBlocks blocks per segment
   * @param background false: a full segment is encoded at once, on the calling thread (tests)
   */
  EventStore(int segmentBlocks, boolean background) {
    this.segmentEvents = segmentBlocks * BLOCK;
    this.background = background;
    this.open = new TraceEvent[segmentEvents];
  }

  /** A store of {@code events}, every one of them encoded (tests: the encoding round-trips). */
  static EventStore encoded(List<TraceEvent> events) {
    EventStore s = new EventStore(SEGMENT_BLOCKS, false);
    events.forEach(s::accept);
    s.seal();
    return s;
  }

  // ---- writing ----

  /**
   * How many events the open segment holds (a count, not {@code size % segmentEvents}: no division
   * on the engine's thread).
   */
  private int filled;

  @Override
  public void accept(TraceEvent e) {
    TraceEvent[] o = open;
    int at = filled;
    o[at] = e;
    size++;
    if (++at < o.length) {
      filled = at;
    } else {
      filled = 0;
      hand(o, at);
      open = new TraceEvent[at];
    }
  }

  /** Hands the first {@code count} events of {@code events} to the encoder as the next segment. */
  private void hand(TraceEvent[] events, int count) {
    int s = handed++;
    if (s == out.length) {
      out = Arrays.copyOf(out, s * 2);
      segments = Arrays.copyOf(segments, s * 2);
    }
    out[s] = events;
    if (background) {
      EncoderThread.submitEncode(
          () -> {
            Segment g = encoder.segment(s, events, count);
            if (g.bytes() != null) {
              EncoderThread.pending(g.bytes());
            }
            done.add(g);
          });
      install();
    } else {
      done.add(encoder.segment(s, events, count));
      install();
    }
  }

  /**
   * Hands the last, partial segment on too: no event can come after; a store that encodes on the
   * calling thread deflates its segments then (tests).
   */
  void seal() {
    int count = filled;
    if (count > 0) {
      hand(open, count);
      open = null;
      filled = 0;
    }
    if (!background) {
      java.util.zip.Deflater d = new java.util.zip.Deflater(DEFLATE_LEVEL, true);
      for (int i = 0; i < installed; i++) {
        if (segments[i] != null) {
          segments[i].deflate(d);
        }
      }
      d.end();
    }
  }

  /** Installs the segments the encoder has finished. */
  private void install() {
    Segment g;
    while ((g = done.poll()) != null) {
      if (g.index() != installed) {
        throw new IllegalStateException("segment " + g.index() + " came before " + installed);
      }
      installed++;
      if (g.bytes() == null) {
        continue; // the encoder could not encode it: its events stay as they came
      }
      strings.addAll(Arrays.asList(g.strings()));
      atoms.addAll(Arrays.asList(g.atoms()));
      objects.addAll(Arrays.asList(g.objects()));
      int b0 = g.index() * (segmentEvents / BLOCK);
      int blocks = g.blockStart().length;
      if (b0 + blocks > blockStart.length) {
        blockStart = Arrays.copyOf(blockStart, Math.max(b0 + blocks, blockStart.length * 2));
      }
      System.arraycopy(g.blockStart(), 0, blockStart, b0, blocks);
      segments[g.index()] = g.bytes();
      out[g.index()] = null;
    }
  }

  /**
   * Waits until the encoder thread has encoded every segment handed to it so far and deflated every
   * segment of every store (it does that when idle), and installs this store's (tests, and a figure
   * that wants the settled heap). The last, partial segment stays as it came.
   */
  public void awaitEncoded() {
    if (background) {
      awaitEncoder();
    }
    install();
  }

  /**
   * Waits until the encoder thread has encoded every segment any store handed it so far and
   * deflated every segment waiting raw (a figure that wants the settled heap: a backlog holds its
   * segments' event objects until encoded, and raw bytes until deflated).
   */
  public static void awaitEncoder() {
    java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
    EncoderThread.submit(
        () -> {
          EncoderThread.deflatePending(0);
          f.complete(null);
        });
    f.join();
  }

  /**
   * The heap the encoded events take, in bytes (the bytes installed, raw or deflated, and the block
   * index).
   */
  public long encodedBytes() {
    long n = 4L * (size / BLOCK + 1);
    for (int i = 0; i < installed; i++) {
      if (segments[i] != null) {
        n += segments[i].heapBytes();
      }
    }
    return n;
  }

  /**
   * One encoded segment's bytes: as encoded ({@link #raw}) until the encoder thread deflates them
   * (when it is idle, see {@link EncoderThread}), then deflated. The encoder thread sets {@link
   * #deflated} before it drops {@link #raw}, so a reader that finds {@code raw} null finds {@code
   * deflated} set; both arrays are never written after they are published.
   */
  static final class Packed {
    /** How many bytes the segment's encoding takes (what {@link #deflated} inflates to). */
    final int length;

    volatile byte[] raw;
    volatile byte[] deflated;

    Packed(byte[] raw) {
      this.length = raw.length;
      this.raw = raw;
    }

    /** Deflates the raw bytes by {@code d} (nothing when already deflated). */
    void deflate(java.util.zip.Deflater d) {
      byte[] r = raw;
      if (r != null) {
        deflated = DeflatedBytes.deflate(d, r, r.length);
        raw = null;
      }
    }

    long heapBytes() {
      byte[] r = raw;
      byte[] d = deflated;
      return 32 + (r != null ? 16 + r.length : 0) + (d != null ? 16 + d.length : 0);
    }
  }

  /** What an encoded segment brings back: its bytes and the table entries it added. */
  private record Segment(
      int index,
      Packed bytes,
      int[] blockStart,
      String[] strings,
      Atom[] atoms,
      Object[] objects) {}

  /**
   * The one thread that encodes every store's segments, in the order they were handed over (one
   * queue, so each store's come back in order), and deflates them, both when the engine rests.
   *
   * <p>Encoding costs about three times what the engine spends making an event (about 200 ns an
   * event, deflating included, against about 60: {@code T2_record_overhead}), so doing it while the
   * engine runs would slow the engine wherever the two threads share a core, or a host's cache: a
   * burst of the engine (a cascade, a storm's beat) is neither encoded nor deflated while it runs.
   * Its segments wait, as event objects, until no segment has come for {@value #IDLE_MICROS} µs
   * (the thread looks that often, with no wake-up from the engine); then they are encoded, then
   * deflated (about 6 bytes an event in a storm raw, 1.7 deflated), oldest first, one at a time
   * while none comes. Past {@value #MAX_BACKLOG} segments waiting to be encoded (about 520,000
   * events and 60 MB of event objects in a storm: the engine flat out for about 40 ms) the oldest
   * are encoded as segments come, and past {@value #MAX_PENDING_BYTES} raw bytes waiting (about 1.4
   * million events of a storm) the oldest are deflated as segments come. In the window the engine
   * rests between a learner's commands, so its events are encoded a few milliseconds after each
   * cascade.
   */
  private static final class EncoderThread {
    private static final ConcurrentLinkedQueue<Runnable> JOBS = new ConcurrentLinkedQueue<>();

    /** Set while the thread sleeps with nothing to do: then a job must wake it. */
    private static volatile boolean asleep;

    private static final Thread THREAD;

    /** How long the queue must stay empty before encoding and deflating start. */
    static final long IDLE_MICROS = 2_000;

    /** The most raw bytes that wait to be deflated before deflating goes on while busy. */
    static final long MAX_PENDING_BYTES = 8L << 20;

    /** The most segments that wait to be encoded while the engine is busy. */
    static final int MAX_BACKLOG = 512;

    /**
     * How many times in a row the thread looks for work and finds none ({@link #IDLE_MICROS} apart)
     * before it sleeps until woken.
     */
    static final int LOOKS_BEFORE_SLEEP = 250;

    // the encoder thread's alone
    private static int idleLooks;
    private static final java.util.ArrayDeque<Runnable> BACKLOG = new java.util.ArrayDeque<>();
    private static final java.util.ArrayDeque<Packed> PENDING = new java.util.ArrayDeque<>();
    private static long pendingBytes;
    private static java.util.zip.Deflater deflater;

    static {
      THREAD = new Thread(EncoderThread::loop, "kaboom-event-encoder");
      THREAD.setDaemon(true);
      THREAD.start();
    }

    private static void loop() {
      while (true) {
        Runnable job = JOBS.poll();
        if (job == null) {
          if (BACKLOG.isEmpty() && PENDING.isEmpty()) {
            if (++idleLooks < LOOKS_BEFORE_SLEEP) {
              // nothing to do lately: look again soon, so the engine's next burst wakes no one
              java.util.concurrent.locks.LockSupport.parkNanos(IDLE_MICROS * 1_000);
              continue;
            }
            asleep = true; // nothing for a while: sleep until a job comes (submit wakes it)
            if (JOBS.isEmpty()) {
              java.util.concurrent.locks.LockSupport.park();
            }
            asleep = false;
            idleLooks = 0;
            continue;
          }
          idleLooks = 0;
          // work waits: is the engine resting? (no wake-up for a segment while this waits)
          java.util.concurrent.locks.LockSupport.parkNanos(IDLE_MICROS * 1_000);
          while (JOBS.isEmpty() && !(BACKLOG.isEmpty() && PENDING.isEmpty())) {
            // idle: encode, then deflate, one segment at a time while nothing comes
            if (!BACKLOG.isEmpty()) {
              BACKLOG.poll().run();
            } else {
              deflateOldest();
            }
          }
        } else if (job instanceof Encode) {
          BACKLOG.add(job); // the engine is busy: encode once it rests
          while (BACKLOG.size() > MAX_BACKLOG) {
            BACKLOG.poll().run();
          }
          deflatePending(MAX_PENDING_BYTES);
        } else {
          while (!BACKLOG.isEmpty()) {
            BACKLOG.poll().run(); // a waiter: every segment handed before it first
          }
          job.run();
        }
      }
    }

    /** A segment to encode (a job that may wait in {@link #BACKLOG}). */
    private record Encode(Runnable work) implements Runnable {
      @Override
      public void run() {
        work.run();
      }
    }

    /** On the encoder thread: a segment just encoded, to deflate later. */
    static void pending(Packed p) {
      PENDING.add(p);
      pendingBytes += p.length;
    }

    /**
     * On the encoder thread: deflates the oldest waiting segments until at most {@code max} bytes
     * wait.
     */
    static void deflatePending(long max) {
      while (pendingBytes > max && !PENDING.isEmpty()) {
        deflateOldest();
      }
    }

    private static void deflateOldest() {
      Packed p = PENDING.poll();
      pendingBytes -= p.length;
      if (deflater == null) {
        deflater = new java.util.zip.Deflater(DEFLATE_LEVEL, true);
      }
      p.deflate(deflater);
    }

    static void submit(Runnable job) {
      JOBS.add(job);
      java.util.concurrent.locks.LockSupport.unpark(THREAD);
    }

    /** Hands a segment's encoding over: it waits until the engine rests, as deflating does. */
    static void submitEncode(Runnable work) {
      JOBS.add(new Encode(work));
      if (asleep) {
        java.util.concurrent.locks.LockSupport.unpark(THREAD);
      }
    }
  }

  /**
   * The writer: its tables, and its state within a block (the time of the event before, the last
   * pids). Used by one thread at a time (the encoder thread's, after the queue's hand-over).
   */
  private static final class Encoder extends ByteWriter {
    private final ByteWriter.Table<String> stringIds = ByteWriter.Table.byEquality();
    private final ByteWriter.Table<Atom> atomIds = ByteWriter.Table.byIdentity();
    private final ByteWriter.Table<Object> objectIds = ByteWriter.Table.byIdentity();

    /** A direct-mapped cache of the strings and atoms written lately: their ids by identity. */
    private final Object[] cacheKey = new Object[CACHE];

    private final int[] cacheId = new int[CACHE];
    private static final int CACHE = 512;

    private long lastTime;

    /** The block's last pids, most recent first: serials, and node and creation as one number. */
    private final int[] recentSerials = new int[RECENT];

    private final long[] recentPlaces = new long[RECENT];
    private int recentCount;

    private final int[] recentStrings = new int[RECENT_STRINGS];
    private long nextSerial;
    private boolean broken;

    Encoder() {
      super(1 << 13); // a segment of a storm takes about 6 KB; the buffer grows if need be
    }

    /** Encodes segment {@code index}: the first {@code count} of {@code events}. */
    Segment segment(int index, TraceEvent[] events, int count) {
      if (broken) {
        return new Segment(index, null, null, null, null, null);
      }
      int strings0 = stringIds.size();
      int atoms0 = atomIds.size();
      int objects0 = objectIds.size();
      try {
        clear();
        int[] starts = new int[(count + BLOCK - 1) / BLOCK];
        for (int i = 0; i < count; i++) {
          if (i % BLOCK == 0) {
            starts[i / BLOCK] = length;
            lastTime = 0;
            recentCount = 0;
            Arrays.fill(recentStrings, -1);
            nextSerial = 0;
          }
          encode(events[i]);
        }
        return new Segment(
            index,
            new Packed(Arrays.copyOf(bytes, length)),
            starts,
            added(stringIds, strings0, new String[stringIds.size() - strings0]),
            added(atomIds, atoms0, new Atom[atomIds.size() - atoms0]),
            added(objectIds, objects0, new Object[objectIds.size() - objects0]));
      } catch (RuntimeException e) {
        broken = true; // its tables may be ahead of what was handed back: keep events as they come
        return new Segment(index, null, null, null, null, null);
      }
    }

    private static <T> T[] added(ByteWriter.Table<T> table, int from, T[] into) {
      for (int i = 0; i < into.length; i++) {
        into[i] = table.get(from + i);
      }
      return into;
    }

    private void enumeration(Enum<?> e) {
      put(e == null ? 0 : e.ordinal() + 1);
    }

    private void string(String s) {
      if (s == null) {
        put(0);
        return;
      }
      int h = s.hashCode() & (CACHE - 1);
      if (cacheKey[h] != s) {
        cacheKey[h] = s;
        cacheId[h] = stringIds.id(s);
      }
      int id = cacheId[h];
      int[] r = recentStrings;
      for (int i = 0; i < RECENT_STRINGS; i++) {
        if (r[i] == id) {
          put(1 + i);
          System.arraycopy(r, 0, r, 1, i);
          r[0] = id;
          return;
        }
      }
      System.arraycopy(r, 0, r, 1, RECENT_STRINGS - 1);
      r[0] = id;
      varint(id + 1L + RECENT_STRINGS);
    }

    private int atomId(Atom a) {
      int h = (a.name().hashCode() * 31 + 17) & (CACHE - 1);
      if (cacheKey[h] != a) {
        cacheKey[h] = a;
        cacheId[h] = atomIds.id(a);
      }
      return cacheId[h];
    }

    private void strings(List<String> list) {
      varint(list.size());
      for (String s : list) {
        string(s);
      }
    }

    /**
     * 0..{@value #RECENT}-1: the block's pid used that many pids ago (a move-to-front list, so a
     * pattern of events that comes again writes the same bytes); {@value #RECENT}: null; then
     * (zigzag(serial - next) << 1 | remote) + {@value #RECENT} + 1, where next is one more than the
     * highest serial written in the block so far (a process just spawned writes 0).
     */
    private void pid(Pid p) {
      if (p == null) {
        put(RECENT);
        return;
      }
      // the list as numbers (no Pid kept: storing them in a long-lived array costs the collector)
      int serial = p.serial();
      long place = (long) p.node() << 32 | (p.creation() & 0xFFFFFFFFL);
      int[] rs = recentSerials;
      long[] rp = recentPlaces;
      int n = recentCount;
      int i = 0;
      while (i < n && (rs[i] != serial || rp[i] != place)) {
        i++;
      }
      boolean hit = i < n;
      if (hit) {
        put(i);
      } else if (n < RECENT) {
        i = n;
        recentCount = n + 1;
      } else {
        i = RECENT - 1;
      }
      for (; i > 0; i--) { // to the front
        rs[i] = rs[i - 1];
        rp[i] = rp[i - 1];
      }
      rs[0] = serial;
      rp[0] = place;
      if (hit) {
        return;
      }
      boolean remote = place != 0;
      long d = (long) p.serial() - nextSerial;
      varint((((d << 1) ^ (d >> 63)) << 1 | (remote ? 1 : 0)) + RECENT + 1);
      if (remote) {
        varint(p.node());
        varint(p.creation());
      } else if (p.serial() >= nextSerial) {
        nextSerial = p.serial() + 1L;
      }
    }

    private void pids(List<Pid> list) {
      varint(list.size());
      for (Pid p : list) {
        pid(p);
      }
    }

    /** A term, a message of the engine or the gen protocol, or any other object (kept as is). */
    private void value(Object o) {
      if (o == null) {
        put(T_NULL);
      } else if (o instanceof Atom a) {
        int id = atomId(a);
        if (id < 256 - T_SMALL_ATOM) {
          put(T_SMALL_ATOM + id); // one byte for the run's first atoms
        } else {
          put(T_ATOM);
          varint(id);
        }
      } else if (o instanceof Pid p) {
        put(T_PID);
        pid(p);
      } else if (o instanceof IntTerm i) {
        put(T_INT);
        zigzag(i.value());
      } else if (o instanceof Tuple t) {
        put(T_TUPLE);
        varint(t.size());
        for (Term x : t.elements()) {
          value(x);
        }
      } else if (o instanceof TermList l) {
        put(T_LIST);
        varint(l.elements().size());
        for (Term x : l.elements()) {
          value(x);
        }
      } else if (o instanceof Ref r) {
        put(T_REF);
        zigzag(r.serial());
      } else if (o instanceof Bin b) {
        put(T_BIN);
        string(b.value());
      } else if (o instanceof ExitMessage x) {
        put(T_EXIT);
        pid(x.from());
        value(x.reason());
      } else if (o instanceof Down d) {
        put(T_DOWN);
        value(d.ref());
        pid(d.pid());
        value(d.reason());
      } else if (o instanceof Messages.Ack a) {
        put(T_ACK);
        pid(a.pid());
        value(a.result());
      } else if (o instanceof Messages.Reply r) {
        put(T_REPLY);
        value(r.ref());
        value(r.value());
      } else if (o instanceof Messages.Call c) {
        put(T_CALL);
        pid(c.from());
        value(c.ref());
        value(c.request());
      } else if (o instanceof Messages.Cast c) {
        put(T_CAST);
        value(c.request());
      } else if (o instanceof Messages.SysTerminate s) {
        put(T_SYS_TERMINATE);
        value(s.reason());
      } else if (o instanceof SimpleWorker.StopWith s) {
        put(T_STOP_WITH);
        value(s.reason());
      } else {
        put(T_OBJECT);
        varint(objectIds.id(o));
      }
    }

    private void shutdown(Shutdown s) {
      if (s instanceof Shutdown.Timeout t) {
        varint(t.millis() + 3);
      } else {
        put(s == null ? 0 : s instanceof Shutdown.BrutalKill ? 1 : 2);
      }
    }

    /** The kind's tag, its top bit set when the event has the time of the one before. */
    private void head(int tag, long time) {
      if (time == lastTime) {
        put(tag | SAME_TIME);
      } else {
        put(tag);
        zigzag(time - lastTime);
        lastTime = time;
      }
    }

    /**
     * Writes one event. Each branch reads the time from its own record: {@code e.timeMillis()} on
     * the interface would be a megamorphic call (about 20 kinds).
     */
    private void encode(TraceEvent e) {
      if (e instanceof TraceEvent.MessageReceived m) {
        head(MESSAGE_RECEIVED, m.timeMillis());
        pid(m.pid());
        value(m.message());
      } else if (e instanceof TraceEvent.MessageSent m) {
        head(MESSAGE_SENT, m.timeMillis());
        pid(m.from());
        pid(m.to());
        value(m.message());
      } else if (e instanceof TraceEvent.ExitSignalSent s) {
        head(SIGNAL_SENT, s.timeMillis());
        pid(s.from());
        pid(s.to());
        value(s.reason());
        bool(s.viaLink());
      } else if (e instanceof TraceEvent.ExitSignalHandled h) {
        head(SIGNAL_HANDLED, h.timeMillis());
        pid(h.to());
        pid(h.from());
        value(h.reason());
        put((h.viaLink() ? 1 : 0) | (h.outcome() == null ? 0 : h.outcome().ordinal() + 1) << 1);
      } else if (e instanceof TraceEvent.Exited x) {
        head(EXITED, x.timeMillis());
        pid(x.pid());
        string(x.label());
        value(x.reason());
      } else if (e instanceof TraceEvent.Linked l) {
        head(LINKED, l.timeMillis());
        pid(l.a());
        pid(l.b());
      } else if (e instanceof TraceEvent.Spawned s) {
        head(SPAWNED, s.timeMillis());
        pid(s.pid());
        pid(s.spawner());
        string(s.label());
        enumeration(s.kind());
      } else if (e instanceof TraceEvent.Started s) {
        head(STARTED, s.timeMillis());
        pid(s.pid());
        string(s.label());
        enumeration(s.kind());
      } else if (e instanceof TraceEvent.ChildStarted c) {
        head(CHILD_STARTED, c.timeMillis());
        pid(c.supervisor());
        string(c.childId());
        pid(c.child());
        zigzag(c.position());
        put((c.restart() ? 1 : 0) | (c.significant() ? 2 : 0));
        enumeration(c.type());
        enumeration(c.restartType());
        shutdown(c.shutdown());
      } else if (e instanceof TraceEvent.ChildStopped c) {
        head(CHILD_STOPPED, c.timeMillis());
        pid(c.supervisor());
        string(c.childId());
        pid(c.child());
        value(c.reason());
        enumeration(c.cause());
        bool(c.crash());
      } else if (e instanceof TraceEvent.ChildExited c) {
        head(CHILD_EXITED, c.timeMillis());
        pid(c.supervisor());
        string(c.childId());
        pid(c.child());
        value(c.reason());
      } else if (e instanceof TraceEvent.ChildShutdown c) {
        head(CHILD_SHUTDOWN, c.timeMillis());
        pid(c.supervisor());
        string(c.childId());
        pid(c.child());
        enumeration(c.how());
        enumeration(c.cause());
      } else if (e instanceof TraceEvent.RestartIntensity r) {
        long t = r.timeMillis();
        head(RESTART_INTENSITY, t);
        pid(r.supervisor());
        zigzag(r.restartsInWindow());
        zigzag(r.intensity());
        zigzag(r.periodMillis());
        long out = r.oldestAgesOutAtMillis();
        varint(out == Long.MAX_VALUE ? 0 : 1 + ((out - t) << 1 ^ (out - t) >> 63));
      } else if (e instanceof TraceEvent.RestartPlanned p) {
        head(RESTART_PLANNED, p.timeMillis());
        pid(p.supervisor());
        enumeration(p.strategy());
        string(p.failedChildId());
        strings(p.stopIds());
        strings(p.startIds());
      } else if (e instanceof TraceEvent.Monitored m) {
        head(MONITORED, m.timeMillis());
        pid(m.watcher());
        pid(m.target());
        value(m.ref());
      } else if (e instanceof TraceEvent.TimeAdvanced a) {
        long t = a.timeMillis();
        head(TIME_ADVANCED, t);
        zigzag(t - a.fromMillis());
      } else if (e instanceof TraceEvent.Demonitored m) {
        head(DEMONITORED, m.timeMillis());
        pid(m.watcher());
        pid(m.target());
        value(m.ref());
      } else if (e instanceof TraceEvent.Unlinked l) {
        head(UNLINKED, l.timeMillis());
        pid(l.a());
        pid(l.b());
      } else if (e instanceof TraceEvent.TrapExitChanged x) {
        head(TRAP_EXIT, x.timeMillis());
        pid(x.pid());
        bool(x.trapExit());
      } else if (e instanceof TraceEvent.Registered r) {
        head(REGISTERED, r.timeMillis());
        string(r.name());
        pid(r.pid());
      } else if (e instanceof TraceEvent.Unregistered r) {
        head(UNREGISTERED, r.timeMillis());
        string(r.name());
        pid(r.pid());
      } else if (e instanceof TraceEvent.SupervisorInit s) {
        head(SUPERVISOR_INIT, s.timeMillis());
        pid(s.supervisor());
        string(s.label());
        enumeration(s.strategy());
        zigzag(s.intensity());
        zigzag(s.periodMillis());
        strings(s.childIds());
        bool(s.dynamic());
        string(s.autoShutdown());
        zigzag(s.maxChildren());
      } else if (e instanceof TraceEvent.ChildRemoved c) {
        head(CHILD_REMOVED, c.timeMillis());
        pid(c.supervisor());
        string(c.childId());
      } else if (e instanceof TraceEvent.GaveUp g) {
        head(GAVE_UP, g.timeMillis());
        pid(g.supervisor());
        string(g.label());
        value(g.reason());
      } else if (e instanceof TraceEvent.FlagsChanged f) {
        head(FLAGS_CHANGED, f.timeMillis());
        pid(f.supervisor());
        enumeration(f.strategy());
        zigzag(f.intensity());
        zigzag(f.periodMillis());
      } else if (e instanceof TraceEvent.CallReplied c) {
        head(CALL_REPLIED, c.timeMillis());
        pid(c.server());
        pid(c.caller());
        value(c.request());
        value(c.reply());
      } else if (e instanceof TraceEvent.RunawayStopped r) {
        head(RUNAWAY, r.timeMillis());
        enumeration(r.kind());
        zigzag(r.limit());
        pids(r.pids());
        strings(r.labels());
      } else if (e instanceof TraceEvent.AutoShutdown a) {
        head(AUTO_SHUTDOWN, a.timeMillis());
        pid(a.supervisor());
        string(a.label());
        string(a.childId());
        string(a.autoShutdown());
      } else if (e instanceof TraceEvent.InitRefused r) {
        head(INIT_REFUSED, r.timeMillis());
        pid(r.pid());
        string(r.label());
        value(r.result());
      } else if (e instanceof TraceEvent.Printed p) {
        head(PRINTED, p.timeMillis());
        string(p.line());
      } else {
        throw new IllegalArgumentException("an event kind the store cannot encode: " + e);
      }
    }
  }

  private static final int T_NULL = 0;
  private static final int T_ATOM = 1;
  private static final int T_PID = 2;
  private static final int T_INT = 3;
  private static final int T_TUPLE = 4;
  private static final int T_LIST = 5;
  private static final int T_REF = 6;
  private static final int T_BIN = 7;
  private static final int T_OBJECT = 8;
  private static final int T_EXIT = 9;
  private static final int T_DOWN = 10;
  private static final int T_ACK = 11;
  private static final int T_REPLY = 12;
  private static final int T_CALL = 13;
  private static final int T_CAST = 14;
  private static final int T_SYS_TERMINATE = 15;
  private static final int T_STOP_WITH = 16;

  /** Tags from here on are atoms: the tag less this is the atom's index. */
  private static final int T_SMALL_ATOM = 32;

  private static final int SPAWNED = 1;
  private static final int STARTED = 2;
  private static final int EXITED = 3;
  private static final int LINKED = 4;
  private static final int UNLINKED = 5;
  private static final int MONITORED = 6;
  private static final int DEMONITORED = 7;
  private static final int TRAP_EXIT = 8;
  private static final int SIGNAL_SENT = 9;
  private static final int SIGNAL_HANDLED = 10;
  private static final int MESSAGE_SENT = 11;
  private static final int MESSAGE_RECEIVED = 12;
  private static final int REGISTERED = 13;
  private static final int UNREGISTERED = 14;
  private static final int SUPERVISOR_INIT = 15;
  private static final int CHILD_STARTED = 16;
  private static final int CHILD_EXITED = 17;
  private static final int RESTART_PLANNED = 18;
  private static final int CHILD_SHUTDOWN = 19;
  private static final int CHILD_STOPPED = 20;
  private static final int CHILD_REMOVED = 21;
  private static final int RESTART_INTENSITY = 22;
  private static final int GAVE_UP = 23;
  private static final int FLAGS_CHANGED = 24;
  private static final int CALL_REPLIED = 25;
  private static final int TIME_ADVANCED = 26;
  private static final int RUNAWAY = 27;
  private static final int AUTO_SHUTDOWN = 28;
  private static final int INIT_REFUSED = 29;
  private static final int PRINTED = 30;

  private static final int SAME_TIME = 0x80;

  // ---- reading ----

  private static final ProcessKind[] KINDS = ProcessKind.values();
  private static final Strategy[] STRATEGIES = Strategy.values();
  private static final ChildType[] CHILD_TYPES = ChildType.values();
  private static final RestartType[] RESTART_TYPES = RestartType.values();
  private static final ShutdownHow[] HOWS = ShutdownHow.values();
  private static final StopCause[] CAUSES = StopCause.values();
  private static final SignalOutcome[] OUTCOMES = SignalOutcome.values();
  private static final RunawayException.Kind[] RUNAWAY_KINDS = RunawayException.Kind.values();

  private int blocksPerSegment() {
    return segmentEvents / BLOCK;
  }

  @Override
  public int size() {
    return size;
  }

  /** Every event so far (this list: it grows as events come). */
  public List<TraceEvent> all() {
    return this;
  }

  @Override
  public TraceEvent get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int s = index / segmentEvents;
    if (s >= handed) {
      return open[index % segmentEvents]; // the segment being filled
    }
    if (s >= installed) {
      install();
    }
    TraceEvent[] came = out[s];
    if (came != null) {
      return came[index % segmentEvents]; // not encoded yet (or not encodable)
    }
    int b = index / BLOCK;
    if (b == cachedA) {
      newestA = true;
      return blockA[index % BLOCK];
    }
    if (b == cachedB) {
      newestA = false;
      return blockB[index % BLOCK];
    }
    int n = Math.min(BLOCK, size - b * BLOCK);
    // the older of the two goes: two blocks read in turn (a fold and a look back) stay decoded
    if (newestA) {
      new Reader(b).decode(blockB, n);
      cachedB = b;
      newestA = false;
      return blockB[index % BLOCK];
    }
    new Reader(b).decode(blockA, n);
    cachedA = b;
    newestA = true;
    return blockA[index % BLOCK];
  }

  /** Reads a block's events, from the state a block starts with. */
  private final class Reader extends ByteReader {
    private long time;
    private final Pid[] pids = new Pid[RECENT];
    private final int[] recentStrings = {-1, -1, -1, -1};
    private long nextSerial;

    Reader(int block) {
      super(raw(block / blocksPerSegment()), blockStart[block]);
    }

    void decode(TraceEvent[] into, int count) {
      for (int i = 0; i < count; i++) {
        into[i] = event();
      }
    }

    private int zint() {
      return (int) zigzag();
    }

    private boolean bool() {
      return u8() != 0;
    }

    private String string() {
      long v = varint();
      if (v == 0) {
        return null;
      }
      int[] r = recentStrings;
      int id;
      if (v <= RECENT_STRINGS) {
        int i = (int) v - 1;
        id = r[i];
        System.arraycopy(r, 0, r, 1, i);
      } else {
        id = (int) (v - 1 - RECENT_STRINGS);
        System.arraycopy(r, 0, r, 1, RECENT_STRINGS - 1);
      }
      r[0] = id;
      return strings.get(id);
    }

    private List<String> strings() {
      int n = (int) varint();
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = string();
      }
      return Collections.unmodifiableList(Arrays.asList(out));
    }

    private Pid pid() {
      long v = varint();
      Pid[] r = pids;
      if (v < RECENT) {
        int i = (int) v;
        Pid p = r[i];
        System.arraycopy(r, 0, r, 1, i);
        r[0] = p;
        return p;
      }
      if (v == RECENT) {
        return null;
      }
      long x = v - RECENT - 1;
      long z = x >>> 1;
      int serial = (int) (nextSerial + ((z >>> 1) ^ -(z & 1)));
      Pid p;
      if ((x & 1) == 0) {
        p = new Pid(serial);
        if (serial >= nextSerial) {
          nextSerial = serial + 1L;
        }
      } else {
        p = new Pid((int) varint(), serial, (int) varint());
      }
      System.arraycopy(r, 0, r, 1, RECENT - 1);
      r[0] = p;
      return p;
    }

    private List<Pid> pidList() {
      int n = (int) varint();
      Pid[] out = new Pid[n];
      for (int i = 0; i < n; i++) {
        out[i] = pid();
      }
      return Collections.unmodifiableList(Arrays.asList(out));
    }

    private <E extends Enum<E>> E enumeration(E[] values) {
      int v = u8();
      return v == 0 ? null : values[v - 1];
    }

    private Term term() {
      return (Term) value();
    }

    private List<Term> terms() {
      int n = (int) varint();
      Term[] out = new Term[n];
      for (int i = 0; i < n; i++) {
        out[i] = term();
      }
      return Arrays.asList(out);
    }

    private Object value() {
      int tag = u8();
      if (tag >= T_SMALL_ATOM) {
        return atoms.get(tag - T_SMALL_ATOM);
      }
      switch (tag) {
        case T_NULL:
          return null;
        case T_ATOM:
          return atoms.get((int) varint());
        case T_PID:
          return pid();
        case T_INT:
          return new IntTerm(zigzag());
        case T_TUPLE:
          return new Tuple(terms());
        case T_LIST:
          return new TermList(List.copyOf(terms()));
        case T_REF:
          return new Ref(zigzag());
        case T_BIN:
          return new Bin(string());
        case T_EXIT:
          {
            Pid from = pid();
            return new ExitMessage(from, term());
          }
        case T_DOWN:
          {
            Ref ref = (Ref) value();
            Pid pid = pid();
            return new Down(ref, pid, term());
          }
        case T_ACK:
          {
            Pid pid = pid();
            return new Messages.Ack(pid, term());
          }
        case T_REPLY:
          {
            Ref ref = (Ref) value();
            return new Messages.Reply(ref, term());
          }
        case T_CALL:
          {
            Pid from = pid();
            Ref ref = (Ref) value();
            return new Messages.Call(from, ref, value());
          }
        case T_CAST:
          return new Messages.Cast(value());
        case T_SYS_TERMINATE:
          return new Messages.SysTerminate(term());
        case T_STOP_WITH:
          return new SimpleWorker.StopWith(term());
        case T_OBJECT:
          return objects.get((int) varint());
        default:
          throw new IllegalStateException("damaged event store: value tag " + tag);
      }
    }

    private Shutdown shutdown() {
      long v = varint();
      return v == 0
          ? null
          : v == 1
              ? Shutdown.BRUTAL_KILL
              : v == 2 ? Shutdown.INFINITY : new Shutdown.Timeout(v - 3);
    }

    TraceEvent event() {
      int tag = u8();
      if ((tag & SAME_TIME) != 0) {
        tag &= ~SAME_TIME;
      } else {
        time += zigzag();
      }
      long t = time;
      switch (tag) {
        case SPAWNED:
          {
            Pid pid = pid();
            Pid spawner = pid();
            String label = string();
            return new TraceEvent.Spawned(t, pid, spawner, label, enumeration(KINDS));
          }
        case STARTED:
          {
            Pid pid = pid();
            String label = string();
            return new TraceEvent.Started(t, pid, label, enumeration(KINDS));
          }
        case EXITED:
          {
            Pid pid = pid();
            String label = string();
            return new TraceEvent.Exited(t, pid, label, term());
          }
        case LINKED:
          {
            Pid a = pid();
            return new TraceEvent.Linked(t, a, pid());
          }
        case UNLINKED:
          {
            Pid a = pid();
            return new TraceEvent.Unlinked(t, a, pid());
          }
        case MONITORED:
          {
            Pid w = pid();
            Pid target = pid();
            return new TraceEvent.Monitored(t, w, target, (Ref) value());
          }
        case DEMONITORED:
          {
            Pid w = pid();
            Pid target = pid();
            return new TraceEvent.Demonitored(t, w, target, (Ref) value());
          }
        case TRAP_EXIT:
          {
            Pid pid = pid();
            return new TraceEvent.TrapExitChanged(t, pid, bool());
          }
        case SIGNAL_SENT:
          {
            Pid from = pid();
            Pid to = pid();
            Term reason = term();
            return new TraceEvent.ExitSignalSent(t, from, to, reason, bool());
          }
        case SIGNAL_HANDLED:
          {
            Pid to = pid();
            Pid from = pid();
            Term reason = term();
            int f = u8();
            int o = f >> 1;
            return new TraceEvent.ExitSignalHandled(
                t, to, from, reason, (f & 1) != 0, o == 0 ? null : OUTCOMES[o - 1]);
          }
        case MESSAGE_SENT:
          {
            Pid from = pid();
            Pid to = pid();
            return new TraceEvent.MessageSent(t, from, to, value());
          }
        case MESSAGE_RECEIVED:
          {
            Pid pid = pid();
            return new TraceEvent.MessageReceived(t, pid, value());
          }
        case REGISTERED:
          {
            String name = string();
            return new TraceEvent.Registered(t, name, pid());
          }
        case UNREGISTERED:
          {
            String name = string();
            return new TraceEvent.Unregistered(t, name, pid());
          }
        case SUPERVISOR_INIT:
          {
            Pid sup = pid();
            String label = string();
            Strategy strategy = enumeration(STRATEGIES);
            int intensity = zint();
            long period = zigzag();
            List<String> ids = strings();
            boolean dynamic = bool();
            String autoShutdown = string();
            return new TraceEvent.SupervisorInit(
                t, sup, label, strategy, intensity, period, ids, dynamic, autoShutdown, zint());
          }
        case CHILD_STARTED:
          {
            Pid sup = pid();
            String id = string();
            Pid child = pid();
            int position = zint();
            int flags = u8();
            ChildType type = enumeration(CHILD_TYPES);
            RestartType restart = enumeration(RESTART_TYPES);
            return new TraceEvent.ChildStarted(
                t,
                sup,
                id,
                child,
                (flags & 1) != 0,
                position,
                type,
                restart,
                shutdown(),
                (flags & 2) != 0);
          }
        case CHILD_EXITED:
          {
            Pid sup = pid();
            String id = string();
            Pid child = pid();
            return new TraceEvent.ChildExited(t, sup, id, child, term());
          }
        case RESTART_PLANNED:
          {
            Pid sup = pid();
            Strategy strategy = enumeration(STRATEGIES);
            String failed = string();
            List<String> stop = strings();
            return new TraceEvent.RestartPlanned(t, sup, strategy, failed, stop, strings());
          }
        case CHILD_SHUTDOWN:
          {
            Pid sup = pid();
            String id = string();
            Pid child = pid();
            ShutdownHow how = enumeration(HOWS);
            return new TraceEvent.ChildShutdown(t, sup, id, child, how, enumeration(CAUSES));
          }
        case CHILD_STOPPED:
          {
            Pid sup = pid();
            String id = string();
            Pid child = pid();
            Term reason = term();
            StopCause cause = enumeration(CAUSES);
            return new TraceEvent.ChildStopped(t, sup, id, child, reason, cause, bool());
          }
        case CHILD_REMOVED:
          {
            Pid sup = pid();
            return new TraceEvent.ChildRemoved(t, sup, string());
          }
        case RESTART_INTENSITY:
          {
            Pid sup = pid();
            int count = zint();
            int intensity = zint();
            long period = zigzag();
            long v = varint();
            long out;
            if (v == 0) {
              out = Long.MAX_VALUE;
            } else {
              long z = v - 1;
              out = t + ((z >>> 1) ^ -(z & 1));
            }
            return new TraceEvent.RestartIntensity(t, sup, count, intensity, period, out);
          }
        case GAVE_UP:
          {
            Pid sup = pid();
            String label = string();
            return new TraceEvent.GaveUp(t, sup, label, term());
          }
        case FLAGS_CHANGED:
          {
            Pid sup = pid();
            Strategy strategy = enumeration(STRATEGIES);
            int intensity = zint();
            return new TraceEvent.FlagsChanged(t, sup, strategy, intensity, zigzag());
          }
        case CALL_REPLIED:
          {
            Pid server = pid();
            Pid caller = pid();
            Object request = value();
            return new TraceEvent.CallReplied(t, server, caller, request, term());
          }
        case TIME_ADVANCED:
          return new TraceEvent.TimeAdvanced(t, t - zigzag());
        case RUNAWAY:
          {
            RunawayException.Kind kind = enumeration(RUNAWAY_KINDS);
            long limit = zigzag();
            List<Pid> pids = pidList();
            return new TraceEvent.RunawayStopped(t, kind, limit, pids, strings());
          }
        case AUTO_SHUTDOWN:
          {
            Pid sup = pid();
            String label = string();
            String id = string();
            return new TraceEvent.AutoShutdown(t, sup, label, id, string());
          }
        case INIT_REFUSED:
          {
            Pid pid = pid();
            String label = string();
            return new TraceEvent.InitRefused(t, pid, label, term());
          }
        case PRINTED:
          return new TraceEvent.Printed(t, string());
        default:
          throw new IllegalStateException("damaged event store: event tag " + tag + " at " + at);
      }
    }
  }

  /** Decodes every event of the store again from its bytes (tests: the encoding round-trips). */
  List<TraceEvent> decodeAll() {
    EventStore s = encoded(this);
    List<TraceEvent> all = new ArrayList<>(size);
    TraceEvent[] block = new TraceEvent[BLOCK];
    for (int b = 0; b * BLOCK < size; b++) {
      int n = Math.min(BLOCK, size - b * BLOCK);
      s.new Reader(b).decode(block, n);
      all.addAll(Arrays.asList(block).subList(0, n));
    }
    return all;
  }

  /**
   * The number of distinct objects kept as they are (messages of no known class), of those
   * installed.
   */
  int keptObjects() {
    return objects.size();
  }
}
