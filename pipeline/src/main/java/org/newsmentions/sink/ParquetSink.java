package org.newsmentions.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes Avro records of one generated class as one Parquet file per {@link FileIO} shard, with the
 * Avro schema as it is (timestamps as {@code TIMESTAMP(MILLIS, UTC)}, enums as strings, arrays as
 * standard three-level lists) and ZSTD compression.
 *
 * <p>Beam's own {@code ParquetIO} is not published for this Beam version, so this is the small part
 * of it the job needs, over {@code parquet-avro} without Hadoop: the file is the channel FileIO
 * opens ({@link OutputFile} over it), the settings are parquet's {@link PlainParquetConfiguration}
 * (not Hadoop's {@code Configuration}), and the codec is aircompressor's pure-Java ZSTD ({@link
 * PureJavaZstd}) instead of parquet's Hadoop codec classes, so no native library is loaded either.
 */
public final class ParquetSink<T extends SpecificRecord> implements FileIO.Sink<T> {
  private static final long serialVersionUID = 1L;

  /** Rows are buffered per row group up to this many bytes (parquet's default is 128 MiB). */
  static final long ROW_GROUP_BYTES = 32L * 1024 * 1024;

  private final Class<T> type;
  private transient ParquetWriter<T> writer;

  public ParquetSink(Class<T> type) {
    this.type = type;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // The standard LIST layout (list/element), which DuckDB, Arrow and Spark read as lists of
    // records; the old two-level layout is parquet-avro's default for compatibility only.
    conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    writer =
        AvroParquetWriter.<T>builder(new ChannelFile(channel))
            .withSchema(schema)
            .withDataModel(model)
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCodecFactory(PureJavaZstd.INSTANCE)
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .build();
  }

  @Override
  public void write(T element) throws IOException {
    writer.write(element);
  }

  /** Ends the file (row groups, then the footer); FileIO closes the channel itself. */
  @Override
  public void flush() throws IOException {
    writer.close();
    writer = null;
  }

  /** The channel as parquet's output file: it only ever creates the file once, from the start. */
  private static final class ChannelFile implements OutputFile {
    private final WritableByteChannel channel;

    ChannelFile(WritableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new ChannelStream(channel);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new ChannelStream(channel);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  /** Counts the bytes written (parquet records offsets in the footer); close only flushes. */
  private static final class ChannelStream extends PositionOutputStream {
    private final OutputStream out;
    private long pos;

    ChannelStream(WritableByteChannel channel) {
      out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /**
   * ZSTD pages with aircompressor's pure-Java compressor. Parquet's own codec factory goes through
   * Hadoop's {@code CompressionCodec} classes (and zstd-jni's native code); this one needs neither.
   * It only compresses: the job never reads Parquet.
   */
  static final class PureJavaZstd implements CompressionCodecFactory {
    static final PureJavaZstd INSTANCE = new PureJavaZstd();

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      if (codec != CompressionCodecName.ZSTD) {
        throw new IllegalArgumentException("only ZSTD is configured here, not " + codec);
      }
      return new BytesInputCompressor() {
        private final io.airlift.compress.zstd.ZstdCompressor zstd =
            new io.airlift.compress.zstd.ZstdCompressor();

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
          byte[] in = bytes.toByteArray();
          byte[] out = new byte[zstd.maxCompressedLength(in.length)];
          int n = zstd.compress(in, 0, in.length, out, 0, out.length);
          return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
          return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
      return new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
          throw new UnsupportedOperationException("the job writes Parquet, it does not read it");
        }

        @Override
        public void decompress(
            ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
          throw new UnsupportedOperationException("the job writes Parquet, it does not read it");
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public void release() {}
  }
}
