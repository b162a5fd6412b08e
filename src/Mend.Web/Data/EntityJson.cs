using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mend.Web.Data;

/// <summary>
/// Reads EF Core entities (and small records) out of one PostgreSQL <c>jsonb</c> value built from their rows, so that a page
/// needing many kinds of record reads them in one round trip (decision 0020). EF Core sends each query on its own
/// (dotnet/efcore#10879); PostgreSQL can put every row a page needs into one value. The SQL is written from the EF model
/// (table and column names, foreign keys), and so is the reading (each column through the property's value converter,
/// each entity through its constructor, collections through their navigations), so a renamed column or a new one needs no
/// change here. The entities read are not tracked.
/// </summary>
public static class EntityJson
{
    /// <summary>For the small records read with <see cref="RecordOf{TRecord,TEntity}"/>: enums by name or number, times as UTC.</summary>
    private static readonly JsonSerializerOptions RecordOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeJson() },
    };

    /// <summary>The quoted table name of <typeparamref name="TEntity"/>, for the FROM of a sub-select.</summary>
    public static string Table<TEntity>(IModel model) => Quote(EntityType(model, typeof(TEntity)).GetTableName()!);

    /// <summary>The quoted column of <typeparamref name="TEntity"/>'s property <paramref name="property"/> (its CLR name).</summary>
    public static string Column<TEntity>(IModel model, string property) => Quote(ColumnName(EntityType(model, typeof(TEntity)), property));

    /// <summary>
    /// <c>to_jsonb(alias)</c>, the row of <typeparamref name="TEntity"/> aliased <paramref name="alias"/>, with each of the
    /// collection navigations named added as an array of its rows (in id order) under the navigation's name: the JSON that
    /// <see cref="Entity{TEntity}"/> reads back into the entity with those collections.
    /// </summary>
    public static string RowWith<TEntity>(IModel model, string alias, params string[] collections)
    {
        var type = EntityType(model, typeof(TEntity));
        if (collections.Length == 0)
        {
            return $"to_jsonb({alias})";
        }

        var parts = collections.Select((name, i) =>
        {
            var navigation = type.FindNavigation(name) ?? throw new ArgumentException($"{type.ClrType.Name} has no navigation {name}", nameof(collections));
            var child = navigation.TargetEntityType;
            var key = navigation.ForeignKey;
            var x = $"{alias}_{i}";
            var join = string.Join(" AND ", key.Properties.Zip(key.PrincipalKey.Properties,
                (fk, pk) => $"{x}.{Quote(ColumnName(child, fk.Name))} = {alias}.{Quote(ColumnName(type, pk.Name))}"));
            var order = string.Join(", ", child.FindPrimaryKey()!.Properties.Select(p => $"{x}.{Quote(ColumnName(child, p.Name))}"));
            return $"'{name}', coalesce((SELECT jsonb_agg(to_jsonb({x}) ORDER BY {order}) FROM {Quote(child.GetTableName()!)} {x} WHERE {join}), '[]')";
        });
        return $"(to_jsonb({alias}) || jsonb_build_object({string.Join(", ", parts)}))";
    }

    /// <summary>
    /// A <c>jsonb_build_object</c> of <typeparamref name="TEntity"/>'s columns (aliased <paramref name="alias"/>) named like
    /// <typeparamref name="TRecord"/>'s constructor parameters, for a record that needs a few columns of a wide row.
    /// </summary>
    public static string RecordOf<TRecord, TEntity>(IModel model, string alias)
    {
        var type = EntityType(model, typeof(TEntity));
        var parameters = typeof(TRecord).GetConstructors().Single().GetParameters();
        return $"jsonb_build_object({string.Join(", ", parameters.Select(p => $"'{p.Name}', {alias}.{Quote(ColumnName(type, p.Name!))}"))})";
    }

    /// <summary>The records of a JSON array built with <see cref="RecordOf{TRecord,TEntity}"/>.</summary>
    public static List<TRecord> Records<TRecord>(JsonElement array) => array.Deserialize<List<TRecord>>(RecordOptions) ?? [];

    /// <summary>
    /// A value of <typeparamref name="TEntity"/>'s property <paramref name="property"/> as an SQL literal of what is stored (an
    /// enum's name where it is stored by name), for a condition that is the same on every read.
    /// </summary>
    public static string Literal<TEntity>(IModel model, string property, object value)
    {
        var mapped = EntityType(model, typeof(TEntity)).FindProperty(property) ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property {property}", nameof(property));
        return mapped.GetTypeMapping().Converter?.ConvertToProvider(value) switch
        {
            string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            null when value is Enum => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            var other => throw new NotSupportedException($"{typeof(TEntity).Name}.{property}: a literal of {other?.GetType().Name ?? value.GetType().Name}"),
        };
    }

    /// <summary>
    /// The entities of a JSON array of rows built with <see cref="RowWith{TEntity}"/>, in the array's order: their columns and
    /// the collections the JSON holds. Reference navigations are left empty, as EF Core leaves them without an include; an
    /// entity with owned or complex parts, which this does not read, is refused rather than read in part.
    /// </summary>
    public static List<TEntity> Entities<TEntity>(IModel model, JsonElement array)
    {
        var type = EntityType(model, typeof(TEntity));
        return array.EnumerateArray().Select(e => (TEntity)Materialise(type, e)).ToList();
    }

    /// <summary>What reading a row of an entity type needs from the model, worked out once a type (and checked readable then).</summary>
    private sealed record Shape(IReadOnlyList<(IProperty Property, string Column)> Columns, IReadOnlyList<INavigation> Collections)
    {
        private static readonly ConditionalWeakTable<IEntityType, Shape> Known = [];

        public static Shape Of(IEntityType type) => Known.GetValue(type, t =>
        {
            Readable(t);
            return new Shape(t.GetProperties().Select(p => (p, ColumnName(t, p.Name))).ToList(), t.GetNavigations().Where(n => n.IsCollection).ToList());
        });
    }

    private static void Readable(IEntityType type)
    {
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new NotSupportedException($"{type.ClrType.Name} has owned or complex parts, which are not read from JSON.");
        }

        foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection))
        {
            Readable(navigation.TargetEntityType);
        }
    }

    private static object Materialise(IEntityType type, JsonElement json)
    {
        var shape = Shape.Of(type);
        var values = new Dictionary<string, object?>();
        foreach (var (property, column) in shape.Columns)
        {
            if (json.TryGetProperty(column, out var value))
            {
                values[property.Name] = Read(property, value);
            }
        }

        var entity = Construct(type, values);
        foreach (var (property, _) in shape.Columns.Where(c => !c.Property.IsShadowProperty() && values.ContainsKey(c.Property.Name)))
        {
            Set(property, entity, values[property.Name]);
        }

        foreach (var navigation in shape.Collections)
        {
            var accessor = navigation.GetCollectionAccessor()!;
            accessor.GetOrCreate(entity, forMaterialization: true);
            if (json.TryGetProperty(navigation.Name, out var items))
            {
                foreach (var item in items.EnumerateArray())
                {
                    accessor.Add(entity, Materialise(navigation.TargetEntityType, item), forMaterialization: true);
                }
            }
        }

        return entity;
    }

    /// <summary>As EF Core does: through the constructor it chose, given the columns its parameters stand for, else one without.</summary>
    private static object Construct(IEntityType type, Dictionary<string, object?> values)
    {
        if (type.ConstructorBinding is Microsoft.EntityFrameworkCore.Metadata.ConstructorBinding { } binding
            && binding.ParameterBindings.All(b => b.ConsumedProperties.Count == 1))
        {
            var arguments = binding.ParameterBindings.Select(b => values.GetValueOrDefault(b.ConsumedProperties[0].Name)).ToArray();
            return binding.Constructor.Invoke(arguments);
        }

        var constructor = type.ClrType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
        return constructor?.Invoke(null) ?? RuntimeHelpers.GetUninitializedObject(type.ClrType);
    }

    /// <summary>Through the backing field when EF Core knows one (as it does by default), else the property's setter.</summary>
    private static void Set(IProperty property, object entity, object? value)
    {
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, value);
        }
    }

    private static object? Read(IProperty property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var converter = property.GetTypeMapping().Converter;
        var stored = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
        var read = ReadAs(stored, value, property);
        return converter is null ? read : converter.ConvertFromProvider(read);
    }

    private static object ReadAs(Type type, JsonElement value, IProperty property) => type switch
    {
        _ when type == typeof(string) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(),
        _ when type == typeof(Guid) => value.GetGuid(),
        _ when type == typeof(bool) => value.GetBoolean(),
        _ when type == typeof(int) => value.GetInt32(),
        _ when type == typeof(long) => value.GetInt64(),
        _ when type == typeof(short) => value.GetInt16(),
        _ when type == typeof(decimal) => value.GetDecimal(),
        _ when type == typeof(double) => value.GetDouble(),
        _ when type == typeof(DateTime) => UtcDateTimeJson.Parse(value.GetString()!),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(UtcDateTimeJson.Parse(value.GetString()!)), // in UTC, as Npgsql reads it
        _ when type == typeof(DateOnly) => value.GetString() switch
        {
            "-infinity" => DateOnly.MinValue,
            "infinity" => DateOnly.MaxValue,
            var day => DateOnly.ParseExact(day!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        _ when type == typeof(TimeOnly) => TimeOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ when type == typeof(byte[]) => Convert.FromHexString(value.GetString()!.AsSpan(2)), // bytea as "\x0a1b…"
        _ when type.IsEnum => Enum.ToObject(type, value.GetInt64()),
        _ => throw new NotSupportedException($"{property.DeclaringType.ClrType.Name}.{property.Name}: a {type.Name} column is not read from JSON yet"),
    };

    private static IEntityType EntityType(IModel model, Type clr) =>
        model.FindEntityType(clr) ?? throw new ArgumentException($"{clr.Name} is not an entity of the model", nameof(clr));

    private static string ColumnName(IEntityType type, string property)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return (type.FindProperty(property) ?? throw new ArgumentException($"{type.ClrType.Name} has no property {property}", nameof(property)))
            .GetColumnName(table)!;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// PostgreSQL writes <c>timestamptz</c> in JSON with the session's offset; Mend keeps every time in UTC. Npgsql stores
    /// <see cref="DateTime.MinValue"/> and <see cref="DateTime.MaxValue"/> as -infinity and infinity, and reads them back so.
    /// </summary>
    private sealed class UtcDateTimeJson : JsonConverter<DateTime>
    {
        public static DateTime Parse(string text) => text switch
        {
            "-infinity" => DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            "infinity" => DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
        };

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
