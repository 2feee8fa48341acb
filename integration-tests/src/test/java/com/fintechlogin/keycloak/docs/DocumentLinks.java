package com.fintechlogin.keycloak.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The links of one document that lead nowhere: to a file the repository lacks, out of the repository, or to an anchor
 * no heading of the linked document gives. A link with a scheme ({@code https:}, {@code mailto:}) leaves the
 * repository on purpose and is not followed.
 */
final class DocumentLinks {

    private static final Pattern SCHEME = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)");

    private DocumentLinks() {
    }

    /** Each as {@code <document>:<line>: <target>: <what is wrong>}, the document named from {@code root}. */
    static List<String> broken(Path document, Path root) {
        Path from = document.toAbsolutePath().normalize();
        Path repository = root.toAbsolutePath().normalize();
        MarkdownDocument markdown = MarkdownDocument.parse(Documents.lines(from));
        List<String> broken = new ArrayList<>();
        for (MarkdownDocument.Link link : markdown.links()) {
            whatIsWrong(from, markdown, link.target(), repository).ifPresent(wrong -> broken.add(
                    repository.relativize(from).toString().replace('\\', '/') + ":" + link.line() + ": " + link.target()
                            + ": " + wrong));
        }
        return broken;
    }

    private static Optional<String> whatIsWrong(Path document, MarkdownDocument markdown, String target, Path root) {
        if (SCHEME.matcher(target).find()) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : decode(target.substring(hash + 1));
        MarkdownDocument linked = markdown;
        if (!file.isEmpty()) {
            Path path = document.getParent().resolve(decode(file)).normalize();
            if (!path.startsWith(root)) {
                return Optional.of("leaves the repository");
            }
            if (!Files.exists(path)) {
                return Optional.of("no such file");
            }
            if (anchor == null) {
                return Optional.empty();
            }
            if (!path.getFileName().toString().endsWith(".md")) {
                return Optional.of("an anchor into a file that is not Markdown");
            }
            linked = MarkdownDocument.parse(Documents.lines(path));
        }
        // "#" alone is the top of the page.
        if (anchor != null && !anchor.isEmpty() && !linked.anchors().contains(anchor)) {
            return Optional.of("no heading gives this anchor");
        }
        return Optional.empty();
    }

    /** Percent-escapes only: in a link's path a '+' is a plus sign, not a space. */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
