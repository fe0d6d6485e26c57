package dev.incidentloop.incident.intake;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Axon units of work with a database transaction of their own, as intake and the repeat rounds run them. */
final class UnitsOfWork {

    private UnitsOfWork() {
    }

    /** Starts a unit of work, named for the logs, with a transaction attached; the caller commits it. */
    static UnitOfWork<?> start(String name, TransactionManager transactions) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(name));
        unit.attachTransaction(transactions);
        return unit;
    }

    /** Runs the work in a unit of work and transaction of its own: all of it is committed, or none. */
    static void run(String name, TransactionManager transactions, Runnable work) {
        UnitOfWork<?> unit = start(name, transactions);
        try {
            work.run();
            unit.commit();
        } catch (RuntimeException | Error failure) {
            if (unit.isActive()) {
                unit.rollback(failure);
            }
            throw failure;
        }
    }
}
