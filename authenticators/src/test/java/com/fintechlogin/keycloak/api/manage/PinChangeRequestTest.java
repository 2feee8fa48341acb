package com.fintechlogin.keycloak.api.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fintechlogin.keycloak.json.LenientJson;
import com.fintechlogin.keycloak.json.Parsed;
import com.fintechlogin.keycloak.pin.PinCheck;

import org.junit.jupiter.api.Test;

class PinChangeRequestTest {

    private static Parsed<PinChangeRequest, ManageFailure> parse(String json) {
        return PinChangeRequest.parse(LenientJson.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheNewAndTheOldPin() {
        assertThat(parse("{\"pin\": \"4821\", \"oldPin\": \"1357\"}"))
                .isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", "1357", false)));
    }

    @Test
    void aFirstPinNeedsNoOldPin() {
        assertThat(parse("{\"pin\": \"4821\",}")).isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", null, false)));
        assertThat(parse("{\"pin\": \"4821\", \"oldPin\": \"\"}")).isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", null, false)));
    }

    @Test
    void readsPinsSentAsNumbers() {
        assertThat(parse("{\"pin\": 4821, \"oldPin\": 1357}"))
                .isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", "1357", false)));
    }

    @Test
    void keepsThePinAsSentForTheRealmToJudge() {
        assertThat(parse("{\"pin\": \" 48a1\"}")).isEqualTo(new Parsed.Valid<>(new PinChangeRequest(" 48a1", null, false)));
    }

    @Test
    void aForgottenPinIsSaidWithABooleanOrItsWord() {
        assertThat(parse("{\"pin\": \"4821\", \"forgotPin\": true}"))
                .isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", null, true)));
        assertThat(parse("{\"pin\": \"4821\", \"forgotPin\": \" TRUE \"}"))
                .isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", null, true)));
        assertThat(parse("{\"pin\": \"4821\", \"forgotPin\": null}"))
                .isEqualTo(new Parsed.Valid<>(new PinChangeRequest("4821", null, false)));
    }

    @Test
    void aForgotPinFlagThatIsNeitherYesNorNoIsAMalformedRequest() {
        for (String flag : new String[] {"1", "\"yes\"", "[true]", "{}", "\"\""}) {
            assertThat(parse("{\"pin\": \"4821\", \"forgotPin\": " + flag + "}")).as(flag)
                    .isEqualTo(new Parsed.Invalid<>(ManageFailure.MALFORMED_REQUEST));
        }
    }

    @Test
    void aMissingBlankOrStructuredPinIsMissing() {
        assertThat(parse("{\"oldPin\": \"1357\"}")).isEqualTo(new Parsed.Invalid<>(ManageFailure.PIN_MISSING));
        assertThat(parse("{\"pin\": \"  \"}")).isEqualTo(new Parsed.Invalid<>(ManageFailure.PIN_MISSING));
        assertThat(parse("{\"pin\": null}")).isEqualTo(new Parsed.Invalid<>(ManageFailure.PIN_MISSING));
        assertThat(parse("{\"pin\": [\"4821\"]}")).isEqualTo(new Parsed.Invalid<>(ManageFailure.PIN_MISSING));
        assertThat(parse("{\"pin\": \"" + "1".repeat(PinChangeRequest.MAX_FIELD_LENGTH + 1) + "\"}"))
                .isEqualTo(new Parsed.Invalid<>(ManageFailure.PIN_MISSING));
    }

    @Test
    void mapsEveryVerdictOfTheRealmOnANewPin() {
        assertThat(PinChangeRequest.failureOf(PinCheck.OK)).isNull();
        assertThat(PinChangeRequest.failureOf(PinCheck.NOT_DIGITS)).isEqualTo(ManageFailure.PIN_NOT_DIGITS);
        assertThat(PinChangeRequest.failureOf(PinCheck.WRONG_LENGTH)).isEqualTo(ManageFailure.PIN_WRONG_LENGTH);
        assertThat(PinChangeRequest.failureOf(PinCheck.WEAK)).isEqualTo(ManageFailure.PIN_WEAK);
        for (PinCheck check : PinCheck.values()) {
            assertThat(check == PinCheck.OK || PinChangeRequest.failureOf(check) != null).as(check.name()).isTrue();
        }
    }

    @Test
    void neverPrintsEitherPin() {
        String printed = ((Parsed.Valid<PinChangeRequest, ManageFailure>) parse("{\"pin\": \"4821\", \"oldPin\": \"1357\"}")).toString();

        assertThat(printed).doesNotContain("4821").doesNotContain("1357");
    }
}
