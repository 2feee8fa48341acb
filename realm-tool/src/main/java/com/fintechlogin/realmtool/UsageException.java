package com.fintechlogin.realmtool;

/** A command line the tool cannot run: the message says what to change, and the usage follows it. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
