package dev.orgsign.core.pdf;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.MoscowTime;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders a registration as the application a person reads: a one-page A4 PDF in Russian (or in
 * English for an English reader) with the organization, its head, the contact and the request,
 * the SHA-256 of the canonical payload that binds the PDF to the signed JSON, and the signature
 * stamp ("Документ подписан электронной подписью": certificate serial, owner, validity). Times are
 * Moscow time with the zone named. Fonts are embedded (Liberation, Cyrillic), so the PDF does not
 * depend on the fonts of the machine that opens it. The output is unsigned; sign it with
 * {@link PadesSigner} with the key of the stamp's certificate. The same input always renders to
 * the same bytes.
 */
public final class ApplicationPdf {
    private static final Texts T = Texts.of(OrgsignException.class);

    private ApplicationPdf() {
    }

    /**
     * Renders the application in Russian, without a signature stamp.
     *
     * @param payload the registration (as signed: its canonical bytes are hashed into the PDF)
     * @return the PDF bytes (unsigned)
     * @throws OrgsignException when the PDF cannot be produced (a missing font, an I/O failure)
     */
    public static byte[] render(RegistrationPayload payload) throws OrgsignException {
        return render(payload, null, Locale.forLanguageTag("ru"));
    }

    /**
     * Renders the application with the stamp of the certificate that is to sign it.
     *
     * @param payload the registration (as signed: its canonical bytes are hashed into the PDF)
     * @param signer  the certificate whose key signs the PDF, or null for no stamp
     * @param locale  the reader's language: Russian for {@code ru}, English otherwise
     * @return the PDF bytes (unsigned)
     * @throws OrgsignException when the PDF cannot be produced (a missing font, an I/O failure)
     */
    public static byte[] render(RegistrationPayload payload, X509Certificate signer, Locale locale) throws OrgsignException {
        byte[] canonical = PayloadCodec.canonicalBytes(payload);
        byte[] hash = sha256(canonical);
        try (PDDocument doc = new PDDocument()) {
            info(doc, payload, hash, locale);
            try (PdfLayout page = new PdfLayout(doc, PdfFonts.load(doc, PdfFonts.SANS),
                    PdfFonts.load(doc, PdfFonts.SANS_BOLD), PdfFonts.load(doc, PdfFonts.MONO))) {
                write(page, payload, hash, locale);
                if (signer != null) {
                    page.stamp(SignatureStamp.of(signer), locale);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("pdf.application", Text.quoted(e.getMessage())), e);
        }
    }

    private static void write(PdfLayout page, RegistrationPayload p, byte[] hash, Locale l) throws IOException {
        RegistrationPayload.Organization org = p.organization();
        RegistrationPayload.Head head = p.head();
        boolean ie = org.type() == OrganizationType.IE;
        page.title(T.format(l, "application.title"), 16);
        page.centered(kind(org.type(), l), 11);
        page.paragraph(T.format(l, ie ? "application.requestIe" : "application.request"), 10.5f);

        page.heading(T.format(l, "application.organization"));
        page.row(T.format(l, "application.kind"), kind(org.type(), l), false);
        page.row(T.format(l, "application.fullName"), org.fullName(), false);
        page.row(T.format(l, "application.shortName"), org.shortName(), false);
        page.row(T.format(l, ie ? "field.OGRNIP" : "field.OGRN"), org.id(), false);
        page.row(T.format(l, "field.INN"), org.inn(), false);
        if (!ie) {
            page.row(T.format(l, "field.KPP"), org.kpp(), false);
        }

        page.heading(T.format(l, ie ? "application.entrepreneur" : "application.head"));
        page.row(T.format(l, "application.name"), String.join(" ", head.surname(), head.firstName(),
                head.patronymic() == null ? "" : head.patronymic()).strip(), false);
        page.row(T.format(l, "application.position"), head.position(), false);
        page.row(T.format(l, "field.INN"), head.inn(), false);
        page.row(T.format(l, "field.SNILS"), Identifiers.formatSnils(head.snils()), false);

        page.heading(T.format(l, "application.contact"));
        page.row(T.format(l, "application.email"), p.contact().email(), false);
        page.row(T.format(l, "application.phone"), p.contact().phone(), false);

        page.heading(T.format(l, "application.about"));
        page.row(T.format(l, "application.requestId"), p.requestId().toString(), true);
        page.row(T.format(l, "application.created"), MoscowTime.dateTime(p.createdAt(), l), false);
        page.row(T.format(l, "application.format"), RegistrationPayload.SCHEMA + " (JSON, RFC 8785)", false);
        String hex = HexFormat.of().formatHex(hash);
        page.row(T.format(l, "application.hash"), hex.substring(0, 32) + " " + hex.substring(32), true);

        page.paragraph(T.format(l, "application.signed"), 9.5f);
    }

    private static String kind(OrganizationType type, Locale l) {
        return T.format(l, "application.type." + type.name());
    }

    private static void info(PDDocument doc, RegistrationPayload p, byte[] hash, Locale l) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(T.format(l, "application.title") + " " + p.organization().id());
        info.setSubject(RegistrationPayload.SCHEMA + " " + p.requestId());
        info.setCreator("orgsign");
        info.setProducer("orgsign (Apache PDFBox)");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(MoscowTime.ZONE));
        created.setTimeInMillis(p.createdAt().toEpochMilli());
        info.setCreationDate(created);
        COSArray id = new COSArray();
        byte[] first = Arrays.copyOf(hash, 16);
        id.add(new COSString(first));
        id.add(new COSString(first));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
