package com.fintechlogin.bench;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A success as each API documents it: HTTP 200, its success code in the body and a token. A login that answered 200
 * without a token, or with another API's envelope, is an error, not a login.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerCheck() {
    }

    /**
     * @param codes       JSON pointers and the text each must hold (a number matches its decimal text)
     * @param tokenAt     JSON pointer to the token, which must be a non-empty string
     * @param tokenPrefix what the token must start with ({@code "Bearer "} for the mobile sign-in, else {@code ""})
     * @param bodyTexts   what the answer's text holds when it is a success, as the API writes it (see
     *                    {@link Success#bodyTexts()})
     */
    static Success ok(Map<String, String> codes, String tokenAt, String tokenPrefix, String... bodyTexts) {
        List<String> texts = List.of(bodyTexts);
        return new Success() {
            @Override
            public boolean test(int status, String body) {
                if (status != 200) {
                    return false;
                }
                JsonNode answer = parse(body);
                for (Map.Entry<String, String> code : codes.entrySet()) {
                    JsonNode value = answer.at(code.getKey());
                    if (!value.isValueNode() || !value.asText().equals(code.getValue())) {
                        return false;
                    }
                }
                JsonNode token = answer.at(tokenAt);
                return token.isTextual() && token.asText().length() > tokenPrefix.length() && token.asText().startsWith(tokenPrefix);
            }

            @Override
            public List<String> bodyTexts() {
                return texts;
            }
        };
    }

    /** Not JSON reads as an empty object, so that every check on it fails. */
    private static JsonNode parse(String body) {
        try {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.createObjectNode();
        }
    }
}
