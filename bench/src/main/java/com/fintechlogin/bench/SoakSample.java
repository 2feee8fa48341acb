package com.fintechlogin.bench;

/**
 * What the soak read from the server at the end of one minute of load.
 *
 * @param minute        1 for the first minute's end, …; 0 for the reading just before the load started
 * @param atSecond      when the session count was read, in seconds after the load started
 * @param heapBytes     heap used after a full GC; -1 when it could not be read (a remote server)
 * @param sessions      user sessions the realm's store held
 * @param sessionBound  the most it may hold at that moment ({@link SessionRetention#boundAt})
 */
record SoakSample(int minute, double atSecond, long heapBytes, long sessions, long sessionBound) {

    boolean hasHeap() {
        return heapBytes >= 0;
    }
}
