package kr.storefront.payments.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link IamCaller}. The route's AWS_IAM authorizer checks the signature; this check makes a
 * route that lost its authorizer in a template edit fail closed (403) instead of open, and admits only
 * the principals of {@link AdminPrincipals} (403 for any other signer, even one with {@code execute-api:Invoke}).
 */
@Singleton
final class IamCallerBinder implements TypedRequestArgumentBinder<IamCaller> {

    private static final Argument<IamCaller> TYPE = Argument.of(IamCaller.class);
    private static final Logger LOG = LoggerFactory.getLogger(IamCallerBinder.class);

    private final AdminPrincipals admins;

    IamCallerBinder(AdminPrincipals admins) {
        this.admins = admins;
    }

    @Override
    public Argument<IamCaller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<IamCaller> bind(ArgumentConversionContext<IamCaller> context, HttpRequest<?> source) {
        IamCaller caller = ApiGatewayEvents.of(source).flatMap(ApiGatewayEvents::iamCaller).map(IamCaller::new)
                .orElseThrow(() -> new ForbiddenException("this route needs an IAM-signed (SigV4) request"));
        if (!admins.allows(caller.arn())) {
            // the ARN is AWS's verified identity, not free text; the caller is told nothing about the list
            LOG.warn("admin route refused: IAM principal {} is not in AdminPrincipalArns ({} allowed)", caller.arn(),
                    admins.principalArns().size());
            throw new ForbiddenException("this IAM principal is not allowed on the admin routes");
        }
        return () -> Optional.of(caller);
    }
}
