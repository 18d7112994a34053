package dev.orgsign.core.pdf;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-to-bottom writer of A4 pages: headings, label/value rows with word wrapping, paragraphs,
 * rules; it starts a new page when one is full. Characters the font lacks are written as '?'.
 * Used for the application ({@link ApplicationPdf}) and the verification service's receipt.
 * Close it before saving the document.
 */
public final class PdfLayout implements AutoCloseable {
    private static final Texts T = Texts.of(OrgsignException.class);
    /** The page margin on every side, in points. */
    public static final float MARGIN = 56;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final PDFont mono;
    private final float width = SIZE.getWidth() - 2 * MARGIN;
    private PDPageContentStream out;
    private float y;
    private int pages;

    /**
     * Starts the first page with the given fonts.
     *
     * @param doc     the document the pages are added to
     * @param regular the font of text and values
     * @param bold    the font of titles, headings and leads
     * @param mono    the font of monospaced values
     * @throws IOException when the first page cannot be started
     */
    public PdfLayout(PDDocument doc, PDFont regular, PDFont bold, PDFont mono) throws IOException {
        this.doc = doc;
        this.regular = regular;
        this.bold = bold;
        this.mono = mono;
        newPage();
    }

    /**
     * Starts the first page with the embedded Liberation fonts ({@link PdfFonts}), which cover Cyrillic.
     *
     * @param doc the document the pages are added to
     * @return the writer, positioned at the top of a new page
     * @throws OrgsignException when a font is missing or the first page cannot be started
     */
    public static PdfLayout open(PDDocument doc) throws OrgsignException {
        PDFont regular = PdfFonts.load(doc, PdfFonts.SANS);
        PDFont bold = PdfFonts.load(doc, PdfFonts.SANS_BOLD);
        PDFont mono = PdfFonts.load(doc, PdfFonts.MONO);
        try {
            return new PdfLayout(doc, regular, bold, mono);
        } catch (IOException e) {
            throw new OrgsignException(dev.orgsign.core.ErrorCode.IO, T.text("pdf.page", Text.quoted(e.getMessage())), e);
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pages++;
        y = SIZE.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    /**
     * A bold title, centred and wrapped.
     *
     * @param text the title
     * @param size the font size in points
     * @throws IOException when writing the page fails
     */
    public void title(String text, float size) throws IOException {
        for (String line : wrap(text, bold, size, width)) {
            need(size * 1.3f);
            y -= size * 1.3f;
            text(bold, size, MARGIN + (width - bold.getStringWidth(line) / 1000 * size) / 2, y, line);
        }
    }

    /**
     * A regular line, centred and wrapped.
     *
     * @param text the text
     * @param size the font size in points
     * @throws IOException when writing the page fails
     */
    public void centered(String text, float size) throws IOException {
        for (String line : wrap(text, regular, size, width)) {
            need(size * 1.4f);
            y -= size * 1.4f;
            text(regular, size, MARGIN + (width - regular.getStringWidth(line) / 1000 * size) / 2, y, line);
        }
    }

    /**
     * A bold section heading with a grey rule under it.
     *
     * @param text the heading
     * @throws IOException when writing the page fails
     */
    public void heading(String text) throws IOException {
        need(40);
        y -= 22;
        text(bold, 12, MARGIN, y, clean(text, bold));
        y -= 6;
        out.setLineWidth(0.6f);
        out.setStrokingColor(0.55f, 0.55f, 0.55f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + width, y);
        out.stroke();
        y -= 4;
    }

    /**
     * A row: the label in grey on the left, the value (wrapped) on the right; monospaced when asked.
     *
     * @param label      the label
     * @param value      the value; a dash when null or blank
     * @param monospaced whether the value is written in the monospaced font
     * @throws IOException when writing the page fails
     */
    public void row(String label, String value, boolean monospaced) throws IOException {
        float labelWidth = 190;
        float size = 10.5f;
        float lead = size * 1.45f;
        PDFont font = monospaced ? mono : regular;
        List<String> labels = wrap(label, regular, 9.5f, labelWidth - 10);
        List<String> values = wrap(value == null || value.isBlank() ? "—" : value, font, size, width - labelWidth);
        int lines = Math.max(labels.size(), values.size());
        need(lines * lead + 4);
        float top = y;
        for (int i = 0; i < lines; i++) {
            y -= lead;
            if (i < labels.size()) {
                out.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                text(regular, 9.5f, MARGIN, y, labels.get(i));
            }
            if (i < values.size()) {
                out.setNonStrokingColor(0f, 0f, 0f);
                text(font, size, MARGIN + labelWidth, y, values.get(i));
            }
        }
        out.setNonStrokingColor(0f, 0f, 0f);
        y = Math.min(y, top - lead) - 3;
    }

    /**
     * A wrapped paragraph of regular text, after a small gap.
     *
     * @param text the text
     * @param size the font size in points
     * @throws IOException when writing the page fails
     */
    public void paragraph(String text, float size) throws IOException {
        y -= 8;
        for (String line : wrap(text, regular, size, width)) {
            need(size * 1.45f);
            y -= size * 1.45f;
            text(regular, size, MARGIN, y, line);
        }
    }

    /**
     * A wrapped paragraph that starts with a bold lead (for example "Label: ") followed by regular text,
     * left-aligned with no gap before it.
     *
     * @param lead the bold start; may be empty
     * @param text the regular text after it; a dash when null
     * @param size the font size in points
     * @throws IOException when writing the page fails
     */
    public void lead(String lead, String text, float size) throws IOException {
        String head = clean(lead, bold);
        float headWidth = head.isEmpty() ? 0
                : width(head, bold, size) + (lead.endsWith(" ") ? width(" ", regular, size) : 0);
        List<String> lines = wrap(text == null ? "—" : text, regular, size, width - headWidth, width);
        for (int i = 0; i < lines.size(); i++) {
            need(size * 1.35f);
            y -= size * 1.35f;
            if (i == 0 && !head.isEmpty()) {
                text(bold, size, MARGIN, y, head);
                text(regular, size, MARGIN + headWidth, y, lines.get(i));
            } else {
                text(regular, size, MARGIN, y, lines.get(i));
            }
        }
    }

    /**
     * One left-aligned line of text, wrapped if too long.
     *
     * @param text the text
     * @param size the font size in points
     * @param strong whether it is written in bold
     * @throws IOException when writing the page fails
     */
    public void line(String text, float size, boolean strong) throws IOException {
        PDFont font = strong ? bold : regular;
        for (String l : wrap(text, font, size, width)) {
            need(size * 1.35f);
            y -= size * 1.35f;
            text(font, size, MARGIN, y, l);
        }
    }

    /**
     * The signature stamp: a blue frame with rounded corners, the heading in bold and centred,
     * then the certificate's serial number, owner and validity, kept together on one page.
     *
     * @param stamp  the signer's stamp
     * @param locale the language of its lines
     * @return where the frame is on its page, in points
     * @throws IOException when writing the page fails
     */
    public PDRectangle stamp(SignatureStamp stamp, java.util.Locale locale) throws IOException {
        List<String> lines = stamp.lines(locale);
        float boxWidth = 300;
        float pad = 9;
        float headSize = 9.5f;
        float size = 8.5f;
        List<String> heading = wrap(lines.get(0), bold, headSize, boxWidth - 2 * pad);
        List<List<String>> body = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            body.add(wrap(l, regular, size, boxWidth - 2 * pad));
        }
        int bodyLines = body.stream().mapToInt(List::size).sum();
        float height = 2 * pad + heading.size() * headSize * 1.3f + 4 + bodyLines * size * 1.45f;
        y -= 14;
        need(height);
        float top = y;
        float left = MARGIN;
        out.setStrokingColor(0.11f, 0.23f, 0.55f);
        out.setNonStrokingColor(0.11f, 0.23f, 0.55f);
        out.setLineWidth(1.4f);
        roundedRectangle(left, top - height, boxWidth, height, 7);
        out.stroke();
        float at = top - pad;
        for (String h : heading) {
            at -= headSize * 1.3f;
            text(bold, headSize, left + (boxWidth - bold.getStringWidth(h) / 1000 * headSize) / 2, at + 2, h);
        }
        at -= 4;
        out.setLineWidth(0.6f);
        out.moveTo(left + pad, at);
        out.lineTo(left + boxWidth - pad, at);
        out.stroke();
        for (List<String> entry : body) {
            for (String l : entry) {
                at -= size * 1.45f;
                text(regular, size, left + pad, at + 1, l);
            }
        }
        out.setNonStrokingColor(0f, 0f, 0f);
        out.setStrokingColor(0f, 0f, 0f);
        y = top - height;
        return new PDRectangle(left, top - height, boxWidth, height);
    }

    private void roundedRectangle(float x, float yBottom, float w, float h, float r) throws IOException {
        float k = 0.5523f * r;
        out.moveTo(x + r, yBottom);
        out.lineTo(x + w - r, yBottom);
        out.curveTo(x + w - r + k, yBottom, x + w, yBottom + r - k, x + w, yBottom + r);
        out.lineTo(x + w, yBottom + h - r);
        out.curveTo(x + w, yBottom + h - r + k, x + w - r + k, yBottom + h, x + w - r, yBottom + h);
        out.lineTo(x + r, yBottom + h);
        out.curveTo(x + r - k, yBottom + h, x, yBottom + h - r + k, x, yBottom + h - r);
        out.lineTo(x, yBottom + r);
        out.curveTo(x, yBottom + r - k, x + r - k, yBottom, x + r, yBottom);
        out.closePath();
    }

    /**
     * Empty vertical space; a page break happens with the next text if the page is full.
     *
     * @param height the space in points
     */
    public void gap(float height) {
        y -= height;
    }

    /**
     * How many pages have been started.
     *
     * @return the number of pages so far
     */
    public int pages() {
        return pages;
    }

    private void text(PDFont font, float size, float x, float atY, String s) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(s);
        out.endText();
    }

    /** Splits into lines no wider than {@code max}, at spaces where possible, inside a word where not. */
    static List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
        return wrap(text, font, size, max, max);
    }

    /** As {@link #wrap(String, PDFont, float, float)}, with the first line {@code first} wide and the others {@code others}. */
    static List<String> wrap(String text, PDFont font, float size, float first, float others) throws IOException {
        float max = first;
        String s = clean(text, font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0 || lines.isEmpty() && max < others && width(word, font, size) <= others) {
                lines.add(line.toString()); // after a wide lead, a word that fits a full line starts the next one
                line.setLength(0);
                max = others;
            }
            String rest = word;
            while (width(rest, font, size) > max) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                max = others;
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Whitespace becomes one space; characters the font cannot show become '?'. */
    static String clean(String text, PDFont font) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
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
        return b.toString().strip();
    }

    /**
     * Finishes the current page; the document can be saved after this.
     *
     * @throws IOException when the page's content cannot be written
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
