package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fintechlogin.keycloak.it.support.ContractDocument.DocumentedOperation;
import com.fintechlogin.keycloak.it.support.ContractDocument.Located;

/**
 * The OpenAPI document as the contract of every exchange the integration tests have with the extension (every URL
 * under {@code /fintech/}, public and admin): each response must be one the document gives for that operation — its
 * status documented, its required headers present, its body valid against that status's schema — and each request the
 * server accepted (2xx) must be one the document describes, since a request the server takes and the document calls
 * invalid means the document is wrong. Requests the server refused are not judged: tests send malformed ones on purpose.
 */
public final class OpenApiContract {

    private static final ContractDocument DOCUMENT = ContractDocument.fromClasspath();
    private static final RequestContract REQUESTS = new RequestContract(DOCUMENT);
    private static final ObjectMapper STRICT_JSON = new ObjectMapper();

    private OpenApiContract() {
    }

    /** One request and the answer to it, as the tests saw them. */
    record Exchange(String method, URI url, String requestContentType, byte[] requestBody, Map<String, String> requestHeaders,
            int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** Whether the contract applies to {@code url}: the extension's public and admin endpoints. */
    static boolean covers(URI url) {
        return url.getPath() != null && url.getPath().contains("/fintech/");
    }

    /** Fails with every violation of the contract by {@code exchange}, naming the operation, the status and the schema violated. */
    static void check(Exchange exchange) {
        if (!covers(exchange.url())) {
            return;
        }
        List<String> problems = new ArrayList<>(responseProblems(exchange.method(), exchange.url(), exchange.status(),
                exchange.responseHeaders(), exchange.responseBody()));
        if (exchange.status() >= 200 && exchange.status() < 300) {
            DOCUMENT.operation(exchange.method(), exchange.url()).ifPresent(operation -> problems.addAll(REQUESTS.problems(operation, exchange)));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange breaks the OpenAPI document (" + ContractDocument.RESOURCE + "): "
                    + exchange.method() + " " + exchange.url().getPath() + " answered HTTP " + exchange.status() + "\n  - "
                    + String.join("\n  - ", problems) + "\n  response body: " + abbreviated(exchange.responseBody()));
        }
    }

    /** What is wrong with a response, or nothing: for answers read off a raw socket, which {@link #check} does not see. */
    public static List<String> responseProblems(String method, URI url, int status, Map<String, List<String>> headers, String body) {
        Optional<DocumentedOperation> found = DOCUMENT.operation(method, url);
        if (found.isEmpty()) {
            return List.of(DOCUMENT.documentsPath(url)
                    ? "the document has no " + method + " operation at " + url.getPath()
                    : "the document has no path matching " + url.getPath());
        }
        DocumentedOperation operation = found.get();
        Located response = documentedResponse(operation, status);
        if (response.isMissing()) {
            return List.of(operation.describe() + ": HTTP " + status + " is not a documented response");
        }
        String where = operation.describe() + ", HTTP " + status;
        List<String> problems = new ArrayList<>(headerProblems(where, response, headers));
        JsonNode content = response.node().path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                problems.add(where + ": a body where the document gives none");
            }
            return problems;
        }
        if (body.isEmpty()) {
            problems.add(where + ": no body where the document gives one");
            return problems;
        }
        String contentType = first(headers, "Content-Type");
        Optional<String> mediaType = MediaTypes.documented(content, contentType);
        if (mediaType.isEmpty()) {
            problems.add(where + ": media type " + contentType + " is not documented (" + fieldNames(content) + ")");
            return problems;
        }
        if (MediaTypes.isJson(mediaType.get())) {
            String schema = response.pointer() + JsonPointer.of("content", mediaType.get(), "schema");
            try {
                String violations = DOCUMENT.violations(schema, STRICT_JSON.readTree(body).toString());
                if (!violations.isEmpty()) {
                    problems.add(where + ": the body violates " + schema + ": " + violations);
                }
            } catch (IOException notJson) {
                problems.add(where + ": the body is not JSON");
            }
        }
        return problems;
    }

    /** The response documented for {@code status}: exactly, else its class ({@code 4XX}), else {@code default}. */
    private static Located documentedResponse(DocumentedOperation operation, int status) {
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            Located response = DOCUMENT.resolve(operation.pointer() + JsonPointer.of("responses", key));
            if (!response.isMissing()) {
                return response;
            }
        }
        return new Located(operation.pointer() + "/responses", MissingNode.getInstance());
    }

    private static List<String> headerProblems(String where, Located response, Map<String, List<String>> headers) {
        List<String> problems = new ArrayList<>();
        Iterator<String> names = response.node().path("headers").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Located header = DOCUMENT.resolve(response.pointer() + JsonPointer.of("headers", name));
            String value = first(headers, name);
            if (value == null) {
                if (header.node().path("required").asBoolean(false)) {
                    problems.add(where + ": the required header " + name + " is missing");
                }
                continue;
            }
            String violations = DOCUMENT.violations(header.pointer() + "/schema", TextNode.valueOf(value).toString());
            if (!violations.isEmpty()) {
                problems.add(where + ": header " + name + ": " + value + " violates " + header.pointer() + "/schema: " + violations);
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String abbreviated(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "… (" + body.length() + " characters)";
    }
}
