package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.util.Arrays;

/**
 * A reader of definite-length ASN.1 elements over a byte array, which only finds where elements
 * begin and end (no objects are made), and a check that a span is DER. Used to take a CMS
 * SignedData apart without parsing the certificates it carries on every call, and to verify the
 * signature over the signed attributes exactly as received.
 */
final class Der {
    /** Malformed input; the message is a sentence for the user. Carries no stack trace (it is bad input, not a bug). */
    static final class Malformed extends Exception {
        /** The sentence in both languages ({@link #getMessage()} is the English one). */
        final transient Text text;

        Malformed(Text text) {
            super(text.toString(), null, false, false);
            this.text = text;
        }
    }

    /** One element: its tag byte, where its header starts, where its contents start and where it ends (exclusive). */
    record Element(int tag, int start, int contents, int end) {
        int length() {
            return end - contents;
        }

        /** A reader over this element's contents. */
        Der open(byte[] buf) {
            return new Der(buf, contents, end);
        }

        /** The whole element (header included). */
        byte[] bytes(byte[] buf) {
            return Arrays.copyOfRange(buf, start, end);
        }

        /** The contents. */
        byte[] value(byte[] buf) {
            return Arrays.copyOfRange(buf, contents, end);
        }
    }

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private final byte[] buf;
    private int pos;
    private final int end;

    Der(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The tag byte of the next element, or -1 at the end. */
    int peekTag() {
        return pos < end ? buf[pos] & 0xff : -1;
    }

    /** The next element, whatever its tag. */
    Element next(String what) throws Malformed {
        if (pos >= end) {
            throw new Malformed(T.text("der.ends", field(what)));
        }
        int start = pos;
        int tag = buf[pos] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new Malformed(T.text("der.tag", field(what)));
        }
        if (pos + 1 >= end) {
            throw new Malformed(T.text("der.cut", field(what)));
        }
        int first = buf[pos + 1] & 0xff;
        int p = pos + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0) {
                throw new Malformed(T.text("der.indefinite", field(what)));
            }
            if (n > 4 || p + n > end) {
                throw new Malformed(T.text("der.impossible", field(what)));
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (buf[p + i] & 0xff);
            }
            p += n;
        }
        if (length > end - p) {
            throw new Malformed(T.text("der.longer", field(what)));
        }
        pos = p + (int) length;
        return new Element(tag, start, p, pos);
    }

    /** The next element, which must carry {@code tag}. */
    Element next(int tag, String what) throws Malformed {
        Element e = next(what);
        if (e.tag() != tag) {
            throw new Malformed(T.text("der.misplaced", field(what)));
        }
        return e;
    }

    /** The name of a field in the reader's language: {@code what} ends its key {@code der.field.WHAT}. */
    private static Text field(String what) {
        return T.text("der.field." + what);
    }

    /** Fails unless everything was read. */
    void end(String what) throws Malformed {
        if (pos != end) {
            throw new Malformed(T.text("der.trailing", field(what)));
        }
    }

    /** Whether an element's header uses the shortest length encoding (as DER requires). */
    static boolean headerIsMinimal(byte[] buf, Element e) {
        int lengthOctets = e.contents() - e.start() - 1;
        int length = e.length();
        int minimal = length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5;
        return lengthOctets == minimal;
    }

    /** Whether the contents of {@code e} equal {@code value}. */
    static boolean contentsEqual(byte[] buf, Element e, byte[] value) {
        return Arrays.equals(buf, e.contents(), e.end(), value, 0, value.length);
    }

    /**
     * Whether the elements in {@code [from, to)} are DER (X.690 §10–11): minimal definite lengths,
     * strings and other simple types primitive, the components of every SET in ascending order,
     * BOOLEAN and INTEGER in their one allowed form, time values ending in Z. The signed
     * attributes are a SET OF Attribute whose values are SETs OF, so every SET met is a SET OF.
     */
    static boolean isDer(byte[] buf, int from, int to) {
        return isDer(buf, from, to, true, 0);
    }

    /** @param sorted whether the span is the contents of a SET (OF), whose components must be in ascending order */
    private static boolean isDer(byte[] buf, int from, int to, boolean sorted, int depth) {
        if (depth > 32) {
            return false;
        }
        int previous = -1;
        int previousEnd = -1;
        int p = from;
        while (p < to) {
            int start = p;
            int tag = buf[p] & 0xff;
            if ((tag & 0x1f) == 0x1f || p + 1 >= to) {
                return false;
            }
            int first = buf[p + 1] & 0xff;
            p += 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 3 || p + n > to || buf[p] == 0) {
                    return false; // indefinite, absurd or with a leading zero octet
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (buf[p + i] & 0xff);
                }
                if (length < 0x80) {
                    return false; // the short form was required
                }
                p += n;
            }
            if (length > to - p) {
                return false;
            }
            int contents = p;
            p += length;
            boolean constructed = (tag & 0x20) != 0;
            if (constructed) {
                if ((tag & 0xc0) == 0 && tag != SEQUENCE && tag != SET) {
                    return false; // a constructed string or other simple type
                }
                if (!isDer(buf, contents, p, tag == SET, depth + 1)) {
                    return false;
                }
            } else if (!primitiveIsDer(tag, buf, contents, p)) {
                return false;
            }
            if (sorted && previous >= 0 && compare(buf, previous, previousEnd, start, p) > 0) {
                return false;
            }
            previous = start;
            previousEnd = p;
        }
        return true;
    }

    private static boolean primitiveIsDer(int tag, byte[] buf, int from, int to) {
        int length = to - from;
        switch (tag) {
            case 0x01: // BOOLEAN
                return length == 1 && (buf[from] == 0 || buf[from] == (byte) 0xff);
            case 0x02: // INTEGER
            case 0x0a: // ENUMERATED
                return length >= 1 && !(length > 1 && (buf[from] == 0 && buf[from + 1] >= 0
                        || buf[from] == (byte) 0xff && buf[from + 1] < 0));
            case 0x05: // NULL
                return length == 0;
            case 0x03: // BIT STRING
                return length >= 1 && (buf[from] & 0xff) < 8 && (length > 1 || buf[from] == 0)
                        && (length == 1 || (buf[to - 1] & ((1 << (buf[from] & 0xff)) - 1)) == 0);
            case UTC_TIME:
                return length == 13 && buf[to - 1] == 'Z';
            case GENERALIZED_TIME:
                return length >= 15 && buf[to - 1] == 'Z' && (length == 15 || buf[from + 14] == '.' && buf[to - 2] != '0');
            default:
                return true;
        }
    }

    /**
     * The instant of a DER UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime
     * (YYYYMMDDHHMMSS[.fff]Z), read without a date formatter.
     */
    static java.time.Instant time(byte[] buf, Element e) throws Malformed {
        int p = e.contents();
        int n = e.length();
        int year;
        if (e.tag() == UTC_TIME && n == 13) {
            int yy = digits(buf, p, 2);
            year = yy >= 50 ? 1900 + yy : 2000 + yy;
            p += 2;
        } else if (e.tag() == GENERALIZED_TIME && n >= 15) {
            year = digits(buf, p, 4);
            p += 4;
        } else {
            throw new Malformed(T.text("der.time.type"));
        }
        int month = digits(buf, p, 2);
        int day = digits(buf, p + 2, 2);
        int hour = digits(buf, p + 4, 2);
        int minute = digits(buf, p + 6, 2);
        int second = digits(buf, p + 8, 2);
        p += 10;
        int nanos = 0;
        if (buf[p] == '.' && e.tag() == GENERALIZED_TIME) {
            int scale = 100_000_000;
            p++;
            int first = p;
            while (p < e.end() - 1 && scale > 0) {
                nanos += digits(buf, p++, 1) * scale;
                scale /= 10;
            }
            if (p == first) {
                throw new Malformed(T.text("der.time.fraction"));
            }
        }
        if (p != e.end() - 1 || buf[p] != 'Z') {
            throw new Malformed(T.text("der.time.utc"));
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException ex) {
            throw new Malformed(T.text("der.time.invalid"));
        }
    }

    private static int digits(byte[] buf, int from, int n) throws Malformed {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new Malformed(T.text("der.time.invalid"));
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** X.690 §11.6: encodings compared as octet strings, the shorter padded at its end with zero octets. */
    static int compare(byte[] buf, int aFrom, int aTo, int bFrom, int bTo) {
        int la = aTo - aFrom;
        int lb = bTo - bFrom;
        int n = Math.max(la, lb);
        for (int i = 0; i < n; i++) {
            int x = i < la ? buf[aFrom + i] & 0xff : 0;
            int y = i < lb ? buf[bFrom + i] & 0xff : 0;
            if (x != y) {
                return x - y;
            }
        }
        return 0;
    }
}
