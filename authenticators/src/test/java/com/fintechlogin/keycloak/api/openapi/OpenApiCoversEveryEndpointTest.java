package com.fintechlogin.keycloak.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fintechlogin.keycloak.admin.FintechAdminResource;
import com.fintechlogin.keycloak.api.FintechResource;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * The document and the code declare the same endpoints: every path and HTTP method JAX-RS serves from the public
 * resource (its route table, then each endpoint's methods) and from the admin resource (by reflection, through every
 * sub-resource locator) is an operation of the document, under that resource's server, and the document has no other.
 */
class OpenApiCoversEveryEndpointTest {

    private static final String ADMIN_SERVER = "/admin/realms/{realm}/fintech";

    @Test
    void everyPublicEndpointIsDocumentedAndNothingElse() {
        Set<String> operations = new TreeSet<>();
        FintechResource.ROUTES.forEach(route -> collect(route.type(), "/" + route.path(), operations));
        assertThat(documented(false)).isEqualTo(operations);
    }

    @Test
    void everyAdminEndpointIsDocumentedUnderTheAdminServerAndNothingElse() {
        assertThat(documented(true)).isEqualTo(declared(FintechAdminResource.class));
    }

    /** "METHOD /path" for every resource method reachable from {@code resource}. */
    private static Set<String> declared(Class<?> resource) {
        Set<String> operations = new TreeSet<>();
        collect(resource, "", operations);
        return operations;
    }

    private static void collect(Class<?> resource, String prefix, Set<String> operations) {
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String full = path == null ? prefix : prefix + "/" + withoutRegex(path.value());
            String verb = httpMethod(method);
            if (verb != null) {
                operations.add(verb + " " + full);
            } else if (path != null) {
                collect(method.getReturnType(), full, operations);
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** {@code {id: [0-9]+}} as the document names it, {@code {id}}; surrounding slashes dropped. */
    private static String withoutRegex(String path) {
        return path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("^/+|/+$", "");
    }

    /** "METHOD /path" for every operation of the document under the admin server, or under the document's own. */
    private static Set<String> documented(boolean admin) {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = OpenApiSchemas.document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode servers = path.getValue().path("servers");
            boolean underAdminServer = servers.size() > 0 && servers.get(0).path("url").asText().endsWith(ADMIN_SERVER);
            if (underAdminServer != admin) {
                continue;
            }
            Iterator<String> keys = path.getValue().fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }
}
