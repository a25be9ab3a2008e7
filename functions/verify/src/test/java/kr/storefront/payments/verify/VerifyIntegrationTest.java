package kr.storefront.payments.verify;

import java.util.Map;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** One verify function (with its table, secret, sandbox and HTTP bridge) per test class. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VerifyIntegrationTest {

    protected VerifyTestSupport verify;

    @BeforeAll
    void startVerify(AwsEmulator emulator) {
        verify = VerifyTestSupport.start(emulator, Map.of());
    }

    @AfterAll
    void stopVerify() {
        verify.close();
    }
}
