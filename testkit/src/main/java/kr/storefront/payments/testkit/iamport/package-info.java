/**
 * The i'mport sandbox: an in-process fake of the i'mport / PortOne V1 REST API for integration tests,
 * following {@code shared/reference/iamport-v1.md}. Start with {@link kr.storefront.payments.testkit.iamport.IamportSandbox}.
 *
 * <p>Layout (everything but the public API types is package-private):
 * <ul>
 *   <li>HTTP: {@code SandboxServer} (JDK server), {@code ApiExchangeHandler} (pipeline: route, faults, auth,
 *       parameter rules, journal), {@code ApiRoutes}, {@code ApiRequest}/{@code RequestParams} (JSON or form),
 *       {@code RequestRules} (parameters against the schema digest), {@code ApiResponse} (envelope),
 *       {@code ApiJson} (wire shapes).</li>
 *   <li>Schema: {@link kr.storefront.payments.testkit.iamport.V1SchemaDigest} over the resource
 *       {@code v1-schema-digest.json}, our digest of PortOne's published V1 schema.</li>
 *   <li>Endpoints: {@code TokenApi}, {@code PaymentsApi}, {@code SubscriptionApi}, {@code BillingKeyApi}.</li>
 *   <li>State: {@code TokenService}, {@code PaymentLedger}, {@code PreparedAmounts}, {@code BillingKeyRegistry},
 *       {@code CardBehaviours}, {@code RequestJournal}; {@code ChannelRegistry} over the configured
 *       {@link kr.storefront.payments.testkit.iamport.Channel}s.</li>
 *   <li>Behaviour: {@code CheckoutWindow} + {@code WindowResults} (request_pay and the PG window),
 *       {@code PaymentDrafts} (new payments, card settlement), {@code Refunds}, {@code PgProvider} (per-PG rules),
 *       {@code ApiModePg} (the PG of card-data calls).</li>
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
 * <p><b>Which source settles what.</b>
 * <ul>
 *   <li><b>Shapes, names, JSON types, required flags</b> of requests and answers: PortOne's schema
 *       ({@code portone-io/developers.portone.io}, {@code src/schema/v1.openapi.json} at {@code af926bd}), through the
 *       digest. {@code RequestRules} refuses what it does not list; {@code ApiJson} answers only its fields;
 *       the testkit's {@code SandboxRequestSchemaTest} / {@code SandboxResponseSchemaTest} hold both to it.
 *       Where the schema is wrong the digest says so and what it applies instead: PaymentPrepareAnnotation's
 *       required {@code total, previous, next} (fields it does not have) become {@code merchant_uid, amount};
 *       VbankDepositAnnotation's required {@code reason} (no such field) is dropped; the envelope, with no required
 *       field in the schema, requires {@code code}.</li>
 *   <li><b>HTTP statuses</b>: those the schema documents per endpoint (200, 401, and 404 only for
 *       {@code GET /payments/{imp_uid}}, {@code GET /payments/find/...}, {@code GET} and {@code DELETE
 *       /subscribe/customers/{customer_uid}}), plus 400 for bad parameters, which the schema documents for other
 *       V1 operations and the reference (§1.2) for these. So {@code GET /payments/prepare/{merchant_uid}} answers an
 *       unknown merchant_uid with HTTP 200, code 1, response null (the code value is the sandbox's choice).</li>
 *   <li><b>Behaviour</b>: the PG guides ({@code shared/reference/pg-guides/}) and {@code iamport-v1.md}: token
 *       lifetime ({@code TokenService}), declines, cancels, per-PG rules ({@code PgProvider}), webhooks. Where they
 *       conflict with the schema on behaviour, the guide wins: onetime with {@code customer_uid} saves the card for
 *       tosspayments as the Toss guide shows, although the schema marks it unsupported ({@code SubscriptionApi}).</li>
 *   <li><b>Channels</b>: the schema requires {@code channel_key} on {@code POST /subscribe/customers/{customer_uid}}
 *       and lists it as optional on {@code again}; the SDK takes {@code channelKey} in {@code request_pay}, with
 *       {@code pg} as the deprecated fallback. Which channels exist is configuration
 *       ({@code SandboxOptions.channels}, default {@link kr.storefront.payments.testkit.iamport.Channel#defaults()}).</li>
 *   <li><b>The sandbox's own choices</b>, where the sources are silent (each written on the class that makes it):
 *       refusing unlisted parameters and JSON values of another type ({@code RequestRules}; i'mport's handling is
 *       undocumented); find by merchant_uid returning test-channel payments, since it documents no
 *       {@code include_sandbox} (reference §11.2, {@code PaymentsApi}); unknown channel keys refused with code -1
 *       ({@code BillingKeyApi}, {@code SubscriptionApi}) or a window that does not open ({@code CheckoutWindow});
 *       billing-key windows, closed windows ({@code CheckoutWindow}); the payment a key-only billing window
 *       leaves, which neither the guides (they say only "no real charge") nor the schema describe, is a setting
 *       ({@link kr.storefront.payments.testkit.iamport.KeyOnlyWindowPayment}: paid 0 by default, ready with the amount
 *       shown, or a real charge of it) so tests can prove the code rests on the key instead; window error codes
 *       ({@code WindowResults});
 *       again on a paid merchant_uid, decline records, webhooks of charges ({@code SubscriptionApi}); issuance
 *       checks ({@code BillingKeyApi}).</li>
 *   <li><b>Pinned imp_uids</b> ({@link kr.storefront.payments.testkit.iamport.WindowRequest#impUid()}): i'mport assigns
 *       every imp_uid; a test may only choose which one a new window payment gets, so the {@code events/} samples can
 *       name it. Its form, {@code imp_} + 12 digits, is {@code iamport-v1.md} §2.2's example ({@code imp_448280090638},
 *       the samples' own); a taken or malformed one is a misuse of the sandbox (IllegalArgumentException), never an API
 *       answer.</li>
 * </ul>
 */
package kr.storefront.payments.testkit.iamport;
