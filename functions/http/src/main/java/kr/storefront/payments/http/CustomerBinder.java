package kr.storefront.payments.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds {@link Customer} from the JWT authorizer's claims. Only API Gateway sets them, after it
 * validated the token's issuer, audience and signature; a request that reached us without them
 * is refused, whatever headers it carries.
 */
@Singleton
final class CustomerBinder implements TypedRequestArgumentBinder<Customer> {

    private static final Argument<Customer> TYPE = Argument.of(Customer.class);
    /** JWT {@code sub} values are opaque ids; bound their length and keep key separators out of our keys. */
    private static final int MAX_SUBJECT_LENGTH = 128;

    @Override
    public Argument<Customer> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Customer> bind(ArgumentConversionContext<Customer> context, HttpRequest<?> source) {
        String subject = ApiGatewayEvents.of(source).map(event -> ApiGatewayEvents.jwtClaims(event).get("sub")).orElse(null);
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH || subject.contains("#")) {
            throw new UnauthenticatedException();
        }
        Customer customer = new Customer(subject);
        return () -> Optional.of(customer);
    }
}
