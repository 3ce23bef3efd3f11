package org.cadre.organizations.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese-aware search and order, computed in Java so that they behave the same on every PostgreSQL (the
 * embedded binaries have no ICU collations): a folded form for search (no diacritics, đ as d, lower case) and
 * a sort key that orders by given name, middle name and family name with the Vietnamese alphabet
 * (a ă â b c d đ e ê ...) and the tones (ngang, huyền, hỏi, ngã, sắc, nặng) as a tie-breaker, to be compared
 * byte-wise ({@code COLLATE "C"}).
 */
final class VietnameseText {

    /** The Vietnamese alphabet order; letters not in it sort after it, by code point. */
    private static final String ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323"; // huyền, hỏi, ngã, sắc, nặng

    private VietnameseText() {
    }

    /** Lower case, without diacritics, đ as d, single spaces: "Nguyễn  Văn Ánh" becomes "nguyen van anh". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ') {
                c = 'd';
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The sort key of a name: given name, then middle name, then family name. */
    static String sortKey(String family, String middle, String given) {
        return key(given) + '\u0001' + key(middle) + '\u0001' + key(family);
    }

    /** Letters as alphabet positions, then the tones of the syllables as a tie-breaker. */
    private static String key(String part) {
        String decomposed = Normalizer.normalize(part == null ? "" : part.toLowerCase(Locale.ROOT).trim(),
                Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        int i = 0;
        while (i < decomposed.length()) {
            char c = decomposed.charAt(i++);
            char modifier = 0;
            int tone = 0;
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                char mark = decomposed.charAt(i++);
                if (mark == '\u0306' || mark == '\u0302' || mark == '\u031B') {
                    modifier = mark; // the marks that make a letter of their own: ă â ê ô ơ ư
                } else if (TONES.indexOf(mark) >= 0) {
                    tone = TONES.indexOf(mark) + 1;
                }
            }
            if (c == ' ') {
                letters.append(' ');
                tones.append(' ');
                continue;
            }
            String letter = modifier == 0 ? String.valueOf(c)
                    : Normalizer.normalize(String.valueOf(c) + modifier, Normalizer.Form.NFC);
            int position = ALPHABET.indexOf(letter);
            letters.append(position >= 0 ? (char) ('A' + position) : (char) (0x100 + c));
            tones.append((char) ('0' + tone));
        }
        return letters.toString() + '\u0002' + tones;
    }
}
