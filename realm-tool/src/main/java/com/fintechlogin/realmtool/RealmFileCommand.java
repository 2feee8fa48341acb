package com.fintechlogin.realmtool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code realm-file}: writes the realm file for a new production realm: the demo's configuration without its users,
 * every secret a vault reference, with the admin's realm name, affiliate id and redirect URIs.
 */
final class RealmFileCommand {

    static final Set<String> OPTIONS = Set.of("realm", "affiliate-id", "redirect-uri", "file");

    private RealmFileCommand() {
    }

    static int run(List<String> args, Function<String, String> environment, PrintStream out) {
        Arguments arguments = Arguments.parse(args, OPTIONS, environment);
        RealmSettings settings = RealmSettings.from(arguments);
        Path file = Path.of(arguments.orDefault("file", settings.realm() + "-realm.json"));
        if (Files.exists(file)) {
            throw new UsageException(file + " exists; remove it or name another --file");
        }
        RealmTemplate template = RealmTemplate.forRealm(settings);
        try {
            Files.writeString(file, RealmTemplate.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template.realm()) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(file + " exists; remove it or name another --file");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        out.println("Wrote " + file + ": realm '" + settings.realm() + "', no users, every secret a vault reference.");
        out.println("Vault entries it refers to (Keycloak's file vault: one file each in the vault directory, holding the secret"
                + " alone, no line break). Write each before the realm's apps sign in: a client whose entry is missing is refused.");
        template.vaultEntries().forEach(entry -> out.println("  " + VaultFiles.fileName(settings.realm(), entry.key()) + "  " + entry.what()));
        out.println("  " + VaultFiles.fileName(settings.realm(), "pin-pepper") + "  the PIN pepper: 32 random bytes or more, never changed once PINs exist");
        template.notes().forEach(note -> out.println("Note: " + note));
        return 0;
    }
}
