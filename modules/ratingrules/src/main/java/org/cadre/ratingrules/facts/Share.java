package org.cadre.ratingrules.facts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A share of a whole, held exactly: one third is {@code 1/3}, never {@code 0.33}. Regulations state their shares
 * as fractions ("trên 1/3 số tổ chức đảng trực thuộc") or percentages ("không vượt quá 20%"); a decimal rounded
 * for a form misrates the boundary case (3 of 9 units is exactly one third, not "more than 0.33"). Rules compare
 * counts with a share ({@link #exceededBy}, {@link #reachedBy}) and quotas take {@link #of} a base, all in whole
 * numbers.
 *
 * <p>Written as a fraction {@code 1/3}, a percentage {@code 20%} or {@code 33,5%}, or a decimal {@code 0.2}
 * (decimal text is exact too: {@code 0.2} is one fifth). Always between 0 and 1.
 */
public final class Share {

    private static final Pattern FRACTION = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d{1,6})?)\\s*%");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(?:[.,]\\d{1,9})?");

    private final long numerator;
    private final long denominator;
    private final String text;

    private Share(long numerator, long denominator, String text) {
        long gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValueExact();
        this.numerator = gcd == 0 ? 0 : numerator / gcd;
        this.denominator = gcd == 0 ? 1 : denominator / gcd;
        this.text = text;
    }

    /**
     * Reads a share as a person writes it; empty when the text is not a fraction, a percentage or a decimal, or
     * names a share outside 0..1 (see {@link #outOfRange}).
     */
    public static Optional<Share> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        Matcher fraction = FRACTION.matcher(text);
        if (fraction.matches()) {
            long n = Long.parseLong(fraction.group(1));
            long d = Long.parseLong(fraction.group(2));
            return d == 0 || n > d ? Optional.empty() : Optional.of(new Share(n, d, n + "/" + d));
        }
        Matcher percent = PERCENT.matcher(text);
        if (percent.matches()) {
            BigDecimal value = new BigDecimal(percent.group(1).replace(',', '.'));
            return exact(value.movePointLeft(2), percent.group(1) + "%");
        }
        if (DECIMAL.matcher(text).matches()) {
            return exact(new BigDecimal(text.replace(',', '.')), text.replace(',', '.'));
        }
        return Optional.empty();
    }

    /** Whether the text reads as a number or fraction but lies outside 0..1 ("150%", "4/3", "1.2"). */
    public static boolean outOfRange(String written) {
        if (written == null) {
            return false;
        }
        String text = written.strip().replace(',', '.');
        Matcher fraction = FRACTION.matcher(text);
        if (fraction.matches()) {
            return Long.parseLong(fraction.group(2)) == 0 || Long.parseLong(fraction.group(1))
                    > Long.parseLong(fraction.group(2));
        }
        try {
            BigDecimal value = text.endsWith("%") ? new BigDecimal(text.substring(0, text.length() - 1).strip())
                    .movePointLeft(2) : new BigDecimal(text);
            return value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Share> exact(BigDecimal value, String text) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(0, stripped.scale());
        BigInteger denominator = BigInteger.TEN.pow(scale);
        BigInteger numerator = stripped.movePointRight(scale).toBigIntegerExact();
        return Optional.of(new Share(numerator.longValueExact(), denominator.longValueExact(), text));
    }

    /** Whether {@code part} of {@code whole} is more than this share ("trên 1/3"); false when the whole is 0. */
    public boolean exceededBy(int part, int whole) {
        return whole > 0 && (long) part * denominator > numerator * whole;
    }

    /** Whether {@code part} of {@code whole} is at least this share ("từ 80% trở lên"); true when the whole is 0. */
    public boolean reachedBy(int part, int whole) {
        return whole <= 0 || (long) part * denominator >= numerator * whole;
    }

    /** The whole number of subjects this share of {@code base} allows, rounded down: 20% of 14 is 2. */
    public int of(int base) {
        return (int) Math.floorDiv(numerator * base, denominator);
    }

    public long numerator() {
        return numerator;
    }

    public long denominator() {
        return denominator;
    }

    /** An approximation, for display and for packs that compare with decimals. */
    public double doubleValue() {
        return (double) numerator / denominator;
    }

    /** As the committee wrote it: {@code 1/3}, {@code 20%}, {@code 0.2}. */
    @Override
    public String toString() {
        return text;
    }

    /** Equal when they are the same share, however written ({@code 20%} equals {@code 1/5}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Share share && share.numerator == numerator && share.denominator == denominator;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
    }

    /**
     * The share as an exact percentage when it has one with at most two decimals ({@code 20%}, {@code 33.5%}); empty
     * for a fraction such as one third, which a form then shows as the fraction it was written as.
     */
    public java.util.Optional<BigDecimal> exactPercent() {
        try {
            BigDecimal percent = BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator))
                    .stripTrailingZeros();
            return percent.scale() > 2 ? java.util.Optional.empty() : java.util.Optional.of(percent);
        } catch (ArithmeticException e) {
            return java.util.Optional.empty(); // a non-terminating decimal: one third
        }
    }
}
