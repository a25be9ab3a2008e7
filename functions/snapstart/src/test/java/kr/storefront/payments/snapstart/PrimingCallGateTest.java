package kr.storefront.payments.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import org.junit.jupiter.api.Test;

class PrimingCallGateTest {

    private final PrimingCallGate gate = new PrimingCallGate();

    @Test
    void whilePriming_everyCallIsRefused_asNeverSent() {
        AtomicReference<IamportUnavailableException> refused = new AtomicReference<>();
        Priming.attempt(() -> refused.set(catchThrowableOfType(IamportUnavailableException.class, () -> gate.check("again"))));

        assertThat(refused.get()).isNotNull();
        assertThat(refused.get().requestSent()).as("a refused call never left: safe to repeat after restore").isFalse();
    }

    @Test
    void outsidePriming_callsGoThrough() {
        Priming.attempt(() -> { });

        assertThatCode(() -> gate.check("again")).doesNotThrowAnyException();
        assertThat(Priming.active()).isFalse();
    }
}
