package org.cadre.platform.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The generator of one fuzz try: a {@link Random} seeded for that try alone (see {@link Fuzz}) and the few ways to
 * draw odd input that the fuzz tests share. Everything a try draws must come from here, never from an unseeded
 * source, or the try cannot be replayed.
 */
public final class Gen {

    /**
     * Characters that break text handling: NUL and other controls, bidi overrides and isolates, zero-width
     * characters and the byte order mark, a no-break space, a combining accent, Vietnamese letters.
     */
    static final String ODD_CHARS = "\u0000\u0001\u0007\b\t\n\u000B\f\r\u001B\u001F\u007F\u0085\u009F"
            + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F"
            + "\u200B\u200C\u200D\u2060\uFEFF\u00A0\u0301\u2028\u2029"
            + "ĐđữỹÁàẫ\"',;=+-@<>&\\";
    /** Emoji, each two chars: a surrogate pair, sometimes with a joiner or a variation selector after it. */
    static final String[] EMOJI = {"😀", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "🇻🇳", "\uD83D\uDCA9"};

    private final Random random;

    Gen(Random random) {
        this.random = random;
    }

    /** The seeded source itself, for what these helpers do not draw. */
    public Random random() {
        return random;
    }

    /** Between {@code min} and {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** A fraction of a length or a position, 0 and 1 included (each drawn now and then, as edges are). */
    public double fraction() {
        int edge = random.nextInt(20);
        return edge == 0 ? 0 : edge == 1 ? 1 : random.nextDouble();
    }

    public byte anyByte() {
        return (byte) random.nextInt(256);
    }

    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    public UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of one of the weights, drawn in proportion to it: {@code weighted(6, 1, 1)} is 0 three times in 4. */
    public int weighted(int... weights) {
        int draw = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights " + Arrays.toString(weights));
    }

    /** Between {@code min} and {@code max} elements, each drawn by {@code element}. */
    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /**
     * Up to {@code maxLength} chars of any kind, often odd ones: controls and NUL, bidi overrides, zero-width
     * characters, lone surrogates of either half, emoji, and any other char of the basic plane.
     */
    public String anyString(int maxLength) {
        int length = between(0, maxLength);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            switch (weighted(3, 3, 1, 1, 2)) {
                case 0 -> text.append(ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
                case 1 -> text.append((char) between(0x20, 0x7E));
                case 2 -> text.append((char) between(0xD800, 0xDFFF));
                case 3 -> text.append(pick(EMOJI));
                default -> text.append((char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    /** Up to {@code maxLength} chars drawn from {@code chars}. */
    public String stringOf(String chars, int maxLength) {
        int length = between(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** A very long text (of one repeated letter, so a failure's report stays readable). */
    public String longString(int minLength, int maxLength) {
        return "x".repeat(between(minLength, maxLength));
    }

    /** A double, often one at an edge: zeros of both signs, the smallest and largest, infinities, NaN. */
    public double anyDouble() {
        return switch (weighted(1, 2, 2)) {
            case 0 -> pick(0d, -0d, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1d, -1d, 0.5, 1e-300);
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, between(0, 12));
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }
}
