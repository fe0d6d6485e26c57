package dev.incidentloop.events;

/** P1 critical .. P5 planning, the ITIL scale every category maps onto. */
public enum Priority {
    P1, P2, P3, P4, P5
}
