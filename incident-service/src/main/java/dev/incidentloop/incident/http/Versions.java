package dev.incidentloop.incident.http;

import dev.incidentloop.kit.web.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The incident's version as an HTTP entity tag: {@code "7"}. */
final class Versions {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when there is none. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new InvalidRequestException("If-Match",
                    "must be the ETag of the incident, e.g. \"3\", as GET returned it");
        }
        return Long.parseLong(m.group(1));
    }
}
