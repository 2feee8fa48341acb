package com.fintechlogin.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The project's OpenAPI document, as the authenticators JAR on the test classpath carries it (the same file the server
 * serves): its operations found by method and URL, its schemas validated by networknt's JSON Schema 2020-12 validator in
 * the OpenAPI 3.1 dialect, addressed by JSON pointers into the document.
 */
public final class ContractDocument {

    public static final String RESOURCE = "/fintech-openapi.yaml";
    /** The document's made-up identity, against which its own {@code #/components/…} references resolve. */
    private static final String IRI = "https://fintechlogin.invalid/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<DocumentedOperation> operations;
    /** Schemas by pointer, built once each: the tests validate thousands of exchanges against a few dozen schemas. */
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractDocument(JsonNode document) {
        this.document = document;
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(IRI, document.toString())));
        this.operations = operationsOf(document);
    }

    static ContractDocument fromClasspath() {
        try (InputStream in = ContractDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath: is the authenticators JAR a dependency?");
            }
            return new ContractDocument(new YAMLMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, unreadable);
        }
    }

    /** One operation of the document, and the pattern of the URLs it serves (its server's URL and its path template). */
    record DocumentedOperation(String method, String path, String pointer, String operationId, Pattern url) {

        /** How failures name it: {@code POST /user/login (userLogin)}. */
        String describe() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + operationId + ")";
        }

        /** The values of the path's variables in {@code uri}. */
        Map<String, String> pathValues(URI uri) {
            Matcher matcher = url.matcher(withoutQuery(uri));
            if (!matcher.matches()) {
                return Map.of();
            }
            Map<String, String> values = new HashMap<>();
            Matcher names = TEMPLATE_VARIABLE.matcher(path);
            while (names.find()) {
                values.put(names.group(1), matcher.group(groupName(names.group(1))));
            }
            return values;
        }
    }

    /** The operation serving {@code method} on {@code uri}; empty when the document has none. */
    Optional<DocumentedOperation> operation(String method, URI uri) {
        String url = withoutQuery(uri);
        return operations.stream()
                .filter(operation -> operation.method().equalsIgnoreCase(method) && operation.url().matcher(url).matches())
                .findFirst();
    }

    /** Whether the document has any operation at {@code uri}, whatever its method. */
    boolean documentsPath(URI uri) {
        String url = withoutQuery(uri);
        return operations.stream().anyMatch(operation -> operation.url().matcher(url).matches());
    }

    /** The node at {@code pointer}, following {@code $ref}s until a node that is not one. */
    Located resolve(String pointer) {
        String at = pointer;
        JsonNode node = document.at(at);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            at = node.get("$ref").asText().substring(1);
            node = document.at(at);
        }
        return new Located(at, node);
    }

    /** A node of the document and where it is. */
    record Located(String pointer, JsonNode node) {

        boolean isMissing() {
            return node.isMissingNode();
        }
    }

    /** The violations of {@code json} against the schema at {@code pointer}, one per line; empty when it is valid. */
    String violations(String pointer, String json) {
        Schema schema = schemas.computeIfAbsent(pointer,
                at -> registry.getSchema(SchemaLocation.of(IRI + "#" + JsonPointer.asFragment(at))));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.joining("; "));
    }

    /** The document's security requirements for {@code operation}: its own, or the document's. */
    JsonNode security(DocumentedOperation operation) {
        JsonNode own = document.at(operation.pointer() + "/security");
        return own.isMissingNode() ? document.path("security") : own;
    }

    JsonNode securityScheme(String name) {
        return resolve(JsonPointer.of("components", "securitySchemes", name)).node();
    }

    private static List<DocumentedOperation> operationsOf(JsonNode document) {
        List<DocumentedOperation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode servers = path.getValue().has("servers") ? path.getValue().get("servers") : document.path("servers");
            Iterator<String> keys = path.getValue().fieldNames();
            while (keys.hasNext()) {
                String method = keys.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode operation = path.getValue().get(method);
                for (JsonNode server : servers) {
                    found.add(new DocumentedOperation(method, path.getKey(), JsonPointer.of("paths", path.getKey(), method),
                            operation.path("operationId").asText("?"), urlPattern(server, path.getKey())));
                }
            }
        }
        return found;
    }

    /**
     * The URLs of {@code path} under {@code server}: a server variable whose default spans several URL parts (the base URL)
     * matches any text, any other (the realm's name) one path segment; a path variable matches one segment.
     */
    private static Pattern urlPattern(JsonNode server, String path) {
        StringBuilder regex = new StringBuilder("^");
        appendTemplate(regex, server.path("url").asText(), name -> {
            String example = server.path("variables").path(name).path("default").asText("");
            return example.contains("/") ? ".*" : "[^/]+";
        });
        appendTemplate(regex, path, name -> "(?<" + groupName(name) + ">[^/]+)");
        return Pattern.compile(regex.append("/?$").toString());
    }

    private static void appendTemplate(StringBuilder regex, String template, Function<String, String> variable) {
        Matcher matcher = TEMPLATE_VARIABLE.matcher(template);
        int at = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(at, matcher.start()))).append(variable.apply(matcher.group(1)));
            at = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
    }

    /** Regex group names are letters and digits only. */
    private static String groupName(String variable) {
        return "v" + variable.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String withoutQuery(URI uri) {
        String url = uri.toString();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
