package org.cadre.evaluation.internal.decisions;

import java.util.UUID;

/** Whether a caller speaks for the committee of a competent organization. */
interface Competence {

    boolean covers(UUID competent);
}
