package org.cadre.platform;

import java.util.Map;

/** What a running job knows and how it reports progress. */
public interface JobContext {

    JobId id();

    /** The caller the job runs as: the one who asked for it. */
    Caller caller();

    byte[] input();

    Map<String, String> parameters();

    /** Reports progress; written to the job table at most a few times a second, in a transaction of its own. */
    void progress(int done, int total);
}
