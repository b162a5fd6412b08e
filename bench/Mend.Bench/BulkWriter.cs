using System.Collections;
using System.Reflection;
using Mend.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Mend.Bench;

/// <summary>
/// Writes whole aggregates (an entity and everything it owns through navigations) straight into the
/// tables the migrations created, reading table and column names, value conversions and keys from
/// Mend's EF Core model, so the data is exactly what Mend itself would have saved. PostgreSQL gets one
/// binary COPY per table, completed principal tables first; SQLite gets prepared inserts in large
/// transactions. Generated integer keys are assigned here, so children can refer to them, and the
/// sequences are moved past them at the end.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly MendDb _db;
    private readonly DatabaseProvider _provider;
    private readonly NpgsqlDataSource? _postgres;
    private readonly SqliteConnection? _sqlite;
    private SqliteTransaction? _transaction;
    private int _sinceCommit;
    private readonly List<Sink> _sinks = [];
    private readonly Dictionary<IEntityType, Sink> _byType = [];
    private readonly Dictionary<IEntityType, long> _nextKey = [];

    private BulkWriter(MendDb db, DatabaseProvider provider, NpgsqlDataSource? postgres, SqliteConnection? sqlite)
    {
        _db = db;
        _provider = provider;
        _postgres = postgres;
        _sqlite = sqlite;
    }

    public static async Task<BulkWriter> OpenAsync(MendDb db, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new BulkWriter(db, provider, NpgsqlDataSource.Create(connectionString), null);
        }

        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using (var pragma = sqlite.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync();
        }

        return new BulkWriter(db, provider, null, sqlite);
    }

    /// <summary>Writes an aggregate root and every dependent reachable from it.</summary>
    public async Task AddAsync(object root)
    {
        await WriteAsync(_db.Model.FindEntityType(root.GetType()) ?? throw new ArgumentException($"{root.GetType().Name} is not in Mend's model"), root, null);
        if (_sqlite is not null && ++_sinceCommit >= 2000)
        {
            await _transaction!.CommitAsync();
            _transaction = null;
            _sinceCommit = 0;
        }
    }

    /// <summary>Completes every COPY (principal tables first) or the last transaction, then moves the key sequences on.</summary>
    public async Task CompleteAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.CompleteAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.CommitAsync();
            _transaction = null;
        }

        if (_postgres is not null)
        {
            foreach (var (type, _) in _nextKey)
            {
                var key = type.FindPrimaryKey()!.Properties[0];
                await using var command = _postgres.CreateCommand(
                    $"SELECT setval(pg_get_serial_sequence('\"{type.GetTableName()}\"', '{key.GetColumnName()}'), (SELECT COALESCE(MAX(\"{key.GetColumnName()}\"), 0) + 1 FROM \"{type.GetTableName()}\"), false)");
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private async Task WriteAsync(IEntityType type, object entity, Dictionary<IProperty, object?>? shadow)
    {
        AssignKey(type, entity);
        var sink = await SinkForAsync(type);
        await sink.WriteAsync(entity, shadow);
        foreach (var navigation in type.GetNavigations().Where(n => !n.IsOnDependent && !n.ForeignKey.IsOwnership || n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            var value = navigation.GetGetter().GetClrValue(entity);
            var children = value switch
            {
                null => [],
                IEnumerable many when navigation.IsCollection => many.Cast<object>(),
                _ => [value],
            };
            foreach (var child in children)
            {
                var childType = navigation.TargetEntityType;
                var keys = new Dictionary<IProperty, object?>();
                foreach (var (fk, pk) in navigation.ForeignKey.Properties.Zip(navigation.ForeignKey.PrincipalKey.Properties))
                {
                    var parentValue = Get(pk, entity, shadow);
                    if (fk.IsShadowProperty())
                    {
                        keys[fk] = parentValue;
                    }
                    else
                    {
                        Set(fk, child, parentValue);
                    }
                }

                await WriteAsync(childType, child, keys);
            }
        }
    }

    private void AssignKey(IEntityType type, object entity)
    {
        var key = type.FindPrimaryKey();
        if (key is not { Properties.Count: 1 } || key.Properties[0].ValueGenerated != ValueGenerated.OnAdd)
        {
            return;
        }

        var property = key.Properties[0];
        var current = property.GetGetter().GetClrValue(entity);
        if (property.ClrType == typeof(Guid))
        {
            if ((Guid)current! == Guid.Empty)
            {
                Set(property, entity, Guid.CreateVersion7());
            }

            return;
        }

        if (!_nextKey.TryGetValue(type, out var next))
        {
            next = MaxKey(type, property) + 1;
        }

        Set(property, entity, Convert.ChangeType(next, property.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        _nextKey[type] = next + 1;
    }

    private long MaxKey(IEntityType type, IProperty key)
    {
        var sql = $"SELECT COALESCE(MAX(\"{key.GetColumnName()}\"), 0) FROM \"{type.GetTableName()}\"";
        if (_postgres is not null)
        {
            using var command = _postgres.CreateCommand(sql);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        using var query = _sqlite!.CreateCommand();
        query.CommandText = sql;
        query.Transaction = _transaction;
        return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object? Get(IProperty property, object entity, Dictionary<IProperty, object?>? shadow) =>
        property.IsShadowProperty() ? shadow?.GetValueOrDefault(property) : property.GetGetter().GetClrValue(entity);

    private static void Set(IProperty property, object entity, object? value)
    {
        switch (property.GetMemberInfo(forMaterialization: true, forSet: true))
        {
            case FieldInfo field:
                field.SetValue(entity, value);
                break;
            case PropertyInfo info:
                info.SetValue(entity, value);
                break;
        }
    }

    private async Task<Sink> SinkForAsync(IEntityType type)
    {
        if (_byType.TryGetValue(type, out var sink))
        {
            if (_sqlite is not null && _transaction is null)
            {
                _transaction = (SqliteTransaction)await _sqlite.BeginTransactionAsync();
            }

            return sink;
        }

        var properties = type.GetProperties().Where(p => p.GetColumnName() is not null).ToList();
        var table = type.GetTableName()!;
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        if (_postgres is not null)
        {
            var connection = await _postgres.OpenConnectionAsync();
            var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
            sink = new PostgresSink(properties, connection, importer);
        }
        else
        {
            _transaction ??= (SqliteTransaction)await _sqlite!.BeginTransactionAsync();
            sink = new SqliteSink(properties, _sqlite!, () => _transaction, $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i))})");
        }

        _sinks.Add(sink);
        _byType[type] = sink;
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private abstract class Sink(IReadOnlyList<IProperty> properties) : IAsyncDisposable
    {
        protected IReadOnlyList<IProperty> Properties { get; } = properties;

        /// <summary>The value as the database stores it, after the model's value converter.</summary>
        protected static object? ProviderValue(IProperty property, object entity, Dictionary<IProperty, object?>? shadow)
        {
            var value = Get(property, entity, shadow);
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }

        public abstract Task WriteAsync(object entity, Dictionary<IProperty, object?>? shadow);

        public abstract Task CompleteAsync();

        public abstract ValueTask DisposeAsync();
    }

    private sealed class PostgresSink(IReadOnlyList<IProperty> properties, NpgsqlConnection connection, NpgsqlBinaryImporter importer) : Sink(properties)
    {
        private readonly NpgsqlDbType[] _types = properties.Select(TypeOf).ToArray();

        // Synchronous writes: the importer buffers, and an await per column costs more than the work.
        public override Task WriteAsync(object entity, Dictionary<IProperty, object?>? shadow)
        {
            importer.StartRow();
            for (var i = 0; i < Properties.Count; i++)
            {
                var value = ProviderValue(Properties[i], entity, shadow);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value is DateTime { Kind: not DateTimeKind.Utc } time && _types[i] == NpgsqlDbType.TimestampTz ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : value, _types[i]);
                }
            }

            return Task.CompletedTask;
        }

        public override async Task CompleteAsync() => await importer.CompleteAsync();

        public override async ValueTask DisposeAsync()
        {
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }

        private static NpgsqlDbType TypeOf(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var clr = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType) ?? mapping.Converter?.ProviderClrType ?? property.ClrType;
            clr = Nullable.GetUnderlyingType(clr) ?? clr;
            var store = mapping.StoreType;
            return clr switch
            {
                _ when clr == typeof(Guid) => NpgsqlDbType.Uuid,
                _ when clr == typeof(string) => store.StartsWith("character varying", StringComparison.Ordinal) ? NpgsqlDbType.Varchar : NpgsqlDbType.Text,
                _ when clr == typeof(int) => NpgsqlDbType.Integer,
                _ when clr == typeof(long) => NpgsqlDbType.Bigint,
                _ when clr == typeof(short) => NpgsqlDbType.Smallint,
                _ when clr == typeof(bool) => NpgsqlDbType.Boolean,
                _ when clr == typeof(DateOnly) => NpgsqlDbType.Date,
                _ when clr == typeof(TimeOnly) => NpgsqlDbType.Time,
                _ when clr == typeof(DateTime) => store.Contains("without", StringComparison.Ordinal) ? NpgsqlDbType.Timestamp : NpgsqlDbType.TimestampTz,
                _ when clr == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
                _ when clr == typeof(decimal) => NpgsqlDbType.Numeric,
                _ when clr == typeof(double) => NpgsqlDbType.Double,
                _ when clr == typeof(byte[]) => NpgsqlDbType.Bytea,
                _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: no COPY type for {clr.Name} ({store})"),
            };
        }
    }

    private sealed class SqliteSink(IReadOnlyList<IProperty> properties, SqliteConnection connection, Func<SqliteTransaction?> transaction, string sql) : Sink(properties)
    {
        private readonly SqliteCommand _command = new(sql, connection);
        private readonly RelationalTypeMapping[] _mappings = properties.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();

        public override async Task WriteAsync(object entity, Dictionary<IProperty, object?>? shadow)
        {
            _command.Transaction = transaction();
            _command.Parameters.Clear();
            for (var i = 0; i < Properties.Count; i++)
            {
                // The type mapping makes the parameter exactly as EF Core would (value converter, Guid and date formats).
                _command.Parameters.Add(_mappings[i].CreateParameter(_command, "$p" + i, Get(Properties[i], entity, shadow), Properties[i].IsNullable));
            }

            await _command.ExecuteNonQueryAsync();
        }

        public override Task CompleteAsync() => Task.CompletedTask;

        public override ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
