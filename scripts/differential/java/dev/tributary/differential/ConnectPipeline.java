package dev.tributary.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * One connector's converters and transform chain, built from a flat connector config the way
 * Kafka Connect's worker builds them (`key.converter`, `transforms`, `predicates`, …, with
 * `converter.type` added), and the two directions a record travels: a SourceRecord through the
 * chain into bytes (WorkerSourceTask's order: headers, key, value) and bytes into a SinkRecord
 * and through the chain (WorkerSinkTask's order: key, value, headers). Single-use, one thread.
 */
final class ConnectPipeline {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A failure with the pipeline stage it happened in (Connect's stage names). */
    static final class StageException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String stage;

        StageException(String stage, Throwable cause) {
            super(cause);
            this.stage = stage;
        }
    }

    private static final class Stage<R extends ConnectRecord<R>> {
        Transformation<R> transformation;
        Predicate<R> predicate;
        boolean negate;
    }

    private final Map<String, String> config;
    private Converter keyConverter;
    private Converter valueConverter;
    private HeaderConverter headerConverter;

    ConnectPipeline(Map<String, String> config) {
        this.config = config;
    }

    private Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, String> entry : config.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                out.put(entry.getKey().substring(prefix.length()), entry.getValue());
            }
        }
        return out;
    }

    private static <T> T instantiate(String className, Class<T> type) throws ReflectiveOperationException {
        return type.cast(Class.forName(className.trim()).getDeclaredConstructor().newInstance());
    }

    /** Creates and configures the three converters; a failure is stage CONFIGURE. */
    void configureConverters() {
        try {
            Map<String, Object> keyConfig = withPrefix("key.converter.");
            keyConfig.put("converter.type", "key");
            keyConverter = instantiate(config.get("key.converter"), Converter.class);
            keyConverter.configure(keyConfig, true);
            Map<String, Object> valueConfig = withPrefix("value.converter.");
            valueConfig.put("converter.type", "value");
            valueConverter = instantiate(config.get("value.converter"), Converter.class);
            valueConverter.configure(valueConfig, false);
            Map<String, Object> headerConfig = withPrefix("header.converter.");
            headerConfig.put("converter.type", "header");
            headerConverter = instantiate(config.get("header.converter"), HeaderConverter.class);
            headerConverter.configure(headerConfig);
        } catch (Throwable e) {
            throw new StageException("CONFIGURE", e);
        }
    }

    @SuppressWarnings("unchecked")
    private <R extends ConnectRecord<R>> List<Stage<R>> chain() {
        try {
            List<Stage<R>> stages = new ArrayList<>();
            for (String alias : aliases("transforms")) {
                String prefix = "transforms." + alias + ".";
                Map<String, Object> settings = withPrefix(prefix);
                Object predicateAlias = settings.remove("predicate");
                Object negate = settings.remove("negate");
                Stage<R> stage = new Stage<>();
                stage.transformation = instantiate(config.get(prefix + "type"), Transformation.class);
                stage.transformation.configure(settings);
                if (predicateAlias != null) {
                    String predicatePrefix = "predicates." + predicateAlias.toString().trim() + ".";
                    stage.predicate = instantiate(config.get(predicatePrefix + "type"), Predicate.class);
                    stage.predicate.configure(withPrefix(predicatePrefix));
                    stage.negate = negate != null && Boolean.parseBoolean(negate.toString().trim());
                }
                stages.add(stage);
            }
            return stages;
        } catch (Throwable e) {
            throw new StageException("CONFIGURE", e);
        }
    }

    private List<String> aliases(String key) {
        List<String> out = new ArrayList<>();
        String list = config.get(key);
        if (list != null) {
            for (String alias : list.split(",")) {
                if (!alias.trim().isEmpty()) {
                    out.add(alias.trim());
                }
            }
        }
        return out;
    }

    private static <R extends ConnectRecord<R>> R transform(List<Stage<R>> stages, R record) {
        R current = record;
        for (Stage<R> stage : stages) {
            if (current == null) {
                break;
            }
            try {
                if (stage.predicate == null || stage.negate ^ stage.predicate.test(current)) {
                    current = stage.transformation.apply(current);
                }
            } catch (Throwable e) {
                throw new StageException("TRANSFORMATION", e);
            }
        }
        return current;
    }

    /** A source vector: the record, through the chain, into Kafka bytes. */
    ObjectNode source(JsonNode spec) {
        configureConverters();
        List<Stage<SourceRecord>> stages = chain();
        Schema keySchema = ConnectDataCodec.schema(spec.get("keySchema"));
        Schema valueSchema = ConnectDataCodec.schema(spec.get("valueSchema"));
        ConnectHeaders headers = new ConnectHeaders();
        for (JsonNode header : spec.path("headers")) {
            Schema schema = ConnectDataCodec.schema(header.get("schema"));
            headers.add(header.get("key").asText(), new SchemaAndValue(schema, ConnectDataCodec.value(schema, header.get("value"))));
        }
        SourceRecord input = new SourceRecord(null, null, spec.get("topic").asText(),
            spec.hasNonNull("partition") ? spec.get("partition").asInt() : null,
            keySchema, ConnectDataCodec.value(keySchema, spec.get("key")),
            valueSchema, ConnectDataCodec.value(valueSchema, spec.get("value")),
            spec.hasNonNull("timestamp") ? Long.parseLong(spec.get("timestamp").asText()) : null, headers);
        SourceRecord output = transform(stages, input);
        ObjectNode result = JSON.objectNode();
        result.set("record", describe(output));
        if (output == null) {
            return result;
        }
        RecordHeaders kafkaHeaders = new RecordHeaders();
        try {
            for (Header header : output.headers()) {
                kafkaHeaders.add(header.key(), headerConverter.fromConnectHeader(output.topic(), header.key(), header.schema(), header.value()));
            }
        } catch (Throwable e) {
            throw new StageException("HEADER_CONVERTER", e);
        }
        byte[] key;
        byte[] value;
        try {
            key = keyConverter.fromConnectData(output.topic(), kafkaHeaders, output.keySchema(), output.key());
        } catch (Throwable e) {
            throw new StageException("KEY_CONVERTER", e);
        }
        try {
            value = valueConverter.fromConnectData(output.topic(), kafkaHeaders, output.valueSchema(), output.value());
        } catch (Throwable e) {
            throw new StageException("VALUE_CONVERTER", e);
        }
        ObjectNode bytes = result.putObject("bytes");
        bytes.put("topic", output.topic());
        bytes.set("partition", output.kafkaPartition() == null ? JSON.nullNode() : JSON.numberNode(output.kafkaPartition()));
        bytes.set("timestamp", output.timestamp() == null ? JSON.nullNode() : JSON.textNode(output.timestamp().toString()));
        bytes.set("key", ConnectDataCodec.bytes(key));
        bytes.set("value", ConnectDataCodec.bytes(value));
        ArrayNode headerBytes = bytes.putArray("headers");
        kafkaHeaders.forEach(header -> headerBytes.addArray().add(header.key()).add(ConnectDataCodec.bytes(header.value())));
        return result;
    }

    /** A sink vector: Kafka bytes into a SinkRecord, through the chain. */
    ObjectNode sink(JsonNode spec) {
        configureConverters();
        List<Stage<SinkRecord>> stages = chain();
        String topic = spec.get("topic").asText();
        RecordHeaders kafkaHeaders = new RecordHeaders();
        for (JsonNode header : spec.path("headers")) {
            kafkaHeaders.add(header.get(0).asText(), ConnectDataCodec.bytes(header.get(1)));
        }
        SchemaAndValue key;
        SchemaAndValue value;
        try {
            key = keyConverter.toConnectData(topic, kafkaHeaders, ConnectDataCodec.bytes(spec.get("key")));
        } catch (Throwable e) {
            throw new StageException("KEY_CONVERTER", e);
        }
        try {
            value = valueConverter.toConnectData(topic, kafkaHeaders, ConnectDataCodec.bytes(spec.get("value")));
        } catch (Throwable e) {
            throw new StageException("VALUE_CONVERTER", e);
        }
        ConnectHeaders headers = new ConnectHeaders();
        try {
            kafkaHeaders.forEach(header -> headers.add(header.key(), headerConverter.toConnectHeader(topic, header.key(), header.value())));
        } catch (Throwable e) {
            throw new StageException("HEADER_CONVERTER", e);
        }
        SinkRecord input = new SinkRecord(topic, spec.path("partition").asInt(0), key.schema(), key.value(), value.schema(), value.value(),
            Long.parseLong(spec.path("offset").asText("0")), Long.parseLong(spec.path("timestamp").asText("0")), TimestampType.CREATE_TIME, headers);
        ObjectNode result = JSON.objectNode();
        result.set("record", describe(transform(stages, input)));
        return result;
    }

    /** A record as typed JSON: topic, partition, timestamp, key and value with schemas, headers. */
    static JsonNode describe(ConnectRecord<?> record) {
        if (record == null) {
            return JSON.nullNode();
        }
        ObjectNode out = JSON.objectNode();
        out.put("topic", record.topic());
        out.set("partition", record.kafkaPartition() == null ? JSON.nullNode() : JSON.numberNode(record.kafkaPartition()));
        out.set("timestamp", record.timestamp() == null ? JSON.nullNode() : JSON.textNode(record.timestamp().toString()));
        out.set("keySchema", ConnectDataCodec.encodeSchema(record.keySchema()));
        out.set("key", ConnectDataCodec.encodeValue(record.keySchema(), record.key()));
        out.set("valueSchema", ConnectDataCodec.encodeSchema(record.valueSchema()));
        out.set("value", ConnectDataCodec.encodeValue(record.valueSchema(), record.value()));
        out.set("headers", ConnectDataCodec.encodeHeaders(record.headers()));
        return out;
    }

    /** Converts one value with the value converter alone (used by the file vectors). */
    byte[] valueBytes(String topic, Schema schema, Object value) {
        try {
            return valueConverter.fromConnectData(topic, new RecordHeaders(), schema, value);
        } catch (Throwable e) {
            throw new StageException("VALUE_CONVERTER", e);
        }
    }
}
