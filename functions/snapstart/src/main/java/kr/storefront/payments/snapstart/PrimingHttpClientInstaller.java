package kr.storefront.payments.snapstart;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;

/** Wraps the SDK HTTP client bean that micronaut-aws-sdk-v2 gives every AWS client in a {@link PrimingHttpClient}. */
@Singleton
final class PrimingHttpClientInstaller implements BeanCreatedEventListener<SdkHttpClient> {

    @Override
    public SdkHttpClient onCreated(BeanCreatedEvent<SdkHttpClient> event) {
        SdkHttpClient client = event.getBean();
        return client instanceof PrimingHttpClient ? client : new PrimingHttpClient(client);
    }
}
