package dev.incidentloop.incident.intake;

import dev.incidentloop.incident.intake.IntakeDedup.Unfolded;
import dev.incidentloop.incident.lifecycle.RecordAlertRepeats;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the repeats intake has counted in their incidents' histories: one AlertRepeated per incident and round,
 * however many repeats it counts, those whose repeats waited longest first. While intake is reading, a round takes
 * at most {@code incident.intake.fold-limit} incidents, so that a storm over many alerts does not turn into as many
 * commands as it has repeats and new incidents are not kept waiting; once intake has had nothing to read for a
 * round's interval, a round takes all there are, and the histories catch up. Several instances may fold at once: a
 * unit of work fails if another recorded the same repeats meanwhile, and then each incident is tried on its own.
 */
@Component
class RepeatFolder {

    private static final Logger log = LoggerFactory.getLogger(RepeatFolder.class);
    private static final int PER_UNIT_OF_WORK = 100;
    /** Incidents read at once for a round while intake is idle. */
    private static final int IDLE_ROUND = 10_000;

    private final IntakeDedup dedup;
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final int limit;
    private final long intervalNanos;
    /** When intake last processed a poll ({@link System#nanoTime()}). */
    private volatile long lastPoll = System.nanoTime();
    /** Taken by a round's unit of work and by intake's processing of a poll: one waits for the other. */
    private final ReentrantLock turn = new ReentrantLock(true);

    RepeatFolder(IntakeDedup dedup, CommandGateway commands, TransactionManager transactions,
                 @Value("${incident.intake.fold-limit}") int limit,
                 @Value("${incident.intake.fold-every}") Duration interval) {
        this.dedup = dedup;
        this.commands = commands;
        this.transactions = transactions;
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    @Scheduled(fixedDelayString = "${incident.intake.fold-every}")
    void foldRound() {
        List<Unfolded> due = dedup.unfolded(intakeBusy() ? limit : IDLE_ROUND);
        for (int from = 0; from < due.size(); from += PER_UNIT_OF_WORK) {
            if (from >= limit && intakeBusy()) {
                return;
            }
            List<Unfolded> unit = due.subList(from, Math.min(from + PER_UNIT_OF_WORK, due.size()));
            exclusively(() -> fold(unit));
        }
    }

    private boolean intakeBusy() {
        return System.nanoTime() - lastPoll <= intervalNanos;
    }

    private void fold(List<Unfolded> due) {
        try {
            inUnitOfWork(due);
        } catch (RuntimeException failure) {
            log.debug("Repeats of {} incidents recorded one at a time after {}", due.size(), failure.toString());
            due.forEach(this::alone);
        }
    }

    /** Intake has processed a poll: rounds keep to their limit for a while. */
    void pollProcessed() {
        lastPoll = System.nanoTime();
    }

    /**
     * Runs the work while no round's unit of work runs in this instance. Intake holds rows it counted while it waits
     * for an incident, and a round holds incidents while it waits for their rows: run together, each could wait for
     * the other for good.
     */
    void exclusively(Runnable work) {
        turn.lock();
        try {
            work.run();
        } finally {
            turn.unlock();
        }
    }

    private void alone(Unfolded unfolded) {
        try {
            inUnitOfWork(List.of(unfolded));
        } catch (IntakeDedup.RecordedMeanwhile meanwhile) {
            log.debug("{}", meanwhile.getMessage());
        } catch (RuntimeException failure) {
            log.warn("Repeats of alert {} on incident {} not recorded this round: {}", unfolded.alert(),
                    unfolded.incidentId(), failure.toString());
        }
    }

    private void inUnitOfWork(List<Unfolded> due) {
        if (!due.isEmpty()) {
            UnitsOfWork.run("record alert repeats", transactions, () -> record(due));
        }
    }

    /** Records the repeats and notes them recorded, in the caller's unit of work and transaction. */
    void record(List<Unfolded> due) {
        List<Unfolded> ordered = due.stream()
                .sorted(Comparator.comparing((Unfolded u) -> u.alert().source())
                        .thenComparing(u -> u.alert().dedupKey()))
                .toList();
        for (Unfolded unfolded : ordered) {
            commands.sendAndWait(new RecordAlertRepeats(unfolded.incidentId(), unfolded.pending(),
                    unfolded.lastSeenAt(), unfolded.lastPartition(), unfolded.lastOffset()));
        }
        dedup.folded(ordered);
    }
}
