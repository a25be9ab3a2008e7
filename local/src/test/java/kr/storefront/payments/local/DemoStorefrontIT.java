package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.Payment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo storefront in headless Chromium: the page calls checkout, opens the sandbox's stand-in for
 * the i'mport window through {@code IMP.request_pay}, and shows what verify confirmed. Uses Debian's
 * {@code chromium} and {@code chromium-driver} (.ci/run installs them); screenshots of each step go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStorefrontIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("demo.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("demo.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private LocalStack stack;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does it).");
        }
        Files.createDirectories(SCREENSHOTS);
        stack = LocalStack.start(LocalStackOptions.defaults(TemplateTable.locateTemplate()).withPort(0));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static Stream<Arguments> oneTimePayments() {
        return Stream.of("tosspayments", "kakaopay", "payco", "chai", "uplus")
                .flatMap(pg -> Stream.of(Arguments.of(pg, "pc"), Arguments.of(pg, "mobile")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("oneTimePayments")
    void oneTimePayment_isConfirmedPaidByVerify(String pg, String device) {
        openShop();
        new Select(find("#pg")).selectByValue(pg);
        new Select(find("#device")).selectByValue(device);
        String before = browser.getCurrentUrl();
        find("#pay").click();

        boolean redirected = device.equals("mobile") || pg.equals("chai"); // chai answers by m_redirect_url only
        payInWindow(redirected, "#window-pay", pg + "-" + device);
        if (redirected) {
            waitFor().until(ExpectedConditions.urlContains("/demo/result"));
            assertThat(browser.getCurrentUrl()).isNotEqualTo(before).contains("status=paid");
        }
        WebElement result = waitForResult("paid");
        screenshot(pg + "-" + device + "-result");

        String merchantUid = result.getAttribute("data-merchant-uid");
        assertThat(stack.sandbox().paymentsByMerchantUid(merchantUid)).singleElement()
                .satisfies(payment -> assertThat(payment.status()).isEqualTo(Payment.Status.PAID));
        assertThat(find("#result-amount").getText()).isEqualTo(String.format("%,d원", paidAmount(merchantUid)));
    }

    @Test
    void tamperedAmount_endsRejectedAndIsRefunded() {
        openShop();
        new Select(find("#pg")).selectByValue("tosspayments");
        new Select(find("#device")).selectByValue("pc");
        find("#pay").click();

        payInWindow(false, "#window-tamper", "tamper");
        WebElement result = waitForResult("rejected");
        screenshot("tamper-result");

        List<Payment> payments = stack.sandbox().paymentsByMerchantUid(result.getAttribute("data-merchant-uid"));
        assertThat(payments).singleElement().satisfies(payment -> {
            assertThat(payment.status()).as("refunded by verify").isEqualTo(Payment.Status.CANCELLED);
            assertThat(payment.amount()).isLessThan(18_000L);
        });
    }

    @Test
    void backOffice_refundsOneLineOfAPaidOrder_signedWithSigV4_thenTheOrderIsPartiallyRefunded() {
        openShop();
        List<WebElement> quantities = browser.findElements(By.cssSelector("#products input[data-sku]"));
        assertThat(quantities).as("two products to order").hasSizeGreaterThanOrEqualTo(2);
        quantities.get(1).clear();
        quantities.get(1).sendKeys("2");
        new Select(find("#pg")).selectByValue("tosspayments");
        new Select(find("#device")).selectByValue("pc");
        find("#pay").click();
        payInWindow(false, "#window-pay", "backoffice-pay");
        String merchantUid = waitForResult("paid").getAttribute("data-merchant-uid");
        assertThat(find("#admin-merchant-uid").getAttribute("value")).as("filled in from the payment").isEqualTo(merchantUid);

        find("#admin-look-up").click();
        waitFor().until(ExpectedConditions.attributeToBe(By.id("admin-order"), "data-status", "paid"));
        List<WebElement> lines = browser.findElements(By.cssSelector("#admin-lines tbody tr"));
        assertThat(lines).hasSize(2);
        String sku = lines.get(0).getAttribute("data-sku");
        long lineTotal = Long.parseLong(lines.get(0).findElements(By.tagName("td")).get(3).getText().replaceAll("[^0-9]", ""));
        screenshot("backoffice-order");
        lines.get(0).findElement(By.cssSelector("button.refund-line")).click();

        waitFor().until(ExpectedConditions.attributeToBe(By.id("admin-order"), "data-status", "partially_refunded"));
        screenshot("backoffice-refunded");
        assertThat(find("#admin-order").getAttribute("data-refunded-amount")).isEqualTo(String.valueOf(lineTotal));
        assertThat(find("#admin-lines tbody tr[data-sku='" + sku + "'] .line-refunded").getText()).isEqualTo("refunded");
        assertThat(browser.findElements(By.cssSelector("#admin-lines button.refund-line"))).as("the other line").hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#admin-refunds tbody tr"))).hasSize(1);
        assertThat(find("#admin-audit tbody").getText()).contains(ApiGatewayFrontend.LOCAL_ADMIN_ARN, "refund", "refunded: " + lineTotal);
        assertThat(stack.sandbox().paymentsByMerchantUid(merchantUid)).singleElement().satisfies(payment -> {
            assertThat(payment.cancelAmount()).as("one line refunded at i'mport, once").isEqualTo(lineTotal);
            assertThat(payment.cancelHistory()).hasSize(1);
        });
    }

    /** The page's SigV4 against signatures computed elsewhere: AWS's test suite (get-vanilla) and botocore's SigV4Auth. */
    @Test
    void theBackOfficeSigner_producesTheSignaturesOfAwsTestSuiteAndBotocore() {
        openShop();
        Object vanilla = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "signV4({method: 'GET', url: 'https://example.amazonaws.com/', accessKeyId: 'AKIDEXAMPLE',"
                + " secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service',"
                + " amzDate: '20150830T123600Z'}).then(h => done(h.authorization), e => done(String(e)));");
        Object refund = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "signV4({method: 'POST', url: 'http://127.0.0.1:8080/checkout/admin/orders/ord_x/refunds?b=2&a=1%201',"
                + " body: '{\"amount\":1000,\"reason\":\"returned\"}', accessKeyId: 'local', secretAccessKey: 'local',"
                + " sessionToken: 'tok', region: 'ap-northeast-2', amzDate: '20261204T120000Z'}).then(h => done(h.authorization),"
                + " e => done(String(e)));");

        assertThat(vanilla).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThat(refund).isEqualTo("AWS4-HMAC-SHA256 Credential=local/20261204/ap-northeast-2/execute-api/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                + "Signature=33de2a62716d2c457126019716f0933656732b86a101da3cb28ba46da7d8dbff");
    }

    @Test
    void billingKey_thenSubscription_thenRebillRun_chargesTheSavedCard() {
        openShop();
        find("#customer-id").clear();
        find("#customer-id").sendKeys("buyer-" + UUID.randomUUID().toString().substring(0, 8));
        find("#sign-in").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#signed-in"), "signed in"));
        new Select(find("#billing-pg")).selectByValue("tosspayments");
        new Select(find("#plan")).selectByValue("monthly-coffee");
        new Select(find("#device")).selectByValue("pc");
        find("#register-card").click();

        payInWindow(false, "#window-pay", "billing-key");
        WebElement key = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#keys tr[data-status=active]")));
        String customerUid = key.getAttribute("data-customer-uid");
        assertThat(stack.sandbox().billingKey(customerUid)).as("issued at the sandbox").isPresent();
        screenshot("billing-key-active");

        key.findElement(By.cssSelector("button.subscribe")).click();
        WebElement subscription = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#subscriptions tr[data-status=active]")));
        String firstCharge = subscription.getAttribute("data-next-charge-at");
        screenshot("subscription-active");

        find("#run-rebill").click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rebill-report")));
        waitFor().until(driver -> {
            WebElement row = driver.findElement(By.cssSelector("#subscriptions tbody tr"));
            return !row.getAttribute("data-next-charge-at").equals(firstCharge);
        });
        screenshot("rebill-report");

        assertThat(find("#rebill-report").getText()).contains("\"charged\": 1");
        assertThat(stack.sandbox().requests()).as("one again call for the saved card")
                .filteredOn(request -> request.path().equals("/subscribe/payments/again")).hasSize(1);
    }

    /**
     * kakaopay's billing window charges the plan's first period when asked (the guide): that payment is the
     * subscription's period 0, so the rebill run right after charges nothing and the buyer paid once.
     */
    @Test
    void kakaopayWindowChargingTheFirstPeriod_thenSubscription_rebillChargesNothingMore() {
        openShop();
        find("#customer-id").clear();
        find("#customer-id").sendKeys("buyer-" + UUID.randomUUID().toString().substring(0, 8));
        find("#sign-in").click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#signed-in"), "signed in"));
        new Select(find("#billing-pg")).selectByValue("kakaopay");
        new Select(find("#plan")).selectByValue("monthly-coffee");
        new Select(find("#device")).selectByValue("pc");
        find("#charge-first").click();
        find("#register-card").click();

        payInWindow(false, "#window-pay", "kakaopay-first-period");
        WebElement key = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#keys tr[data-status=active]")));
        String customerUid = key.getAttribute("data-customer-uid");
        key.findElement(By.cssSelector("button.subscribe")).click();
        WebElement subscription = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#subscriptions tr[data-status=active]")));
        String nextCharge = subscription.getAttribute("data-next-charge-at");
        long againCallsBefore = againCalls();

        find("#run-rebill").click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rebill-report")));
        screenshot("kakaopay-first-period-rebill-report");

        assertThat(find("#rebill-report").getText()).contains("\"charged\": 0");
        assertThat(againCalls()).as("no again call: the window paid period 0").isEqualTo(againCallsBefore);
        String nextChargeAfter = waitFor().until(driver -> driver.findElement(By.cssSelector("#subscriptions tr[data-status=active]"))
                .getAttribute("data-next-charge-at"));
        assertThat(nextChargeAfter).isEqualTo(nextCharge);
        assertThat(java.time.Instant.parse(nextCharge)).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(27)));
        assertThat(stack.sandbox().requests()).filteredOn(request -> request.path().equals("/subscribe/payments/again"))
                .noneSatisfy(request -> assertThat(request.params().get("customer_uid")).isEqualTo(customerUid));
    }

    private long againCalls() {
        return stack.sandbox().requests().stream().filter(request -> request.path().equals("/subscribe/payments/again")).count();
    }

    private void openShop() {
        browser.get(stack.baseUrl() + "/demo/");
        waitFor().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(browser.findElements(By.cssSelector("#banner:not([hidden])"))).as("no error banner").isEmpty();
    }

    /** The window opens as an overlay iframe (PC) or as the whole page (mobile, chai); the buyer clicks {@code button}. */
    private void payInWindow(boolean redirected, String button, String step) {
        if (redirected) {
            waitFor().until(ExpectedConditions.urlContains("/window/"));
        } else {
            waitFor().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("imp-sandbox-window")));
        }
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector(button)));
        screenshot(step + "-window");
        browser.findElement(By.cssSelector(button)).click();
        if (!redirected) {
            browser.switchTo().defaultContent();
        }
    }

    private WebElement waitForResult(String status) {
        waitFor().until(driver -> {
            String shown = driver.findElement(By.cssSelector("#result")).getAttribute("data-status");
            return !shown.equals("none") && !shown.equals("pending") ? shown : null;
        });
        WebElement result = find("#result");
        assertThat(result.getAttribute("data-status")).as(result.getText()).isEqualTo(status);
        return result;
    }

    private long paidAmount(String merchantUid) {
        return stack.sandbox().paymentsByMerchantUid(merchantUid).get(0).amount();
    }

    private WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Waits, re-finding elements the page re-rendered meanwhile (tables are rebuilt on every refresh). */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }
}
