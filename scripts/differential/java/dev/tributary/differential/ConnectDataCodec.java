package dev.tributary.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;

/**
 * Connect schemas and values to and from the harness's typed JSON, the format both sides of the
 * differential test share (scripts/differential/typed-data.ts documents it). Decoding builds
 * schemas with Kafka's SchemaBuilder and values of the Java classes Connect uses; encoding is
 * schema-driven where a schema is given and class-driven where it is not. Stateless.
 */
final class ConnectDataCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConnectDataCodec() {
    }

    /** Builds a schema from its typed-JSON description; JSON null gives null. */
    static Schema schema(JsonNode spec) {
        if (spec == null || spec.isNull()) {
            return null;
        }
        Schema.Type type = Schema.Type.valueOf(spec.get("type").asText());
        SchemaBuilder builder;
        switch (type) {
            case ARRAY:
                builder = SchemaBuilder.array(schema(spec.get("values")));
                break;
            case MAP:
                builder = SchemaBuilder.map(schema(spec.get("keys")), schema(spec.get("values")));
                break;
            case STRUCT:
                builder = SchemaBuilder.struct();
                for (JsonNode field : spec.get("fields")) {
                    builder.field(field.get("name").asText(), schema(field.get("schema")));
                }
                break;
            default:
                builder = SchemaBuilder.type(type);
        }
        if (spec.path("optional").asBoolean(false)) {
            builder.optional();
        }
        if (spec.hasNonNull("name")) {
            builder.name(spec.get("name").asText());
        }
        if (spec.hasNonNull("version")) {
            builder.version(spec.get("version").asInt());
        }
        if (spec.hasNonNull("doc")) {
            builder.doc(spec.get("doc").asText());
        }
        if (spec.hasNonNull("parameters")) {
            for (JsonNode pair : spec.get("parameters")) {
                builder.parameter(pair.get(0).asText(), pair.get(1).asText());
            }
        }
        if (spec.has("default")) {
            builder.defaultValue(value(builder, spec.get("default")));
        }
        return builder.build();
    }

    /** A value from typed JSON; `schema` (may be null) types structs and nothing else. */
    static Object value(Schema schema, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String tag = node.fieldNames().next();
        JsonNode body = node.get(tag);
        switch (tag) {
            case "boolean":
                return body.asBoolean();
            case "int8":
                return (byte) body.asInt();
            case "int16":
                return (short) body.asInt();
            case "int32":
                return body.asInt();
            case "int64":
                return Long.parseLong(body.asText());
            case "float32":
                return body.isTextual() ? Float.intBitsToFloat(Integer.parseUnsignedInt(body.asText(), 16)) : (float) body.asDouble();
            case "float64":
            case "number":
                return body.isTextual() ? Double.longBitsToDouble(Long.parseUnsignedLong(body.asText(), 16)) : body.asDouble();
            case "string":
                return body.asText();
            case "bytes":
                return Base64.getDecoder().decode(body.asText());
            case "decimal":
                return new BigDecimal(new BigInteger(body.asText()), node.get("scale").asInt());
            case "date":
                return new java.util.Date(Long.parseLong(body.asText()));
            case "array": {
                List<Object> list = new ArrayList<>();
                Schema element = schema == null ? null : schema.valueSchema();
                for (JsonNode item : body) {
                    list.add(value(element, item));
                }
                return list;
            }
            case "map": {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (JsonNode pair : body) {
                    map.put(value(schema == null ? null : schema.keySchema(), pair.get(0)),
                        value(schema == null ? null : schema.valueSchema(), pair.get(1)));
                }
                return map;
            }
            case "struct": {
                Struct struct = new Struct(schema);
                for (JsonNode pair : body) {
                    Field field = schema.field(pair.get(0).asText());
                    struct.put(field, value(field.schema(), pair.get(1)));
                }
                return struct;
            }
            default:
                throw new IllegalArgumentException("Unknown typed value tag " + tag);
        }
    }

    /** The typed-JSON description of a schema, keys in a fixed order; null for null. */
    static JsonNode encodeSchema(Schema schema) {
        if (schema == null) {
            return JSON.nullNode();
        }
        ObjectNode out = JSON.objectNode();
        out.put("type", schema.type().name());
        out.put("optional", schema.isOptional());
        if (schema.name() != null) {
            out.put("name", schema.name());
        }
        if (schema.version() != null) {
            out.put("version", schema.version());
        }
        if (schema.doc() != null) {
            out.put("doc", schema.doc());
        }
        if (schema.parameters() != null) {
            ArrayNode parameters = out.putArray("parameters");
            for (Map.Entry<String, String> entry : schema.parameters().entrySet()) {
                parameters.addArray().add(entry.getKey()).add(entry.getValue());
            }
        }
        if (schema.defaultValue() != null) {
            out.set("default", encodeValue(schema, schema.defaultValue()));
        }
        switch (schema.type()) {
            case STRUCT: {
                ArrayNode fields = out.putArray("fields");
                for (Field field : schema.fields()) {
                    fields.addObject().put("name", field.name()).set("schema", encodeSchema(field.schema()));
                }
                break;
            }
            case MAP:
                out.set("keys", encodeSchema(schema.keySchema()));
                out.set("values", encodeSchema(schema.valueSchema()));
                break;
            case ARRAY:
                out.set("values", encodeSchema(schema.valueSchema()));
                break;
            default:
        }
        return out;
    }

    /**
     * The typed-JSON form of a value: by `schema` when given, else by the value's class, where any
     * integer is `int64` and any Float or Double a `number` (no wire format tells their widths apart;
     * a Float counts as the double its text reads as, the value a JSON reader of it gets).
     */
    static JsonNode encodeValue(Schema schema, Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        ObjectNode out = JSON.objectNode();
        if (value instanceof java.util.Date) {
            return out.put("date", Long.toString(((java.util.Date) value).getTime()));
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            return out.put("decimal", decimal.unscaledValue().toString()).put("scale", decimal.scale());
        }
        if (value instanceof byte[]) {
            return out.put("bytes", Base64.getEncoder().encodeToString((byte[]) value));
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return out.put("bytes", Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Boolean) {
            return out.put("boolean", (Boolean) value);
        }
        if (value instanceof String) {
            return out.put("string", (String) value);
        }
        if (value instanceof Long || (schema == null && (value instanceof Integer || value instanceof Short || value instanceof Byte))) {
            return out.put("int64", value.toString());
        }
        if (value instanceof Number) {
            return encodeNumber(schema, (Number) value, out);
        }
        if (value instanceof List) {
            ArrayNode items = out.putArray("array");
            for (Object item : (List<?>) value) {
                items.add(encodeValue(schema == null ? null : schema.valueSchema(), item));
            }
            return out;
        }
        if (value instanceof Map) {
            ArrayNode entries = out.putArray("map");
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                entries.addArray()
                    .add(encodeValue(schema == null ? null : schema.keySchema(), entry.getKey()))
                    .add(encodeValue(schema == null ? null : schema.valueSchema(), entry.getValue()));
            }
            return out;
        }
        if (value instanceof Struct) {
            Struct struct = (Struct) value;
            ArrayNode fields = out.putArray("struct");
            for (Field field : struct.schema().fields()) {
                fields.addArray().add(field.name()).add(encodeValue(field.schema(), struct.getWithoutDefault(field.name())));
            }
            return out;
        }
        return out.put("unknown", value.getClass().getName() + ":" + value);
    }

    private static JsonNode encodeNumber(Schema schema, Number value, ObjectNode out) {
        Schema.Type type = schema == null ? null : schema.type();
        if (type == Schema.Type.INT8 || type == Schema.Type.INT16 || type == Schema.Type.INT32) {
            return out.put(type.name().toLowerCase(), value.intValue());
        }
        if (type == Schema.Type.FLOAT32) {
            return out.put("float32", String.format("%08x", Float.floatToRawIntBits(value.floatValue())));
        }
        if (type == Schema.Type.FLOAT64) {
            return out.put("float64", String.format("%016x", Double.doubleToRawLongBits(value.doubleValue())));
        }
        double widened = value instanceof Float ? Double.parseDouble(value.toString()) : value.doubleValue();
        return out.put("number", String.format("%016x", Double.doubleToRawLongBits(widened)));
    }

    /** A record's headers as typed JSON: `[{key, schema, value}]` in order. */
    static ArrayNode encodeHeaders(Iterable<Header> headers) {
        ArrayNode out = JSON.arrayNode();
        for (Header header : headers) {
            ObjectNode item = out.addObject();
            item.put("key", header.key());
            item.set("schema", encodeSchema(header.schema()));
            item.set("value", encodeValue(header.schema(), header.value()));
        }
        return out;
    }

    /** Base64 of bytes, or JSON null. */
    static JsonNode bytes(byte[] bytes) {
        return bytes == null ? JSON.nullNode() : JSON.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    /** Bytes from base64 text, or null for JSON null. */
    static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    /** Iterates a JSON object's fields as string pairs. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                out.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return out;
    }
}
