package com.fintechlogin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local process listening on a TCP port, found the way {@code ss -ltnp} finds it on Linux: the listening
 * socket's inode in {@code /proc/net/tcp[6]}, then the process holding a descriptor to that socket. Needed because a
 * shared machine runs several Keycloaks at once (tests, a cluster, a run command), and only the one serving the
 * benchmark's URL is the one to measure. Empty where {@code /proc} is missing or unreadable.
 */
final class ListeningProcess {

    /** {@code st} of a listening socket in {@code /proc/net/tcp}. */
    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    /** The id of the process listening on {@code port} on any local address. */
    static Optional<Long> on(int port) {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            sockets.addAll(listeningInodes(Path.of(table), port));
        }
        if (sockets.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::pid)
                .filter(pid -> holdsAny(pid, sockets))
                .findFirst();
    }

    /** Inodes of the sockets of one table ({@code /proc/net/tcp} format) that listen on {@code port}. */
    static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException noTable) {
            return inodes;
        }
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
            if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals(LISTEN)) {
                inodes.add(fields[9]);
            }
        }
        return inodes;
    }

    private static boolean holdsAny(long pid, Set<String> inodes) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.anyMatch(fd -> isSocketOf(fd, inodes));
        } catch (IOException | SecurityException unreadable) {
            // another user's process, or one that ended meanwhile: not the one we look for
            return false;
        }
    }

    private static boolean isSocketOf(Path descriptor, Set<String> inodes) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
        } catch (IOException closedMeanwhile) {
            return false;
        }
    }
}
