package com.fintechlogin.keycloak.docs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document as GitHub renders it, as far as links go: the anchors its headings give and the links it makes.
 * Fenced and inline code are text, not Markdown, so a heading or a link written inside them (a shell comment, a JSON
 * array) counts for nothing; so does an HTML comment.
 */
final class MarkdownDocument {

    /** A link's target as written, and the line (from 1) where its target is. */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    /** A code span ends in its paragraph: it never crosses a blank line. */
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?:(?!\\n[ \\t]*\\n).)+?\\1", Pattern.DOTALL);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** Inline links and images, {@code [text](target)} or {@code [text](target "title")}; the text may wrap. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:[ \\t]*<?([^\\s>]+)");
    private static final Pattern HTML_LINK = Pattern.compile("\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"");

    /** Markup a heading's rendered text does not show: a link shows its text, code and emphasis their content. */
    private static final Pattern HEADING_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HEADING_MARKUP = Pattern.compile("[`*]|<[^>]+>");
    /** GitHub's rule: of the lower-cased text it keeps letters, marks, digits, underscores, hyphens and spaces. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- ]");

    private final Set<String> anchors;
    private final List<Link> links;

    private MarkdownDocument(Set<String> anchors, List<Link> links) {
        this.anchors = anchors;
        this.links = links;
    }

    static MarkdownDocument parse(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> headingsBySlug = new HashMap<>();
        StringBuilder prose = new StringBuilder();
        String fence = null;
        for (String line : lines) {
            if (fence != null) {
                if (closes(line, fence)) {
                    fence = null;
                }
                prose.append('\n');
                continue;
            }
            Matcher opening = FENCE.matcher(line);
            if (opening.find()) {
                fence = opening.group(1);
                prose.append('\n');
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int earlier = headingsBySlug.merge(slug, 1, Integer::sum) - 1;
                anchors.add(earlier == 0 ? slug : slug + "-" + earlier);
            }
            prose.append(line).append('\n');
        }
        return new MarkdownDocument(Collections.unmodifiableSet(anchors), links(prose.toString()));
    }

    /** The anchor GitHub gives a heading of this text; a second heading of the same text gets {@code -1}, and so on. */
    static String slug(String headingText) {
        String shown = HEADING_MARKUP.matcher(HEADING_LINK.matcher(headingText).replaceAll("$1")).replaceAll("");
        return NOT_IN_ANCHOR.matcher(shown.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    Set<String> anchors() {
        return anchors;
    }

    /** In the order they are written. */
    List<Link> links() {
        return links;
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static List<Link> links(String prose) {
        String text = blank(HTML_COMMENT, blank(INLINE_CODE, prose));
        record Found(int offset, String target) {
        }
        List<Found> found = new ArrayList<>();
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK)) {
            Matcher matcher = link.matcher(text);
            while (matcher.find()) {
                found.add(new Found(matcher.start(1), matcher.group(1)));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Found::offset))
                .map(f -> new Link(lineAt(text, f.offset()), f.target()))
                .toList();
    }

    /** The text with each match of {@code pattern} turned to spaces, its line breaks kept so that lines still count. */
    private static String blank(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(match -> match.group().replaceAll("[^\\n]", " "));
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
