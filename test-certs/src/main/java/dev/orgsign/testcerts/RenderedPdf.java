package dev.orgsign.testcerts;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF page as a reader sees it: rendered to a PNG (kept under {@code target/} to be looked at),
 * its text as PDFBox extracts it, and where on the image a piece of text is drawn, so that a test
 * can tell text that is really visible (ink on the rendered page where the text stands) from text
 * that is only in the content stream.
 */
public final class RenderedPdf {
    /** Resolution of the rendering. */
    public static final float DPI = 110;

    private final String text;
    private final BufferedImage image;
    private final List<TextPosition> positions;
    private final StringBuilder chars;

    private RenderedPdf(String text, BufferedImage image, List<TextPosition> positions, StringBuilder chars) {
        this.text = text;
        this.image = image;
        this.positions = positions;
        this.chars = chars;
    }

    /**
     * Renders the first page of a PDF and writes the PNG.
     *
     * @param pdf the document
     * @param png where to write the image
     * @return the rendered page
     * @throws IOException when the PDF cannot be read or the image written
     */
    public static RenderedPdf firstPage(byte[] pdf, Path png) throws IOException {
        return page(pdf, 0, png);
    }

    /**
     * Renders one page of a PDF and writes the PNG.
     *
     * @param pdf   the document
     * @param index the page, from 0; negative counts from the end ({@code -1} is the last page)
     * @param png   where to write the image
     * @return the rendered page
     * @throws IOException when the PDF cannot be read or the image written
     */
    public static RenderedPdf page(byte[] pdf, int index, Path png) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int page = index < 0 ? doc.getNumberOfPages() + index : index;
            List<TextPosition> positions = new ArrayList<>();
            StringBuilder chars = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    super.processTextPosition(t);
                    positions.add(t);
                    chars.append(t.getUnicode().isEmpty() ? " " : t.getUnicode().substring(0, 1));
                }
            };
            stripper.setStartPage(page + 1);
            stripper.setEndPage(page + 1);
            String text = stripper.getText(doc);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, DPI);
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
            return new RenderedPdf(text, image, positions, chars);
        }
    }

    /**
     * The text of every page, as PDFBox extracts it.
     *
     * @param pdf the document
     * @return the text, whitespace runs folded to one space
     * @throws IOException when the PDF cannot be read
     */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** {@return the page's text as PDFBox extracts it, whitespace runs folded to one space} */
    public String text() {
        return text.replaceAll("\\s+", " ");
    }

    /**
     * Where {@code s} is drawn on the image, in pixels.
     *
     * @param s text that occurs on the page (within one line)
     * @return its bounding box, or null when the page does not draw it
     */
    public Rectangle2D where(String s) {
        int at = chars.indexOf(s);
        if (at < 0) {
            return null;
        }
        double scale = DPI / 72.0;
        Rectangle2D box = null;
        for (int i = at; i < at + s.length(); i++) {
            TextPosition t = positions.get(i);
            Rectangle2D r = new Rectangle2D.Double(t.getXDirAdj() * scale, (t.getYDirAdj() - t.getHeightDir()) * scale,
                    Math.max(t.getWidthDirAdj(), 1) * scale, Math.max(t.getHeightDir(), 1) * scale);
            box = box == null ? r : box.createUnion(r);
        }
        return box;
    }

    /**
     * The share of the pixels within {@code box} that are ink (clearly darker than the white page).
     *
     * @param box a region of the image
     * @return between 0 and 1
     */
    public double ink(Rectangle2D box) {
        int x0 = (int) Math.max(0, Math.floor(box.getMinX()));
        int y0 = (int) Math.max(0, Math.floor(box.getMinY()));
        int x1 = (int) Math.min(image.getWidth(), Math.ceil(box.getMaxX()));
        int y1 = (int) Math.min(image.getHeight(), Math.ceil(box.getMaxY()));
        long dark = 0;
        long all = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xff) * 30 + ((rgb >> 8) & 0xff) * 59 + (rgb & 0xff) * 11) / 100;
                dark += lum < 160 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    /**
     * Whether {@code s} is visibly drawn: on the page's text and with ink where it stands.
     *
     * @param s text within one line
     * @return true when a reader sees it
     */
    public boolean shows(String s) {
        Rectangle2D box = where(s);
        return box != null && ink(box) > 0.04;
    }

    /**
     * The share of pixels in a region that are blue (the stamp's frame and heading).
     *
     * @param box a region of the image
     * @return between 0 and 1
     */
    public double blue(Rectangle2D box) {
        long blue = 0;
        long all = 0;
        for (int y = (int) Math.max(0, box.getMinY()); y < Math.min(image.getHeight(), box.getMaxY()); y++) {
            for (int x = (int) Math.max(0, box.getMinX()); x < Math.min(image.getWidth(), box.getMaxX()); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                blue += b > r + 60 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) blue / all;
    }
}
