package com.fintechlogin.bench;

import java.util.Objects;

/**
 * One verdict of the soak, with the figures it rests on, so that a reader can check it without the raw data.
 *
 * @param name    what is checked, e.g. {@code "zero errors"}
 * @param outcome pass, fail, or not judged (nothing to judge it on, e.g. no heap readings from a remote server)
 * @param figures the numbers behind the verdict, as one line
 */
record SoakCheck(String name, Outcome outcome, String figures) {

    enum Outcome {
        PASS, FAIL, NOT_JUDGED;

        static Outcome of(boolean passed) {
            return passed ? PASS : FAIL;
        }
    }

    SoakCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(figures, "figures");
    }
}
