package kr.storefront.payments.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the kernel's DAMON threads ({@code kdamond.N}), which some VMs (this development
 * machine's among them) run for proactive memory reclaim: here one took a vCPU for 30–60 ms about
 * every 0.55 s, and a warm invocation that overlapped such a burst took 20–60 ms instead of 5–10.
 * Reading their run time ({@code /proc/PID/schedstat}, ns) around each invocation tells which ones
 * it interrupted. Lambda's environments run no such thread.
 */
final class KernelReclaimMonitor {

    private final List<Path> schedstats;

    private KernelReclaimMonitor(List<Path> schedstats) {
        this.schedstats = schedstats;
    }

    static KernelReclaimMonitor find() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).startsWith("kdamond")) {
                        found.add(process.resolve("schedstat"));
                    }
                } catch (IOException gone) {
                    // a process that ended while listing
                }
            }
        } catch (IOException | UnsupportedOperationException noProcfs) {
            return new KernelReclaimMonitor(List.of());
        }
        return new KernelReclaimMonitor(List.copyOf(found));
    }

    boolean present() {
        return !schedstats.isEmpty();
    }

    /** Total run time of the reclaim threads so far, in ns (0 without any). */
    long cpuNanos() {
        long total = 0;
        for (Path schedstat : schedstats) {
            try {
                String line = Files.readString(schedstat).trim();
                total += Long.parseLong(line.substring(0, line.indexOf(' ')));
            } catch (IOException | RuntimeException gone) {
                // the thread ended: it no longer runs
            }
        }
        return total;
    }
}
