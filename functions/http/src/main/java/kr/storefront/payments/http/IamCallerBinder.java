package kr.storefront.payments.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds {@link IamCaller}. The route's AWS_IAM authorizer is what protects it; this check makes a
 * route that lost its authorizer in a template edit fail closed (403) instead of open.
 */
@Singleton
final class IamCallerBinder implements TypedRequestArgumentBinder<IamCaller> {

    private static final Argument<IamCaller> TYPE = Argument.of(IamCaller.class);

    @Override
    public Argument<IamCaller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<IamCaller> bind(ArgumentConversionContext<IamCaller> context, HttpRequest<?> source) {
        IamCaller caller = ApiGatewayEvents.of(source).flatMap(ApiGatewayEvents::iamCaller).map(IamCaller::new)
                .orElseThrow(() -> new ForbiddenException("this route needs an IAM-signed (SigV4) request"));
        return () -> Optional.of(caller);
    }
}
