package dev.orgsign.core.pdf;

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
 */
final class PdfLayout implements AutoCloseable {
    static final float MARGIN = 56;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final PDFont mono;
    private final float width = SIZE.getWidth() - 2 * MARGIN;
    private PDPageContentStream out;
    private float y;
    private int pages;

    PdfLayout(PDDocument doc, PDFont regular, PDFont bold, PDFont mono) throws IOException {
        this.doc = doc;
        this.regular = regular;
        this.bold = bold;
        this.mono = mono;
        newPage();
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

    void title(String text, float size) throws IOException {
        for (String line : wrap(text, bold, size, width)) {
            need(size * 1.3f);
            y -= size * 1.3f;
            text(bold, size, MARGIN + (width - bold.getStringWidth(line) / 1000 * size) / 2, y, line);
        }
    }

    void centered(String text, float size) throws IOException {
        for (String line : wrap(text, regular, size, width)) {
            need(size * 1.4f);
            y -= size * 1.4f;
            text(regular, size, MARGIN + (width - regular.getStringWidth(line) / 1000 * size) / 2, y, line);
        }
    }

    void heading(String text) throws IOException {
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

    /** A row: the label in grey on the left, the value (wrapped) on the right; monospaced when asked. */
    void row(String label, String value, boolean monospaced) throws IOException {
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

    void paragraph(String text, float size) throws IOException {
        y -= 8;
        for (String line : wrap(text, regular, size, width)) {
            need(size * 1.45f);
            y -= size * 1.45f;
            text(regular, size, MARGIN, y, line);
        }
    }

    int pages() {
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
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > max) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
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

    @Override
    public void close() throws IOException {
        out.close();
    }
}
