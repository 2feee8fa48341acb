package com.fintechlogin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Reads the server's {@code /metrics} (the management port's) at a fixed interval during the soak, as Prometheus
 * would scrape it, keeping only the soak realm's series of the metrics the dashboard reads. A scrape that fails is
 * logged and left out: the panels then compute that interval from the scrapes either side, as Prometheus would.
 */
final class MetricsScraper {

    /** Prometheus' usual scrape interval, and Grafana's smallest {@code $__rate_interval} for it is 4 of them. */
    static final Duration INTERVAL = Duration.ofSeconds(15);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI url;
    private final String realm;
    private final Consumer<String> log;
    private final List<MetricsScrape> scrapes = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread thread;

    MetricsScraper(HttpClient http, String url, String realm, Consumer<String> log) {
        this.http = http;
        this.url = URI.create(url);
        this.realm = realm;
        this.log = log;
    }

    /** Why {@code /metrics} cannot be read, or nothing when it can and holds the project's metrics. */
    Optional<String> problem() {
        try {
            String text = get();
            return text.contains(DashboardPanels.ATTEMPTS) || text.contains("keycloak_user_events_total")
                    || text.contains("# TYPE") ? Optional.empty() : Optional.of("it answered no Prometheus metrics");
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Scrapes at {@code startNanos} ({@link System#nanoTime}) and every {@link #INTERVAL} after, until {@link #stop}. */
    synchronized void start(long startNanos) {
        thread = Thread.ofPlatform().name("soak-metrics").daemon(true).start(() -> {
            for (long k = 0; !stopped.get(); k++) {
                long due = startNanos + INTERVAL.toNanos() * k;
                for (long left = due - System.nanoTime(); left > 0 && !stopped.get(); left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                if (!stopped.get()) {
                    scrape(startNanos);
                }
            }
        });
    }

    /** Takes a last scrape (so that the soak's last seconds count) and stops; returns every scrape, in order. */
    List<MetricsScrape> stop(long startNanos) {
        stopped.set(true);
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(TIMEOUT.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (scrapes) {
            double sinceLast = scrapes.isEmpty() ? Double.MAX_VALUE
                    : (System.nanoTime() - startNanos) / 1e9 - scrapes.get(scrapes.size() - 1).atSecond();
            // A last interval of a second or two would turn one request more or less into a spike of the rates.
            if (sinceLast < INTERVAL.toSeconds() / 3.0) {
                return List.copyOf(scrapes);
            }
        }
        scrape(startNanos);
        synchronized (scrapes) {
            return List.copyOf(scrapes);
        }
    }

    private void scrape(long startNanos) {
        try {
            String text = get();
            double at = (System.nanoTime() - startNanos) / 1e9;
            MetricsScrape scrape = new MetricsScrape(at, PrometheusText.parse(text,
                    sample -> DashboardPanels.METRICS.contains(sample.name()) && realm.equals(sample.labels().get("realm"))));
            synchronized (scrapes) {
                scrapes.add(scrape);
            }
        } catch (IOException | RuntimeException e) {
            log.accept("  metrics not read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String get() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + url + " answered HTTP " + answer.statusCode());
        }
        return answer.body();
    }
}
