package dev.orgsign.registry.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.orgsign.core.registry.AuthorizedPerson;
import dev.orgsign.core.registry.Disqualification;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.ManagingOrganization;
import dev.orgsign.core.registry.RecordVersion;
import dev.orgsign.core.registry.RegisterStatus;
import dev.orgsign.core.registry.Termination;
import dev.orgsign.core.registry.UnreliableMark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A record as the store keeps it: compact JSON arrays in a fixed order, so that equal records give
 * equal bytes (the store compares their hashes to find contested records). The contested flag is
 * not part of the body; it is a column of its own.
 */
final class RecordCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private RecordCodec() {
    }

    static byte[] encode(LegalEntityRecord r) {
        return write(g -> {
            g.writeStartArray();
            g.writeString(r.ogrn());
            str(g, r.inn());
            str(g, r.kpp());
            str(g, r.fullName());
            str(g, r.shortName());
            str(g, r.okopfCode());
            str(g, r.okopfName());
            version(g, r.version());
            termination(g, r.termination());
            statuses(g, r.statuses());
            g.writeStartArray();
            for (AuthorizedPerson p : r.heads()) {
                g.writeStartArray();
                str(g, p.surname());
                str(g, p.firstName());
                str(g, p.patronymic());
                str(g, p.inn());
                str(g, p.position());
                g.writeStartArray();
                for (Disqualification d : p.disqualifications()) {
                    g.writeStartArray();
                    date(g, d.start());
                    date(g, d.end());
                    date(g, d.decidedOn());
                    g.writeEndArray();
                }
                g.writeEndArray();
                marks(g, p.unreliable());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeStartArray();
            for (ManagingOrganization m : r.managers()) {
                g.writeStartArray();
                str(g, m.ogrn());
                str(g, m.inn());
                str(g, m.fullName());
                marks(g, m.unreliable());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        });
    }

    static byte[] encode(EntrepreneurRecord r) {
        return write(g -> {
            g.writeStartArray();
            g.writeString(r.ogrnip());
            str(g, r.inn());
            str(g, r.surname());
            str(g, r.firstName());
            str(g, r.patronymic());
            str(g, r.kindCode());
            version(g, r.version());
            termination(g, r.termination());
            statuses(g, r.statuses());
            g.writeEndArray();
        });
    }

    static LegalEntityRecord legalEntity(byte[] body, boolean contested) {
        try (JsonParser p = JSON.createParser(body)) {
            start(p);
            LegalEntityRecord.Builder b = LegalEntityRecord.builder(text(p));
            b.inn(text(p)).kpp(text(p)).fullName(text(p)).shortName(text(p)).legalForm(text(p), text(p));
            b.version(version(p)).termination(termination(p));
            statuses(p).forEach(b::status);
            start(p);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String surname = text(p);
                String first = text(p);
                String patronymic = text(p);
                String inn = text(p);
                String position = text(p);
                List<Disqualification> dq = new ArrayList<>(0);
                start(p);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    dq.add(new Disqualification(date(p), date(p), date(p)));
                    p.nextToken();
                }
                b.head(new AuthorizedPerson(surname, first, patronymic, inn, position, dq, marks(p)));
                p.nextToken();
            }
            start(p);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                b.manager(new ManagingOrganization(text(p), text(p), text(p), marks(p)));
                p.nextToken();
            }
            LegalEntityRecord r = b.build();
            return contested ? r.asContested() : r;
        } catch (IOException e) {
            throw new UncheckedIOException("A stored register record cannot be read", e);
        }
    }

    static EntrepreneurRecord entrepreneur(byte[] body, boolean contested) {
        try (JsonParser p = JSON.createParser(body)) {
            start(p);
            return new EntrepreneurRecord(text(p), text(p), text(p), text(p), text(p), text(p), version(p), termination(p),
                    statuses(p), contested);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored register record cannot be read", e);
        }
    }

    /** The sortable form of a version: dates as ISO (0000-00-00 when missing), entries zero-padded. */
    static String versionKey(RecordVersion v) {
        String entries = Integer.toString(v.entries());
        return (v.extractDate() == null ? "0000-00-00" : v.extractDate().toString()) + ' '
                + (v.latestEntryDate() == null ? "0000-00-00" : v.latestEntryDate().toString()) + ' '
                + "0000000000".substring(entries.length()) + entries;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void str(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    private static void date(JsonGenerator g, LocalDate d) throws IOException {
        str(g, d == null ? null : d.toString());
    }

    private static void version(JsonGenerator g, RecordVersion v) throws IOException {
        g.writeStartArray();
        date(g, v.extractDate());
        date(g, v.latestEntryDate());
        g.writeNumber(v.entries());
        g.writeEndArray();
    }

    private static void termination(JsonGenerator g, Termination t) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        date(g, t.date());
        str(g, t.code());
        str(g, t.name());
        g.writeEndArray();
    }

    private static void statuses(JsonGenerator g, List<RegisterStatus> statuses) throws IOException {
        g.writeStartArray();
        for (RegisterStatus s : statuses) {
            g.writeStartArray();
            str(g, s.code());
            str(g, s.name());
            date(g, s.recordedOn());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void marks(JsonGenerator g, List<UnreliableMark> marks) throws IOException {
        g.writeStartArray();
        for (UnreliableMark m : marks) {
            g.writeStartArray();
            str(g, m.code());
            str(g, m.text());
            date(g, m.recordedOn());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void start(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("expected an array at " + p.currentLocation());
        }
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static LocalDate date(JsonParser p) throws IOException {
        String s = text(p);
        return s == null ? null : LocalDate.parse(s);
    }

    private static RecordVersion version(JsonParser p) throws IOException {
        start(p);
        LocalDate extract = date(p);
        LocalDate latest = date(p);
        p.nextToken();
        int entries = p.getIntValue();
        p.nextToken();
        return new RecordVersion(extract, latest, entries);
    }

    private static Termination termination(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Termination t = new Termination(date(p), text(p), text(p));
        p.nextToken();
        return t;
    }

    private static List<RegisterStatus> statuses(JsonParser p) throws IOException {
        start(p);
        List<RegisterStatus> out = new ArrayList<>(0);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            out.add(new RegisterStatus(text(p), text(p), date(p)));
            p.nextToken();
        }
        return out;
    }

    private static List<UnreliableMark> marks(JsonParser p) throws IOException {
        start(p);
        List<UnreliableMark> out = new ArrayList<>(0);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            out.add(new UnreliableMark(text(p), text(p), date(p)));
            p.nextToken();
        }
        return out;
    }
}
