package dev.incidentloop.kit.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Who may do what. A role implies the roles it lists, so an admin can do everything. */
public enum Role {
    REPORTER,
    RESPONDER(REPORTER),
    ANALYST,
    ADMIN(REPORTER, RESPONDER, ANALYST);

    // A list, not an EnumSet: an EnumSet cannot be built while the enum class is still initialising.
    private final List<Role> implied;

    Role(Role... implied) {
        this.implied = List.of(implied);
    }

    /** This role and every role it implies. */
    public Set<Role> withImplied() {
        EnumSet<Role> all = EnumSet.of(this);
        all.addAll(implied);
        return all;
    }
}
