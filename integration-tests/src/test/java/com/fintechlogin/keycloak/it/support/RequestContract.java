package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fintechlogin.keycloak.it.support.ContractDocument.DocumentedOperation;
import com.fintechlogin.keycloak.it.support.ContractDocument.Located;

/**
 * The request half of {@link OpenApiContract}: a request the server accepted must meet one of the operation's
 * security requirements, carry its required parameters with valid values, and have a body of a documented media type
 * that is valid against that type's schema.
 */
final class RequestContract {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper();
    /** The leniency the document states for JSON request bodies: a trailing comma before the closing brace. */
    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private final ContractDocument document;

    RequestContract(ContractDocument document) {
        this.document = document;
    }

    /** What is wrong with a request the server accepted, or nothing. */
    List<String> problems(DocumentedOperation operation, OpenApiContract.Exchange exchange) {
        String where = operation.describe() + ", request accepted with HTTP " + exchange.status();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.requestHeaders());
        if (exchange.requestContentType() != null) {
            headers.put("Content-Type", exchange.requestContentType());
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(securityProblems(where, operation, headers));
        problems.addAll(parameterProblems(where, operation, exchange.url(), headers));
        problems.addAll(bodyProblems(where, operation, headers.get("Content-Type"),
                exchange.requestBody() == null ? new byte[0] : exchange.requestBody()));
        return problems;
    }

    /** At least one of the operation's security requirements is met: every scheme it names is present. */
    private List<String> securityProblems(String where, DocumentedOperation operation, Map<String, String> headers) {
        JsonNode requirements = document.security(operation);
        if (requirements.isMissingNode() || requirements.isEmpty()) {
            return List.of();
        }
        List<String> unmet = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            List<String> missing = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(scheme -> {
                if (!present(document.securityScheme(scheme), headers)) {
                    missing.add(scheme);
                }
            });
            if (missing.isEmpty()) {
                return List.of();
            }
            unmet.add(String.join(" + ", missing));
        }
        return List.of(where + ": no security requirement met; missing " + String.join(" or ", unmet));
    }

    private boolean present(JsonNode scheme, Map<String, String> headers) {
        String type = scheme.path("type").asText();
        if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
            String value = headers.get(scheme.path("name").asText());
            return value != null && !value.isBlank();
        }
        if (type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("bearer")) {
            String value = headers.get("Authorization");
            return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7);
        }
        throw new IllegalStateException("The contract check does not know security scheme " + scheme);
    }

    /** The operation's (and its path's) header and path parameters: present when required, valid against their schema. */
    private List<String> parameterProblems(String where, DocumentedOperation operation, URI url, Map<String, String> headers) {
        String pathItem = operation.pointer().substring(0, operation.pointer().lastIndexOf('/'));
        Map<String, String> pathValues = operation.pathValues(url);
        List<String> problems = new ArrayList<>();
        for (String list : List.of(pathItem + "/parameters", operation.pointer() + "/parameters")) {
            JsonNode parameters = document.resolve(list).node();
            for (int i = 0; i < parameters.size(); i++) {
                Located parameter = document.resolve(list + "/" + i);
                String name = parameter.node().path("name").asText();
                String value = switch (parameter.node().path("in").asText()) {
                    case "header" -> headers.get(name);
                    case "path" -> pathValues.get(name);
                    default -> throw new IllegalStateException("The contract check does not read parameters in "
                            + parameter.node().path("in").asText());
                };
                if (value == null) {
                    if (parameter.node().path("required").asBoolean(false)) {
                        problems.add(where + ": the required parameter " + name + " is missing");
                    }
                    continue;
                }
                String violations = document.violations(parameter.pointer() + "/schema", TextNode.valueOf(value.strip()).toString());
                if (!violations.isEmpty()) {
                    problems.add(where + ": parameter " + name + " violates " + parameter.pointer() + "/schema: " + violations);
                }
            }
        }
        return problems;
    }

    /**
     * The body against the documented request body: required when it says so, of a documented media type (a body without
     * a Content-Type is read as the type its {@code x-without-content-type} names), and valid against that type's schema.
     */
    private List<String> bodyProblems(String where, DocumentedOperation operation, String contentType, byte[] body) {
        Located requestBody = document.resolve(operation.pointer() + "/requestBody");
        if (body.length == 0) {
            return !requestBody.isMissing() && requestBody.node().path("required").asBoolean(false)
                    ? List.of(where + ": no body, and the document requires one")
                    : List.of();
        }
        if (requestBody.isMissing()) {
            return List.of(where + ": a body, and the document describes none");
        }
        String sentType = contentType != null ? contentType : requestBody.node().path("x-without-content-type").asText(null);
        if (sentType == null) {
            return List.of(where + ": a body without a Content-Type, and the document names no type for that");
        }
        JsonNode content = requestBody.node().path("content");
        Optional<String> mediaType = MediaTypes.documented(content, sentType);
        if (mediaType.isEmpty()) {
            return List.of(where + ": media type " + sentType + " is not documented (" + OpenApiContract.fieldNames(content) + ")");
        }
        String schema = requestBody.pointer() + JsonPointer.of("content", mediaType.get(), "schema");
        List<String> readingProblems = new ArrayList<>();
        for (Map.Entry<String, String> reading : readings(mediaType.get(), body).entrySet()) {
            String violations = document.violations(schema, reading.getValue());
            if (violations.isEmpty()) {
                violations = contentProblems(schema, reading.getValue());
            }
            if (violations.isEmpty()) {
                return List.of();
            }
            readingProblems.add("read as " + reading.getKey() + ": " + violations);
        }
        return List.of(where + ": the body violates " + schema + ": " + String.join(" | ", readingProblems));
    }

    /**
     * The ways a body can be read for {@code mediaType}, as JSON texts to validate: a JSON type as its (leniently parsed)
     * value; the form type as its decoded fields (an object of strings) and as its text (a string), since the JSON APIs
     * take a JSON body under the form type that curl sends by default — the schema says which reading it describes;
     * any other type as its text.
     */
    private static Map<String, String> readings(String mediaType, byte[] body) {
        Map<String, String> readings = new LinkedHashMap<>();
        String text = utf8(body);
        if (MediaTypes.isJson(mediaType)) {
            try {
                readings.put("JSON", LENIENT_JSON.readTree(body).toString());
            } catch (IOException notJson) {
                readings.put("text (not JSON)", TextNode.valueOf(text == null ? "" : text).toString());
            }
            return readings;
        }
        if (mediaType.equals(MediaTypes.FORM)) {
            ObjectNode fields = FormBody.fields(body);
            if (fields != null) {
                readings.put("form fields", fields.toString());
            }
        }
        if (text != null) {
            readings.put("text", TextNode.valueOf(text).toString());
        }
        return readings;
    }

    /**
     * For a text reading that the schema accepted: its JSON content against the {@code contentSchema} of the branch that
     * accepted it (JSON Schema leaves {@code contentSchema} to applications; the document uses it for JSON sent as text).
     */
    private String contentProblems(String schemaPointer, String readingJson) {
        JsonNode reading = parse(readingJson);
        if (reading == null || !reading.isTextual()) {
            return "";
        }
        List<String> branches = new ArrayList<>();
        branches.add(schemaPointer);
        Located schema = document.resolve(schemaPointer);
        for (String applicator : List.of("oneOf", "anyOf")) {
            for (int i = 0; i < schema.node().path(applicator).size(); i++) {
                branches.add(schema.pointer() + "/" + applicator + "/" + i);
            }
        }
        for (String branch : branches) {
            Located candidate = document.resolve(branch);
            if (candidate.node().has("contentSchema") && document.violations(candidate.pointer(), readingJson).isEmpty()) {
                try {
                    String content = LENIENT_JSON.readTree(reading.textValue()).toString();
                    return document.violations(candidate.pointer() + "/contentSchema", content);
                } catch (IOException notJson) {
                    return candidate.pointer() + "/contentSchema: the text is not JSON";
                }
            }
        }
        return "";
    }

    private static JsonNode parse(String json) {
        try {
            return STRICT_JSON.readTree(json);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Strict UTF-8, or {@code null}: a body that is not text has no text reading. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
