package dev.orgsign.core.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.identifier.Contacts;
import dev.orgsign.core.identifier.Identifiers;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * JSON in and out for {@link RegistrationPayload}: strict schema validation with errors that
 * name the field, and the canonical bytes of RFC 8785 (JSON Canonicalization Scheme, by the
 * erdtman implementation) that are signed.
 */
public final class PayloadCodec {
    /** Larger payloads are refused before parsing. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final Texts T = Texts.of(OrgsignException.class);
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> TOP = Set.of("schema", "requestId", "createdAt", "organization", "head", "contact");
    private static final Set<String> ORG = Set.of("type", "ogrn", "ogrnip", "inn", "kpp", "fullName", "shortName");
    private static final Set<String> HEAD = Set.of("surname", "firstName", "patronymic", "inn", "snils", "position");
    private static final Set<String> CONTACT = Set.of("email", "phone");
    /** Every member name a registration may have, at any depth. */
    static final Set<String> MEMBERS = members(TOP, ORG, HEAD, CONTACT);

    private PayloadCodec() {
    }

    @SafeVarargs
    private static Set<String> members(Set<String>... levels) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> level : levels) {
            all.addAll(level);
        }
        return Set.copyOf(all);
    }

    /**
     * Parses and validates JSON (canonical or not).
     *
     * @param json the UTF-8 JSON bytes, at most {@link #MAX_BYTES}
     * @return the registration
     * @throws OrgsignException INVALID_PAYLOAD naming the first field that is wrong
     */
    public static RegistrationPayload parse(byte[] json) throws OrgsignException {
        return validate(tree(json));
    }

    /**
     * A registration read from JSON, and whether those bytes were its canonical form.
     *
     * @param payload   the validated registration
     * @param canonical whether the bytes read were exactly its RFC 8785 canonical form
     */
    public record Checked(RegistrationPayload payload, boolean canonical) {
    }

    /**
     * Parses and validates JSON like {@link #parse}, and tells whether the bytes are in canonical
     * form ({@link #isCanonical}) by serializing the tree already parsed, so the JSON is read once.
     * A valid registration holds only objects and strings, whose RFC 8785 form is sorted member
     * names (by UTF-16 code units) and strings with only {@code "}, {@code \}, and control
     * characters escaped.
     *
     * @param json the UTF-8 JSON bytes, at most {@link #MAX_BYTES}
     * @return the registration and whether {@code json} is canonical
     * @throws OrgsignException INVALID_PAYLOAD naming the first field that is wrong
     */
    public static Checked parseChecked(byte[] json) throws OrgsignException {
        if (json != null && json.length <= MAX_BYTES) {
            // What is signed is canonical: read it in one pass that also proves it so; anything else goes the long way.
            ObjectNode canonical = CanonicalReader.read(json, JSON.getNodeFactory());
            if (canonical != null) {
                return new Checked(validate(canonical), true);
            }
        }
        JsonNode root = tree(json);
        RegistrationPayload p = validate(root);
        return new Checked(p, CanonicalMatch.matches(json, root));
    }

    /**
     * {@link Instant#parse}, with a fast path for the form canonical payloads have (2026-11-22T10:15:30Z):
     * anything else, or any field out of range, goes to {@link Instant#parse} and fails as it would.
     */
    private static Instant instant(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
                } catch (java.time.DateTimeException e) {
                    // out of range: Instant.parse gives the verdict
                }
            }
        }
        return Instant.parse(s);
    }

    /** The decimal value of {@code n} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static JsonNode tree(byte[] json) throws OrgsignException {
        if (json.length > MAX_BYTES) {
            throw invalid("payload", T.text("payload.tooLarge", json.length, MAX_BYTES));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("payload.notJson", Text.quoted(e.getOriginalMessage())), e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("payload.unreadable"), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("payload", T.text("payload.mustBeObject"));
        }
        return root;
    }

    private static RegistrationPayload validate(JsonNode root) throws OrgsignException {
        only(root, TOP, "");
        if (!RegistrationPayload.SCHEMA.equals(text(root, "schema", ""))) {
            throw invalid("schema", T.text("payload.mustBeSchema", RegistrationPayload.SCHEMA));
        }
        UUID requestId;
        try {
            requestId = UUID.fromString(text(root, "requestId", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("requestId", T.text("payload.mustBeUuid"));
        }
        Instant createdAt;
        try {
            createdAt = instant(text(root, "createdAt", ""));
        } catch (DateTimeParseException e) {
            throw invalid("createdAt", T.text("payload.mustBeUtc"));
        }
        JsonNode org = object(root, "organization");
        only(org, ORG, "organization.");
        OrganizationType type;
        try {
            type = OrganizationType.valueOf(text(org, "type", "organization."));
        } catch (IllegalArgumentException e) {
            throw invalid("organization.type", T.text("payload.mustBeType"));
        }
        String id;
        String inn;
        String kpp = null;
        if (type == OrganizationType.IE) {
            id = field("organization.ogrnip", () -> Identifiers.ogrnip("organization.ogrnip", text(org, "ogrnip", "organization.")));
            inn = field("organization.inn", () -> Identifiers.innPerson("organization.inn", text(org, "inn", "organization.")));
            absent(org, "ogrn", "organization.", T.text("payload.ieNoOgrn"));
            absent(org, "kpp", "organization.", T.text("payload.ieNoKpp"));
        } else {
            id = field("organization.ogrn", () -> Identifiers.ogrn("organization.ogrn", text(org, "ogrn", "organization.")));
            inn = field("organization.inn", () -> Identifiers.innLegalEntity("organization.inn", text(org, "inn", "organization.")));
            kpp = field("organization.kpp", () -> Identifiers.kpp("organization.kpp", text(org, "kpp", "organization.")));
            absent(org, "ogrnip", "organization.", T.text("payload.llcNoOgrnip"));
        }
        RegistrationPayload.Organization organization = new RegistrationPayload.Organization(type, id, inn, kpp,
                name(org, "fullName", "organization.", true), name(org, "shortName", "organization.", false));
        JsonNode head = object(root, "head");
        only(head, HEAD, "head.");
        RegistrationPayload.Head h = new RegistrationPayload.Head(name(head, "surname", "head.", true),
                name(head, "firstName", "head.", true), name(head, "patronymic", "head.", false),
                field("head.inn", () -> Identifiers.innPerson("head.inn", text(head, "inn", "head."))),
                field("head.snils", () -> Identifiers.snils("head.snils", text(head, "snils", "head."))),
                name(head, "position", "head.", type != OrganizationType.IE));
        JsonNode contact = object(root, "contact");
        only(contact, CONTACT, "contact.");
        String email = text(contact, "email", "contact.");
        if (!Contacts.isEmail(email)) {
            throw invalid("contact.email", T.text("payload.notEmail"));
        }
        String phone = contact.has("phone") ? text(contact, "phone", "contact.") : null;
        if (phone != null && !Contacts.isPhone(phone)) {
            throw invalid("contact.phone", T.text("payload.notPhone"));
        }
        return new RegistrationPayload(requestId, createdAt, organization, h, new RegistrationPayload.Contact(email, phone));
    }

    /**
     * @param p a registration
     * @return its canonical JSON bytes (RFC 8785): what is signed
     */
    public static byte[] canonicalBytes(RegistrationPayload p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", RegistrationPayload.SCHEMA);
        root.put("requestId", p.requestId().toString());
        root.put("createdAt", p.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode org = root.putObject("organization");
        RegistrationPayload.Organization o = p.organization();
        org.put("type", o.type().name());
        org.put(o.type() == OrganizationType.IE ? "ogrnip" : "ogrn", o.id());
        org.put("inn", o.inn());
        if (o.kpp() != null) {
            org.put("kpp", o.kpp());
        }
        org.put("fullName", o.fullName());
        if (o.shortName() != null) {
            org.put("shortName", o.shortName());
        }
        ObjectNode head = root.putObject("head");
        RegistrationPayload.Head h = p.head();
        head.put("surname", h.surname());
        head.put("firstName", h.firstName());
        if (h.patronymic() != null) {
            head.put("patronymic", h.patronymic());
        }
        head.put("inn", h.inn());
        head.put("snils", h.snils());
        if (h.position() != null) {
            head.put("position", h.position());
        }
        ObjectNode contact = root.putObject("contact");
        contact.put("email", p.contact().email());
        if (p.contact().phone() != null) {
            contact.put("phone", p.contact().phone());
        }
        return canonicalize(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param json JSON bytes
     * @return whether {@code json} is already in canonical form (what a verifier requires of signed bytes)
     */
    public static boolean isCanonical(byte[] json) {
        try {
            return Arrays.equals(json, canonicalize(json));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] canonicalize(byte[] json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalizable JSON", e);
        }
    }

    @FunctionalInterface
    private interface Check {
        String get() throws OrgsignException;
    }

    private static String field(String name, Check c) throws OrgsignException {
        try {
            return c.get();
        } catch (OrgsignException e) {
            throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("payload.fieldInvalid", name, e.text()), e);
        }
    }

    private static JsonNode object(JsonNode parent, String name) throws OrgsignException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw invalid(name, T.text(n == null ? "payload.missing" : "payload.mustBeObjectField"));
        }
        return n;
    }

    private static String text(JsonNode parent, String name, String prefix) throws OrgsignException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw invalid(prefix + name, T.text("payload.missing"));
        }
        if (!n.isTextual()) {
            throw invalid(prefix + name, T.text("payload.mustBeString"));
        }
        return n.textValue();
    }

    private static String name(JsonNode parent, String name, String prefix, boolean required) throws OrgsignException {
        if (!parent.has(name) && !required) {
            return null;
        }
        String s = text(parent, name, prefix).strip();
        if (s.isEmpty() || s.length() > 500) {
            throw invalid(prefix + name, T.text(s.isEmpty() ? "payload.empty" : "payload.tooLong"));
        }
        if (hasControlOrMarkup(s)) {
            throw invalid(prefix + name, T.text("payload.markup"));
        }
        return s;
    }

    private static boolean hasControlOrMarkup(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) || ch == '<' || ch == '>' || ch == '&') {
                return true;
            }
        }
        return false;
    }

    private static void only(JsonNode node, Set<String> allowed, String prefix) throws OrgsignException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw invalid(prefix + f, T.text("payload.unknownField", RegistrationPayload.SCHEMA));
            }
        }
    }

    private static void absent(JsonNode node, String name, String prefix, Text why) throws OrgsignException {
        if (node.has(name)) {
            throw invalid(prefix + name, T.text("payload.mustBeAbsent", why));
        }
    }

    private static OrgsignException invalid(String field, Text what) {
        return new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("payload.field", field, what));
    }

}
