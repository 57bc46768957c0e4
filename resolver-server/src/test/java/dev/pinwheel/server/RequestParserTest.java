package dev.pinwheel.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The canonical form: equal for requests that must get the same answer, different otherwise. */
class RequestParserTest {
    static final RequestParser PARSER = new RequestParser(Set.of("default", "mirror"), "default",
            ServerConfig.defaults());

    static ResolveInput parse(String json) throws ProblemException {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8)).input();
    }

    @Test
    void canonicalJson_isNormalisedSortedAndExplicit() throws Exception {
        ResolveInput in = parse("{\"requirements\": [\"Requests[socks,Security] >= 2.31\", \"Django>=4.2,<5\"]}");
        assertEquals("{\"v\":1,\"index\":\"default\",\"requirements\":[\"django<5,>=4.2\",\"requests[security,socks]>=2.31\"],"
                + "\"constraints\":[],\"overrides\":[],\"target\":{\"implementation\":\"cpython\",\"python\":\"3.12.0\","
                + "\"os\":\"linux_glibc\",\"arch\":\"x86_64\",\"os_version\":\"2.28\"},\"resolution\":\"highest\","
                + "\"prerelease\":\"if-necessary-or-explicit\",\"exclude_newer\":null}", in.canonicalJson());
        assertEquals(64, in.digest().length());
    }

    @Test
    void digest_ignoresSpellingOrderDuplicatesAndDefaults() throws Exception {
        String a = parse("{\"requirements\": [\"django>=4.2\", \"six\"]}").digest();
        assertEquals(a, parse("{\"requirements\": [\"Six\", \"Django >= 4.2\", \"six\"], \"index\": \"default\"}").digest());
        assertEquals(a, parse("{\"requirements\": [\"six\", \"django>=4.2\"], \"python_version\": \"3.12.0\", "
                + "\"python_platform\": \"x86_64-unknown-linux-gnu\", \"resolution\": \"highest\"}").digest());
        assertEquals(a, parse("{\"requirements\": [\"six\", \"django>=4.2\"], \"python_platform\": \"linux\"}").digest());
    }

    @Test
    void digest_separatesEverythingThatChangesTheAnswer() throws Exception {
        String a = parse("{\"requirements\": [\"django>=4.2\"]}").digest();
        for (String other : new String[] {
            "{\"requirements\": [\"django>=4.1\"]}",
            "{\"requirements\": [\"django>=4.2\"], \"index\": \"mirror\"}",
            "{\"requirements\": [\"django>=4.2\"], \"python_version\": \"3.11\"}",
            "{\"requirements\": [\"django>=4.2\"], \"python_version\": \"3.12.1\"}",
            "{\"requirements\": [\"django>=4.2\"], \"python_platform\": \"aarch64-apple-darwin\"}",
            "{\"requirements\": [\"django>=4.2\"], \"python_platform\": \"x86_64-manylinux_2_17\"}",
            "{\"requirements\": [\"django>=4.2\"], \"resolution\": \"lowest\"}",
            "{\"requirements\": [\"django>=4.2\"], \"prerelease\": \"allow\"}",
            "{\"requirements\": [\"django>=4.2\"], \"exclude_newer\": \"2024-01-01T00:00:00Z\"}",
            "{\"requirements\": [\"django>=4.2\"], \"constraints\": [\"django<5\"]}",
            "{\"requirements\": [\"django>=4.2\"], \"overrides\": [\"django<5\"]}",
            "{\"requirements\": [\"django>=4.2; python_version < '3.13'\"]}",
            "{\"requirements\": [\"django[argon2]>=4.2\"]}",
        }) {
            assertNotEquals(a, parse(other).digest(), other);
        }
    }

    @Test
    void explicitTarget_takesEnvironmentAndTagsAsGiven() throws Exception {
        ResolveInput in = parse("{\"requirements\": [\"six\"], \"environment\": {\"python_full_version\": \"3.11.4\", "
                + "\"sys_platform\": \"linux\"}, \"tags\": [\"cp311-cp311-linux_x86_64\", \"py3-none-any\", \"py3-none-any\"]}");
        assertEquals("3.11.4", in.target().target().python().toString());
        assertEquals(2, in.target().target().tags().size());
        assertEquals("{\"environment\":{\"python_full_version\":\"3.11.4\",\"sys_platform\":\"linux\"},"
                + "\"tags\":[\"cp311-cp311-linux_x86_64\",\"py3-none-any\"]}",
                in.canonicalJson().replaceAll(".*\"target\":(\\{.*?\\]\\}).*", "$1"));
    }

    @Test
    void excludeNewer_isNormalisedToUtc() throws Exception {
        assertEquals(parse("{\"requirements\": [\"six\"], \"exclude_newer\": \"2024-01-01T01:00:00+01:00\"}").digest(),
                parse("{\"requirements\": [\"six\"], \"exclude_newer\": \"2024-01-01T00:00:00Z\"}").digest());
    }

    @Test
    void problems_nameTheField() {
        ProblemException p = assertThrows(ProblemException.class,
                () -> parse("{\"requirements\": [\"six\"], \"constraints\": [\"ok\", \"bad name!\"]}"));
        assertEquals(400, p.status());
        assertEquals("/constraints/1", p.field().orElseThrow());
    }
}
