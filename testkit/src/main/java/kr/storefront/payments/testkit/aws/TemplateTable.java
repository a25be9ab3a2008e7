package kr.storefront.payments.testkit.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The DynamoDB table exactly as {@code template.yaml} declares it, so tests and local runs can
 * never use a schema that differs from the deployed one.
 *
 * @param logicalId        resource name in the template
 * @param attributes       attribute definitions
 * @param keySchema        table key schema
 * @param indexes          global secondary indexes
 * @param ttlAttribute     TTL attribute, or null
 */
public record TemplateTable(String logicalId, List<AttributeDefinition> attributes, List<KeySchemaElement> keySchema,
                            List<GlobalSecondaryIndex> indexes, String ttlAttribute) {

    /** Reads the first {@code AWS::DynamoDB::Table} resource of the template. */
    public static TemplateTable fromTemplate(Path template) {
        Map<String, Object> document = CloudFormationYaml.load(template);
        Map<String, Object> resources = map(document.get("Resources"));
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = map(resource.getValue());
            if ("AWS::DynamoDB::Table".equals(body.get("Type"))) {
                return fromProperties(resource.getKey(), map(body.get("Properties")));
            }
        }
        throw new IllegalStateException(template + " declares no AWS::DynamoDB::Table");
    }

    /** Finds {@code template.yaml} in the working directory or the nearest parent (module builds run in sub-folders). */
    public static Path locateTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** The CreateTable call for a table of this shape named {@code tableName}. */
    public CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keySchema)
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                .build();
    }

    private static TemplateTable fromProperties(String logicalId, Map<String, Object> properties) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object definition : list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> attribute = map(definition);
            attributes.add(AttributeDefinition.builder()
                    .attributeName((String) attribute.get("AttributeName"))
                    .attributeType((String) attribute.get("AttributeType"))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object declared : list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(declared);
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName((String) index.get("IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(Projection.builder().projectionType((String) map(index.get("Projection")).get("ProjectionType")).build())
                    .build());
        }
        Object ttl = properties.get("TimeToLiveSpecification");
        String ttlAttribute = ttl == null ? null : (String) map(ttl).get("AttributeName");
        return new TemplateTable(logicalId, List.copyOf(attributes), keySchema(properties.get("KeySchema")),
                List.copyOf(indexes), ttlAttribute);
    }

    private static List<KeySchemaElement> keySchema(Object declared) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object element : list(declared)) {
            Map<String, Object> key = map(element);
            keys.add(KeySchemaElement.builder()
                    .attributeName((String) key.get("AttributeName"))
                    .keyType((String) key.get("KeyType"))
                    .build());
        }
        return List.copyOf(keys);
    }

    private static Map<String, Object> map(Object value) {
        return CloudFormationYaml.map(value);
    }

    private static List<Object> list(Object value) {
        return CloudFormationYaml.list(value);
    }
}
