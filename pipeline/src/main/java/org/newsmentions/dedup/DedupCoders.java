package org.newsmentions.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * Compact, deterministic coders for the values deduplication passes between stages. Java
 * serialization (SerializableCoder) was the largest cost of the pipeline on the Direct Runner,
 * which encodes every element more than once.
 */
public final class DedupCoders {
  private DedupCoders() {}

  /** Coder for {@link StoryDigest}. */
  public static final class DigestCoder extends AtomicCoder<StoryDigest> {
    private static final DigestCoder INSTANCE = new DigestCoder();

    public static DigestCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(StoryDigest d, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      writeCandidate(d.candidate(), out);
      writeRefs(d.entities(), out);
      out.flush();
    }

    @Override
    public StoryDigest decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new StoryDigest(readCandidate(in), readRefs(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Coder for {@link KeptStories}. */
  public static final class KeptCoder extends AtomicCoder<KeptStories> {
    private static final KeptCoder INSTANCE = new KeptCoder();

    public static KeptCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(KeptStories k, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeInt(k.stories().size());
      for (KeptStory s : k.stories()) {
        out.writeUTF(s.articleId());
        out.writeInt(s.copies());
        writeStrings(s.outlets(), out);
        writeRefs(s.entities(), out);
      }
      out.flush();
    }

    @Override
    public KeptStories decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      int n = in.readInt();
      List<KeptStory> stories = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        stories.add(new KeptStory(in.readUTF(), in.readInt(), readStrings(in), readRefs(in)));
      }
      return new KeptStories(stories);
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Coder for {@link StoryVerdict}. */
  public static final class VerdictCoder extends AtomicCoder<StoryVerdict> {
    private static final VerdictCoder INSTANCE = new VerdictCoder();

    public static VerdictCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(StoryVerdict v, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(v.id());
      out.writeBoolean(v.superseded());
      writeNullable(v.duplicateOf(), out);
      writeNullable(v.storyId(), out);
      out.writeInt(v.copies());
      writeStrings(v.outlets(), out);
      out.flush();
    }

    @Override
    public StoryVerdict decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new StoryVerdict(
          in.readUTF(),
          in.readBoolean(),
          readNullable(in),
          readNullable(in),
          in.readInt(),
          readStrings(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Coder for {@link StoryNode}. */
  public static final class NodeCoder extends AtomicCoder<StoryNode> {
    private static final NodeCoder INSTANCE = new NodeCoder();

    public static NodeCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(StoryNode n, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      writeCandidate(n.candidate(), out);
      out.writeInt(n.windows().length);
      for (long w : n.windows()) {
        out.writeLong(w);
      }
      out.writeBoolean(n.global());
      writeRefs(n.entities(), out);
      out.flush();
    }

    @Override
    public StoryNode decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      StoryCandidate c = readCandidate(in);
      long[] windows = new long[in.readInt()];
      for (int i = 0; i < windows.length; i++) {
        windows[i] = in.readLong();
      }
      boolean global = in.readBoolean();
      return new StoryNode(c, windows, global, readRefs(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static void writeCandidate(StoryCandidate c, DataOutputStream out) throws IOException {
    out.writeUTF(c.id());
    out.writeBoolean(c.published() != null);
    if (c.published() != null) {
      out.writeLong(c.published());
    }
    out.writeLong(c.ingested());
    out.writeLong(c.textHash());
    int[] sig = c.signature();
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(sig.length * 4);
    buf.asIntBuffer().put(sig);
    out.writeInt(sig.length);
    out.write(buf.array());
    writeNullable(c.outlet(), out);
    out.writeLong(c.eventTime());
    out.writeUTF(c.source());
  }

  private static StoryCandidate readCandidate(DataInputStream in) throws IOException {
    String id = in.readUTF();
    Long published = in.readBoolean() ? in.readLong() : null;
    long ingested = in.readLong();
    long textHash = in.readLong();
    int[] signature = new int[in.readInt()];
    byte[] bytes = new byte[signature.length * 4];
    in.readFully(bytes);
    java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
    String outlet = readNullable(in);
    if (outlet != null) {
      outlet = outlet.intern(); // a few hundred outlets, shared by every digest of each
    }
    return new StoryCandidate(
        id, published, ingested, textHash, signature, outlet, in.readLong(), in.readUTF());
  }

  private static void writeRefs(List<KeptStory.EntityRef> refs, DataOutputStream out)
      throws IOException {
    out.writeInt(refs.size());
    for (KeptStory.EntityRef r : refs) {
      out.writeUTF(r.id());
      out.writeUTF(r.name());
      out.writeUTF(r.type());
      out.writeInt(r.mentions());
    }
  }

  private static List<KeptStory.EntityRef> readRefs(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<KeptStory.EntityRef> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // Entity ids, names and types recur across articles: a window holding a few hundred
      // thousand digests keeps one copy of each instead of one per mention (about a third of a
      // decoded digest's heap).
      refs.add(
          new KeptStory.EntityRef(
              in.readUTF().intern(), in.readUTF().intern(), in.readUTF().intern(), in.readInt()));
    }
    return refs;
  }

  private static void writeStrings(Set<String> values, DataOutputStream out) throws IOException {
    // Sorted, so equal sets encode equally.
    Set<String> sorted = new TreeSet<>(values);
    out.writeInt(sorted.size());
    for (String s : sorted) {
      out.writeUTF(s);
    }
  }

  private static Set<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return Set.copyOf(out);
  }

  private static void writeNullable(String s, DataOutputStream out) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
