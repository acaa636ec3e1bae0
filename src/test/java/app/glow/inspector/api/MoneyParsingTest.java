package app.glow.inspector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Run;
import app.glow.inspector.source.Cancellation;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Money with absurd precision or scale is refused where the JSON is parsed, quickly and clearly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MoneyParsingTest extends MockServerSupport {
    private static Run run(String cost) throws Exception {
        return GlowJson.newMapper().readValue("{\"id\": \"r\", \"input_tokens\": 1, \"cost\": " + cost + "}",
                Run.class);
    }

    @Test
    void absurdScalesAndPrecisionsAreRefusedWithTheField() throws Exception {
        for (String absurd : new String[] {"1e5000000", "-1e5000000", "1e-5000000", "\"1e5000000\"",
            "1234567890123456.5", "0." + "0".repeat(30) + "1"}) {
            InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> run(absurd), absurd);
            assertTrue(e.getOriginalMessage().contains("is not a believable amount of money"), e.getMessage());
            assertEquals("cost", e.getPath().get(0).getFieldName());
            assertTrue(e.getOriginalMessage().length() < 200, "the value is shown short: " + e.getOriginalMessage());
        }
    }

    @Test
    void believableAmountsStayExact() throws Exception {
        assertEquals(new BigDecimal("0.0041275"), run("0.0041275").cost());
        assertEquals(new BigDecimal("999999999999999.99"), run("999999999999999.99").cost());
        assertEquals(new BigDecimal("1.50000000000000000000000000"), run("1.50000000000000000000000000").cost(),
                "trailing zeros are not digits of precision");
        assertEquals(0, run("1E+3").cost().compareTo(new BigDecimal("1000")));
    }

    @Test
    void overHttpTheAnswerIsRefusedWithASentence() {
        server.enqueue(json(200, ContractSamples.GROUPS.replace("0.0871302", "1e5000000")));
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> clientWith(RetryPolicy.NONE).groups(GroupsQuery.firstPage(25), Cancellation.none()));
        assertTrue(e.getMessage().contains("is not a believable amount of money"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
