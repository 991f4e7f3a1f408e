package dev.tributary.differential;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Values;

/**
 * The differential harness: `java … Harness <vectors.json> <results.jsonl>` runs every test
 * vector through Apache Kafka Connect's own classes and writes one JSON line per vector:
 * `{"id", "result"}` or `{"id", "error": {"stage", "class", "message"}}`, after a first line
 * `{"id": "@harness", "result": {"javaVersion", "javaFeature"}}` about the JVM. Vector kinds: `source`,
 * `sink` (ConnectPipeline), `file` (FileSource), `parseString` and `convertToString` (Values).
 * Output escapes every non-ASCII character, so lone surrogates survive the trip to Node.
 */
public final class Harness {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Harness() {
    }

    /** Entry point; exits non-zero only when the vectors cannot be read or results written. */
    public static void main(String[] args) throws Exception {
        JsonNode vectors = MAPPER.readTree(Files.readAllBytes(Path.of(args[0])));
        Path scratch = Files.createTempDirectory("tributary-differential-");
        List<Future<String>> results = new ArrayList<>();
        ExecutorService files = Executors.newFixedThreadPool(64);
        for (JsonNode vector : vectors) {
            if ("file".equals(vector.get("kind").asText())) {
                results.add(files.submit(() -> run(vector, scratch)));
            } else {
                String line = run(vector, scratch);
                results.add(CompletableFuture.completedFuture(line));
            }
        }
        StringBuilder out = new StringBuilder();
        ObjectNode info = MAPPER.createObjectNode().put("id", "@harness");
        info.putObject("result").put("javaVersion", System.getProperty("java.version")).put("javaFeature", Runtime.version().feature());
        out.append(MAPPER.writeValueAsString(info)).append('\n');
        for (Future<String> result : results) {
            out.append(result.get()).append('\n');
        }
        files.shutdown();
        Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.US_ASCII);
        Files.deleteIfExists(scratch);
    }

    private static String run(JsonNode vector, Path scratch) throws Exception {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", vector.get("id").asText());
        try {
            line.set("result", execute(vector, scratch));
        } catch (Throwable e) {
            Throwable cause = e instanceof ConnectPipeline.StageException ? e.getCause() : e;
            ObjectNode error = line.putObject("error");
            error.put("stage", e instanceof ConnectPipeline.StageException ? ((ConnectPipeline.StageException) e).stage : "HARNESS");
            error.put("class", cause.getClass().getSimpleName());
            error.put("message", String.valueOf(cause.getMessage()));
            if (!(e instanceof ConnectPipeline.StageException)) {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                error.put("trace", trace.toString());
            }
        }
        return MAPPER.writeValueAsString(line);
    }

    private static JsonNode execute(JsonNode vector, Path scratch) throws Exception {
        switch (vector.get("kind").asText()) {
            case "source":
                return new ConnectPipeline(ConnectDataCodec.stringMap(vector.get("config"))).source(vector.get("record"));
            case "sink":
                return new ConnectPipeline(ConnectDataCodec.stringMap(vector.get("config"))).sink(vector.get("message"));
            case "file":
                return FileSource.run(vector, scratch);
            case "parseString": {
                SchemaAndValue parsed = Values.parseString(vector.get("text").isNull() ? null : vector.get("text").asText());
                Schema schema = parsed == null ? null : parsed.schema();
                ObjectNode out = MAPPER.createObjectNode();
                out.set("schema", ConnectDataCodec.encodeSchema(schema));
                out.set("value", ConnectDataCodec.encodeValue(schema, parsed == null ? null : parsed.value()));
                return out;
            }
            case "convertToString": {
                Schema schema = ConnectDataCodec.schema(vector.get("schema"));
                String text = Values.convertToString(schema, ConnectDataCodec.value(schema, vector.get("value")));
                return text == null ? MAPPER.nullNode() : MAPPER.getNodeFactory().textNode(text);
            }
            default:
                throw new IllegalArgumentException("Unknown vector kind " + vector.get("kind").asText());
        }
    }
}
