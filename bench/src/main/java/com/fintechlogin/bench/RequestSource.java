package com.fintechlogin.bench;

/**
 * Makes the request a worker sends next. A function of (worker, sequence) rather than a shared iterator, so that a
 * scenario can spread its requests over users (e.g. user {@code worker + sequence * concurrency}) without any
 * coordination between the worker threads.
 */
@FunctionalInterface
public interface RequestSource {

    /**
     * Called concurrently from the worker threads; must be thread-safe. An exception thrown here is a fault in the
     * scenario, not an error of the server, and ends the run.
     *
     * @param worker   the worker's index, {@code 0 .. concurrency-1}
     * @param sequence counts this worker's requests from 0, warmup included
     */
    BenchRequest next(int worker, long sequence);
}
