/**
 * The i'mport sandbox: an in-process fake of the i'mport / PortOne V1 REST API for integration tests,
 * following {@code shared/reference/iamport-v1.md}. Start with {@link kr.storefront.payments.testkit.iamport.IamportSandbox}.
 *
 * <p>Layout (everything but the public API types is package-private):
 * <ul>
 *   <li>HTTP: {@code SandboxServer} (JDK server), {@code ApiExchangeHandler} (pipeline: route, faults, auth,
 *       journal), {@code ApiRoutes}, {@code ApiRequest}/{@code RequestParams} (JSON or form), {@code ApiResponse}
 *       (envelope), {@code ApiJson} (wire shapes).</li>
 *   <li>Endpoints: {@code TokenApi}, {@code PaymentsApi}, {@code SubscriptionApi}, {@code BillingKeyApi}.</li>
 *   <li>State: {@code TokenService}, {@code PaymentLedger}, {@code PreparedAmounts}, {@code BillingKeyRegistry},
 *       {@code CardBehaviours}, {@code RequestJournal}.</li>
 *   <li>Behaviour: {@code CheckoutWindow} + {@code WindowResults} (request_pay and the PG window),
 *       {@code PaymentDrafts} (new payments, card settlement), {@code Refunds}, {@code PgProvider} (per-PG rules).</li>
 *   <li>Browser side (not i'mport endpoints): {@code BrowserExchangeHandler} serves {@code /v1/iamport.js}
 *       (the resource {@code iamport.js}, a stand-in for i'mport's CDN script), the window page
 *       ({@code WindowPage}, {@code window.html}) and the window sessions ({@code WindowSessionApi},
 *       {@code WindowSessions}, {@code WindowSession}, {@code WindowAction}, {@code WindowJson}), run by the same
 *       {@code CheckoutWindow}.</li>
 *   <li>Webhooks: {@code WebhookDispatcher}, {@code WebhookSender}, {@code DeliveryLog}.</li>
 *   <li>Faults: {@link kr.storefront.payments.testkit.iamport.Faults} over {@code EndpointFaultPlan} and
 *       {@code WebhookFaultPlan}.</li>
 * </ul>
 *
 * <p>Where the reference leaves a point open [verify], the sandbox's choice is written on the class that
 * makes it: {@code CheckoutWindow}, {@code WindowResults}, {@code SubscriptionApi}, {@code BillingKeyApi},
 * {@code TokenService}.
 */
package kr.storefront.payments.testkit.iamport;
