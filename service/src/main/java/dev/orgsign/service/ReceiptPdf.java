package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The receipt's pages (A4, Russian with English glosses): the submission, the organization, the
 * signer, every check with its result, the times, the hashes of what was verified, and which key
 * of the service signs it. Fonts are the Liberation fonts core's PDF code uses (Cyrillic),
 * embedded as subsets.
 */
final class ReceiptPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final float MARGIN = 50;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private float y;

    private ReceiptPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "LiberationSans-Regular.ttf");
        this.bold = font(doc, "LiberationSans-Bold.ttf");
        newPage();
    }

    static byte[] render(SubmissionStore.Stored s, byte[] payload, byte[] signature, X509Certificate serviceCert,
                         boolean selfSigned) throws OrgsignException {
        RegistrationPayload p = PayloadCodec.parse(payload);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Квитанция о проверке регистрации " + s.id());
            info.setProducer("orgsign verification service");
            ReceiptPdf r = new ReceiptPdf(doc);
            r.write(s, p, payload, signature, serviceCert, selfSigned);
            r.out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, "The receipt of submission " + s.id() + " cannot be produced: "
                    + e.getMessage(), e);
        }
    }

    private void write(SubmissionStore.Stored s, RegistrationPayload p, byte[] payload, byte[] signature,
                       X509Certificate serviceCert, boolean selfSigned) throws IOException {
        line(bold, 15, "Квитанция о проверке регистрации");
        line(regular, 10, "Verification receipt of the orgsign service");
        gap(8);
        row("Заявка / Submission", s.id());
        row("Результат / Verdict", "ПРОВЕРЕНО — все проверки пройдены (" + s.status() + ")");
        row("Идентификатор запроса / Request id", p.requestId().toString());
        gap(6);
        line(bold, 12, "Организация / Organization");
        RegistrationPayload.Organization o = p.organization();
        row("Вид / Type", o.type().name());
        row("Полное наименование", o.fullName());
        if (o.shortName() != null) {
            row("Сокращённое наименование", o.shortName());
        }
        row(o.type() == dev.orgsign.core.OrganizationType.IE ? "ОГРНИП" : "ОГРН", o.id());
        row("ИНН", o.inn());
        if (o.kpp() != null) {
            row("КПП", o.kpp());
        }
        gap(6);
        line(bold, 12, "Подписант / Signer");
        RegistrationPayload.Head h = p.head();
        row("ФИО", h.surname() + " " + h.firstName() + (h.patronymic() == null ? "" : " " + h.patronymic()));
        if (h.position() != null) {
            row("Должность / Position", h.position());
        }
        row("ИНН / СНИЛС", h.inn() + " / " + h.snils());
        signerCertificate(signature);
        gap(6);
        line(bold, 12, "Проверки / Checks");
        for (Check c : Json.checks(s.reportJson())) {
            String mark = c.result() == CheckResult.PASSED ? "пройдена" : c.result() == CheckResult.FAILED ? "НЕ ПРОЙДЕНА" : "не выполнена";
            paragraph(bold, regular, 9, c.code() + " — " + mark + ": ", c.message());
        }
        gap(6);
        line(bold, 12, "Время / Times");
        row("Получено / Received", WHEN.format(Instant.ofEpochMilli(s.receivedAt())));
        row("Проверено / Verified", s.verifiedAt() == null ? "—" : WHEN.format(Instant.ofEpochMilli(s.verifiedAt())));
        row("Квитанция выдана / Issued", WHEN.format(Instant.now()));
        row("Экземпляр сервиса / Instance", s.verifiedBy());
        gap(6);
        line(bold, 12, "Что проверено / What was verified");
        row("SHA-256 данных (payload)", ApiHandler.sha256(payload));
        row("SHA-256 подписи (CMS)", ApiHandler.sha256(signature));
        gap(6);
        paragraph(bold, regular, 9, "Подпись квитанции / Receipt signature: ", "PAdES, ключ сервиса "
                + cn(X500Name.getInstance(serviceCert.getSubjectX500Principal().getEncoded())) + ", серийный номер "
                + serviceCert.getSerialNumber().toString(16)
                + (selfSigned ? ". Это самоподписанный ключ, созданный при первом запуске сервиса (self-signed key made at the "
                + "service's first start); сверяйте его отпечаток с опубликованным оператором."
                : ". Ключ из хранилища, указанного оператором (key from the operator's keystore)."));
    }

    private void signerCertificate(byte[] signature) throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(signature);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
            if (!certs.isEmpty()) {
                X509CertificateHolder c = certs.iterator().next();
                row("Сертификат / Certificate", cn(c.getSubject()) + ", № " + c.getSerialNumber().toString(16));
                row("Издатель / Issuer", cn(c.getIssuer()));
            }
        } catch (org.bouncycastle.cms.CMSException e) {
            row("Сертификат / Certificate", "не прочитан");
        }
    }

    private static String cn(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return name.toString();
        }
        return cn[0].getFirst().getValue() instanceof org.bouncycastle.asn1.ASN1String s ? s.getString()
                : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    private void row(String label, String value) throws IOException {
        paragraph(bold, regular, 10, label + ": ", value == null ? "—" : value);
    }

    private void line(PDFont font, float size, String text) throws IOException {
        paragraph(font, font, size, "", text);
    }

    private void gap(float h) {
        y -= h;
    }

    /** A bold lead followed by wrapped text. */
    private void paragraph(PDFont leadFont, PDFont font, float size, String lead, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        lead = clean(lead, leadFont);
        text = clean(text, font);
        float leadWidth = leadFont.getStringWidth(lead) / 1000 * size;
        List<String> lines = wrap(text, font, size, width - leadWidth, width);
        for (int i = 0; i < lines.size(); i++) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            out.beginText();
            out.newLineAtOffset(MARGIN, y);
            if (i == 0 && !lead.isEmpty()) {
                out.setFont(leadFont, size);
                out.showText(lead);
            }
            out.setFont(font, size);
            out.showText(lines.get(i));
            out.endText();
        }
    }

    private static List<String> wrap(String text, PDFont font, float size, float first, float rest) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        float max = first;
        for (String word : text.split(" ")) {
            String candidate = cur.length() == 0 ? word : cur + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= max || cur.length() == 0 && fits(word, font, size, max)) {
                cur.setLength(0);
                cur.append(candidate);
                continue;
            }
            if (cur.length() > 0) {
                lines.add(cur.toString());
                max = rest;
                cur.setLength(0);
            }
            while (!fits(word, font, size, max)) { // an unbreakable run (a hash, an id): cut it
                int n = word.length();
                while (n > 1 && !fits(word.substring(0, n), font, size, max)) {
                    n--;
                }
                lines.add(word.substring(0, n));
                max = rest;
                word = word.substring(n);
            }
            cur.append(word);
        }
        lines.add(cur.toString());
        return lines;
    }

    private static boolean fits(String s, PDFont font, float size, float max) throws IOException {
        return font.getStringWidth(s) / 1000 * size <= max;
    }

    /** Characters the font cannot show become '?'; control characters become spaces. */
    private static String clean(String s, PDFont font) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static PDFont font(PDDocument doc, String name) throws IOException {
        try (InputStream in = ReceiptPdf.class.getResourceAsStream("/liberation/" + name)) {
            if (in == null) {
                throw new IOException("the font " + name + " is missing from the class path (openpdf-fonts-extra)");
            }
            return PDType0Font.load(doc, in, true);
        }
    }
}
