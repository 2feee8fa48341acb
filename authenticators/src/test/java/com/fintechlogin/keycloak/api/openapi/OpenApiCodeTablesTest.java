package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Each failure envelope's code table (a {@code oneOf}, one row per code) can be told apart by what a client reads: every
 * row requires its code field and fixes it to one value ({@code const} or an enum of one), and any two rows differ in a
 * field both require; and every fixed value names its type (a {@code const} without one becomes an untyped field, or an
 * enum that does not compile, in generated Java and Kotlin clients); the envelope's own field lists exactly the rows'
 * values (the Kotlin generator types the field from it). Generated clients, linters and readers rely on it.
 */
class OpenApiCodeTablesTest {

    /** The code fields of the APIs' envelopes. */
    private static final Set<String> CODE_FIELDS = Set.of("responseCode", "resCode", "errorCode");

    @Test
    void everyRowOfEveryCodeTableIsTellableByItsCode() {
        List<String> tables = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        visit(OpenApiSchemas.document().path("components").path("schemas"), "#/components/schemas", tables, faults);

        assertThat(faults).isEmpty();
        // The email/password, Get Token, mobile sign-in, PIN/device login, credential management and partner tables.
        assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
    }

    private static void visit(JsonNode node, String pointer, List<String> tables, List<String> faults) {
        if (node.has("oneOf") && node.path("properties").isObject()) {
            String code = codeField(node.path("properties"));
            if (code != null) {
                tables.add(pointer);
                check(node.get("oneOf"), pointer + "/oneOf", code, faults);
                listsTheRows(node, pointer, faults);
            }
        }
        if (node.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                visit(field.getValue(), pointer + JsonPointers.of(field.getKey()), tables, faults);
            }
        }
    }

    private static String codeField(JsonNode properties) {
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (CODE_FIELDS.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static void check(JsonNode rows, String pointer, String code, List<String> faults) {
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = pointer + "/" + i + " (" + row.path("title").asText() + ")";
            if (!required(row).contains(code)) {
                faults.add(at + ": does not require " + code);
            }
            if (values(row.path("properties").path(code)).size() != 1) {
                faults.add(at + ": " + code + " is not one value");
            }
            row.path("properties").fields().forEachRemaining(field -> {
                if (!values(field.getValue()).isEmpty() && !field.getValue().has("type")) {
                    faults.add(at + ": " + field.getKey() + " fixes a value without naming its type");
                }
            });
            for (int j = 0; j < i; j++) {
                if (!distinct(rows.get(j), row)) {
                    faults.add(at + ": cannot be told from row " + j + " (" + rows.get(j).path("title").asText() + ")");
                }
            }
        }
    }

    private static void listsTheRows(JsonNode table, String pointer, List<String> faults) {
        table.path("properties").fields().forEachRemaining(field -> {
            Set<String> rows = new HashSet<>();
            table.get("oneOf").forEach(row -> rows.addAll(values(row.path("properties").path(field.getKey()))));
            if (!rows.isEmpty() && !values(field.getValue()).equals(rows)) {
                faults.add(pointer + "/properties/" + field.getKey() + ": does not list exactly the rows' values " + rows);
            }
        });
    }

    /** Whether some field both rows require has values in one that the other does not allow. */
    private static boolean distinct(JsonNode a, JsonNode b) {
        Set<String> both = required(a);
        both.retainAll(required(b));
        for (String field : both) {
            Set<String> left = values(a.path("properties").path(field));
            Set<String> right = values(b.path("properties").path(field));
            if (!left.isEmpty() && !right.isEmpty() && left.stream().noneMatch(right::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> required(JsonNode row) {
        Set<String> names = new HashSet<>();
        row.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The values a field's schema allows when it lists them ({@code const} or {@code enum}); empty otherwise. */
    private static Set<String> values(JsonNode schema) {
        Set<String> values = new HashSet<>();
        if (schema.has("const")) {
            values.add(schema.get("const").toString());
        }
        schema.path("enum").forEach(value -> values.add(value.toString()));
        return values;
    }
}
