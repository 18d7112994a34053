package dev.orgsign.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.Text;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The service's JSON: a strictly limited Jackson parser, and the check list as stored and served. */
final class Json {
    /** Requests are small; strings may hold a base64 payload or signature up to the body limit. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(2 << 20)
                    .maxNumberLength(32).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The checks as stored: each sentence in English ({@code message}) and Russian ({@code messageRu}). */
    static ArrayNode checks(List<Check> checks) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Check c : checks) {
            ObjectNode o = a.addObject();
            o.put("code", c.code());
            o.put("result", c.result().name());
            o.put("message", c.message());
            o.put("messageRu", c.message(Languages.RUSSIAN));
        }
        return a;
    }

    /** The checks as a client reads them: each sentence in its language. */
    static ArrayNode checks(List<Check> checks, Locale language) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Check c : checks) {
            ObjectNode o = a.addObject();
            o.put("code", c.code());
            o.put("result", c.result().name());
            o.put("message", c.message(language));
        }
        return a;
    }

    /** The stored checks, in both languages (a report stored before languages were kept says English in both). */
    static List<Check> checks(String json) {
        List<Check> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        try {
            for (JsonNode c : MAPPER.readTree(json)) {
                String en = c.get("message").asText();
                String ru = c.path("messageRu").asText(en);
                out.add(new Check(c.get("code").asText(), CheckResult.valueOf(c.get("result").asText()), en, Text.of(en, ru)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("A stored report is not readable", e);
        }
        return out;
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("A stored report is not readable", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
