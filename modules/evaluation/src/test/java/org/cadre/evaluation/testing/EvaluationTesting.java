package org.cadre.evaluation.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.RunState;
import org.cadre.platform.Caller;

/** What the evaluation module's tests share: a pack's files as the zip a committee uploads, waiting for a run. */
public final class EvaluationTesting {

    private EvaluationTesting() {
    }

    /** The files (path to text) of a rule pack as a zip. */
    public static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Runs the cycle as {@code staff} and waits for the run to end; the cycle as it is then. */
    public static CycleView runAndWait(Cycles cycles, UUID cycle, Caller staff) {
        cycles.classify(cycle, staff);
        return awaitRun(cycles, cycle, staff);
    }

    /** Waits for the cycle's latest run to end. */
    public static CycleView awaitRun(Cycles cycles, UUID cycle, Caller staff) {
        await(() -> cycles.find(cycle, staff).flatMap(CycleView::latestRun)
                .filter(r -> r.state() != RunState.RUNNING).isPresent(), Duration.ofSeconds(60));
        return cycles.find(cycle, staff).orElseThrow();
    }

    /** Waits for a condition (events reach evaluation asynchronously), failing when it is not reached in time. */
    public static void await(BooleanSupplier condition, Duration patience) {
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
