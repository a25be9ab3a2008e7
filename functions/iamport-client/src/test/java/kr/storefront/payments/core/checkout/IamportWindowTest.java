package kr.storefront.payments.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amount registration before the window opens, against the sandbox's GET /payments/prepare answers. */
class IamportWindowTest {

    private IamportSandbox sandbox;
    private ApplicationContext context;
    private IamportWindow window;

    @BeforeEach
    void setUp() {
        sandbox = IamportSandbox.start();
        context = SandboxContext.start(sandbox, Map.of());
        window = context.getBean(IamportWindow.class);
    }

    @AfterEach
    void tearDown() {
        context.close();
        sandbox.close();
    }

    @Test
    void prepare_retriedWithTheSameAmount_isAccepted() {
        window.prepare("ord_w_1", 8900);

        assertThatCode(() -> window.prepare("ord_w_1", 8900)).doesNotThrowAnyException();
        assertThat(sandbox.preparedAmount("ord_w_1")).contains(8900L);
    }

    @Test
    void prepare_refusedWithAnotherAmountRegistered_isAnAmountRegistrationFailure() {
        window.prepare("ord_w_2", 8900);

        assertThatThrownBy(() -> window.prepare("ord_w_2", 100)).isInstanceOf(AmountRegistrationException.class);
    }

    /** GET /payments/prepare answers "nothing registered" on HTTP 200 with a non-zero code, not a 404. */
    @Test
    void prepare_refusedWithNothingRegistered_isAnAmountRegistrationFailure() {
        sandbox.faults().failNext(Endpoint.PREPARE, 1, 400);

        assertThatThrownBy(() -> window.prepare("ord_w_3", 8900)).isInstanceOf(AmountRegistrationException.class);
        assertThat(sandbox.count(Endpoint.GET_PREPARE)).isEqualTo(1);
    }
}
