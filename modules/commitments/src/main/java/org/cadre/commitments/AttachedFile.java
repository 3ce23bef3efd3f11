package org.cadre.commitments;

/**
 * A file as uploaded with a progress report: its original name (kept for the download, never used as a path) and
 * its bytes. Checked by the module (type by its first bytes, at most 5 MB) before anything is written.
 */
public record AttachedFile(String originalName, byte[] content) {

    public AttachedFile {
        content = content == null ? new byte[0] : content;
    }
}
