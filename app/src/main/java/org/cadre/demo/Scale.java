package org.cadre.demo;

/**
 * Sizes the generator knows (design brief, "Data and scale").
 *
 * @param grassroots grassroots organizations under the bloc committee (each with its agency)
 * @param members    members on the rolls, spread over the chapters
 */
public record Scale(String name, int grassroots, int members) {

    /** The bloc of the source article: 74 grassroots organizations, about 250 chapters, 3,600 members. */
    public static final Scale SEED = new Scale("seed", 74, 3_600);
    /** A province: about 1,000 grassroots organizations, 80,000 members. */
    public static final Scale PROVINCE = new Scale("province", 1_000, 80_000);
    /** A million members at the national density (about 102 a grassroots organization): a point of the scaling curve. */
    public static final Scale MILLION = new Scale("million", 9_800, 1_000_000);
    /** The national size on paper: about 55,000 grassroots organizations, 5,600,000 members. */
    public static final Scale NATIONAL = new Scale("national", 55_000, 5_600_000);

    public static Scale named(String name) {
        return switch (name) {
            case "province" -> PROVINCE;
            case "million" -> MILLION;
            case "national" -> NATIONAL;
            default -> SEED;
        };
    }
}
