package org.disputeledger.api.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes bad requests from the API document, reproducibly from a seed: for an operation it builds a plausible
 * request from the parameter and body schemas (their examples where given), then breaks it one way: a value of
 * the wrong type, a huge or negative number, an invalid date or currency, an SQL or script fragment, a missing or
 * an extra field, broken or deeply nested JSON, an oversized body, or a hostile or unknown path or query value.
 */
final class RequestFuzzer {

    /** One generated request, and how it was broken, for the report. */
    record FuzzRequest(String method, String uri, String body, String contentType, String mutation) {
    }

    /** An operation of the API document. */
    record Operation(String method, String path, JsonNode spec) {
    }

    static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE domain_event_entry; --",
            "\" OR \"\"=\"", "') UNION SELECT password FROM pg_shadow --", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}",
            "../../../../etc/passwd", "%00", "\u0000", "\u202e", "null", "NaN", "-1", "0", "\\", "\"", "'",
            "select * from api_key", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    static final List<String> BAD_DATES = List.of("2021-13-01", "2021-02-30", "21-03-10", "2021/03/10",
            "10.03.2021", "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "-0001-01-01", "0000-00-00",
            "2021-03-10T25:00:00Z", "2021-03-10T00:00:00", "9999-12-31T23:59:59.999999999Z",
            "+1000000000-01-01T00:00:00Z", "-1000000-01-01T00:00:00Z", "yesterday", "", " ");
    static final List<String> BAD_CURRENCIES = List.of("XYZ", "rub", "RUBX", "", "€", "12", "R U");
    static final List<Object> BAD_NUMBERS = List.of(-1L, -9223372036854775808L, 9223372036854775807L,
            Double.MAX_VALUE, 1.5, -0.0, 0L, Integer.MAX_VALUE + 1L, new java.math.BigInteger("9".repeat(40)),
            1e308);

    private final Random random;
    private final JsonNode schemas;
    private final JsonMapper json;
    private final List<String> knownIds;

    RequestFuzzer(long seed, JsonNode document, JsonMapper json, List<String> knownIds) {
        this.random = new Random(seed);
        this.schemas = document.get("components").get("schemas");
        this.json = json;
        this.knownIds = knownIds;
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    FuzzRequest next(Operation operation) {
        List<String> mutations = new ArrayList<>();
        String uri = uri(operation, mutations);
        JsonNode bodySchema = bodySchema(operation.spec());
        if (bodySchema == null) {
            return new FuzzRequest(operation.method(), uri, null, null,
                    mutations.isEmpty() ? "plausible" : String.join(", ", mutations));
        }
        JsonNode body = plausible(bodySchema, "body", 0);
        int kind = random.nextInt(100);
        String text;
        String contentType = "application/json";
        if (kind < 45) {
            text = json.writeValueAsString(replaceLeaf(body, mutations));
        } else if (kind < 58) {
            text = json.writeValueAsString(removeField(body, mutations));
        } else if (kind < 68) {
            text = json.writeValueAsString(addField(body, mutations));
        } else if (kind < 78) {
            text = broken(json.writeValueAsString(body), mutations);
        } else if (kind < 84) {
            int depth = 20 + random.nextInt(2000);
            text = "{\"envelope\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            mutations.add("nested " + depth);
        } else if (kind < 85) {
            text = json.writeValueAsString(body).replaceFirst("\\{", "{\"summary\":\"" + "x".repeat(300_000)
                    + "\",");
            mutations.add("oversized body");
        } else if (kind < 90) {
            String[] odd = {"", "null", "[]", "42", "\"text\"", "{}", "true"};
            text = odd[random.nextInt(odd.length)];
            mutations.add("body " + text);
        } else if (kind < 93) {
            text = json.writeValueAsString(body);
            contentType = random.nextBoolean() ? "text/plain" : "application/xml";
            mutations.add("content type " + contentType);
        } else {
            text = json.writeValueAsString(body);
            mutations.add("plausible body");
        }
        return new FuzzRequest(operation.method(), uri, text, contentType, String.join(", ", mutations));
    }

    private String uri(Operation operation, List<String> mutations) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        JsonNode parameters = operation.spec().get("parameters");
        boolean hostileOne = random.nextInt(3) == 0;
        if (parameters != null) {
            List<JsonNode> list = new ArrayList<>();
            parameters.forEach(list::add);
            JsonNode target = list.isEmpty() || !hostileOne ? null : list.get(random.nextInt(list.size()));
            for (JsonNode parameter : list) {
                String name = parameter.get("name").asString();
                String in = parameter.get("in").asString();
                if (in.equals("header")) {
                    continue;
                }
                String value;
                if (parameter == target) {
                    value = hostileValue(name);
                    mutations.add(in + " " + name + "=" + abbreviate(value));
                } else if (!parameter.path("required").asBoolean(false) && random.nextBoolean()) {
                    continue;
                } else {
                    value = plausibleText(name, parameter.get("schema"));
                }
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                if (in.equals("path")) {
                    path = path.replace("{" + name + "}", encoded);
                } else if (in.equals("query")) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded);
                }
            }
        }
        if (random.nextInt(20) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append("unknownParam=").append(
                    URLEncoder.encode(HOSTILE.get(random.nextInt(HOSTILE.size())), StandardCharsets.UTF_8));
            mutations.add("unknown query parameter");
        }
        return path + query;
    }

    private String hostileValue(String name) {
        int kind = random.nextInt(6);
        return switch (kind) {
            case 0 -> HOSTILE.get(random.nextInt(HOSTILE.size()));
            case 1 -> BAD_DATES.get(random.nextInt(BAD_DATES.size()));
            case 2 -> String.valueOf(BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size())));
            case 3 -> java.util.UUID.randomUUID().toString();
            case 4 -> "a".repeat(1 + random.nextInt(3000));
            default -> knownIds.isEmpty() ? "unknown" : knownIds.get(random.nextInt(knownIds.size()));
        };
    }

    private JsonNode bodySchema(JsonNode spec) {
        JsonNode content = spec.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        Iterator<JsonNode> types = content.values().iterator();
        return types.hasNext() ? types.next().get("schema") : null;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema != null && schema.has("oneOf")) {
            return resolve(schema.get("oneOf").get(random.nextInt(schema.get("oneOf").size())));
        }
        if (schema != null && schema.has("allOf")) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    /** A value that fits the schema and, where the field's name says more, the ledger's formats. */
    JsonNode plausible(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema == null || depth > 8) {
            return nodes.nullNode();
        }
        if (schema.has("example") && random.nextInt(4) != 0) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "integer":
                return nodes.numberNode(1 + random.nextInt(50));
            case "number":
                return nodes.numberNode(1 + random.nextInt(50));
            case "boolean":
                return nodes.booleanNode(random.nextBoolean());
            case "string":
                return nodes.stringNode(plausibleText(name, schema));
            case "array": {
                ArrayNode array = nodes.arrayNode();
                array.add(plausible(schema.get("items"), name, depth + 1));
                return array;
            }
            default: {
                ObjectNode object = nodes.objectNode();
                JsonNode properties = schema.get("properties");
                if (properties != null) {
                    for (var property : properties.properties()) {
                        object.set(property.getKey(), plausible(property.getValue(), property.getKey(), depth + 1));
                    }
                } else if (schema.has("additionalProperties")) {
                    object.put("note", "text");
                }
                return object;
            }
        }
    }

    private String plausibleText(String name, JsonNode schema) {
        schema = resolve(schema);
        if (schema != null && schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asString();
        }
        String format = schema == null ? "" : schema.path("format").asString("");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (format.equals("date") || lower.endsWith("on") && lower.contains("publish") || lower.equals("from")
                || lower.equals("to") || lower.equals("deadline") || lower.equals("date")) {
            return "2021-03-" + (10 + random.nextInt(10));
        }
        if (format.equals("date-time") || lower.equals("at") || lower.equals("knownat") || lower.equals("instant")) {
            return random.nextBoolean() ? "2021-03-15" : "2021-03-15T12:00:00Z";
        }
        if (format.equals("int64") || format.equals("int32") || lower.equals("limit")) {
            return String.valueOf(1 + random.nextInt(100));
        }
        if (lower.contains("jurisdiction")) {
            return "RU";
        }
        if (lower.contains("currency")) {
            return "RUB";
        }
        if (lower.contains("url")) {
            return "https://tass.com/economy/" + random.nextInt(1000);
        }
        if (lower.endsWith("id") && !knownIds.isEmpty() && random.nextBoolean()) {
            return knownIds.get(random.nextInt(knownIds.size()));
        }
        if (lower.endsWith("id")) {
            return java.util.UUID.randomUUID().toString();
        }
        if (lower.equals("role")) {
            return "viewer";
        }
        return List.of("twitter", "twitter-inc", "roskomnadzor", "koap-13-41", "@armscontrol_rus")
                .get(random.nextInt(5));
    }

    private JsonNode replaceLeaf(JsonNode body, List<String> mutations) {
        List<String[]> leaves = new ArrayList<>();
        collect(body, "", leaves);
        if (leaves.isEmpty()) {
            mutations.add("no field to replace");
            return body;
        }
        String path = leaves.get(random.nextInt(leaves.size()))[0];
        JsonNode bad = badValue(path);
        mutations.add(path + "=" + abbreviate(String.valueOf(bad)));
        return set(body.deepCopy(), path, bad);
    }

    private JsonNode badValue(String path) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(11)) {
            case 0 -> nodes.stringNode(HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 1 -> nodes.stringNode(BAD_DATES.get(random.nextInt(BAD_DATES.size())));
            case 2 -> nodes.stringNode(BAD_CURRENCIES.get(random.nextInt(BAD_CURRENCIES.size())));
            case 3 -> json.readTree(String.valueOf(BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size()))));
            case 4 -> nodes.booleanNode(true);
            case 5 -> nodes.nullNode();
            case 6 -> nodes.arrayNode().add(1).add("two");
            case 7 -> nodes.objectNode().put("nested", HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 8 -> nodes.stringNode("x".repeat(1 + random.nextInt(20_000)));
            case 9 -> nodes.stringNode(knownIds.isEmpty() ? "unknown" : knownIds.get(random.nextInt(knownIds.size())));
            default -> nodes.numberNode(random.nextInt(2000) - 1000);
        };
    }

    private static void collect(JsonNode node, String path, List<String[]> leaves) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        }
        if (!path.isEmpty()) {
            leaves.add(new String[] {path});
        }
    }

    private static JsonNode set(JsonNode root, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return root;
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            if (!field.isEmpty()) {
                steps.add(field);
            }
            var indexes = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
            while (indexes.find()) {
                steps.add(Integer.parseInt(indexes.group(1)));
            }
        }
        return steps;
    }

    private JsonNode removeField(JsonNode body, List<String> mutations) {
        List<String[]> leaves = new ArrayList<>();
        collect(body, "", leaves);
        List<String> objectFields = leaves.stream().map(l -> l[0]).filter(p -> !p.endsWith("]")).toList();
        if (objectFields.isEmpty()) {
            return body;
        }
        String path = objectFields.get(random.nextInt(objectFields.size()));
        JsonNode copy = body.deepCopy();
        List<Object> steps = steps(path);
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        ((ObjectNode) parent).remove((String) steps.get(steps.size() - 1));
        mutations.add("without " + path);
        return copy;
    }

    private JsonNode addField(JsonNode body, List<String> mutations) {
        JsonNode copy = body.deepCopy();
        if (!copy.isObject()) {
            return copy;
        }
        List<String> names = List.of("recordedBy", "recordedAt", "eventId", "id", "__proto__", "constructor",
                "' OR 1=1 --", "<b>x</b>", "extra");
        String name = names.get(random.nextInt(names.size()));
        ((ObjectNode) copy).put(name, HOSTILE.get(random.nextInt(HOSTILE.size())));
        mutations.add("extra field " + name);
        return copy;
    }

    private String broken(String text, List<String> mutations) {
        int kind = random.nextInt(5);
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        mutations.add("broken json " + kind);
        return switch (kind) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "}" + text.substring(at);
            case 2 -> text.substring(0, at) + "\u0001" + text.substring(at);
            case 3 -> text + " {}";
            default -> text.replace("\"", "'");
        };
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
