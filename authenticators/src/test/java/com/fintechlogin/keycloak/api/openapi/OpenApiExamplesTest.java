package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Every example of the document (the seeds' samples among them) is valid against the schema beside it. */
class OpenApiExamplesTest {

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> checked = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        visit(OpenApiSchemas.document(), "", checked, invalid);

        assertThat(invalid).isEmpty();
        // The seeds' samples: 004 (request, success, two failures), 000, 001, 002, 003 (request and response each).
        assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
    }

    /** Looks for objects holding a {@code schema} beside {@code example} or {@code examples}: media types and parameters. */
    private static void visit(JsonNode node, String pointer, List<String> checked, List<String> invalid) {
        if (node.has("schema") && (node.has("example") || node.has("examples"))) {
            String schema = pointer + "/schema";
            if (node.has("example")) {
                check(schema, pointer + "/example", node.get("example"), checked, invalid);
            }
            Iterator<Map.Entry<String, JsonNode>> examples = node.path("examples").fields();
            while (examples.hasNext()) {
                Map.Entry<String, JsonNode> example = examples.next();
                check(schema, pointer + JsonPointers.of("examples", example.getKey()), example.getValue().get("value"), checked, invalid);
            }
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                visit(field.getValue(), pointer + JsonPointers.of(field.getKey()), checked, invalid);
            }
        }
    }

    private static void check(String schema, String example, JsonNode value, List<String> checked, List<String> invalid) {
        checked.add(example);
        String violations = OpenApiSchemas.violations(schema, OpenApiSchemas.json(value));
        if (!violations.isEmpty()) {
            invalid.add(example + ": " + violations);
        }
    }
}
