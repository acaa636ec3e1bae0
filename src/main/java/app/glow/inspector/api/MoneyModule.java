package app.glow.inspector.api;

import app.glow.inspector.model.Amounts;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every BigDecimal the contract carries is money: each is held to {@link Amounts} as it is
 * parsed, over HTTP and from archives alike, so an absurd value is refused with a sentence (and
 * its field) instead of freezing whatever later sums or shows it.
 */
final class MoneyModule {
    private MoneyModule() {
    }

    static SimpleModule create() {
        return new SimpleModule("glow-money").addDeserializer(BigDecimal.class, new Bounded());
    }

    private static final class Bounded extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        Bounded() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal v = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            String problem = Amounts.problem(v);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, Amounts.shown(v), BigDecimal.class);
            }
            return v;
        }
    }
}
