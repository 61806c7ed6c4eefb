package org.newsmentions.options;

import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the news-mentions pipeline, combined from the small per-concern interfaces. */
public interface NewsMentionsOptions
    extends SourceOptions,
        SinkOptions,
        WindowOptions,
        DedupOptions,
        CoMentionOptions,
        EntityOptions,
        RunOptions,
        KafkaOptions,
        ProgressOptions,
        StreamingOptions {}
