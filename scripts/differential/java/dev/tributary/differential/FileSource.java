package dev.tributary.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.file.FileStreamSourceTask;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A file vector: the bytes of a file read by Kafka's own FileStreamSourceTask (no stored offset),
 * each line's value and position, and the value converter's bytes for it. The task waits a
 * second when it finds nothing new, so the harness runs file vectors on threads of their own.
 */
final class FileSource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FileSource() {
    }

    /** Reads the vector's file content through FileStreamSourceTask until it has no more lines. */
    static ObjectNode run(JsonNode vector, Path scratch) throws Exception {
        Path file = Files.createTempFile(scratch, "source-", ".txt");
        Files.write(file, ConnectDataCodec.bytes(vector.get("content")));
        Map<String, String> config = ConnectDataCodec.stringMap(vector.get("config"));
        ConnectPipeline pipeline = new ConnectPipeline(config);
        pipeline.configureConverters();
        FileStreamSourceTask task = new FileStreamSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return config;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return null;
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        return Map.of();
                    }
                };
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        });
        task.start(Map.of("file", file.toString(), "topic", config.get("topic"), "batch.size", config.getOrDefault("batch.size", "2000")));
        ObjectNode result = JSON.objectNode();
        ArrayNode lines = result.putArray("lines");
        try {
            for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
                for (SourceRecord record : batch) {
                    ObjectNode line = lines.addObject();
                    line.set("value", ConnectDataCodec.encodeValue(record.valueSchema(), record.value()));
                    line.put("position", record.sourceOffset().get("position").toString());
                    line.set("bytes", ConnectDataCodec.bytes(pipeline.valueBytes(record.topic(), record.valueSchema(), record.value())));
                }
            }
        } finally {
            task.stop();
            Files.deleteIfExists(file);
        }
        return result;
    }
}
