package dev.orgsign.core.pdf;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Liberation fonts (SIL Open Font License 1.1, shipped in the {@code openpdf-fonts-extra}
 * artifact) that cover Cyrillic; embedded as subsets so that a PDF never depends on the fonts of
 * the machine that opens it. The font files are read from the class path once.
 */
public final class PdfFonts {
    private static final Texts T = Texts.of(OrgsignException.class);
    /** Liberation Sans, regular. */
    public static final String SANS = "LiberationSans-Regular.ttf";
    /** Liberation Sans, bold. */
    public static final String SANS_BOLD = "LiberationSans-Bold.ttf";
    /** Liberation Mono, regular. */
    public static final String MONO = "LiberationMono-Regular.ttf";

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    /**
     * Loads one of the Liberation fonts into a document, to be embedded as a subset.
     *
     * @param doc  the document the font is for
     * @param name the font file: {@link #SANS}, {@link #SANS_BOLD} or {@link #MONO}
     * @return the font, bound to {@code doc}
     * @throws OrgsignException when the font file is missing from the class path or cannot be read
     */
    public static PDType0Font load(PDDocument doc, String name) throws OrgsignException {
        byte[] ttf = FILES.computeIfAbsent(name, PdfFonts::read);
        if (ttf.length == 0) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("pdf.fontMissing", name));
        }
        try {
            return PDType0Font.load(doc, new ByteArrayInputStream(ttf), true);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("pdf.fontUnreadable", name, Text.quoted(e.getMessage())), e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/liberation/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
