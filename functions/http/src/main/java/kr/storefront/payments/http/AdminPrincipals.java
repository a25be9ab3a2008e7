package kr.storefront.payments.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call the catalog administration routes ({@code AdminPrincipalArns} in the template,
 * {@code CHECKOUT_ADMIN_PRINCIPAL_ARNS}): IAM principal ARNs, exact. Empty means no one: the AWS_IAM
 * authorizer lets through anyone with {@code execute-api:Invoke}, so without a list every admin call is refused.
 *
 * <p>A role's sessions sign as {@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION}: such a caller matches an
 * allow-listed {@code arn:aws:iam::ACCOUNT:role/NAME} (any path, as the session ARN carries none), so listing a role
 * admits every session of it. Session ARNs may be listed too (then only that session name).
 *
 * @param principalArns the allowed ARNs; blanks are ignored
 */
@ConfigurationProperties("checkout.admin")
public record AdminPrincipals(@Bindable(defaultValue = "") List<String> principalArns) {

    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:([a-z-]+):sts::([0-9]{12}):assumed-role/([^/]+)/[^/]+");
    private static final Pattern ROLE = Pattern.compile("arn:([a-z-]+):iam::([0-9]{12}):role/(?:.+/)?([^/]+)");

    public AdminPrincipals {
        principalArns = principalArns == null ? List.of()
                : principalArns.stream().filter(Objects::nonNull).map(String::trim).filter(arn -> !arn.isEmpty()).toList();
    }

    /** Whether the principal that signed the request is on the list. */
    public boolean allows(String callerArn) {
        if (callerArn == null || callerArn.isBlank()) {
            return false;
        }
        if (principalArns.contains(callerArn)) {
            return true;
        }
        Matcher session = ASSUMED_ROLE.matcher(callerArn);
        if (!session.matches()) {
            return false;
        }
        return principalArns.stream().map(ROLE::matcher).anyMatch(role -> role.matches()
                && role.group(1).equals(session.group(1)) && role.group(2).equals(session.group(2))
                // IAM role names are case-insensitive and unique per account
                && role.group(3).toLowerCase(Locale.ROOT).equals(session.group(3).toLowerCase(Locale.ROOT)));
    }
}
