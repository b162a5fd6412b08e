using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mend.Web.Data;

/// <summary>
/// EF Core queries sent to PostgreSQL together, in one round trip (an <c>NpgsqlBatch</c>), each read by EF Core as if it had
/// been sent alone (decision 0021). EF Core sends every query on its own (dotnet/efcore#10879); a page that needs several
/// independent reads, each already one statement, can have them all for one round trip. Add the queries, run the batch, then
/// read each one's <see cref="Pending{T}.Rows"/>. On SQLite, where a query is a call and not a round trip, the queries simply
/// run one after another. A query must be one statement: not a split query, and not one whose collections EF Core reads in
/// more statements (<see cref="RunAsync"/> fails if EF Core asks for a second).
/// </summary>
public sealed class QueryBatch(MendDb db, Platform.Diagnostics.RoundTrips roundTrips)
{
    private readonly List<IPending> _pending = [];

    /// <summary>A query added to a batch; its rows once the batch has run.</summary>
    public sealed class Pending<T>(IQueryable<T> query) : IPending
    {
        private List<T>? _rows;

        public List<T> Rows => _rows ?? throw new InvalidOperationException("The batch has not run yet.");

        IQueryable IPending.Query => query;

        async Task IPending.ReadAsync(CancellationToken ct) => _rows = await query.ToListAsync(ct);
    }

    private interface IPending
    {
        IQueryable Query { get; }

        Task ReadAsync(CancellationToken ct);
    }

    /// <summary>Adds <paramref name="query"/> to the batch; its rows are read, in its order, when the batch runs.</summary>
    public Pending<T> Add<T>(IQueryable<T> query)
    {
        var pending = new Pending<T>(query);
        _pending.Add(pending);
        return pending;
    }

    /// <summary>Sends every query added since the last run, in one round trip on PostgreSQL, and reads their rows.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var pending = _pending.ToList();
        _pending.Clear();
        if (pending.Count < 2 || !db.Database.IsNpgsql())
        {
            foreach (var p in pending)
            {
                await p.ReadAsync(ct);
            }

            return;
        }

        // EF Core writes each query's command (text and parameters) without sending it; the batch sends them all; then each
        // query runs through EF Core as usual, and the replay interceptor hands it its own result instead of sending it.
        var commands = new List<DbCommand>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            commands.AddRange(pending.Select(p => p.Query.CreateDbCommand()));
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as Npgsql.NpgsqlTransaction;
            // Each query keeps the time it had alone: the batch may take as long as they would have one after another.
            batch.Timeout = commands.Sum(c => c.CommandTimeout);
            foreach (var command in commands)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = command.CommandText;
                foreach (Npgsql.NpgsqlParameter parameter in command.Parameters)
                {
                    statement.Parameters.Add(parameter.Clone());
                }

                batch.BatchCommands.Add(statement);
            }

            roundTrips.Add();
            db.Batching = true;
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < pending.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException("The batch returned fewer results than it had queries.");
                }

                db.Replay = new ResultSet(reader);
                await pending[i].ReadAsync(ct);
                if (db.Replay is not null)
                {
                    throw new InvalidOperationException("A batched query was not sent through EF Core (was it read from memory?).");
                }
            }
        }
        finally
        {
            (db.Replay, db.Batching) = (null, false);
            foreach (var command in commands)
            {
                await command.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Hands a batched query its result instead of sending it (the first interceptor on <see cref="MendDb"/>, so the round-trip
    /// counter after it sees a command that was not sent). A second command for the same query (a split query) fails.
    /// </summary>
    internal sealed class Replay : DbCommandInterceptor
    {
        public static readonly Replay Instance = new();

        private static InterceptionResult<DbDataReader> Take(CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (eventData.Context is not MendDb { Batching: true } db)
            {
                return result;
            }

            var set = db.Replay ?? throw new InvalidOperationException("A query in a batch sent a second statement (a split query?): it cannot be batched.");
            db.Replay = null;
            return InterceptionResult<DbDataReader>.SuppressWithResult(set);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Take(eventData, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Take(eventData, result));
    }

    /// <summary>One result of the batch's reader, as the reader of one command: closing it leaves the batch's reader open.</summary>
    internal sealed class ResultSet(DbDataReader reader) : DbDataReader
    {
        private bool _closed;

        public override object this[int ordinal] => reader[ordinal];
        public override object this[string name] => reader[name];
        public override int Depth => reader.Depth;
        public override int FieldCount => reader.FieldCount;
        public override bool HasRows => reader.HasRows;
        public override bool IsClosed => _closed;
        public override int RecordsAffected => reader.RecordsAffected;
        public override int VisibleFieldCount => reader.VisibleFieldCount;

        public override bool GetBoolean(int ordinal) => reader.GetBoolean(ordinal);
        public override byte GetByte(int ordinal) => reader.GetByte(ordinal);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => reader.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
        public override char GetChar(int ordinal) => reader.GetChar(ordinal);
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => reader.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
        public override string GetDataTypeName(int ordinal) => reader.GetDataTypeName(ordinal);
        public override DateTime GetDateTime(int ordinal) => reader.GetDateTime(ordinal);
        public override decimal GetDecimal(int ordinal) => reader.GetDecimal(ordinal);
        public override double GetDouble(int ordinal) => reader.GetDouble(ordinal);
        public override Type GetFieldType(int ordinal) => reader.GetFieldType(ordinal);
        public override float GetFloat(int ordinal) => reader.GetFloat(ordinal);
        public override Guid GetGuid(int ordinal) => reader.GetGuid(ordinal);
        public override short GetInt16(int ordinal) => reader.GetInt16(ordinal);
        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);
        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);
        public override string GetName(int ordinal) => reader.GetName(ordinal);
        public override int GetOrdinal(string name) => reader.GetOrdinal(name);
        public override string GetString(int ordinal) => reader.GetString(ordinal);
        public override object GetValue(int ordinal) => reader.GetValue(ordinal);
        public override int GetValues(object[] values) => reader.GetValues(values);
        public override bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => reader.IsDBNullAsync(ordinal, cancellationToken);
        public override T GetFieldValue<T>(int ordinal) => reader.GetFieldValue<T>(ordinal);
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => reader.GetFieldValueAsync<T>(ordinal, cancellationToken);
        public override Stream GetStream(int ordinal) => reader.GetStream(ordinal);
        public override TextReader GetTextReader(int ordinal) => reader.GetTextReader(ordinal);
        public override bool Read() => !_closed && reader.Read();
        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => _closed ? Task.FromResult(false) : reader.ReadAsync(cancellationToken);

        // One command, one result: the next result is the next query's, moved to by the batch.
        public override bool NextResult() => false;
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);
        public override IEnumerator GetEnumerator() => reader.GetEnumerator();
        public override void Close() => _closed = true;
        public override Task CloseAsync()
        {
            _closed = true;
            return Task.CompletedTask;
        }
    }
}
