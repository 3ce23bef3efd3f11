package org.cadre.ratingrules;

/**
 * What a job of the registry stored.
 *
 * @param valid whether the version validated; a version that did not is a draft, its report on the version
 */
public record PackJobResult(String packId, int version, PackState state, boolean valid) {

    /** The version's page. */
    public String location() {
        return "/rule-packs/" + packId + "/" + version;
    }
}
