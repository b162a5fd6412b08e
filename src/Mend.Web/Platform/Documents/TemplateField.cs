namespace Mend.Web.Platform.Documents;

public enum FieldUse
{
    /// <summary>A value put in place of the field.</summary>
    Value,

    /// <summary>A repeating section: its content once for each item of the list (tag <c>each:offences</c>).</summary>
    Each,

    /// <summary>A conditional section: kept when the condition holds (tag <c>if:victim.isYoung</c>).</summary>
    If,

    /// <summary>A conditional section kept when the condition does not hold (tag <c>unless:victim.isYoung</c>).</summary>
    Unless,
}

/// <summary>
/// One field a template uses, as written in Word: the tag of a content control ("victim.name", "each:offences",
/// "if:victim.isYoung", "unless:victim.isYoung") or the name in a MERGEFIELD. Names are never run: they only look up
/// values Mend supplies.
/// </summary>
public sealed record TemplateField(FieldUse Use, string Name)
{
    public const string EachPrefix = "each:";
    public const string IfPrefix = "if:";
    public const string UnlessPrefix = "unless:";

    /// <summary>Reads a content control's tag, or null when it is empty.</summary>
    public static TemplateField? FromTag(string? tag)
    {
        var text = tag?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.StartsWith(EachPrefix, StringComparison.OrdinalIgnoreCase) ? new TemplateField(FieldUse.Each, text[EachPrefix.Length..].Trim())
            : text.StartsWith(IfPrefix, StringComparison.OrdinalIgnoreCase) ? new TemplateField(FieldUse.If, text[IfPrefix.Length..].Trim())
            : text.StartsWith(UnlessPrefix, StringComparison.OrdinalIgnoreCase) ? new TemplateField(FieldUse.Unless, text[UnlessPrefix.Length..].Trim())
            : new TemplateField(FieldUse.Value, text);
    }

    /// <summary>The field a MERGEFIELD instruction names (" MERGEFIELD victim.name \* MERGEFORMAT "), or null for another kind of field.</summary>
    public static TemplateField? FromInstruction(string instruction)
    {
        var words = instruction.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].Equals("MERGEFIELD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = words[1].Trim('"');
        return name.Length == 0 ? null : new TemplateField(FieldUse.Value, name);
    }

    public override string ToString() => Use switch
    {
        FieldUse.Each => EachPrefix + Name,
        FieldUse.If => IfPrefix + Name,
        FieldUse.Unless => UnlessPrefix + Name,
        _ => Name,
    };
}
