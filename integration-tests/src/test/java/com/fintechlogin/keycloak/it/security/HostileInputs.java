package com.fintechlogin.keycloak.it.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fintechlogin.keycloak.it.security.HostileInput.ContentType;
import com.fintechlogin.keycloak.it.security.HostileInput.DropField;
import com.fintechlogin.keycloak.it.security.HostileInput.DropHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.DuplicateField;
import com.fintechlogin.keycloak.it.security.HostileInput.Mutation;
import com.fintechlogin.keycloak.it.security.HostileInput.Raw;
import com.fintechlogin.keycloak.it.security.HostileInput.RepeatHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceBody;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceHeader;
import com.fintechlogin.keycloak.it.security.HostileInput.ReplaceValue;

import org.instancio.Random;
import org.instancio.junit.GivenProvider;

/**
 * Generates {@value #PER_API} {@link HostileInput}s with Instancio's seeded random (a failing test reports the
 * seed that reproduces it), each one to three mutations from the families a hostile or broken client sends.
 */
final class HostileInputs implements GivenProvider {

    static final int PER_API = 1_000;

    /** Strings that mean something to SQL, LDAP, template engines, log formatters, shells and browsers. */
    private static final List<String> METACHARACTERS = List.of(
            "' OR '1'='1' --", "\"; DROP TABLE USER_ENTITY; --", "1; SELECT pg_sleep(5)--", "${jndi:ldap://127.0.0.1:1/x}",
            "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}", "{{7*7}}", "#{7*7}", "%s%s%s%n",
            "../../../../etc/passwd", "<script>alert(1)</script>", "*)(uid=*))(|(uid=*", "${{<%[%'\"}}%\\.", "$(id)",
            "\\u0000", "%00", "\u202e\u0000\ufeff");

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
            "*/*", "garbage", "application/", "application/json; charset=\"", "text/html; charset=utf-8");

    @Override
    public Object provide(ElementContext context) {
        List<HostileInput> inputs = new ArrayList<>(PER_API);
        for (int n = 0; n < PER_API; n++) {
            inputs.add(input(context.random()));
        }
        return inputs;
    }

    private static HostileInput input(Random random) {
        List<Mutation> mutations = new ArrayList<>();
        int count = random.intRange(1, 3);
        for (int i = 0; i < count; i++) {
            mutations.add(mutation(random));
        }
        return new HostileInput(List.copyOf(mutations));
    }

    private static Mutation mutation(Random random) {
        int field = random.intRange(0, 15);
        return switch (random.intRange(0, 9)) {
            case 0 -> new DropField(field);
            case 1 -> new DuplicateField(field, jsonValue(random));
            case 2, 3 -> new ReplaceValue(field, jsonValue(random));
            case 4 -> new DropHeader(field);
            case 5 -> new ReplaceHeader(field, headerValue(random));
            case 6 -> new RepeatHeader(field, headerValue(random));
            case 7 -> new ContentType(random.oneOf(CONTENT_TYPES));
            default -> new ReplaceBody(body(random));
        };
    }

    /** A raw JSON value: wrong type, huge, deep, not UTF-8, not base64, or full of metacharacters. */
    private static Raw jsonValue(Random random) {
        return switch (random.intRange(0, 7)) {
            case 0 -> Raw.text("wrong type", random.oneOf("123", "-1", "1e309", "0.5", "true", "null", "[]", "[1,2]", "{}",
                    "{\"a\":1}", "\"\"", "\"   \"", "\"\\u0000\""));
            case 1 -> Raw.text("huge string", quoted(random.alphanumeric(random.oneOf(300, 5_000, 20_000))));
            case 2 -> nested(random.oneOf(17, 100, 1_000, 10_000), random.trueOrFalse());
            case 3 -> invalidUtf8(random);
            case 4 -> Raw.text("bad base64", quoted(random.oneOf("!!!not-base64$$", "====", "QUJD", "A", "YWJj=x", "%%%%")));
            case 5 -> Raw.text("digits", quoted(random.digits(random.intRange(1, 40))));
            default -> Raw.text("metacharacters", quoted(jsonEscaped(random.oneOf(METACHARACTERS))));
        };
    }

    private static Raw headerValue(Random random) {
        return switch (random.intRange(0, 5)) {
            case 0 -> Raw.text("CR/LF", random.oneOf("abc\r\nX-Injected: 1", "abc\rdef", "abc\ndef", "x\r\n\r\n{\"a\":1}"));
            case 1 -> Raw.text("long", random.alphanumeric(random.oneOf(1_000, 7_000, 20_000, 70_000)));
            case 2 -> new Raw("not ASCII", new byte[] {(byte) 0xff, (byte) 0xc3, 'a', (byte) 0x80});
            case 3 -> Raw.text("empty", "");
            default -> Raw.text("metacharacters", random.oneOf(METACHARACTERS).replace('\u0000', ' '));
        };
    }

    /** A whole body: not JSON, truncated, the wrong JSON, over the size limit, deep, not UTF-8, a broken form. */
    private static Raw body(Random random) {
        return switch (random.intRange(0, 8)) {
            case 0 -> randomBytes(random, random.intRange(1, 2_000));
            case 1 -> Raw.text("truncated JSON", random.oneOf("{", "{\"a\":", "{\"a\":\"b", "[", "{\"a\":1,}}"));
            case 2 -> Raw.text("not an object", random.oneOf("[]", "\"text\"", "12", "null", "true", "[{}]"));
            case 3 -> Raw.text("over the size limit", "{\"pad\":" + quoted("x".repeat(random.intRange(16 * 1024, 64 * 1024))) + "}");
            case 4 -> nested(random.oneOf(50, 5_000, 100_000), random.trueOrFalse());
            case 5 -> Raw.text("broken form", random.oneOf("a=%zz", "mobile_no=%", "password=%E0%A4%A", "%%%%=1", "a=1&a=2&=&&",
                    "mobile_no=%FF%FE&password=x"));
            case 6 -> invalidUtf8(random);
            case 7 -> Raw.text("empty", "");
            default -> Raw.text("duplicate keys", "{\"a\":1,\"a\":2}");
        };
    }

    private static Raw nested(int depth, boolean arrays) {
        Function<Integer, String> open = n -> (arrays ? "[" : "{\"a\":").repeat(n);
        String close = (arrays ? "]" : "}").repeat(depth);
        return Raw.text("nested " + depth + " deep", open.apply(depth) + "1" + close);
    }

    private static Raw invalidUtf8(Random random) {
        byte[][] sequences = {{(byte) 0xc3, 0x28}, {(byte) 0xff, (byte) 0xfe}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] bad = sequences[random.intRange(0, sequences.length - 1)];
        byte[] value = new byte[bad.length + 2];
        value[0] = '"';
        System.arraycopy(bad, 0, value, 1, bad.length);
        value[value.length - 1] = '"';
        return new Raw("invalid UTF-8", value);
    }

    private static Raw randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.byteRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        return new Raw("random bytes", bytes);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
    }
}
