namespace Mend.Web.Platform.Changes;

/// <summary>
/// An entity protected by optimistic concurrency: <see cref="Version"/> is a concurrency token that goes up by one with
/// every change, so a save made against the version a user read fails if anyone saved in between. A change made by the
/// one change routine sets it explicitly (<see cref="Data.MendDb.SaveAtVersionAsync{T}"/>); any other save that changes
/// the record is stamped by <see cref="VersionStamps"/>.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A column that moves as a side effect of other work (the last activity on a case, the last use of a token): not a
/// change to the record that a colleague's edit could overwrite, so it neither moves the version nor makes an audit row.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BookkeepingAttribute : Attribute
{
}
