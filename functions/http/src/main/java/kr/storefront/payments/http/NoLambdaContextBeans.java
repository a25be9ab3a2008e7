package kr.storefront.payments.http;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Replaces micronaut-function-aws's {@link DefaultLambdaContextFactory} in the API functions. The default
 * registers the invocation's {@link Context}, logger, client context and identity as singletons on every
 * request, each registration a search through the bean definitions: about 2 ms of each warm request on
 * Lambda's C1-only JIT. No bean of the API functions reads them (the request id comes from the API Gateway
 * event), so nothing is registered.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
final class NoLambdaContextBeans implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // deliberately nothing: see the class comment
    }
}
