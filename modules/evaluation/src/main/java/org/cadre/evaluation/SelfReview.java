package org.cadre.evaluation;

/**
 * What a member writes in their review ("Bản kiểm điểm cá nhân"), under the regulation's headings, and the level of
 * the cycle's member scale they propose for themselves (a code, {@code null} while undecided).
 *
 * @param strengths    "Ưu điểm, kết quả đạt được"
 * @param shortcomings "Hạn chế, khuyết điểm và nguyên nhân"
 * @param remedies     "Phương hướng, biện pháp khắc phục"
 * @param level        "Tự nhận mức xếp loại chất lượng"
 */
public record SelfReview(String strengths, String shortcomings, String remedies, String level) {

    /** The longest text kept under one heading. */
    public static final int MAX_TEXT = 4000;

    public static SelfReview empty() {
        return new SelfReview(null, null, null, null);
    }
}
