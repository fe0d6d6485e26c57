package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The procedure an incident falls under (DOMAIN.md section 7). */
public enum Category {
    @JsonProperty("it-service") IT_SERVICE,
    @JsonProperty("information-security") INFORMATION_SECURITY,
    @JsonProperty("hse-accident") HSE_ACCIDENT,
    @JsonProperty("ehs-recordable") EHS_RECORDABLE,
    @JsonProperty("emergency") EMERGENCY
}
