package org.spikescope.decode;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** The decoders "Decode Trial Labels" offers. */
public enum DecoderKind implements Choice {
    LOGISTIC, LSTM, XGBOOST;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
