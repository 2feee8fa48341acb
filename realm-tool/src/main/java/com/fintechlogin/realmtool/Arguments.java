package com.fintechlogin.realmtool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A command's options, in the style of Keycloak's own {@code kc.sh}: {@code --name value} or {@code --name=value},
 * repeatable where the command says so, and a secret only as {@code --name:env VARIABLE}, so that it never appears in
 * a shell's history or the process list.
 */
final class Arguments {

    private final Map<String, List<String>> values;

    private Arguments(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Reads {@code args}; {@code known} are the option names without dashes (a flag ends with {@code ?}: it takes no
     * value). The environment is read only for {@code :env} options.
     */
    static Arguments parse(List<String> args, Set<String> known, Function<String, String> environment) {
        return parse(args, known, Set.of(), environment);
    }

    /** As {@link #parse(List, Set, Function)}; {@code secrets} may be given only as {@code --name:env VARIABLE}. */
    static Arguments parse(List<String> args, Set<String> known, Set<String> secrets, Function<String, String> environment) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            boolean fromEnvironment = name.endsWith(":env");
            if (fromEnvironment) {
                name = name.substring(0, name.length() - ":env".length());
            }
            if (known.contains(name + "?")) {
                if (value != null || fromEnvironment) {
                    throw new UsageException("--" + name + " takes no value");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                continue;
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (secrets.contains(name) && !fromEnvironment) {
                // A secret on the command line is in the shell's history and in every process listing.
                throw new UsageException("give --" + name + ":env VARIABLE, the name of an environment variable holding it");
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + (fromEnvironment ? ":env needs the name of an environment variable" : " needs a value"));
                }
                value = args.get(++i);
            }
            if (fromEnvironment) {
                String variable = value;
                value = environment.apply(variable);
                if (value == null || value.isEmpty()) {
                    throw new UsageException("--" + name + ":env " + variable + ": the environment variable " + variable + " is not set");
                }
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new Arguments(values);
    }

    /** The option's value, surrounding spaces removed, or {@code null}; given twice, it is a usage error. */
    String optional(String name) {
        String value = secret(name);
        return value == null ? null : value.strip();
    }

    /** As {@link #optional}, but exactly as given: a password may begin or end with a space. */
    String secret(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            return null;
        }
        if (given.size() > 1) {
            throw new UsageException("--" + name + " is given " + given.size() + " times");
        }
        String value = given.get(0);
        if (value.isBlank()) {
            throw new UsageException("--" + name + " is empty");
        }
        return value;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    String orDefault(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
