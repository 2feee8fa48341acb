package com.fintechlogin.realmtool;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * The identity admin's command line. {@code merge} brings the extension's configuration into an existing realm;
 * {@code realm-file} writes a production realm file. Exit status 0 when done, 1 when Keycloak refused or could not be
 * reached, 2 for a command line it cannot run.
 */
public final class RealmTool {

    static final String USAGE = """
            Usage:
              java -jar fintech-realm-tool.jar merge --server URL --realm NAME (--user NAME --password:env VAR | --client-id ID --client-secret:env VAR)
                   [--auth-realm master] [--affiliate-id ID] [--redirect-uri URI]... [--dry-run]
                Brings the fintech login configuration (flows, client bindings, clients, roles, user-profile attributes,
                the RSA-OAEP-256 key, the Set PIN required action, themes, realm attributes) into an existing realm.
                Adds only what the realm lacks; what an admin set differently is kept and reported. Run twice, the
                second run changes nothing. --dry-run prints what it would change.
              java -jar fintech-realm-tool.jar realm-file --realm NAME [--affiliate-id ID] [--redirect-uri URI]... [--file PATH]
                Writes a production realm file (default NAME-realm.json): the demo realm's configuration without its
                users, every secret a ${vault.…} reference, for kc.sh import.
            --affiliate-id: the client id of the card portal's affiliate (the 'affiliate' its portal sends); without it no
            affiliate client. --redirect-uri: a redirect URI of the browser clients web-banking and card-portal-web.
            The admin's password and client secret are read only from the environment: --password:env VARIABLE.
            """;

    private RealmTool() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System::getenv, System.out, System.err));
    }

    static int run(List<String> args, Function<String, String> environment, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "merge" -> MergeCommand.run(rest, environment, out);
                case "realm-file" -> RealmFileCommand.run(rest, environment, out);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (MergeFailure e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (WebApplicationException e) {
            err.println("error: Keycloak answered HTTP " + e.getResponse().getStatus() + ": " + describe(e));
            return 1;
        } catch (ProcessingException e) {
            // The admin client's own login fails inside a ProcessingException.
            if (e.getCause() instanceof WebApplicationException refused) {
                err.println("error: Keycloak answered HTTP " + refused.getResponse().getStatus() + ": " + describe(refused));
            } else {
                err.println("error: cannot reach Keycloak: " + rootMessage(e));
            }
            return 1;
        }
    }

    /** What Keycloak said, or for a refused admin login, which login it was. */
    private static String describe(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String body = "";
        try {
            body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class).strip() : "";
        } catch (RuntimeException ignored) {
            // The body was consumed by the client already: the status says enough.
        }
        if (status == 401) {
            return "the admin login was refused (user or client, password or secret, --auth-realm)" + (body.isEmpty() ? "" : " " + body);
        }
        if (status == 403) {
            return "the admin may not do this: it needs manage-realm, manage-clients and manage-users in the realm" + (body.isEmpty() ? "" : " " + body);
        }
        return body.isEmpty() ? e.getMessage() : body;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
