package org.cadre.commitments;

/** An attached evidence file to send back: the name it was uploaded with, the type read from its bytes, its bytes. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {
}
