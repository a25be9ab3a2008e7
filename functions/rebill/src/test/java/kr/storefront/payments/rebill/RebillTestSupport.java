package kr.storefront.payments.rebill;

import java.time.Instant;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh {@link RebillTestBed} (table, sandbox, context) per test, and the clock's time at its start. */
@ExtendWith(AwsEmulatorExtension.class)
abstract class RebillTestSupport {

    RebillTestBed bed;
    Instant now;

    @BeforeEach
    void startTestBed(AwsEmulator emulator) {
        bed = RebillTestBed.start(emulator);
        now = bed.clock.instant();
    }

    @AfterEach
    void closeTestBed() {
        bed.close();
    }
}
