package kr.storefront.payments.core.json;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists, read as Serde's own list reader does (a JSON array, each element by its type's
 * deserializer), but an element's error carries its index, so a refusal can name
 * {@code items[1].quantity} rather than just {@code items.quantity}.
 */
@Singleton
@Primary
final class IndexedListDeserializer implements Deserializer<List<Object>> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<List<Object>> createSpecific(DecoderContext context, Argument<? super List<Object>> type)
            throws SerdeException {
        Argument<Object> element = (Argument<Object>) type.getFirstTypeVariable().orElse((Argument) Argument.OBJECT_ARGUMENT);
        Deserializer<Object> elements = (Deserializer<Object>) context.findDeserializer(element).createSpecific(context, element);
        return new Specific(elements, element);
    }

    @Override
    public List<Object> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<Object>> type)
            throws IOException {
        return createSpecific(context, type).deserialize(decoder, context, type);
    }

    private record Specific(Deserializer<Object> elements, Argument<Object> element) implements Deserializer<List<Object>> {

        @Override
        public List<Object> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<Object>> type)
                throws IOException {
            Decoder array = decoder.decodeArray();
            List<Object> list = new ArrayList<>();
            while (array.hasNextArrayValue()) {
                try {
                    list.add(elements.deserializeNullable(array, context, element));
                } catch (InvalidFormatException e) {
                    throw new JsonElementException(list.size(), e);
                }
            }
            array.finishStructure();
            return list;
        }
    }
}
