package com.fintechlogin.realmtool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> KNOWN = Set.of("realm", "password", "redirect-uri", "dry-run?");

    private static Arguments parse(String... args) {
        return Arguments.parse(List.of(args), KNOWN, Set.of("password"), Map.of("ADMIN_PW", " s3cret ")::get);
    }

    @Test
    void valuesComeSpacedOrAfterAnEqualsSignAndSecretsFromTheEnvironment() {
        Arguments arguments = parse("--realm=bank", "--password:env", "ADMIN_PW", "--redirect-uri", "a", "--redirect-uri", "b", "--dry-run");

        assertThat(arguments.required("realm")).isEqualTo("bank");
        assertThat(arguments.secret("password")).as("a secret exactly as given").isEqualTo(" s3cret ");
        assertThat(arguments.all("redirect-uri")).containsExactly("a", "b");
        assertThat(arguments.flag("dry-run")).isTrue();
    }

    @Test
    void aMistypedOrIncompleteCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> parse("--relm", "bank")).hasMessage("unknown option --relm");
        assertThatThrownBy(() -> parse("--realm")).hasMessage("--realm needs a value");
        assertThatThrownBy(() -> parse("--password:env", "NOT_SET")).hasMessageContaining("NOT_SET is not set");
        assertThatThrownBy(() -> parse("--dry-run=yes")).hasMessage("--dry-run takes no value");
        assertThatThrownBy(() -> parse("bank")).hasMessage("unexpected argument 'bank'");
        assertThatThrownBy(() -> parse("--realm", "a", "--realm", "b").required("realm")).hasMessage("--realm is given 2 times");
        assertThatThrownBy(() -> parse().required("realm")).hasMessage("--realm is required");
        assertThatThrownBy(() -> parse("--password", "s3cret")).as("never on the command line, where process listings show it")
                .hasMessage("give --password:env VARIABLE, the name of an environment variable holding it");
    }
}
