package com.fintechlogin.realmtool;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * {@code merge}: brings the extension's configuration into an existing realm through Keycloak's admin API. Running it
 * twice changes nothing the second time; {@code --dry-run} prints the same plan and changes nothing.
 */
final class MergeCommand {

    static final Set<String> OPTIONS = Set.of("server", "realm", "auth-realm", "user", "password", "client-id", "client-secret",
            "affiliate-id", "redirect-uri", "dry-run?");
    /** A provider only the extension's JAR has: without it the flows could not be built. */
    private static final String EXTENSION_AUTHENTICATOR = "fintech-pin";

    private MergeCommand() {
    }

    static int run(List<String> args, Function<String, String> environment, PrintStream out) {
        Arguments arguments = Arguments.parse(args, OPTIONS, Set.of("password", "client-secret"), environment);
        RealmSettings settings = RealmSettings.from(arguments);
        String server = server(arguments.required("server"));
        boolean dryRun = arguments.flag("dry-run");
        RealmTemplate template = RealmTemplate.forRealm(settings);
        try (Keycloak keycloak = connect(arguments, server)) {
            RealmResource realm = keycloak.realm(settings.realm());
            try {
                realm.toRepresentation();
            } catch (NotFoundException e) {
                throw new MergeFailure("there is no realm '" + settings.realm() + "' on " + server
                        + ": create it first, or write a realm file with realm-file and import that");
            }
            requireExtension(realm, server);
            Plan plan = new Plan();
            RealmPartsMerge parts = new RealmPartsMerge(template, realm);
            parts.planRoles(plan);
            parts.planEncryptionKey(plan);
            parts.planRequiredActions(plan);
            parts.planUserProfile(plan);
            new FlowMerge(template, realm.flows()).plan(plan);
            new ClientMerge(template, realm.clients(), realm.flows()).plan(plan);
            new RealmSettingsMerge(template, realm).plan(plan);

            out.println((dryRun ? "Dry run, nothing is changed: merging" : "Merging") + " the fintech login configuration into realm '"
                    + settings.realm() + "' on " + server);
            plan.run(out, dryRun);
            long changes = plan.count(Plan.Kind.ADD) + plan.count(Plan.Kind.SET);
            out.println();
            String noun = changes == 1 ? " change" : " changes";
            out.println(changes == 0 ? "Nothing to change." : changes + noun + (dryRun ? " would be made." : " made."));
            long kept = plan.count(Plan.Kind.KEPT);
            if (kept > 0) {
                out.println(kept + (kept == 1 ? " difference" : " differences") + " kept as the realm has them (marked 'kept'): the realm's"
                        + " settings win; change them in the admin console if the extension's should.");
            }
            printVault(out, plan, template, settings);
            out.println("PINs need the vault entry " + VaultFiles.fileName(settings.realm(), "pin-pepper")
                    + " (32 random bytes or more, never changed once PINs exist): without it PIN logins fail closed.");
            template.notes().forEach(note -> out.println("Note: " + note));
        }
        return 0;
    }

    private static Keycloak connect(Arguments arguments, String server) {
        KeycloakBuilder builder = KeycloakBuilder.builder().serverUrl(server).realm(arguments.orDefault("auth-realm", "master"));
        String user = arguments.optional("user");
        String clientId = arguments.optional("client-id");
        if (user != null) {
            builder.grantType(OAuth2Constants.PASSWORD).clientId(clientId == null ? "admin-cli" : clientId)
                    .username(user).password(required(arguments.secret("password"), "password"));
            String secret = arguments.secret("client-secret");
            if (secret != null) {
                builder.clientSecret(secret);
            }
        } else if (clientId != null) {
            builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(required(arguments.secret("client-secret"), "client-secret"));
        } else {
            throw new UsageException("give --user and --password (or --password:env), or a service account's --client-id and --client-secret");
        }
        return builder.build();
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new UsageException("--" + name + ":env is required");
        }
        return value;
    }

    /** The admin's password goes to this URL: in clear only to this machine. */
    private static String server(String given) {
        URI uri;
        try {
            uri = new URI(given.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new UsageException("--server '" + given + "' is not a URL");
        }
        boolean local = uri.getHost() != null && List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
            throw new UsageException("--server must be an https:// URL (http:// only to localhost): the admin's credentials travel to it");
        }
        return uri.toString();
    }

    private static void requireExtension(RealmResource realm, String server) {
        List<Map<String, Object>> authenticators = realm.flows().getAuthenticatorProviders();
        if (authenticators.stream().noneMatch(provider -> EXTENSION_AUTHENTICATOR.equals(provider.get("id")))) {
            throw new MergeFailure(server + " does not have the extension: copy the two JARs into Keycloak's providers/, run kc.sh build, and start it again");
        }
    }

    /** The secrets new clients refer to: the admin writes each into the vault before an app signs in with it. */
    private static void printVault(PrintStream out, Plan plan, RealmTemplate template, RealmSettings settings) {
        List<RealmTemplate.VaultEntry> needed = template.vaultEntries().stream()
                .filter(entry -> plan.items().stream().anyMatch(item -> item.kind() != Plan.Kind.SAME && item.kind() != Plan.Kind.KEPT
                        && item.detail().contains("${vault." + entry.key() + "}")))
                .toList();
        if (!needed.isEmpty()) {
            out.println("Vault entries the realm now refers to (Keycloak's file vault: one file each in the vault directory,"
                    + " holding the secret alone, no line break). Write each before the app signs in: until then the client is refused.");
            needed.forEach(entry -> out.println("  " + VaultFiles.fileName(settings.realm(), entry.key()) + "  " + entry.what()));
        }
    }
}
