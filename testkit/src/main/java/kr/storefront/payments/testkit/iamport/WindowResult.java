package kr.storefront.payments.testkit.iamport;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What the storefront sees when the window closes.
 *
 * @param impUid   null when the window never opened (pre-start rejection)
 * @param success  the deprecated {@code success}/{@code imp_success} flag; only a re-fetch tells whether money moved
 * @param redirect {@code m_redirect_url?imp_uid=&merchant_uid=[&imp_success=][&error_code=&error_msg=]}, present
 *                 on MOBILE when {@code m_redirect_url} is set and always for chai; tosspayments omits imp_success
 * @param callback the {@code rsp} object of the PC callback; empty when the browser was redirected instead,
 *                 because the callback then never runs
 */
public record WindowResult(
        String impUid,
        String merchantUid,
        boolean success,
        String errorCode,
        String errorMsg,
        Optional<URI> redirect,
        Map<String, Object> callback) {
}
