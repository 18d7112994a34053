package dev.orgsign.core.pdf;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;

/**
 * Renders a registration as the application a person reads: a one-page A4 PDF in Russian with
 * the organization, its head, the contact and the request, and the SHA-256 of the canonical
 * payload that binds the PDF to the signed JSON. Fonts are embedded (Liberation, Cyrillic), so
 * the PDF does not depend on the fonts of the machine that opens it. The output is unsigned; sign
 * it with {@link PadesSigner}. The same payload always renders to the same bytes.
 */
public final class ApplicationPdf {
    private static final Texts T = Texts.of(OrgsignException.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ApplicationPdf() {
    }

    /**
     * Renders the application.
     *
     * @param payload the registration (as signed: its canonical bytes are hashed into the PDF)
     * @return the PDF bytes (unsigned)
     * @throws OrgsignException when the PDF cannot be produced (a missing font, an I/O failure)
     */
    public static byte[] render(RegistrationPayload payload) throws OrgsignException {
        byte[] canonical = PayloadCodec.canonicalBytes(payload);
        byte[] hash = sha256(canonical);
        try (PDDocument doc = new PDDocument()) {
            info(doc, payload, hash);
            try (PdfLayout page = new PdfLayout(doc, PdfFonts.load(doc, PdfFonts.SANS),
                    PdfFonts.load(doc, PdfFonts.SANS_BOLD), PdfFonts.load(doc, PdfFonts.MONO))) {
                write(page, payload, hash);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("pdf.application", e.getMessage()), e);
        }
    }

    private static void write(PdfLayout page, RegistrationPayload p, byte[] hash) throws IOException {
        RegistrationPayload.Organization org = p.organization();
        RegistrationPayload.Head head = p.head();
        boolean ie = org.type() == OrganizationType.IE;
        page.title("Заявление о регистрации организации", 16);
        page.centered(kind(org.type()), 11);
        page.paragraph("Прошу зарегистрировать организацию, сведения о которой приведены ниже, и подтвердить мои "
                + "полномочия действовать от её имени без доверенности по сведениям "
                + (ie ? "ЕГРИП." : "ЕГРЮЛ."), 10.5f);

        page.heading("1. Сведения об организации");
        page.row("Вид организации", kind(org.type()), false);
        page.row("Полное наименование", org.fullName(), false);
        page.row("Сокращённое наименование", org.shortName(), false);
        page.row(ie ? "ОГРНИП" : "ОГРН", org.id(), false);
        page.row("ИНН", org.inn(), false);
        if (!ie) {
            page.row("КПП", org.kpp(), false);
        }

        page.heading(ie ? "2. Индивидуальный предприниматель" : "2. Руководитель (лицо, действующее без доверенности)");
        page.row("Фамилия, имя, отчество", String.join(" ", head.surname(), head.firstName(),
                head.patronymic() == null ? "" : head.patronymic()).strip(), false);
        page.row("Должность", head.position(), false);
        page.row("ИНН", head.inn(), false);
        page.row("СНИЛС", snils(head.snils()), false);

        page.heading("3. Контактные данные для уведомлений");
        page.row("Адрес электронной почты", p.contact().email(), false);
        page.row("Телефон", p.contact().phone(), false);

        page.heading("4. Сведения о заявлении");
        page.row("Номер запроса", p.requestId().toString(), true);
        page.row("Дата и время составления", WHEN.format(p.createdAt()), false);
        page.row("Формат данных", RegistrationPayload.SCHEMA + " (JSON, RFC 8785)", false);
        String hex = HexFormat.of().formatHex(hash);
        page.row("SHA-256 подписанных данных", hex.substring(0, 32) + " " + hex.substring(32), true);

        page.paragraph("Заявление подписано усиленной квалифицированной электронной подписью заявителя. "
                + "Подписанные данные — файл registration.json, подпись к ним — registration.json.sig (CAdES-BES); "
                + "настоящий документ подписан той же подписью (PAdES). Контрольная сумма выше связывает документ "
                + "с подписанными данными.", 9.5f);
    }

    private static String kind(OrganizationType type) {
        return switch (type) {
            case IE -> "Индивидуальный предприниматель";
            case LLC -> "Юридическое лицо";
            case GOV -> "Орган государственной власти или местного самоуправления";
        };
    }

    private static String snils(String s) {
        return s != null && s.matches("\\d{11}")
                ? s.substring(0, 3) + "-" + s.substring(3, 6) + "-" + s.substring(6, 9) + " " + s.substring(9) : s;
    }

    private static void info(PDDocument doc, RegistrationPayload p, byte[] hash) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Заявление о регистрации организации " + p.organization().id());
        info.setSubject(RegistrationPayload.SCHEMA + " " + p.requestId());
        info.setCreator("orgsign");
        info.setProducer("orgsign (Apache PDFBox)");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
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
