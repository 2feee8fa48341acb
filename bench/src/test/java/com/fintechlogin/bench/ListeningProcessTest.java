package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ListeningProcessTest {

    @Test
    void theProcessListeningOnAPortIsFoundByThatPort() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc only");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningProcess.on(socket.getLocalPort())).hasValue(ProcessHandle.current().pid());
        }
    }

    @Test
    void aPortNobodyListensOnHasNoProcess() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThat(ListeningProcess.on(port)).isEmpty();
    }
}
