package dev.incidentloop.incident.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The units of work one poll's commands run in, made for that poll. Batched: commands share a unit of work and a
 * database transaction, committed and replaced every {@value #COMMANDS_PER_UNIT_OF_WORK} commands where the caller
 * says the work so far stands alone ({@link #rotateIfFull}) and whenever it asks ({@link #commitAndContinue}); their
 * events are stored in one batch and no command waits for a commit of its own. One by one: each piece of work in a
 * unit and transaction of its own.
 */
final class PollUnits {

    /** Loading an incident inside a unit of work goes through the events staged in it so far: one unit for thousands
     * of commands would cost time in the square of them. */
    static final int COMMANDS_PER_UNIT_OF_WORK = 100;

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final boolean batched;
    private UnitOfWork<?> unit;
    private int commandsInUnit;

    private PollUnits(CommandGateway commands, TransactionManager transactions, boolean batched) {
        this.commands = commands;
        this.transactions = transactions;
        this.batched = batched;
        if (batched) {
            start();
        }
    }

    static PollUnits batched(CommandGateway commands, TransactionManager transactions) {
        return new PollUnits(commands, transactions, true);
    }

    static PollUnits oneByOne(CommandGateway commands, TransactionManager transactions) {
        return new PollUnits(commands, transactions, false);
    }

    private void start() {
        commandsInUnit = 0;
        unit = UnitsOfWork.start("intake poll", transactions);
    }

    <R> R send(Object command) {
        commandsInUnit++;
        return commands.sendAndWait(command);
    }

    /** Commits the batch and starts the next once it holds enough commands. */
    void rotateIfFull() {
        if (commandsInUnit >= COMMANDS_PER_UNIT_OF_WORK) {
            commitAndContinue();
        }
    }

    /** Commits what the batch holds, so that what comes next sees it; nothing to do one by one. */
    void commitAndContinue() {
        if (batched) {
            unit.commit();
            start();
        }
    }

    /** Runs the work in the batch under way, or else in a unit and transaction of its own. */
    void atomically(Runnable work) {
        if (CurrentUnitOfWork.isStarted()) {
            work.run();
        } else {
            UnitsOfWork.run("intake record", transactions, work);
        }
    }

    /** Commits the last batch. */
    void finish() {
        if (batched) {
            unit.commit();
        }
    }

    /** Undoes the batch under way after a failure. */
    void abandon(Throwable failure) {
        if (batched && unit.isActive()) {
            unit.rollback(failure);
        }
    }
}
