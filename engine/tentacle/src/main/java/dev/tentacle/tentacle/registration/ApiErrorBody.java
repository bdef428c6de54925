package dev.tentacle.tentacle.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The JSON body of an API error: a message that says what to do, a code, and the field at fault. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiErrorBody(String error, String code, String field) {
}
