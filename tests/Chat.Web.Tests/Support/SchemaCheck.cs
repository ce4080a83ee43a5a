using System.Globalization;
using System.Text.Json;

namespace Chat.Web.Tests.Support;

/// <summary>
/// Checks a JSON value against a schema of the service's API document, for the part of
/// JSON Schema the document uses: <c>$ref</c> into its components, <c>type</c>,
/// <c>enum</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c>,
/// <c>items</c>, <c>anyOf</c>, <c>oneOf</c>, <c>allOf</c> and the <c>date-time</c> format.
/// </summary>
public static class SchemaCheck
{
    /// <summary>What in <paramref name="value"/> the schema does not allow; empty when it conforms.</summary>
    public static List<string> Mismatches(JsonElement document, JsonElement schema, JsonElement value)
    {
        var found = new List<string>();
        Check(document, schema, value, "$", found);
        return found;
    }

    private static void Check(JsonElement document, JsonElement schema, JsonElement value, string at, List<string> found)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            found.Add($"{at}: no value is allowed here");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(document, Resolve(document, reference.GetString()!), value, at, found);
        }

        if (schema.TryGetProperty("type", out var type) && !Types(type).Any(t => IsOfType(value, t)))
        {
            found.Add($"{at}: {value.ValueKind} is not of type {type}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetRawText() == value.GetRawText()))
        {
            found.Add($"{at}: {value} is not one of {allowed}");
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && value.ValueKind == JsonValueKind.String
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            found.Add($"{at}: {value} is not a date-time");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(document, schema, value, at, found);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(document, items, item, $"{at}[{index++}]", found);
            }
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(document, part, value, at, found);
            }
        }

        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(part => Mismatches(document, part, value).Count == 0))
        {
            found.Add($"{at}: matches none of anyOf {any}");
        }

        if (schema.TryGetProperty("oneOf", out var one) && one.EnumerateArray().Count(part => Mismatches(document, part, value).Count == 0) != 1)
        {
            found.Add($"{at}: does not match exactly one of oneOf {one}");
        }
    }

    private static void CheckObject(JsonElement document, JsonElement schema, JsonElement value, string at, List<string> found)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    found.Add($"{at}: lacks the required member '{name}'");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : default;
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Check(document, memberSchema, member.Value, $"{at}.{member.Name}", found);
            }
            else if (additional.ValueKind != JsonValueKind.Undefined)
            {
                Check(document, additional, member.Value, $"{at}.{member.Name}", found);
            }
        }
    }

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        Assert.StartsWith("#/", reference, StringComparison.Ordinal);
        var target = document;
        foreach (var step in reference[2..].Split('/'))
        {
            Assert.True(target.TryGetProperty(step, out target), $"The document has no {reference}.");
        }

        return target;
    }

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && decimal.Truncate(number) == number,
        _ => false,
    };
}
