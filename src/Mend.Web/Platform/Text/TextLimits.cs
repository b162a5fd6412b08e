namespace Mend.Web.Platform.Text;

/// <summary>
/// The longest text Mend accepts, by kind of field. Each field's own limit is checked where it is validated
/// (and shown in its error message); the database columns have the same lengths, and
/// <see cref="TextColumns"/> refuses anything longer at save, on SQLite as on PostgreSQL. Documented in the
/// users' guide ("How much you can type").
/// </summary>
public static class TextLimits
{
    /// <summary>A given name, family name or other name.</summary>
    public const int Name = 100;

    /// <summary>A name typed into a search box; longer searches find nothing more and cost more.</summary>
    public const int SearchTerm = 100;

    /// <summary>One line: an organisation, venue, room or panel name, an address line.</summary>
    public const int Line = 200;

    /// <summary>
    /// The longest free text anywhere (a case note, a meeting record, panel minutes). A longer JSON string is refused
    /// before it reaches an endpoint, naming its field; for forms see <see cref="FormCeiling"/>.
    /// </summary>
    public const int Longest = 20_000;

    /// <summary>
    /// The most any one form value may hold before the request is refused outright (413). Twice <see cref="Longest"/>, so
    /// a note a little over its limit (a browser sends each line break as two characters) gets the field's own message
    /// with the text kept; only a value no form could produce is refused.
    /// </summary>
    public const int FormCeiling = 2 * Longest;
}
