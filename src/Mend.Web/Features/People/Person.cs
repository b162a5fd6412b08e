using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Search;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.People;

/// <summary>
/// Anyone Mend records, whatever their part in a case: a young person, victim, parent or carer,
/// supporter or professional. A victim may be an organisation or business with a named contact.
/// One record per real person; their part in each case is a case participant, not a kind of person.
/// </summary>
public sealed class Person : IVersioned, IPersonalData
{
    /// <summary>Why a person is read, and searched for, in the audit trail, from page and API alike.</summary>
    public const string ViewPurpose = "Case work";

    public const string SearchPurpose = "Case work: finding a person";

    /// <summary>
    /// Different words a person's name, contact name and other names may have between them: search keeps a row for each two
    /// of them (<see cref="PersonNameWordPair"/>), 780 at most; 20 other names of three or four words each fit.
    /// </summary>
    public const int MaxNameWords = 40;

    private readonly List<PersonAlias> _aliases = [];
    private readonly List<PersonAddress> _addresses = [];
    private readonly List<PersonFlag> _flags = [];
    private readonly List<PersonSearchName> _searchNames = [];
    private readonly List<PersonNameWord> _nameWords = [];
    private readonly List<PersonNameWordPair> _nameWordPairs = [];

    public Guid Id { get; private set; }
    public PersonKind Kind { get; private set; }
    public string? GivenName { get; private set; }
    public string? FamilyName { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? ContactName { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }

    /// <summary>An age given when the date of birth is not known, with the date it was recorded so it can age.</summary>
    public int? StatedAge { get; private set; }
    public DateOnly? StatedAgeOn { get; private set; }
    public string? Gender { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? PreferredLanguage { get; private set; }
    public bool NeedsInterpreter { get; private set; }
    public string? CommunicationNeeds { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? SafeContactNotes { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }

    /// <summary>Set when this record was merged into another; it is then kept only so the merge can be reviewed.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>
    /// The day the person's last part on a case ended, kept once the cases themselves have been disposed of so the
    /// retention schedule still knows when their own period started. Null while they are on a case Mend still holds.
    /// </summary>
    public DateOnly? LastPartEndedOn { get; private set; }

    /// <summary>Since when processing of this person's data is restricted (UK GDPR Art 18, DPA 2018 s.47, Jersey Art 33), and why.</summary>
    public DateTime? RestrictedSince { get; private set; }
    public string? RestrictionReason { get; private set; }

    /// <summary>Until when a data protection officer has allowed changes or sharing despite the restriction, and the lawful reason.</summary>
    public DateTime? ExceptionUntil { get; private set; }
    public string? ExceptionReason { get; private set; }
    public int Version { get; set; }

    /// <summary>How long a data protection officer's exception to a restriction lasts.</summary>
    public static readonly TimeSpan ExceptionLasts = TimeSpan.FromHours(24);

    /// <summary>True while processing is restricted and no exception is running.</summary>
    public bool IsRestrictedAt(DateTime now) => RestrictedSince is not null && !(ExceptionUntil > now);

    /// <summary>Refuses a change to, or sharing of, a restricted person's data, saying why and what can be done.</summary>
    /// <exception cref="DomainRuleException">The person's data is restricted and no exception is running.</exception>
    public void RequireNotRestricted(DateTime now, string what)
    {
        if (IsRestrictedAt(now))
        {
            throw new DomainRuleException($"Processing of this person's data is restricted ({RestrictionReason}), so it cannot be {what}. A data protection officer can allow it for a lawful reason, or lift the restriction");
        }
    }

    public void Restrict(string reason, DateTime now) =>
        (RestrictedSince, RestrictionReason, ExceptionUntil, ExceptionReason) = (RestrictedSince ?? now, reason, null, null);

    public void LiftRestriction() => (RestrictedSince, RestrictionReason, ExceptionUntil, ExceptionReason) = (null, null, null, null);

    /// <summary>Allows changes and sharing for <see cref="ExceptionLasts"/> for a lawful reason (Art 18(2): consent, legal claims, another's rights, important public interest).</summary>
    public void AllowException(string reason, DateTime now)
    {
        if (RestrictedSince is null)
        {
            throw new DomainRuleException("Processing of this person's data is not restricted");
        }

        (ExceptionUntil, ExceptionReason) = (now + ExceptionLasts, reason);
    }

    /// <summary>A case the person was on has been disposed of; the later of its end and any earlier one is kept.</summary>
    public void NoteCaseDisposed(DateOnly caseEndedOn)
    {
        if (LastPartEndedOn is null || caseEndedOn > LastPartEndedOn)
        {
            LastPartEndedOn = caseEndedOn;
        }
    }

    public IReadOnlyList<PersonAlias> Aliases => _aliases;
    public IReadOnlyList<PersonAddress> Addresses => _addresses;
    public IReadOnlyList<PersonFlag> Flags => _flags;
    public IReadOnlyList<PersonSearchName> SearchNames => _searchNames;
    public IReadOnlyList<PersonNameWord> NameWords => _nameWords;
    public IReadOnlyList<PersonNameWordPair> NameWordPairs => _nameWordPairs;

    Guid? IPersonalData.SubjectPersonId => Id;

    public string DisplayName => Kind == PersonKind.Organisation
        ? OrganisationName ?? ""
        : PersonNames.FullName(GivenName, FamilyName);

    public PersonAddress? CurrentAddress => _addresses.Where(a => a.To is null).MaxBy(a => a.From ?? DateOnly.MinValue);

    public static Person Create(PersonDetails details, DateTime now, Guid? createdBy)
    {
        var person = new Person { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedById = createdBy };
        person.Update(details, London.DateOf(now));
        return person;
    }

    /// <summary>Applies validated details. A changed address moves the old one into the history.</summary>
    public void Update(PersonDetails details, DateOnly today)
    {
        Kind = details.Kind;
        GivenName = details.Kind == PersonKind.Individual ? details.GivenName : null;
        FamilyName = details.Kind == PersonKind.Individual ? details.FamilyName : null;
        OrganisationName = details.Kind == PersonKind.Organisation ? details.OrganisationName : null;
        ContactName = details.Kind == PersonKind.Organisation ? details.ContactName : null;
        if (details.DateOfBirth is not null || details.StatedAge is null)
        {
            StatedAgeOn = null;
        }
        else if (StatedAge != details.StatedAge)
        {
            StatedAgeOn = today;
        }

        DateOfBirth = details.Kind == PersonKind.Individual ? details.DateOfBirth : null;
        StatedAge = details.Kind == PersonKind.Individual && details.DateOfBirth is null ? details.StatedAge : null;
        Gender = details.Gender;
        Ethnicity = details.Ethnicity;
        PreferredLanguage = details.PreferredLanguage;
        NeedsInterpreter = details.NeedsInterpreter;
        CommunicationNeeds = details.CommunicationNeeds;
        Phone = details.Phone;
        Email = details.Email;
        SafeContactNotes = details.SafeContactNotes;

        SetAliases(details.Aliases);
        MoveTo(details.Address, today);
        RefreshSearchNames();
    }

    /// <summary>
    /// Age in whole years on a day, from the date of birth, or from the stated age the youngest they can have been
    /// (see <see cref="AgeRangeOn"/>); null when neither is known.
    /// </summary>
    public int? AgeOn(DateOnly day)
    {
        if (DateOfBirth is { } born)
        {
            var age = day.Year - born.Year;
            return born > day.AddYears(-age) ? age - 1 : age;
        }

        // From a stated age, the youngest they can have been: an uncertain child is treated as the younger age.
        return AgeRangeOn(day)?.Youngest;
    }

    /// <summary>
    /// The youngest and oldest this person can have been on a day. Exact from a date of birth; from a stated age,
    /// anyone who was that age on the day it was stated (born between a year and a day before that age's birthday
    /// and that birthday), so the range spans two ages on most days. Null when neither is known.
    /// </summary>
    public AgeRange? AgeRangeOn(DateOnly day)
    {
        if (DateOfBirth is { } born)
        {
            var age = AgeRange.AgeOf(born, day);
            return new AgeRange(age, age);
        }

        if (StatedAge is { } stated && StatedAgeOn is { } statedOn)
        {
            var latestBirth = statedOn.AddYears(-stated);
            var earliestBirth = statedOn.AddYears(-(stated + 1)).AddDays(1);
            return new AgeRange(Math.Max(0, AgeRange.AgeOf(latestBirth, day)), Math.Max(0, AgeRange.AgeOf(earliestBirth, day)));
        }

        return null;
    }

    public PersonFlag RaiseFlag(FlagType type, string? note, DateOnly? reviewOn, Guid setById, string setByName, DateTime now)
    {
        if (_flags.Any(f => f.Type == type && f.IsActive))
        {
            throw new DomainRuleException($"{FlagTypes.Describe(type)} is already flagged on this record.");
        }

        var flag = PersonFlag.Raise(Id, type, note, reviewOn, setById, setByName, now);
        _flags.Add(flag);
        return flag;
    }

    /// <summary>
    /// Takes in what a duplicate record knows that this one does not: its names become other names, its
    /// warnings and addresses are kept, and details missing here are filled from it. Returns what was taken.
    /// </summary>
    public IReadOnlyList<string> Absorb(Person duplicate, DateOnly today, Guid byId, string byName, DateTime now)
    {
        if (duplicate.Id == Id || duplicate.Kind != Kind)
        {
            throw new DomainRuleException("Only two records of the same kind can be merged.");
        }

        var taken = new List<string>();
        var names = new[] { duplicate.DisplayName }.Concat(duplicate.Aliases.Select(a => a.Name))
            .Where(n => n.Length > 0 && !string.Equals(n, DisplayName, StringComparison.OrdinalIgnoreCase)
                && !_aliases.Any(a => string.Equals(a.Name, n, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (WordsOf(new[] { DisplayName, ContactName }.Concat(_aliases.Select(a => a.Name)).Concat(names)).Count > MaxNameWords)
        {
            throw new DomainRuleException($"Together these records' names and other names have more than {MaxNameWords} different words. Remove other names that are not needed from either record, then merge them.");
        }

        _aliases.AddRange(names.Select(n => new PersonAlias(Id, n)));
        Count(taken, names.Count, "other name");

        var flags = duplicate.Flags.Where(f => f.IsActive && !_flags.Any(mine => mine.IsActive && mine.Type == f.Type)).ToList();
        foreach (var flag in flags)
        {
            _flags.Add(PersonFlag.Raise(Id, flag.Type, flag.Note, flag.ReviewOn, byId, $"{flag.SetByName} (merged by {byName})", now));
        }

        Count(taken, flags.Count, "warning");
        var addresses = duplicate.Addresses.Where(a => !_addresses.Any(mine => mine.PostcodeKey == a.PostcodeKey && string.Equals(mine.Line1, a.Line1, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var address in addresses)
        {
            var copy = PersonAddress.Start(Id, new AddressDetails(address.Line1, address.Line2, address.Town, address.Postcode), address.From);
            copy.End(address.To ?? today);
            _addresses.Add(copy);
        }

        Count(taken, addresses.Count, "previous address");
        var filled = 0;
        if (DateOfBirth is null && duplicate.DateOfBirth is not null) { DateOfBirth = duplicate.DateOfBirth; StatedAge = null; StatedAgeOn = null; filled++; }
        if (Gender is null && duplicate.Gender is not null) { Gender = duplicate.Gender; filled++; }
        if (Ethnicity is null && duplicate.Ethnicity is not null) { Ethnicity = duplicate.Ethnicity; filled++; }
        if (Phone is null && duplicate.Phone is not null) { Phone = duplicate.Phone; filled++; }
        if (Email is null && duplicate.Email is not null) { Email = duplicate.Email; filled++; }
        if (PreferredLanguage is null && duplicate.PreferredLanguage is not null) { PreferredLanguage = duplicate.PreferredLanguage; filled++; }
        Count(taken, filled, "detail");
        RefreshSearchNames();
        return taken;
    }

    private static void Count(List<string> taken, int count, string what)
    {
        if (count > 0)
        {
            taken.Add($"{count} {what}{(count == 1 ? "" : "s")}");
        }
    }

    /// <summary>
    /// Data minimisation for a victim who declined the service and takes no other part in Mend: only
    /// what is needed to count them stays (gender and ethnic group; the age band is kept on the victim).
    /// </summary>
    public void ReduceToStatistics()
    {
        GivenName = Kind == PersonKind.Individual ? "Removed" : null;
        FamilyName = Kind == PersonKind.Individual ? "(declined the service)" : null;
        OrganisationName = Kind == PersonKind.Organisation ? "Removed (declined the service)" : null;
        ContactName = null;
        DateOfBirth = null;
        StatedAge = null;
        StatedAgeOn = null;
        PreferredLanguage = null;
        NeedsInterpreter = false;
        CommunicationNeeds = null;
        Phone = null;
        Email = null;
        SafeContactNotes = null;
        _aliases.Clear();
        _addresses.Clear();
        _flags.Clear();
        _searchNames.Clear();
        _nameWords.Clear();
        _nameWordPairs.Clear();
    }

    public void MarkMergedInto(Guid survivorId)
    {
        if (survivorId == Id)
        {
            throw new DomainRuleException("A record cannot be merged into itself.");
        }

        if (MergedIntoId is not null)
        {
            throw new DomainRuleException("This record has already been merged into another.");
        }

        MergedIntoId = survivorId;
        _searchNames.Clear();
        _nameWords.Clear();
        _nameWordPairs.Clear();
    }

    private void SetAliases(IReadOnlyList<string> aliases)
    {
        var wanted = aliases.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _aliases.RemoveAll(a => !wanted.Contains(a.Name, StringComparer.OrdinalIgnoreCase));
        foreach (var name in wanted.Where(n => !_aliases.Any(a => string.Equals(a.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            _aliases.Add(new PersonAlias(Id, name));
        }
    }

    private void MoveTo(AddressDetails? address, DateOnly today)
    {
        var current = CurrentAddress;
        if (address is null || address.IsEmpty)
        {
            current?.End(today);
            return;
        }

        if (current is not null && current.SameAs(address))
        {
            return;
        }

        current?.End(today);
        _addresses.Add(PersonAddress.Start(Id, address, current is null ? null : today));
    }

    /// <summary>Works out the search names and words again, as after an upgrade that changes the matching rules.</summary>
    public void ReindexNames() => RefreshSearchNames();

    private void RefreshSearchNames()
    {
        var names = new List<string> { DisplayName };
        if (ContactName is not null)
        {
            names.Add(ContactName);
        }

        names.AddRange(_aliases.Select(a => a.Name));
        var wanted = names.Select(Trigrams.Normalise).Where(n => n.Length > 0).Distinct().ToList();
        _searchNames.RemoveAll(s => !wanted.Contains(s.Text));
        foreach (var text in wanted.Where(t => _searchNames.All(s => s.Text != t)))
        {
            _searchNames.Add(new PersonSearchName(Id, text));
        }

        var words = WordsOf(wanted);
        var wordSet = words.ToHashSet(StringComparer.Ordinal);
        _nameWords.RemoveAll(w => !wordSet.Contains(w.Word));
        var recordedWords = _nameWords.Select(w => w.Word).ToHashSet(StringComparer.Ordinal);
        _nameWords.AddRange(words.Where(w => !recordedWords.Contains(w)).Select(w => new PersonNameWord(Id, w)));

        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                pairs.Add(PersonNameWordPair.Of(words[i], words[j]));
            }
        }

        _nameWordPairs.RemoveAll(p => !pairs.Contains(p.Pair));
        var recordedPairs = _nameWordPairs.Select(p => p.Pair).ToHashSet(StringComparer.Ordinal);
        _nameWordPairs.AddRange(pairs.Where(p => !recordedPairs.Contains(p)).Select(p => new PersonNameWordPair(Id, p)));
    }

    /// <summary>The different words of the names given, as search keeps them (normalised; at most 100 letters each).</summary>
    public static List<string> WordsOf(IEnumerable<string?> names) =>
        names.Select(Trigrams.Normalise).SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length <= PersonNameWord.MaxLength).Distinct(StringComparer.Ordinal).ToList();
}

public enum PersonKind
{
    Individual,
    Organisation,
}

/// <summary>Another name the person is known by (a maiden name, a nickname, a different spelling).</summary>
public sealed class PersonAlias(Guid personId, string name) : IPersonalData
{
    Guid? IPersonalData.SubjectPersonId => PersonId;

    public long Id { get; private set; }
    public Guid PersonId { get; private set; } = personId;
    public string Name { get; private set; } = name;
}

/// <summary>A name in the form the search matches against: the person's name and each alias, normalised.</summary>
public sealed class PersonSearchName(Guid personId, string text) : Platform.Audit.IAuditExempt
{
    public long Id { get; private set; }
    public Guid PersonId { get; private set; } = personId;
    public string Text { get; private set; } = text;
}

/// <summary>
/// One word of one of the person's names ("john", "smith"). Search finds the recorded words close to
/// each typed word in the small <see cref="NameWord"/> vocabulary, then the people who have one close
/// word for every typed word, through an ordinary index: fast however many people there are.
/// </summary>
public sealed class PersonNameWord(Guid personId, string word) : Platform.Audit.IAuditExempt
{
    public const int MaxLength = 100;

    public Guid PersonId { get; private set; } = personId;
    public string Word { get; private set; } = word;
}

/// <summary>
/// Two different words of the person's names, in either of them or across two ("olivia johnson"): a search for two typed
/// words looks up every pairing of their close words here, so a common given name with a common family name reads the few
/// people who have both, not the tens of thousands who have either (decision 0004).
/// </summary>
public sealed class PersonNameWordPair(Guid personId, string pair) : Platform.Audit.IAuditExempt
{
    public const int MaxLength = PersonNameWord.MaxLength * 2 + 1;

    public Guid PersonId { get; private set; } = personId;

    /// <summary>The two words, the lesser first in ordinal order, a space between (words have no spaces).</summary>
    public string Pair { get; private set; } = pair;

    /// <summary>
    /// The key for two different words in either order. Ordinal order is code point order here, since normalised words
    /// hold no surrogates (<see cref="Trigrams.Normalise"/>), so it matches PostgreSQL's "C" and SQLite's binary collation.
    /// </summary>
    public static string Of(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a} {b}" : $"{b} {a}";
}

/// <summary>Every distinct word in anyone's names, once: the vocabulary typed words are matched against.</summary>
public sealed class NameWord(string word) : Platform.Audit.IAuditExempt
{
    public string Word { get; private set; } = word;
}

/// <summary>An address and when the person lived there; old addresses are kept as history.</summary>
public sealed class PersonAddress : IPersonalData
{
    Guid? IPersonalData.SubjectPersonId => PersonId;

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string Line1 { get; private set; } = "";
    public string? Line2 { get; private set; }
    public string? Town { get; private set; }
    public string? Postcode { get; private set; }

    /// <summary>The postcode without spaces in capitals, for search.</summary>
    public string? PostcodeKey { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }

    public static PersonAddress Start(Guid personId, AddressDetails details, DateOnly? from) => new()
    {
        PersonId = personId,
        Line1 = details.Line1!,
        Line2 = details.Line2,
        Town = details.Town,
        Postcode = details.Postcode,
        PostcodeKey = AddressDetails.PostcodeKeyOf(details.Postcode),
        From = from,
    };

    public void End(DateOnly day) => To ??= day;

    public bool SameAs(AddressDetails other) =>
        string.Equals(Line1, other.Line1, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Line2 ?? "", other.Line2 ?? "", StringComparison.OrdinalIgnoreCase)
        && string.Equals(Town ?? "", other.Town ?? "", StringComparison.OrdinalIgnoreCase)
        && PostcodeKey == AddressDetails.PostcodeKeyOf(other.Postcode);

    public string OneLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
