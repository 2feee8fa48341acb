package com.fintechlogin.keycloak.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every link of README.md and of the guides under {@code docs/} leads somewhere: a relative link to a file of the
 * repository, an anchor to a heading of the document it names, by the anchors GitHub gives headings. A section moved
 * from one document to another breaks the links to it; this says which. Files only: no server.
 */
class DocumentLinksTest {

    @Test
    void theDocumentsAreTheReadmeAndEveryGuide() {
        assertThat(Documents.all()).extracting(Documents::name)
                .startsWith("README.md")
                .contains("docs/admin-guide.md", "docs/api-reference.md", "docs/operations.md", "docs/security-model.md");
    }

    @Test
    void everyLinkOfTheDocumentsLeadsToAFileAndAHeading() {
        List<String> broken = Documents.all().stream()
                .flatMap(document -> DocumentLinks.broken(document, Documents.REPOSITORY).stream())
                .toList();

        assertThat(broken).as("links that lead nowhere (document:line: target: why)").isEmpty();
    }

    @Test
    void aLinkToAMissingFileOrHeadingOrOutOfTheRepositoryIsBroken(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Path readme = Files.writeString(root.resolve("README.md"), """
                # Title

                [guide](docs/guide.md#usage), [gone](docs/gone.md), [wrong heading](docs/guide.md#nowhere),
                [self](#title), [missing](#missing), [web](https://example.org/#x), <img src="docs/p.png" alt="">
                """);
        Path guide = Files.writeString(root.resolve("docs/guide.md"), """
                # Guide

                ## Usage

                [back](../README.md#title), [the picture](p.png#part), [out](../../elsewhere.md)
                """);
        Files.write(root.resolve("docs/p.png"), new byte[0]);

        assertThat(DocumentLinks.broken(readme, root)).containsExactly(
                "README.md:3: docs/gone.md: no such file",
                "README.md:3: docs/guide.md#nowhere: no heading gives this anchor",
                "README.md:4: #missing: no heading gives this anchor");
        assertThat(DocumentLinks.broken(guide, root)).containsExactly(
                "docs/guide.md:5: p.png#part: an anchor into a file that is not Markdown",
                "docs/guide.md:5: ../../elsewhere.md: leaves the repository");
    }

    @Test
    void headingsGiveGitHubsAnchors() {
        MarkdownDocument document = MarkdownDocument.parse(List.of(
                "# API reference",
                "## Attempt limits: exact for every credential",
                "### 5. The realm's settings, as a checklist",
                "### Public key: `GET /realms/{realm}/fintech/onboarding/user/v1/public-key`",
                "## Email/password login (seed 004)",
                "### The demo (dev only)",
                "### The demo (dev only)",
                "## *Set PIN* and `fintech_api` — the [theme](x.md) ##",
                "```sh",
                "# a shell comment, not a heading",
                "```"));

        assertThat(document.anchors()).containsExactly(
                "api-reference",
                "attempt-limits-exact-for-every-credential",
                "5-the-realms-settings-as-a-checklist",
                "public-key-get-realmsrealmfintechonboardinguserv1public-key",
                "emailpassword-login-seed-004",
                "the-demo-dev-only",
                "the-demo-dev-only-1",
                "set-pin-and-fintech_api--the-theme");
    }

    @Test
    void linksInCodeOrCommentsAreText() {
        MarkdownDocument document = MarkdownDocument.parse(List.of(
                "See [a](a.md) and `[b](b.md)`, and [a wrapped",
                "text](#wrapped).",
                "```json",
                "[\"c\"](c.md)",
                "```",
                "<img src=\"d.png\" alt=\"\"> <!-- [e](e.md) -->",
                "[f]: f.md"));

        assertThat(document.links()).containsExactly(
                new MarkdownDocument.Link(1, "a.md"),
                new MarkdownDocument.Link(2, "#wrapped"),
                new MarkdownDocument.Link(6, "d.png"),
                new MarkdownDocument.Link(7, "f.md"));
    }
}
