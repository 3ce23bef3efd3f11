package org.cadre.ratingrules.engine;

/** Rules failed while running (a consequence threw, or rules looped): the message names the rule when known. */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
