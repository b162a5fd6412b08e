namespace Mend.Web.Platform.Documents;

/// <summary>
/// The values one document is filled with: plain values by field name ("victim.name"), repeating sections by list name
/// ("offences", each item its own values) and conditions by name ("victim.isYoung"). An item's values fall back to
/// the values around it, so a row of a repeating section can also show the case reference.
/// </summary>
public sealed class TemplateValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TemplateValues>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);

    public TemplateValues(TemplateValues? outer = null) => Outer = outer;

    public TemplateValues? Outer { get; }

    /// <summary>Sets a value; null is shown as nothing. Lines are kept as line breaks.</summary>
    public TemplateValues Set(string field, string? value)
    {
        _values[field] = value ?? "";
        return this;
    }

    public TemplateValues When(string condition, bool holds)
    {
        _conditions[condition] = holds;
        return this;
    }

    /// <summary>Adds one item to a repeating section and returns its values to fill in.</summary>
    public TemplateValues Add(string list)
    {
        if (!_lists.TryGetValue(list, out var items))
        {
            _lists[list] = items = [];
        }

        var item = new TemplateValues(this);
        items.Add(item);
        return item;
    }

    /// <summary>Declares a repeating section that may have no items.</summary>
    public TemplateValues List(string list)
    {
        _lists.TryAdd(list, []);
        return this;
    }

    public string? Value(string field) => _values.TryGetValue(field, out var value) ? value : Outer?.Value(field);

    public bool? Condition(string condition) => _conditions.TryGetValue(condition, out var holds) ? holds : Outer?.Condition(condition);

    public IReadOnlyList<TemplateValues>? Items(string list) => _lists.TryGetValue(list, out var items) ? items : Outer?.Items(list);

    /// <summary>Every plain value set here or around, for previews and tests.</summary>
    public IReadOnlyDictionary<string, string> Values
    {
        get
        {
            var all = Outer is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(Outer.Values, StringComparer.Ordinal);
            foreach (var (k, v) in _values)
            {
                all[k] = v;
            }

            return all;
        }
    }
}
