package com.fintechlogin.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a local Keycloak uses after a full garbage collection, read with the JDK's {@code jcmd}: after a GC
 * what remains is live data, so growth across a fixed number of logins shows what logins keep (user sessions,
 * by design, until they expire) and would show a leak. Only a server on this machine can be asked.
 */
final class ServerHeap {

    /** The JVM main class of a Keycloak Quarkus distribution. */
    private static final String KEYCLOAK_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    /**
     * The Keycloak serving {@code serverUrl}, if it runs on this machine: the process listening on the URL's port, or,
     * where listening sockets cannot be read, the one Keycloak JVM of the machine if there is exactly one.
     */
    static Optional<ServerHeap> serving(String serverUrl) {
        URI uri = URI.create(serverUrl);
        if (!isLocal(uri.getHost())) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Optional<Long> listening = ListeningProcess.on(port);
        return listening.isPresent() ? listening.map(ServerHeap::new) : local();
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException unknown) {
            return false;
        }
    }

    /** The one Keycloak JVM running on this machine, if there is exactly one. */
    static Optional<ServerHeap> local() {
        var candidates = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(KEYCLOAK_MAIN)).orElse(false))
                .toList();
        return candidates.size() == 1 ? Optional.of(new ServerHeap(candidates.get(0).pid())) : Optional.empty();
    }

    long pid() {
        return pid;
    }

    /** Heap used after a full GC, in bytes. */
    long usedAfterFullGc() {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of process " + pid + " named no heap use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
